//! The lexer: logos recognises the easy tokens (punctuators, ASCII identifiers and keywords,
//! whitespace and comments), and a token adapter on top of it does what a regular lexer cannot:
//!
//! - regex literal vs `/`, decided from the previous significant token and a context stack
//!   (`)` closing an `if`/`while`/`for`/`with` head and `}` closing a block or declaration body
//!   allow a regex; `)`/`}` ending an expression mean division);
//! - template literals with nested `${ … }` (the stack says which `}` resumes a template);
//! - strings, numbers, private names and non-ASCII/escaped identifiers, scanned by hand;
//! - "line terminator before" on every token (a multi-line comment counts as a line terminator);
//! - contextual keywords classified with one token of lookahead (`async`, `let`, `yield`,
//!   `await`), and the restricted productions of ASI (`return`/`break`/`continue`/`throw` then
//!   a newline get a virtual `AutoSemi`; `++`/`--` after a newline are prefix-only; `=>` after a
//!   newline is an error);
//! - a nesting limit on brackets, reported as a `RangeError`, so no input can overflow the stack.
//!
//! Not here: statement-level automatic semicolon insertion (the LR driver does it, because only
//! the grammar knows whether a token is acceptable), and early errors that need the AST.

use crate::error::SyntaxError;
use crate::parser::ast::{JsStr, RegexLit, TemplateElement};
use crate::span::Span;
use logos::Logos;
use std::collections::VecDeque;

/// Maximum number of simultaneously open brackets/braces/parens/template substitutions.
pub const MAX_NESTING: usize = 1000;

/// Maximum number of operator-like tokens along one path of open frames (see `count_op`).
pub const MAX_OPS: u32 = 3000;

/// The tokens the raw logos lexer recognises. Strings, numbers, templates and regexes are only
/// *started* here (the first character); the adapter scans the rest by hand and bumps logos on.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(skip r"[ \t\n\r\u{000B}\u{000C}\u{00A0}\u{FEFF}\u{1680}\u{2000}-\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}]+")]
#[logos(skip r"//[^\n\r\u{2028}\u{2029}]*")]
#[logos(skip r"/\*([^*]|\*+[^*/])*\*+/")]
enum Raw {
    #[regex(r"[A-Za-z_$][A-Za-z0-9_$]*")]
    Ident,
    #[regex(r"[0-9]")]
    Digit,
    #[regex(r"\.[0-9]")]
    DotDigit,
    #[regex(r"\?\.[0-9]")]
    QuestionDotDigit,
    #[token("\"")]
    #[token("'")]
    Quote,
    #[token("`")]
    Backtick,
    #[token("#")]
    Hash,
    #[token("/*")]
    UnterminatedComment,
    #[token("<!--")]
    HtmlOpen,

    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token(";")]
    Semi,
    #[token(",")]
    Comma,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("<=")]
    LtEq,
    #[token(">=")]
    GtEq,
    #[token("==")]
    EqEq,
    #[token("!=")]
    NotEq,
    #[token("===")]
    EqEqEq,
    #[token("!==")]
    NotEqEq,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("%")]
    Percent,
    #[token("**")]
    StarStar,
    #[token("++")]
    PlusPlus,
    #[token("--")]
    MinusMinus,
    #[token("<<")]
    Shl,
    #[token(">>")]
    Shr,
    #[token(">>>")]
    UShr,
    #[token("&")]
    Amp,
    #[token("|")]
    Pipe,
    #[token("^")]
    Caret,
    #[token("!")]
    Bang,
    #[token("~")]
    Tilde,
    #[token("&&")]
    AmpAmp,
    #[token("||")]
    PipePipe,
    #[token("??")]
    QQ,
    #[token("?")]
    Question,
    #[token("?.")]
    QuestionDot,
    #[token(":")]
    Colon,
    #[token("=")]
    Eq,
    #[token("+=")]
    PlusEq,
    #[token("-=")]
    MinusEq,
    #[token("*=")]
    StarEq,
    #[token("/=")]
    SlashEq,
    #[token("%=")]
    PercentEq,
    #[token("**=")]
    StarStarEq,
    #[token("<<=")]
    ShlEq,
    #[token(">>=")]
    ShrEq,
    #[token(">>>=")]
    UShrEq,
    #[token("&=")]
    AmpEq,
    #[token("|=")]
    PipeEq,
    #[token("^=")]
    CaretEq,
    #[token("&&=")]
    AmpAmpEq,
    #[token("||=")]
    PipePipeEq,
    #[token("??=")]
    QQEq,
    #[token("=>")]
    Arrow,
}

/// The tokens the grammar sees.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Ident(Box<str>),
    /// A reserved word written with `\u` escapes: usable only as a property name.
    EscapedKeyword(Box<str>),
    PrivateName(Box<str>),
    Num(f64),
    BigInt(Box<str>),
    Str(JsStr),
    Regex(Box<RegexLit>),
    /// `` `…` `` without substitutions.
    NoSubstTemplate(Box<TemplateElement>),
    /// `` `…${ ``.
    TemplateHead(Box<TemplateElement>),
    /// `}…${`.
    TemplateMiddle(Box<TemplateElement>),
    /// ``}…` ``.
    TemplateTail(Box<TemplateElement>),

    // Keywords.
    Break,
    Case,
    Catch,
    Class,
    Const,
    Continue,
    Debugger,
    Default,
    Delete,
    Do,
    Else,
    Enum,
    Export,
    Extends,
    False,
    Finally,
    For,
    Function,
    If,
    Import,
    In,
    InstanceOf,
    New,
    Null,
    Return,
    Super,
    Switch,
    This,
    Throw,
    True,
    Try,
    TypeOf,
    Var,
    Void,
    While,
    With,
    // Contextual keywords (the grammar also accepts them as identifiers where JS does).
    /// `let` starting a lexical declaration (followed by an identifier, `[` or `{`).
    Let,
    Static,
    /// `yield` inside a generator body.
    Yield,
    /// `yield` inside a generator body, followed by a line terminator: no operand.
    YieldNoArg,
    /// `await` inside an async function body.
    Await,
    /// `async` followed (on the same line) by something that can continue an async
    /// function/arrow/method head.
    Async,
    Of,
    Get,
    Set,
    Target,
    Meta,

    // Punctuators.
    LBrace,
    /// `{` right after `=>`: an arrow's block body (never an object literal).
    LBraceArrow,
    RBrace,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Dot,
    Ellipsis,
    Semi,
    Comma,
    Lt,
    Gt,
    LtEq,
    GtEq,
    EqEq,
    NotEq,
    EqEqEq,
    NotEqEq,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    StarStar,
    PlusPlus,
    MinusMinus,
    /// `++` after a line terminator: only a prefix operator can follow (restricted production).
    PrefixPlusPlus,
    PrefixMinusMinus,
    Shl,
    Shr,
    UShr,
    Amp,
    Pipe,
    Caret,
    Bang,
    Tilde,
    AmpAmp,
    PipePipe,
    QQ,
    Question,
    QuestionDot,
    Colon,
    Eq,
    PlusEq,
    MinusEq,
    StarEq,
    SlashEq,
    PercentEq,
    StarStarEq,
    ShlEq,
    ShrEq,
    UShrEq,
    AmpEq,
    PipeEq,
    CaretEq,
    AmpAmpEq,
    PipePipeEq,
    QQEq,
    Arrow,

    /// A semicolon inserted by ASI (by the adapter for restricted productions, or by the driver).
    AutoSemi,
    /// The semicolon that ASI inserts after the `)` of `do … while (…)`.
    DoSemi,
}

impl Tok {
    /// A copy for remembering "the previous token" without allocating: payloads are dropped,
    /// and literals that end an expression (regex, templates) stand in as `]`, which has the
    /// same effect on everything that looks at the previous token.
    pub fn shallow(&self) -> Tok {
        match self {
            Tok::Ident(_) => Tok::Ident(Box::default()),
            Tok::EscapedKeyword(_) => Tok::EscapedKeyword(Box::default()),
            Tok::PrivateName(_) => Tok::PrivateName(Box::default()),
            Tok::Str(_) => Tok::Str(Box::default()),
            Tok::BigInt(_) => Tok::BigInt(Box::default()),
            Tok::Num(n) => Tok::Num(*n),
            Tok::Regex(_) | Tok::NoSubstTemplate(_) | Tok::TemplateTail(_) => Tok::RBracket,
            Tok::TemplateHead(_) | Tok::TemplateMiddle(_) => Tok::LBracket,
            t => t.clone(),
        }
    }

    /// How node names this token in "Unexpected …" messages.
    pub fn describe(&self, src: &str, span: Span) -> String {
        match self {
            Tok::Ident(_)
            | Tok::Async
            | Tok::Of
            | Tok::Get
            | Tok::Set
            | Tok::Target
            | Tok::Meta
            | Tok::Let
            | Tok::Static
            | Tok::Yield
            | Tok::YieldNoArg
            | Tok::Await => {
                let text = src
                    .get(span.start as usize..span.end as usize)
                    .unwrap_or("");
                format!("Unexpected identifier '{text}'")
            }
            Tok::EscapedKeyword(_) => "Keyword must not contain escaped characters".to_string(),
            Tok::Num(_) | Tok::BigInt(_) => "Unexpected number".to_string(),
            Tok::Str(_) => "Unexpected string".to_string(),
            Tok::NoSubstTemplate(_) | Tok::TemplateHead(_) => {
                "Unexpected template string".to_string()
            }
            Tok::Regex(_) => "Unexpected regular expression".to_string(),
            Tok::AutoSemi | Tok::DoSemi => "Unexpected token".to_string(),
            Tok::True | Tok::False | Tok::Null => {
                let text = src
                    .get(span.start as usize..span.end as usize)
                    .unwrap_or("");
                format!("Unexpected token '{text}'")
            }
            _ => {
                let text = src
                    .get(span.start as usize..span.end as usize)
                    .unwrap_or("");
                let text = if text.starts_with('}') { "}" } else { text };
                format!("Unexpected token '{text}'")
            }
        }
    }

    /// Tokens after which an expression has ended (so `/` is division, `{` cannot start an
    /// object literal on the same line, and a newline may mean a new statement).
    fn ends_expression(&self) -> bool {
        matches!(
            self,
            Tok::Ident(_)
                | Tok::PrivateName(_)
                | Tok::Num(_)
                | Tok::BigInt(_)
                | Tok::Str(_)
                | Tok::Regex(_)
                | Tok::NoSubstTemplate(_)
                | Tok::TemplateTail(_)
                | Tok::This
                | Tok::Super
                | Tok::Null
                | Tok::True
                | Tok::False
                | Tok::RParen
                | Tok::RBracket
                | Tok::RBrace
                | Tok::PlusPlus
                | Tok::MinusMinus
                | Tok::Async
                | Tok::Of
                | Tok::Get
                | Tok::Set
                | Tok::Static
                | Tok::Target
                | Tok::Meta
                | Tok::Let
        )
    }

    /// Keywords and contextual words: valid after `.` as property names.
    fn is_word(&self) -> bool {
        matches!(
            self,
            Tok::Ident(_)
                | Tok::EscapedKeyword(_)
                | Tok::Break
                | Tok::Case
                | Tok::Catch
                | Tok::Class
                | Tok::Const
                | Tok::Continue
                | Tok::Debugger
                | Tok::Default
                | Tok::Delete
                | Tok::Do
                | Tok::Else
                | Tok::Enum
                | Tok::Export
                | Tok::Extends
                | Tok::False
                | Tok::Finally
                | Tok::For
                | Tok::Function
                | Tok::If
                | Tok::Import
                | Tok::In
                | Tok::InstanceOf
                | Tok::New
                | Tok::Null
                | Tok::Return
                | Tok::Super
                | Tok::Switch
                | Tok::This
                | Tok::Throw
                | Tok::True
                | Tok::Try
                | Tok::TypeOf
                | Tok::Var
                | Tok::Void
                | Tok::While
                | Tok::With
                | Tok::Let
                | Tok::Static
                | Tok::Yield
                | Tok::YieldNoArg
                | Tok::Await
                | Tok::Async
                | Tok::Of
                | Tok::Get
                | Tok::Set
                | Tok::Target
                | Tok::Meta
        )
    }
}

fn keyword(s: &str) -> Option<Tok> {
    Some(match s {
        "break" => Tok::Break,
        "case" => Tok::Case,
        "catch" => Tok::Catch,
        "class" => Tok::Class,
        "const" => Tok::Const,
        "continue" => Tok::Continue,
        "debugger" => Tok::Debugger,
        "default" => Tok::Default,
        "delete" => Tok::Delete,
        "do" => Tok::Do,
        "else" => Tok::Else,
        "enum" => Tok::Enum,
        "export" => Tok::Export,
        "extends" => Tok::Extends,
        "false" => Tok::False,
        "finally" => Tok::Finally,
        "for" => Tok::For,
        "function" => Tok::Function,
        "if" => Tok::If,
        "import" => Tok::Import,
        "in" => Tok::In,
        "instanceof" => Tok::InstanceOf,
        "new" => Tok::New,
        "null" => Tok::Null,
        "return" => Tok::Return,
        "super" => Tok::Super,
        "switch" => Tok::Switch,
        "this" => Tok::This,
        "throw" => Tok::Throw,
        "true" => Tok::True,
        "try" => Tok::Try,
        "typeof" => Tok::TypeOf,
        "var" => Tok::Var,
        "void" => Tok::Void,
        "while" => Tok::While,
        "with" => Tok::With,
        "static" => Tok::Static,
        "of" => Tok::Of,
        "get" => Tok::Get,
        "set" => Tok::Set,
        "target" => Tok::Target,
        "meta" => Tok::Meta,
        _ => return None,
    })
}

/// One token with its span and whether a line terminator precedes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub start: u32,
    pub end: u32,
    pub nl_before: bool,
}

impl Token {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

fn err(msg: &str, start: usize, end: usize) -> SyntaxError {
    SyntaxError::new(msg, Span::new(start as u32, end.max(start + 1) as u32))
}

fn invalid(start: usize, end: usize) -> SyntaxError {
    err("Invalid or unexpected token", start, end)
}

fn is_lt(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

fn is_id_start(c: char) -> bool {
    c == '$' || c == '_' || unicode_ident::is_xid_start(c) || is_other_id_start(c)
}

fn is_id_continue(c: char) -> bool {
    c == '$'
        || c == '\u{200C}'
        || c == '\u{200D}'
        || unicode_ident::is_xid_continue(c)
        || is_other_id_start(c)
        || matches!(
            c,
            '\u{00B7}' | '\u{0387}' | '\u{1369}'..='\u{1371}' | '\u{19DA}'
        )
}

/// ID_Start characters that XID_Start leaves out (Other_ID_Start plus the NFKC exclusions
/// that ECMAScript still allows).
fn is_other_id_start(c: char) -> bool {
    matches!(
        c,
        '\u{1885}'
            | '\u{1886}'
            | '\u{2118}'
            | '\u{212E}'
            | '\u{309B}'
            | '\u{309C}'
            | '\u{037A}'
            | '\u{0E33}'
            | '\u{0EB3}'
            | '\u{FF9E}'
            | '\u{FF9F}'
    ) || ('\u{FC5E}'..='\u{FC63}').contains(&c)
        || ('\u{FDFA}'..='\u{FDFB}').contains(&c)
        || ('\u{FE70}'..='\u{FE7E}').contains(&c) && (c as u32).is_multiple_of(2)
}

/// What a `{` opened, which decides what may follow its `}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Brace {
    Block,
    Object,
    /// A function body; `expr` says whether the function was an expression (then `/` after the
    /// `}` is division).
    Function {
        is_async: bool,
        is_gen: bool,
        expr: bool,
    },
    Class {
        expr: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ParenKind {
    /// `if (`, `while (`, `for (`, `with (`: a `/` after the `)` starts a regex.
    Control,
    /// Formal parameters of a function or method, whose body follows the `)`.
    Params(FnInfo),
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FnInfo {
    is_async: bool,
    is_gen: bool,
    expr: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
    Brace(Brace),
    Paren {
        kind: ParenKind,
        async_prefix: bool,
    },
    Bracket,
    TemplateSubst,
    /// The concise body of an async arrow: `await` is a keyword until the body ends.
    AsyncConcise,
}

#[derive(Clone, Copy, Debug)]
struct Frame {
    ctx: Ctx,
    /// Operator-like tokens seen in this frame since the last statement or list boundary: a
    /// bound on how deep the expression/statement tree built here can be.
    ops: u32,
    /// Unmatched `?` in this frame: a `:` matching one is a conditional's colon, not a label's.
    ternary: u32,
}

/// The token adapter: produces `Token`s for the parser driver.
pub struct Lexer<'s> {
    src: &'s str,
    raw: logos::Lexer<'s, Raw>,
    /// Offset of `raw`'s input inside `src` (non-zero after a hashbang line).
    base: usize,
    stack: Vec<Frame>,
    /// Tokens lexed ahead (for contextual-keyword classification, split tokens, ASI).
    pending: VecDeque<Token>,
    prev: Option<Tok>,
    prev2: Option<Tok>,
    prev_end: usize,
    /// The previous token allows a regex literal to start here.
    regex_ok: bool,
    /// `function` seen: its parameter list is the next `(` at this depth.
    pending_fn: Option<(FnInfo, usize)>,
    /// `class` seen: its body is the next `{` at this depth.
    pending_class: Option<(bool, usize)>,
    /// The `)` of a parameter list just closed: a `{` now is the function's body.
    pending_body: Option<FnInfo>,
    /// Sum of `Frame::ops` over the stack.
    ops_total: u32,
    /// A `}` ended a statement: the next token starts a new one unless it is `else`/`catch`/…
    pending_reset: bool,
    /// Modifiers seen at the start of an object/class member.
    member_async: bool,
    member_gen: bool,
    /// The last `)` closed a paren that followed `async`.
    last_paren_async: bool,
    /// The last `:` ended a label.
    last_colon_label: bool,
    /// The last `)` closed an `if`/`while`/`for`/`with` head.
    last_paren_control: bool,
    /// The last `=>` belonged to an async arrow.
    arrow_async: bool,
    done: bool,
    /// End of the last raw token scanned (for "line terminator before").
    scan_end: usize,
    /// Second half of a token that logos matched as one (`?.5` → `?` `.5`).
    split: Option<Token>,
    /// A finished token to emit before anything else (a restricted-production `AutoSemi`).
    ready: Option<Token>,
}

impl<'s> Lexer<'s> {
    pub fn new(src: &'s str) -> Lexer<'s> {
        // A hashbang comment is only recognised at offset 0.
        let base = if src.starts_with("#!") {
            src.find(['\n', '\r', '\u{2028}', '\u{2029}'])
                .unwrap_or(src.len())
        } else {
            0
        };
        Lexer {
            src,
            raw: Raw::lexer(&src[base..]),
            base,
            stack: vec![Frame {
                ctx: Ctx::Brace(Brace::Function {
                    is_async: false,
                    is_gen: false,
                    expr: false,
                }),
                ternary: 0,
                ops: 0,
            }],
            pending: VecDeque::new(),
            prev: None,
            prev2: None,
            prev_end: 0,
            regex_ok: true,
            pending_fn: None,
            pending_class: None,
            pending_body: None,
            ops_total: 0,
            pending_reset: false,
            member_async: false,
            member_gen: false,
            last_paren_async: false,
            arrow_async: false,
            last_paren_control: false,
            last_colon_label: false,
            done: false,
            scan_end: 0,
            split: None,
            ready: None,
        }
    }

    /// Lex the whole source (used by tests and tools).
    pub fn tokenize(src: &str) -> Result<Vec<Token>, SyntaxError> {
        let mut lx = Lexer::new(src);
        let mut out = Vec::new();
        while let Some(t) = lx.next_token()? {
            out.push(t);
        }
        Ok(out)
    }

    fn top(&self) -> Ctx {
        self.stack
            .last()
            .map_or(Ctx::Brace(Brace::Block), |f| f.ctx)
    }

    fn push(&mut self, ctx: Ctx, start: usize) -> Result<(), SyntaxError> {
        if self.stack.len() > MAX_NESTING {
            return Err(SyntaxError::range_error(
                "Maximum call stack size exceeded",
                Span::new(start as u32, start as u32 + 1),
            ));
        }
        self.count_op(start)?;
        self.stack.push(Frame {
            ctx,
            ternary: 0,
            ops: 0,
        });
        Ok(())
    }

    fn pop_frame(&mut self) -> Option<Frame> {
        let f = self.stack.pop()?;
        self.ops_total -= f.ops;
        Some(f)
    }

    /// Count one tree-deepening token in the current frame; the sum over all open frames bounds
    /// the depth of the AST, so dropping or walking it recursively cannot overflow the stack.
    fn count_op(&mut self, start: usize) -> Result<(), SyntaxError> {
        if let Some(f) = self.stack.last_mut() {
            f.ops += 1;
            self.ops_total += 1;
        }
        if self.ops_total > MAX_OPS {
            return Err(SyntaxError::range_error(
                "Maximum call stack size exceeded",
                Span::new(start as u32, start as u32 + 1),
            ));
        }
        Ok(())
    }

    fn reset_ops(&mut self) {
        if let Some(f) = self.stack.last_mut() {
            self.ops_total -= f.ops;
            f.ops = 0;
        }
    }

    /// Innermost function context: (async, generator).
    fn fn_flags(&self) -> (bool, bool) {
        for f in self.stack.iter().rev() {
            match f.ctx {
                Ctx::Brace(Brace::Function {
                    is_async, is_gen, ..
                }) => return (is_async, is_gen),
                Ctx::AsyncConcise => return (true, false),
                _ => {}
            }
        }
        (false, false)
    }

    /// Whether a `{`, `function` or `class` here starts an expression (vs a statement).
    fn expr_position(&self, nl_before: bool) -> bool {
        match &self.prev {
            None => false,
            Some(t) if t.ends_expression() => {
                let _ = nl_before;
                false
            }
            Some(Tok::Semi | Tok::AutoSemi | Tok::DoSemi | Tok::LBrace | Tok::LBraceArrow) => false,
            Some(Tok::Else | Tok::Do | Tok::Try | Tok::Catch | Tok::Finally) => false,
            Some(Tok::Colon) => {
                // An object property value or a conditional's branch; else a label or case.
                matches!(self.top(), Ctx::Brace(Brace::Object))
                    || self.stack.last().is_some_and(|f| f.ternary_colon_seen())
            }
            Some(_) => true,
        }
    }

    /// Next token for the parser, or `None` at the end of input.
    pub fn next_token(&mut self) -> Result<Option<Token>, SyntaxError> {
        if let Some(t) = self.ready.take() {
            return Ok(Some(t));
        }
        let mut t = match self.pending.pop_front() {
            Some(t) => t,
            None => {
                if self.done {
                    return Ok(None);
                }
                match self.scan()? {
                    Some(t) => t,
                    None => {
                        self.done = true;
                        return Ok(None);
                    }
                }
            }
        };
        // Classify contextual words with one token of lookahead.
        if let Tok::Ident(name) = &t.tok {
            let escaped = (t.end - t.start) as usize != name.len();
            if escaped {
                // `yi\u0065ld` in a generator / `\u0061wait` in an async function: a keyword
                // there, and keywords may not be escaped.
                let (is_async, is_gen) = self.fn_flags();
                if (is_gen && &**name == "yield") || (is_async && &**name == "await") {
                    t.tok = Tok::EscapedKeyword(name.clone());
                }
            } else {
                match &**name {
                    "async" => {
                        let after_dot = matches!(self.prev, Some(Tok::Dot | Tok::QuestionDot));
                        if !after_dot {
                            self.regex_ok = false;
                            let member_start = self.at_member_start();
                            let for_await_head = matches!(self.prev, Some(Tok::LParen))
                                && matches!(self.prev2, Some(Tok::Await));
                            if let Some(n) = self.peek_raw()? {
                                let cont = !n.nl_before
                                    && match &n.tok {
                                        Tok::LParen | Tok::Function => true,
                                        // `for await (async of xs)`: `async` is the target.
                                        Tok::Of if for_await_head => false,
                                        Tok::In | Tok::InstanceOf => false,
                                        Tok::LBracket
                                        | Tok::Star
                                        | Tok::Str(_)
                                        | Tok::Num(_)
                                        | Tok::BigInt(_)
                                        | Tok::PrivateName(_) => member_start,
                                        t => t.is_word(),
                                    };
                                if cont {
                                    t.tok = Tok::Async;
                                }
                            }
                        }
                    }
                    "let" => {
                        // In a sub-statement position (`if (…) let`, `else let`, `do let`) and in
                        // `var let`, `let` can only be an identifier.
                        let ident_only = matches!(
                            self.prev,
                            Some(Tok::Dot | Tok::QuestionDot | Tok::Else | Tok::Do | Tok::Var)
                        ) || (matches!(self.prev, Some(Tok::RParen))
                            && self.last_paren_control)
                            || (matches!(self.prev, Some(Tok::Colon)) && self.last_colon_label);
                        if ident_only {
                            // `if (a) let [x] = 1` is still an error: keep the declaration token
                            // so the grammar rejects it.
                            if !matches!(self.prev, Some(Tok::Dot | Tok::QuestionDot)) {
                                self.regex_ok = false;
                                if matches!(self.peek_raw()?.map(|n| &n.tok), Some(Tok::LBracket)) {
                                    t.tok = Tok::Let;
                                }
                            }
                        } else {
                            self.regex_ok = false;
                            if let Some(n) = self.peek_raw()? {
                                let decl = match &n.tok {
                                    Tok::LBracket | Tok::LBrace => true,
                                    Tok::In | Tok::InstanceOf => false,
                                    Tok::Of => !n.nl_before,
                                    t => t.is_word(),
                                };
                                if decl {
                                    t.tok = Tok::Let;
                                }
                            }
                        }
                    }
                    "yield" => {
                        let after_dot =
                            matches!(self.prev, Some(Tok::Dot | Tok::QuestionDot | Tok::Function));
                        if !after_dot && self.fn_flags().1 {
                            self.regex_ok = true;
                            t.tok = Tok::Yield;
                            if let Some(n) = self.peek_raw()? {
                                if n.nl_before {
                                    t.tok = Tok::YieldNoArg;
                                }
                            }
                        }
                    }
                    "await" => {
                        let after_dot = matches!(self.prev, Some(Tok::Dot | Tok::QuestionDot));
                        if !after_dot && self.fn_flags().0 {
                            t.tok = Tok::Await;
                        }
                    }
                    _ => {}
                }
            }
        }
        self.finish(t)
    }

    fn at_member_start(&self) -> bool {
        matches!(
            self.top(),
            Ctx::Brace(Brace::Object) | Ctx::Brace(Brace::Class { .. })
        ) && matches!(
            self.prev,
            Some(
                Tok::LBrace
                    | Tok::Comma
                    | Tok::Semi
                    | Tok::AutoSemi
                    | Tok::RBrace
                    | Tok::Static
                    | Tok::Star
            )
        )
    }

    fn peek_raw(&mut self) -> Result<Option<&Token>, SyntaxError> {
        if self.pending.is_empty() {
            if let Some(t) = self.scan()? {
                self.pending.push_back(t);
            } else {
                self.done = true;
            }
        }
        Ok(self.pending.front())
    }

    /// Update contexts for an emitted token; insert restricted-production semicolons.
    fn finish(&mut self, mut t: Token) -> Result<Option<Token>, SyntaxError> {
        let start = t.start as usize;
        let after_dot = matches!(self.prev, Some(Tok::Dot | Tok::QuestionDot));
        let pending_body = self.pending_body.take();
        let mut regex_ok = true;
        // Statement boundaries reset the depth budget of the current frame.
        if std::mem::take(&mut self.pending_reset)
            && !matches!(t.tok, Tok::Else | Tok::Catch | Tok::Finally | Tok::While)
        {
            self.reset_ops();
        }
        if t.nl_before
            && self.prev.as_ref().is_some_and(Tok::ends_expression)
            && (t.tok.is_word() || matches!(t.tok, Tok::Num(_) | Tok::Str(_) | Tok::BigInt(_)))
            && !matches!(t.tok, Tok::In | Tok::InstanceOf | Tok::Of)
        {
            self.reset_ops();
        }
        if counts_op(&t.tok) {
            self.count_op(start)?;
        }
        match &t.tok {
            Tok::LBrace => {
                let brace = if matches!(self.prev, Some(Tok::Arrow)) {
                    t.tok = Tok::LBraceArrow;
                    let is_async = self.arrow_async;
                    Brace::Function {
                        is_async,
                        is_gen: false,
                        expr: false,
                    }
                } else if let Some(info) = pending_body {
                    Brace::Function {
                        is_async: info.is_async,
                        is_gen: info.is_gen,
                        expr: info.expr,
                    }
                } else if let Some((expr, depth)) = self.pending_class {
                    if depth == self.stack.len() {
                        self.pending_class = None;
                        Brace::Class { expr }
                    } else {
                        self.brace_kind(t.nl_before)
                    }
                } else if matches!(self.prev, Some(Tok::Static))
                    && matches!(self.top(), Ctx::Brace(Brace::Class { .. }))
                {
                    // A class static block: neither async nor a generator.
                    Brace::Function {
                        is_async: false,
                        is_gen: false,
                        expr: false,
                    }
                } else {
                    self.brace_kind(t.nl_before)
                };
                self.push(Ctx::Brace(brace), start)?;
                self.member_async = false;
                self.member_gen = false;
            }
            Tok::RBrace => {
                self.pop_concise();
                match self.pop_frame().map(|f| f.ctx) {
                    Some(Ctx::Brace(b)) => {
                        self.pending_reset = matches!(
                            b,
                            Brace::Block
                                | Brace::Function { expr: false, .. }
                                | Brace::Class { expr: false }
                        );
                        regex_ok = match b {
                            Brace::Block => true,
                            Brace::Object => false,
                            Brace::Function { expr, .. } => !expr,
                            Brace::Class { expr } => !expr,
                        };
                    }
                    _ => return Err(self.unexpected(&t)),
                }
                if self.stack.is_empty() {
                    return Err(self.unexpected(&t));
                }
                self.member_async = false;
                self.member_gen = false;
            }
            Tok::TemplateHead(_) => {
                self.push(Ctx::TemplateSubst, start)?;
            }
            Tok::TemplateMiddle(_) => {
                self.push(Ctx::TemplateSubst, start)?;
            }
            Tok::TemplateTail(_) | Tok::NoSubstTemplate(_) => regex_ok = false,
            Tok::LParen => {
                let async_prefix = matches!(self.prev, Some(Tok::Async));
                let kind = match (&self.prev, &self.prev2) {
                    (Some(Tok::If | Tok::While | Tok::For | Tok::With), _) if !after_dot => {
                        ParenKind::Control
                    }
                    (Some(Tok::Await), Some(Tok::For)) => ParenKind::Control,
                    _ => {
                        if let Some((info, depth)) = self.pending_fn {
                            if depth == self.stack.len() {
                                self.pending_fn = None;
                                ParenKind::Params(info)
                            } else {
                                ParenKind::Other
                            }
                        } else if matches!(
                            self.top(),
                            Ctx::Brace(Brace::Object) | Ctx::Brace(Brace::Class { .. })
                        ) {
                            let info = FnInfo {
                                is_async: self.member_async,
                                is_gen: self.member_gen,
                                expr: true,
                            };
                            self.member_async = false;
                            self.member_gen = false;
                            ParenKind::Params(info)
                        } else {
                            ParenKind::Other
                        }
                    }
                };
                self.push(Ctx::Paren { kind, async_prefix }, start)?;
            }
            Tok::RParen => {
                self.pop_concise();
                match self.pop_frame().map(|f| f.ctx) {
                    Some(Ctx::Paren { kind, async_prefix }) => {
                        self.last_paren_async = async_prefix;
                        self.last_paren_control = kind == ParenKind::Control;
                        match kind {
                            ParenKind::Control => regex_ok = true,
                            ParenKind::Params(info) => {
                                self.pending_body = Some(info);
                                regex_ok = false;
                            }
                            ParenKind::Other => regex_ok = false,
                        }
                    }
                    _ => return Err(self.unexpected(&t)),
                }
            }
            Tok::LBracket => self.push(Ctx::Bracket, start)?,
            Tok::RBracket => {
                self.pop_concise();
                match self.pop_frame().map(|f| f.ctx) {
                    Some(Ctx::Bracket) => regex_ok = false,
                    _ => return Err(self.unexpected(&t)),
                }
            }
            Tok::Function if !after_dot => {
                let expr = self.expr_position(t.nl_before);
                self.pending_fn = Some((
                    FnInfo {
                        is_async: matches!(self.prev, Some(Tok::Async)),
                        is_gen: false,
                        expr,
                    },
                    self.stack.len(),
                ));
            }
            Tok::Class if !after_dot => {
                let expr = self.expr_position(t.nl_before);
                self.pending_class = Some((expr, self.stack.len()));
            }
            Tok::Star => {
                if matches!(self.prev, Some(Tok::Function)) {
                    if let Some((info, _)) = &mut self.pending_fn {
                        info.is_gen = true;
                    }
                } else if self.at_member_start() || matches!(self.prev, Some(Tok::Async)) {
                    self.member_gen = true;
                }
            }
            Tok::Async => {
                if matches!(
                    self.top(),
                    Ctx::Brace(Brace::Object) | Ctx::Brace(Brace::Class { .. })
                ) {
                    self.member_async = true;
                }
                regex_ok = false;
            }
            Tok::Comma | Tok::Semi => {
                self.reset_ops();
                if matches!(self.top(), Ctx::AsyncConcise) {
                    self.pop_frame();
                }
                self.member_async = false;
                self.member_gen = false;
            }
            Tok::Question => {
                if let Some(f) = self.stack.last_mut() {
                    f.ternary += 1;
                }
            }
            Tok::Colon => {
                // A label's colon: `ident :` at the start of a statement (not `case x:`, not an
                // object property, not a conditional).
                self.last_colon_label = matches!(self.prev, Some(Tok::Ident(_)))
                    && matches!(
                        self.prev2,
                        None | Some(
                            Tok::Semi
                                | Tok::AutoSemi
                                | Tok::LBrace
                                | Tok::RBrace
                                | Tok::RParen
                                | Tok::Colon
                                | Tok::Else
                                | Tok::Do
                        )
                    )
                    && !matches!(self.top(), Ctx::Brace(Brace::Object | Brace::Class { .. }))
                    && self
                        .stack
                        .last()
                        .is_none_or(|f| f.ternary & !(1 << 31) == 0);
                if let Some(f) = self.stack.last_mut() {
                    if f.ternary > 0 {
                        f.ternary -= 1;
                        // Remember that this colon belonged to a conditional.
                        f.ternary |= 1 << 31;
                    }
                }
            }
            Tok::Arrow => {
                if t.nl_before {
                    return Err(err("Unexpected token '=>'", start, t.end as usize));
                }
                let is_async = self.arrow_is_async();
                self.arrow_async = is_async;
                self.regex_ok = true;
                let next_is_brace = {
                    let n = self.peek_raw()?;
                    matches!(n.map(|n| &n.tok), Some(Tok::LBrace))
                };
                if is_async && !next_is_brace {
                    self.push(Ctx::AsyncConcise, start)?;
                }
            }
            Tok::PlusPlus if t.nl_before => t.tok = Tok::PrefixPlusPlus,
            Tok::MinusMinus if t.nl_before => t.tok = Tok::PrefixMinusMinus,
            tok if tok.ends_expression() => regex_ok = false,
            Tok::Await | Tok::Yield | Tok::YieldNoArg => regex_ok = true,
            _ => {}
        }
        if after_dot && t.tok.is_word() {
            regex_ok = false;
        }
        if !matches!(t.tok, Tok::Colon) {
            if let Some(f) = self.stack.last_mut() {
                f.ternary &= !(1 << 31);
            }
        }
        // Restricted productions: `return`/`break`/`continue`/`throw` [no LineTerminator here].
        let restricted =
            !after_dot && matches!(t.tok, Tok::Return | Tok::Break | Tok::Continue | Tok::Throw);
        self.regex_ok = regex_ok;
        self.prev2 = self.prev.take();
        self.prev = Some(t.tok.shallow());
        self.prev_end = t.end as usize;
        if restricted {
            let end = t.end;
            if let Some(n) = self.peek_raw()? {
                // `continue\n;` is `continue;`: only a token that could continue the production
                // (a label or an operand) is cut off by the line terminator.
                if n.nl_before && n.tok != Tok::Semi {
                    self.ready = Some(Token {
                        tok: Tok::AutoSemi,
                        start: end,
                        end,
                        nl_before: false,
                    });
                    self.prev2 = self.prev.take();
                    self.prev = Some(Tok::AutoSemi);
                    self.regex_ok = true;
                }
            }
        }
        Ok(Some(t))
    }

    fn closes_template(&self) -> bool {
        let mut k = self.stack.len();
        while k > 0 && matches!(self.stack[k - 1].ctx, Ctx::AsyncConcise) {
            k -= 1;
        }
        k > 0 && matches!(self.stack[k - 1].ctx, Ctx::TemplateSubst)
    }

    fn pop_concise(&mut self) {
        while matches!(self.top(), Ctx::AsyncConcise) {
            self.pop_frame();
        }
    }

    fn arrow_is_async(&self) -> bool {
        match (&self.prev, &self.prev2) {
            (Some(Tok::RParen), _) => self.last_paren_async,
            (Some(_), Some(Tok::Async)) => true,
            _ => false,
        }
    }

    fn brace_kind(&self, nl_before: bool) -> Brace {
        if self.expr_position(nl_before) {
            Brace::Object
        } else {
            Brace::Block
        }
    }

    fn unexpected(&self, t: &Token) -> SyntaxError {
        SyntaxError::new(t.tok.describe(self.src, t.span()), t.span())
    }

    // ───────────────────────── raw scanning ─────────────────────────

    /// Whether the source between the previous token and `start` holds a line terminator
    /// (whitespace and comments only, so a multi-line comment counts).
    fn newline_between(&self, from: usize, to: usize) -> bool {
        let gap = &self.src.as_bytes()[from..to];
        gap.iter().enumerate().any(|(i, &b)| {
            b == b'\n'
                || b == b'\r'
                || (b == 0xE2
                    && gap.get(i + 1) == Some(&0x80)
                    && matches!(gap.get(i + 2), Some(&0xA8 | &0xA9)))
        })
    }

    fn bump_to(&mut self, abs_end: usize) {
        let cur = self.base + self.raw.span().end;
        if abs_end > cur {
            self.raw.bump(abs_end - cur);
        }
    }

    /// Scan one raw token (regex/division decided by `self.regex_ok`).
    fn scan(&mut self) -> Result<Option<Token>, SyntaxError> {
        if let Some(t) = self.split.take() {
            return Ok(Some(t));
        }
        loop {
            let Some(res) = self.raw.next() else {
                // Unterminated block comments are caught by the `/*` token below.
                return Ok(None);
            };
            let span = self.raw.span();
            let start = span.start + self.base;
            let end = span.end + self.base;
            let nl_before = self.newline_between(self.prev_end_scan(), start) || start == 0;
            let tok = match res {
                Err(()) => {
                    let c = self.src[start..].chars().next().unwrap_or('\0');
                    if c == '\\' || is_id_start(c) {
                        let (tok, e) = self.scan_ident(start)?;
                        self.bump_to(e);
                        return Ok(Some(self.raw_token(tok, start, e, nl_before)));
                    }
                    return Err(invalid(start, start + c.len_utf8()));
                }
                Ok(r) => r,
            };
            let tok = match tok {
                Raw::Ident => {
                    let next = self.src.as_bytes().get(end).copied();
                    if matches!(next, Some(b) if b >= 0x80 || b == b'\\') {
                        let (tok, e) = self.scan_ident(start)?;
                        self.bump_to(e);
                        return Ok(Some(self.raw_token(tok, start, e, nl_before)));
                    }
                    let text = &self.src[start..end];
                    keyword(text).unwrap_or_else(|| Tok::Ident(text.into()))
                }
                Raw::Digit | Raw::DotDigit => {
                    let (tok, e) = self.scan_number(start)?;
                    self.bump_to(e);
                    return Ok(Some(self.raw_token(tok, start, e, nl_before)));
                }
                Raw::QuestionDotDigit => {
                    // `a?.5:b` is a conditional: `?` then the number `.5`.
                    let (num, e) = self.scan_number(start + 1)?;
                    self.bump_to(e);
                    let q = self.raw_token(Tok::Question, start, start + 1, nl_before);
                    let n = Token {
                        tok: num,
                        start: start as u32 + 1,
                        end: e as u32,
                        nl_before: false,
                    };
                    self.split = Some(n);
                    self.scan_end = e;
                    return Ok(Some(q));
                }
                Raw::Quote => {
                    let (tok, e) = self.scan_string(start)?;
                    self.bump_to(e);
                    return Ok(Some(self.raw_token(tok, start, e, nl_before)));
                }
                Raw::Backtick => {
                    let (tok, e) = self.scan_template(start, true)?;
                    self.bump_to(e);
                    return Ok(Some(self.raw_token(tok, start, e, nl_before)));
                }
                Raw::RBrace if self.closes_template() => {
                    self.pop_concise();
                    self.pop_frame();
                    let (tok, e) = self.scan_template(start, false)?;
                    self.bump_to(e);
                    return Ok(Some(self.raw_token(tok, start, e, nl_before)));
                }
                Raw::Hash => {
                    let c = self.src[end..].chars().next().unwrap_or('\0');
                    if c == '\\' || is_id_start(c) {
                        let (tok, e) = self.scan_ident(end)?;
                        self.bump_to(e);
                        let name = match tok {
                            Tok::Ident(n) => n,
                            _ => self.src[end..e].into(),
                        };
                        return Ok(Some(self.raw_token(
                            Tok::PrivateName(name),
                            start,
                            e,
                            nl_before,
                        )));
                    }
                    return Err(invalid(start, end));
                }
                Raw::UnterminatedComment => {
                    return Err(invalid(start, self.src.len()));
                }
                Raw::HtmlOpen => {
                    // Annex B: `<!--` starts a single-line comment in script code.
                    let e = self.line_end(end);
                    self.bump_to(e);
                    continue;
                }
                Raw::MinusMinus
                    if (nl_before || self.prev_end_scan() == 0)
                        && self.src[end..].starts_with('>') =>
                {
                    // Annex B: `-->` at the start of a line is a single-line comment.
                    let e = self.line_end(end);
                    self.bump_to(e);
                    continue;
                }
                Raw::Slash | Raw::SlashEq if self.regex_ok_now() => {
                    let (tok, e) = self.scan_regex(start)?;
                    self.bump_to(e);
                    return Ok(Some(self.raw_token(tok, start, e, nl_before)));
                }
                Raw::LBrace => Tok::LBrace,
                Raw::RBrace => Tok::RBrace,
                Raw::LParen => Tok::LParen,
                Raw::RParen => Tok::RParen,
                Raw::LBracket => Tok::LBracket,
                Raw::RBracket => Tok::RBracket,
                Raw::Dot => Tok::Dot,
                Raw::Ellipsis => Tok::Ellipsis,
                Raw::Semi => Tok::Semi,
                Raw::Comma => Tok::Comma,
                Raw::Lt => Tok::Lt,
                Raw::Gt => Tok::Gt,
                Raw::LtEq => Tok::LtEq,
                Raw::GtEq => Tok::GtEq,
                Raw::EqEq => Tok::EqEq,
                Raw::NotEq => Tok::NotEq,
                Raw::EqEqEq => Tok::EqEqEq,
                Raw::NotEqEq => Tok::NotEqEq,
                Raw::Plus => Tok::Plus,
                Raw::Minus => Tok::Minus,
                Raw::Star => Tok::Star,
                Raw::Slash => Tok::Slash,
                Raw::Percent => Tok::Percent,
                Raw::StarStar => Tok::StarStar,
                Raw::PlusPlus => Tok::PlusPlus,
                Raw::MinusMinus => Tok::MinusMinus,
                Raw::Shl => Tok::Shl,
                Raw::Shr => Tok::Shr,
                Raw::UShr => Tok::UShr,
                Raw::Amp => Tok::Amp,
                Raw::Pipe => Tok::Pipe,
                Raw::Caret => Tok::Caret,
                Raw::Bang => Tok::Bang,
                Raw::Tilde => Tok::Tilde,
                Raw::AmpAmp => Tok::AmpAmp,
                Raw::PipePipe => Tok::PipePipe,
                Raw::QQ => Tok::QQ,
                Raw::Question => Tok::Question,
                Raw::QuestionDot => Tok::QuestionDot,
                Raw::Colon => Tok::Colon,
                Raw::Eq => Tok::Eq,
                Raw::PlusEq => Tok::PlusEq,
                Raw::MinusEq => Tok::MinusEq,
                Raw::StarEq => Tok::StarEq,
                Raw::SlashEq => Tok::SlashEq,
                Raw::PercentEq => Tok::PercentEq,
                Raw::StarStarEq => Tok::StarStarEq,
                Raw::ShlEq => Tok::ShlEq,
                Raw::ShrEq => Tok::ShrEq,
                Raw::UShrEq => Tok::UShrEq,
                Raw::AmpEq => Tok::AmpEq,
                Raw::PipeEq => Tok::PipeEq,
                Raw::CaretEq => Tok::CaretEq,
                Raw::AmpAmpEq => Tok::AmpAmpEq,
                Raw::PipePipeEq => Tok::PipePipeEq,
                Raw::QQEq => Tok::QQEq,
                Raw::Arrow => Tok::Arrow,
            };
            return Ok(Some(self.raw_token(tok, start, end, nl_before)));
        }
    }

    fn regex_ok_now(&self) -> bool {
        // While peeking ahead, the token being classified is an identifier-like word
        // (`async`, `let`), after which `/` is division; `finish` sets `regex_ok` for real.
        self.regex_ok
    }

    fn prev_end_scan(&self) -> usize {
        self.scan_end
    }

    fn raw_token(&mut self, tok: Tok, start: usize, end: usize, nl_before: bool) -> Token {
        self.scan_end = end;
        Token {
            tok,
            start: start as u32,
            end: end as u32,
            nl_before,
        }
    }

    fn line_end(&self, from: usize) -> usize {
        self.src[from..]
            .find(['\n', '\r', '\u{2028}', '\u{2029}'])
            .map_or(self.src.len(), |i| from + i)
    }

    /// Scan an identifier (possibly with `\u` escapes and non-ASCII characters) at `start`.
    fn scan_ident(&self, start: usize) -> Result<(Tok, usize), SyntaxError> {
        let s = self.src;
        let mut i = start;
        let mut name = String::new();
        let mut escaped = false;
        let mut first = true;
        while i < s.len() {
            let c = s[i..].chars().next().unwrap_or('\0');
            let (ch, len) = if c == '\\' {
                escaped = true;
                if !s[i + 1..].starts_with('u') {
                    return Err(invalid(i, i + 1));
                }
                let (cp, len) = parse_unicode_escape(s, i + 2)
                    .ok_or_else(|| err("Invalid Unicode escape sequence", i, i + 2))?;
                let ch = char::from_u32(cp)
                    .ok_or_else(|| err("Invalid Unicode escape sequence", i, i + 2))?;
                (ch, len + 2)
            } else {
                (c, c.len_utf8())
            };
            let ok = if first {
                is_id_start(ch)
            } else {
                is_id_continue(ch)
            };
            if !ok {
                if c == '\\' || first {
                    return Err(invalid(i, i + len));
                }
                break;
            }
            name.push(ch);
            i += len;
            first = false;
        }
        let tok = if escaped {
            match keyword(&name) {
                Some(Tok::Static | Tok::Of | Tok::Get | Tok::Set | Tok::Target | Tok::Meta)
                | None => Tok::Ident(name.into()),
                Some(_) => Tok::EscapedKeyword(name.into()),
            }
        } else {
            keyword(&name).unwrap_or_else(|| Tok::Ident(name.into()))
        };
        Ok((tok, i))
    }

    fn scan_number(&self, start: usize) -> Result<(Tok, usize), SyntaxError> {
        let b = self.src.as_bytes();
        let mut i = start;
        let radix_of = |c: u8| match c {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        let tok;
        if b[i] == b'0' && i + 1 < b.len() && radix_of(b[i + 1]) != 0 {
            let radix = radix_of(b[i + 1]);
            i += 2;
            let ds = i;
            i = scan_digits(b, i, radix).map_err(|p| invalid(p, p + 1))?;
            if i == ds {
                return Err(invalid(start, i));
            }
            let digits: String = self.src[ds..i].chars().filter(|&c| c != '_').collect();
            if b.get(i) == Some(&b'n') {
                i += 1;
                tok = Tok::BigInt(self.src[start..i - 1].replace('_', "").into());
            } else {
                tok = Tok::Num(radix_value(&digits, radix));
            }
        } else if b[i] == b'0' && i + 1 < b.len() && b[i + 1].is_ascii_digit() {
            // Legacy octal (`010`) or non-octal decimal (`08`, `09.5`); no separators allowed.
            let ds = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let text = &self.src[ds..i];
            if text.bytes().all(|c| c < b'8') {
                tok = Tok::Num(radix_value(&text[1..], 8));
            } else {
                if b.get(i) == Some(&b'.') {
                    i += 1;
                    while i < b.len() && b[i].is_ascii_digit() {
                        i += 1;
                    }
                }
                if matches!(b.get(i), Some(b'e' | b'E')) {
                    i = self.scan_exponent(i)?;
                }
                tok = Tok::Num(self.src[ds..i].parse::<f64>().unwrap_or(f64::NAN));
            }
            if b.get(i) == Some(&b'_') || b.get(i) == Some(&b'n') {
                return Err(invalid(i, i + 1));
            }
        } else {
            let mut is_int = true;
            if b[i] == b'0' && b.get(i + 1) == Some(&b'_') {
                // No separator after a leading zero (`0_1`).
                return Err(invalid(i + 1, i + 2));
            }
            if b[i] != b'.' {
                i = scan_digits(b, i, 10).map_err(|p| invalid(p, p + 1))?;
            }
            if b.get(i) == Some(&b'.') {
                is_int = false;
                i += 1;
                if b.get(i) == Some(&b'_') {
                    return Err(invalid(i, i + 1));
                }
                i = scan_digits(b, i, 10).map_err(|p| invalid(p, p + 1))?;
            }
            if matches!(b.get(i), Some(b'e' | b'E')) {
                is_int = false;
                i = self.scan_exponent(i)?;
            }
            if is_int && b.get(i) == Some(&b'n') {
                i += 1;
                tok = Tok::BigInt(self.src[start..i - 1].replace('_', "").into());
            } else {
                let text = &self.src[start..i];
                let v = if text.contains('_') {
                    text.replace('_', "").parse::<f64>()
                } else {
                    text.parse::<f64>()
                };
                tok = Tok::Num(v.unwrap_or(f64::NAN));
            }
        }
        // The source character immediately following a numeric literal must not be an
        // IdentifierStart or a decimal digit (`3in x` is an error).
        if let Some(c) = self.src[i..].chars().next() {
            if c.is_ascii_digit() || c == '\\' || is_id_start(c) {
                return Err(invalid(start, i + c.len_utf8()));
            }
        }
        Ok((tok, i))
    }

    fn scan_exponent(&self, mut i: usize) -> Result<usize, SyntaxError> {
        let b = self.src.as_bytes();
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let ds = i;
        i = scan_digits(b, i, 10).map_err(|p| invalid(p, p + 1))?;
        if i == ds {
            return Err(invalid(ds.saturating_sub(1), ds));
        }
        Ok(i)
    }

    fn scan_string(&self, start: usize) -> Result<(Tok, usize), SyntaxError> {
        let s = self.src;
        let b = s.as_bytes();
        let quote = b[start];
        let mut i = start + 1;
        let mut out: Vec<u16> = Vec::new();
        loop {
            // Fast path: copy a run of plain ASCII characters.
            let run_start = i;
            while i < b.len()
                && b[i] != quote
                && b[i] != b'\\'
                && b[i] != b'\n'
                && b[i] != b'\r'
                && b[i] < 0x80
            {
                i += 1;
            }
            out.extend(b[run_start..i].iter().map(|&c| c as u16));
            if i >= b.len() {
                return Err(invalid(start, i));
            }
            match b[i] {
                c if c == quote => {
                    i += 1;
                    break;
                }
                b'\n' | b'\r' => return Err(invalid(start, i)),
                b'\\' => {
                    let (e, _octal) = decode_escape(s, i, &mut out, false).map_err(|(m, p)| {
                        if m.is_empty() {
                            invalid(start, p)
                        } else {
                            err(m, i, p)
                        }
                    })?;
                    i = e;
                }
                _ => {
                    let c = s[i..].chars().next().unwrap_or('\0');
                    let mut buf = [0u16; 2];
                    out.extend_from_slice(c.encode_utf16(&mut buf));
                    i += c.len_utf8();
                }
            }
        }
        Ok((Tok::Str(out.into_boxed_slice()), i))
    }

    /// Scan template characters from `start` (a `` ` `` when `head`, else the `}` closing a
    /// substitution) to the closing `` ` `` or the next `${`.
    fn scan_template(&mut self, start: usize, head: bool) -> Result<(Tok, usize), SyntaxError> {
        let s = self.src;
        let b = s.as_bytes();
        let mut i = start + 1;
        let mut cooked: Option<Vec<u16>> = Some(Vec::new());
        let mut raw = String::new();
        let text_start = i;
        let subst;
        loop {
            if i >= b.len() {
                return Err(err("Unterminated template literal", start, b.len()));
            }
            match b[i] {
                b'`' => {
                    subst = false;
                    i += 1;
                    break;
                }
                b'$' if b.get(i + 1) == Some(&b'{') => {
                    subst = true;
                    i += 2;
                    break;
                }
                b'\\' => {
                    let esc_start = i;
                    let mut tmp = Vec::new();
                    match decode_escape(s, i, &mut tmp, true) {
                        Ok((e, octal)) => {
                            if octal {
                                cooked = None;
                            } else if let Some(c) = &mut cooked {
                                c.extend_from_slice(&tmp);
                            }
                            i = e;
                        }
                        Err((_, p)) => {
                            // NotEscapeSequence: allowed in tagged templates (cooked is undefined).
                            cooked = None;
                            i = p.max(i + 2).min(b.len());
                            // Never swallow the closing backtick or `${` as escape payload.
                            if let Some(rel) = s[esc_start + 1..i].find(['`']) {
                                i = esc_start + 1 + rel.max(1);
                            }
                        }
                    }
                    push_raw(&mut raw, &s[esc_start..i]);
                }
                b'\r' => {
                    // CR and CRLF become LF in both cooked and raw values.
                    i += 1;
                    if b.get(i) == Some(&b'\n') {
                        i += 1;
                    }
                    raw.push('\n');
                    if let Some(c) = &mut cooked {
                        c.push(10);
                    }
                }
                _ => {
                    let c = s[i..].chars().next().unwrap_or('\0');
                    raw.push(c);
                    if let Some(co) = &mut cooked {
                        let mut buf = [0u16; 2];
                        co.extend_from_slice(c.encode_utf16(&mut buf));
                    }
                    i += c.len_utf8();
                }
            }
        }
        let text_end = if subst { i - 2 } else { i - 1 };
        let elem = Box::new(TemplateElement {
            cooked: cooked.map(|c| c.into_boxed_slice()),
            raw: raw.into(),
            span: Span::new(text_start as u32, text_end as u32),
        });
        let tok = match (head, subst) {
            (true, false) => Tok::NoSubstTemplate(elem),
            (true, true) => Tok::TemplateHead(elem),
            (false, true) => Tok::TemplateMiddle(elem),
            (false, false) => Tok::TemplateTail(elem),
        };
        Ok((tok, i))
    }

    fn scan_regex(&self, start: usize) -> Result<(Tok, usize), SyntaxError> {
        let s = self.src;
        let b = s.as_bytes();
        let mut i = start + 1;
        let mut in_class = false;
        let missing = || err("Invalid regular expression: missing /", start, start + 1);
        loop {
            if i >= b.len() {
                return Err(missing());
            }
            let c = s[i..].chars().next().unwrap_or('\0');
            if is_lt(c) {
                return Err(missing());
            }
            match c {
                '\\' => {
                    i += 1;
                    let n = s[i..].chars().next().ok_or_else(missing)?;
                    if is_lt(n) {
                        return Err(missing());
                    }
                    i += n.len_utf8();
                    continue;
                }
                '[' => in_class = true,
                ']' => in_class = false,
                '/' if !in_class => break,
                _ => {}
            }
            i += c.len_utf8();
        }
        let pattern = &s[start + 1..i];
        i += 1;
        let fs = i;
        while i < s.len() {
            let c = s[i..].chars().next().unwrap_or('\0');
            if c == '\\' {
                return Err(invalid(i, i + 1));
            }
            if !is_id_continue(c) {
                break;
            }
            i += c.len_utf8();
        }
        let flags = &s[fs..i];
        let mut seen = 0u32;
        for f in flags.chars() {
            let bit = match f {
                'd' => 1,
                'g' => 2,
                'i' => 4,
                'm' => 8,
                's' => 16,
                'u' => 32,
                'v' => 64,
                'y' => 128,
                _ => 1 << 30,
            };
            if seen & bit != 0 || bit == 1 << 30 {
                return Err(err("Invalid regular expression flags", start, i));
            }
            seen |= bit;
        }
        if seen & 96 == 96 {
            return Err(err("Invalid regular expression flags", start, i));
        }
        Ok((
            Tok::Regex(Box::new(RegexLit {
                pattern: pattern.into(),
                flags: flags.into(),
            })),
            i,
        ))
    }
}

/// Tokens that can make the tree one level deeper without opening a bracket.
fn counts_op(t: &Tok) -> bool {
    !matches!(
        t,
        Tok::Ident(_)
            | Tok::EscapedKeyword(_)
            | Tok::PrivateName(_)
            | Tok::Num(_)
            | Tok::BigInt(_)
            | Tok::Str(_)
            | Tok::Regex(_)
            | Tok::NoSubstTemplate(_)
            | Tok::TemplateTail(_)
            | Tok::LBrace
            | Tok::LBraceArrow
            | Tok::LParen
            | Tok::LBracket
            | Tok::TemplateHead(_)
            | Tok::TemplateMiddle(_)
            | Tok::RBrace
            | Tok::RParen
            | Tok::RBracket
            | Tok::Semi
            | Tok::Comma
            | Tok::This
            | Tok::Null
            | Tok::True
            | Tok::False
            | Tok::Var
            | Tok::Const
            | Tok::Let
            | Tok::Function
            | Tok::Class
            | Tok::Return
            | Tok::Break
            | Tok::Continue
            | Tok::Debugger
            | Tok::Try
            | Tok::Catch
            | Tok::Finally
            | Tok::Switch
            | Tok::Case
            | Tok::Default
            | Tok::Static
            | Tok::Get
            | Tok::Set
            | Tok::Async
            | Tok::Target
            | Tok::Meta
            | Tok::Super
    )
}

impl Frame {
    fn ternary_colon_seen(&self) -> bool {
        self.ternary & (1 << 31) != 0
    }
}

fn push_raw(raw: &mut String, text: &str) {
    // Raw template text normalises CRLF and CR (also inside line continuations) to LF.
    if text.contains('\r') {
        raw.push_str(&text.replace("\r\n", "\n").replace('\r', "\n"));
    } else {
        raw.push_str(text);
    }
}

/// Digits of `radix` with numeric separators; returns the end, or the offending position.
fn scan_digits(b: &[u8], mut i: usize, radix: u32) -> Result<usize, usize> {
    let mut last_sep = true;
    let start = i;
    while i < b.len() {
        let c = b[i];
        if c == b'_' {
            if last_sep {
                return Err(i);
            }
            last_sep = true;
        } else if (c as char).is_digit(radix) {
            last_sep = false;
        } else {
            break;
        }
        i += 1;
    }
    if i > start && last_sep {
        return Err(i - 1);
    }
    Ok(i)
}

fn radix_value(digits: &str, radix: u32) -> f64 {
    if let Ok(v) = u64::from_str_radix(digits, radix) {
        return v as f64;
    }
    // Large literals: accumulate exactly in u128 when possible, else in f64.
    if let Ok(v) = u128::from_str_radix(digits, radix) {
        return v as f64;
    }
    digits.chars().fold(0.0, |acc, c| {
        acc * radix as f64 + c.to_digit(radix).unwrap_or(0) as f64
    })
}

/// Parse the part of a `\u` escape after the `u`: `XXXX` or `{X…}`. Returns (code point, length).
fn parse_unicode_escape(s: &str, i: usize) -> Option<(u32, usize)> {
    let b = s.as_bytes();
    if b.get(i) == Some(&b'{') {
        let mut j = i + 1;
        let mut v: u32 = 0;
        while j < b.len() && b[j] != b'}' {
            let d = (b[j] as char).to_digit(16)?;
            v = v.checked_mul(16)?.checked_add(d)?;
            if v > 0x10FFFF {
                return None;
            }
            j += 1;
        }
        if j >= b.len() || j == i + 1 {
            return None;
        }
        Some((v, j + 1 - i))
    } else {
        let h = s.get(i..i + 4)?;
        if !h.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        Some((u32::from_str_radix(h, 16).ok()?, 4))
    }
}

/// Decode the escape sequence at `s[i] == '\\'` into `out`. Returns (end, was a legacy octal or
/// `\8`/`\9` escape). On error: (message or "" for the generic one, position).
fn decode_escape(
    s: &str,
    i: usize,
    out: &mut Vec<u16>,
    template: bool,
) -> Result<(usize, bool), (&'static str, usize)> {
    let b = s.as_bytes();
    let j = i + 1;
    let Some(c) = s[j..].chars().next() else {
        return Err(("", j));
    };
    let simple = |v: u16, out: &mut Vec<u16>| {
        out.push(v);
        Ok((j + 1, false))
    };
    match c {
        'n' => simple(10, out),
        't' => simple(9, out),
        'r' => simple(13, out),
        'b' => simple(8, out),
        'f' => simple(12, out),
        'v' => simple(11, out),
        '\r' => {
            // Line continuation (CRLF counts as one terminator).
            let e = if b.get(j + 1) == Some(&b'\n') {
                j + 2
            } else {
                j + 1
            };
            Ok((e, false))
        }
        '\n' | '\u{2028}' | '\u{2029}' => Ok((j + c.len_utf8(), false)),
        'x' => {
            let h = s
                .get(j + 1..j + 3)
                .filter(|h| h.bytes().all(|c| c.is_ascii_hexdigit()));
            match h {
                Some(h) => {
                    out.push(u16::from_str_radix(h, 16).unwrap_or(0));
                    Ok((j + 3, false))
                }
                None => Err(("Invalid hexadecimal escape sequence", j + 1)),
            }
        }
        'u' => match parse_unicode_escape(s, j + 1) {
            Some((cp, len)) => {
                if cp < 0x10000 {
                    out.push(cp as u16);
                } else {
                    let c = cp - 0x10000;
                    out.push(0xD800 + (c >> 10) as u16);
                    out.push(0xDC00 + (c & 0x3FF) as u16);
                }
                Ok((j + 1 + len, false))
            }
            None => Err(("Invalid Unicode escape sequence", j + 1)),
        },
        '0' if !b.get(j + 1).is_some_and(|c| c.is_ascii_digit()) => simple(0, out),
        '0'..='7' => {
            if template {
                return Ok((j + 1, true));
            }
            // Legacy octal escape: up to three digits, value ≤ 0o377.
            let mut v = 0u32;
            let mut k = j;
            let max = if c <= '3' { 3 } else { 2 };
            while k < b.len() && k - j < max && (b'0'..=b'7').contains(&b[k]) {
                v = v * 8 + (b[k] - b'0') as u32;
                k += 1;
            }
            out.push(v as u16);
            Ok((k, true))
        }
        '8' | '9' => {
            if template {
                return Ok((j + 1, true));
            }
            out.push(c as u16);
            Ok((j + 1, true))
        }
        _ => {
            let mut buf = [0u16; 2];
            out.extend_from_slice(c.encode_utf16(&mut buf));
            Ok((j + c.len_utf8(), false))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compact picture of the token stream: `re` for a regex, `/` for division, `;?` for an
    /// inserted semicolon, `|` before a token preceded by a line terminator.
    fn toks(src: &str) -> String {
        let ts = Lexer::tokenize(src).expect("lexes");
        ts.iter()
            .map(|t| {
                let nl = if t.nl_before && t.start > 0 { "|" } else { "" };
                let s = match &t.tok {
                    Tok::Ident(n) => n.to_string(),
                    Tok::Regex(r) => format!("re({}/{})", r.pattern, r.flags),
                    Tok::Num(n) => format!("{n}"),
                    Tok::Str(s) => format!("str({})", String::from_utf16_lossy(s)),
                    Tok::AutoSemi => ";?".into(),
                    Tok::NoSubstTemplate(_) => "tpl".into(),
                    Tok::TemplateHead(_) => "tpl(".into(),
                    Tok::TemplateMiddle(_) => ")tpl(".into(),
                    Tok::TemplateTail(_) => ")tpl".into(),
                    Tok::LBraceArrow => "{=>".into(),
                    Tok::PrefixPlusPlus => "pre++".into(),
                    _ => src[t.start as usize..t.end as usize].to_string(),
                };
                format!("{nl}{s}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn err(src: &str) -> String {
        Lexer::tokenize(src).expect_err("should fail").message
    }

    #[test]
    fn regex_vs_division() {
        assert_eq!(toks("x = y / z / w"), "x = y / z / w");
        assert_eq!(toks("a\n/b/g"), "a |/ b / g");
        assert_eq!(toks("if (a) /re/.test(b)"), "if ( a ) re(re/) . test ( b )");
        assert_eq!(toks("f(a) / 2"), "f ( a ) / 2");
        assert_eq!(toks("return /x/i"), "return re(x/i)");
        assert_eq!(toks("a = [/[/]/]"), "a = [ re([/]/) ]");
        assert_eq!(toks("x = a++ / 2"), "x = a ++ / 2");
        assert_eq!(toks("typeof /x/"), "typeof re(x/)");
    }

    #[test]
    fn closing_brace_decides_regex() {
        // Block and function declaration: a regex may follow.
        assert_eq!(toks("{}\n/x/g.test(s)"), "{ } |re(x/g) . test ( s )");
        assert_eq!(toks("function f() {}\n/x/"), "function f ( ) { } |re(x/)");
        // Object literal and function expression: division.
        assert_eq!(toks("x = {} / 2"), "x = { } / 2");
        assert_eq!(toks("x = function () {} / 2"), "x = function ( ) { } / 2");
    }

    #[test]
    fn templates_nest() {
        assert_eq!(
            toks("`a${ {b: `c${d}`} }e`"),
            "tpl( { b : tpl( d )tpl } )tpl"
        );
        assert_eq!(toks("`${a}${b}`"), "tpl( a )tpl( b )tpl");
        assert_eq!(err("`abc"), "Unterminated template literal");
    }

    #[test]
    fn restricted_productions() {
        assert_eq!(toks("return\nx"), "return ;? |x");
        assert_eq!(toks("a.return\n(b)"), "a . return |( b )");
        assert_eq!(toks("continue\n;"), "continue |;");
        assert_eq!(toks("a\n++b"), "a |pre++ b");
        assert!(err("x\n=> 1").contains("=>"));
    }

    #[test]
    fn literals() {
        assert_eq!(
            toks("0x1F 0o17 0b11 1_000 1e3 .5 08 010"),
            "31 15 3 1000 1000 0.5 8 8"
        );
        assert_eq!(toks(r"'\x41\u{1F600}\101'"), "str(A😀A)");
        assert_eq!(toks("'a\\\nb'"), "str(ab)");
        assert_eq!(err("'abc"), "Invalid or unexpected token");
        assert_eq!(err("3in x"), "Invalid or unexpected token");
        assert_eq!(err("1__0"), "Invalid or unexpected token");
        assert_eq!(err("/abc"), "Invalid regular expression: missing /");
        assert_eq!(err("/a/gg"), "Invalid regular expression flags");
        let ts = Lexer::tokenize(r"'\uD800'").unwrap();
        assert_eq!(ts[0].tok, Tok::Str(vec![0xD800].into_boxed_slice()));
    }

    #[test]
    fn identifiers_and_comments() {
        assert_eq!(toks("\\u0061b café"), "ab café");
        assert_eq!(toks("#!/usr/bin/env node\nx"), "|x");
        assert_eq!(toks("a /* x\n */ b"), "a |b");
        assert_eq!(toks("a <!-- c\n--> d\nb"), "a |b");
        assert!(matches!(
            Lexer::tokenize("i\\u0066").unwrap()[0].tok,
            Tok::EscapedKeyword(_)
        ));
    }

    #[test]
    fn contextual_keywords() {
        let kinds = |s: &str| {
            Lexer::tokenize(s)
                .unwrap()
                .into_iter()
                .map(|t| t.tok)
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds("async x => 1")[0], Tok::Async);
        assert!(matches!(kinds("async\nx => 1")[0], Tok::Ident(_)));
        assert_eq!(kinds("let x")[0], Tok::Let);
        assert!(matches!(kinds("let = 1")[0], Tok::Ident(_)));
        assert!(matches!(kinds("yield")[0], Tok::Ident(_)));
        assert_eq!(kinds("function* g() { yield 1 }")[6], Tok::Yield);
        assert_eq!(kinds("async function f() { await 1 }")[6], Tok::Await);
        assert_eq!(kinds("async () => { await 1 }")[5], Tok::Await);
        assert_eq!(kinds("async x => await 1")[3], Tok::Await);
        // `try {`/`catch (e) {`/`finally {` open blocks, not object literals.
        let ks = kinds("function* g() { try {} catch (e) { yield e } finally { yield } }");
        assert_eq!(ks.iter().filter(|t| **t == Tok::Yield).count(), 2);
    }

    #[test]
    fn nesting_limit_is_a_range_error() {
        let src = "[".repeat(100_000);
        let e = Lexer::tokenize(&src).unwrap_err();
        assert_eq!(e.kind, crate::error::SyntaxErrorKind::RangeError);
    }
}
