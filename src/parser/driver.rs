//! Our own LR driver over the tables LALRPOP generates from `grammar/js.lalrpop`, in place of
//! `lalrpop_util::state_machine::Parser::drive`. It exists for automatic semicolon insertion
//! (ECMA-262 §12.10): when the automaton rejects a token that follows a line terminator, or is
//! `}`, or is the end of input, the driver offers a virtual `AutoSemi` token — which the grammar
//! accepts only as a statement terminator, never as an empty statement and never inside a
//! `for (;;)` header — and, after the `)` of `do … while (…)`, a virtual `DoSemi`. Whether a
//! virtual token would be accepted is tested on a scratch copy of the state stack
//! (`simulate_reduce`), so a refused offer leaves the parse untouched.
//!
//! Restricted productions (`return`/`break`/`continue`/`throw`, postfix `++`/`--`, `=>`, `yield`,
//! `async` followed by a line terminator) are handled by the token adapter in `crate::lexer`.
//!
//! Not here: error recovery (the first syntax error ends the parse), early errors.

use super::js::__parse__Script::__StateMachine;
use crate::error::SyntaxError;
use crate::lexer::{Lexer, Tok, Token};
use crate::parser::ast::Stmt;
use crate::span::Span;
use lalrpop_util::state_machine::{ParserAction, ParserDefinition, SimulatedReduce};
use lalrpop_util::ParseError;

type Sm<'s> = __StateMachine<'s>;

// Action decoding goes through lalrpop-util's own trait so a change of encoding cannot slip by.
#[inline]
fn as_shift(a: i16) -> Option<i16> {
    <i16 as ParserAction<Sm<'static>>>::as_shift(a)
}

#[inline]
fn as_reduce(a: i16) -> Option<i16> {
    <i16 as ParserAction<Sm<'static>>>::as_reduce(a)
}

/// Would the automaton in `states` accept (shift) the terminal `index`?
fn accepts(sm: &Sm<'_>, states: &[i16], scratch: &mut Vec<i16>, index: usize) -> bool {
    scratch.clear();
    scratch.extend_from_slice(states);
    loop {
        let top = *scratch.last().unwrap_or(&0);
        let action = sm.action(top, index);
        if as_shift(action).is_some() {
            return true;
        }
        let Some(r) = as_reduce(action) else {
            return false;
        };
        match sm.simulate_reduce(r) {
            SimulatedReduce::Reduce {
                states_to_pop,
                nonterminal_produced,
            } => {
                let len = scratch.len().saturating_sub(states_to_pop);
                scratch.truncate(len);
                let top = *scratch.last().unwrap_or(&0);
                let next = sm.goto(top, nonterminal_produced);
                scratch.push(next);
            }
            SimulatedReduce::Accept => return true,
        }
    }
}

fn user_error(e: ParseError<u32, Tok, SyntaxError>, src: &str) -> SyntaxError {
    match e {
        ParseError::User { error } => error,
        ParseError::UnrecognizedToken {
            token: (l, t, r), ..
        }
        | ParseError::ExtraToken { token: (l, t, r) } => {
            let span = Span::new(l, r);
            SyntaxError::new(t.describe(src, span), span)
        }
        ParseError::InvalidToken { location } | ParseError::UnrecognizedEof { location, .. } => {
            SyntaxError::new("Unexpected end of input", Span::new(location, location))
        }
    }
}

/// Tokens after which a `(` is a call's argument list.
fn ends_callee(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Ident(_)
            | Tok::RParen
            | Tok::RBracket
            | Tok::Str(_)
            | Tok::NoSubstTemplate(_)
            | Tok::TemplateTail(_)
            | Tok::This
            | Tok::Super
            | Tok::Async
            | Tok::Of
            | Tok::Get
            | Tok::Set
            | Tok::Target
            | Tok::Meta
            | Tok::Static
    )
}

/// Parse a whole script: the statement list (directives marked).
pub fn parse_script(src: &str) -> Result<Vec<Stmt>, SyntaxError> {
    let mut lexer = Lexer::new(src);
    let sm = __StateMachine {
        src,
        __phantom: std::marker::PhantomData,
    };
    let mut sm = sm;
    let mut states: Vec<i16> = vec![sm.start_state()];
    let mut symbols = Vec::new();
    let mut scratch = Vec::new();
    let auto_semi = sm.token_to_index(&Tok::AutoSemi).unwrap_or(0);
    let do_semi = sm.token_to_index(&Tok::DoSemi).unwrap_or(0);

    // The lookahead (`None` = end of input) and a real token set aside for a virtual one.
    let mut la: Option<Token> = lexer.next_token()?;
    let mut stash: Option<Option<Token>> = None;
    let mut prev: Option<Tok> = None;
    let mut prev2: Option<Tok> = None;
    let mut last_end: u32 = 0;
    let mut prev_span = Span::default();
    let mut inserted = false;
    // Open parens: whether each is a call's argument list (for "missing ) after argument list").
    let mut parens: Vec<bool> = Vec::new();

    loop {
        let top = *states.last().unwrap_or(&0);
        let (index, action) = match &la {
            Some(t) => match sm.token_to_index(&t.tok) {
                Some(i) => (Some(i), sm.action(top, i)),
                None => (None, 0),
            },
            None => (None, sm.eof_action(top)),
        };
        if let Some(target) = as_shift(action) {
            let Some(t) = la.take() else {
                return Err(SyntaxError::new(
                    "Unexpected end of input",
                    Span::new(last_end, last_end),
                ));
            };
            let index = index.unwrap_or(0);
            match t.tok {
                Tok::LParen => {
                    let is_call = prev.as_ref().is_some_and(ends_callee)
                        && !matches!(prev2, Some(Tok::Function));
                    parens.push(is_call);
                }
                Tok::RParen => {
                    parens.pop();
                }
                _ => {}
            }
            inserted = matches!(t.tok, Tok::AutoSemi | Tok::DoSemi);
            if !inserted {
                prev_span = t.span();
            }
            last_end = t.end;
            prev2 = prev.take();
            prev = Some(t.tok.shallow());
            let sym = sm.token_to_symbol(index, t.tok);
            states.push(target);
            symbols.push((t.start, sym, t.end));
            la = match stash.take() {
                Some(x) => x,
                None => lexer.next_token()?,
            };
            continue;
        }
        if let Some(r) = as_reduce(action) {
            let start = la.as_ref().map(|t| t.start);
            if let Some(res) = sm.reduce(r, start.as_ref(), &mut states, &mut symbols) {
                return match res {
                    Ok(body) if la.is_none() => Ok(body),
                    Ok(_) => {
                        let t = la.take().unwrap_or(Token {
                            tok: Tok::Semi,
                            start: last_end,
                            end: last_end,
                            nl_before: false,
                        });
                        Err(SyntaxError::new(t.tok.describe(src, t.span()), t.span()))
                    }
                    Err(e) => Err(user_error(e, src)),
                };
            }
            continue;
        }
        // The token is rejected: try automatic semicolon insertion.
        if !inserted && stash.is_none() {
            let offer = match &la {
                None => true,
                Some(t) => t.nl_before || t.tok == Tok::RBrace,
            };
            let virtual_tok = if offer && accepts(&sm, &states, &mut scratch, auto_semi) {
                Some(Tok::AutoSemi)
            } else if prev == Some(Tok::RParen) && accepts(&sm, &states, &mut scratch, do_semi) {
                Some(Tok::DoSemi)
            } else {
                None
            };
            if let Some(v) = virtual_tok {
                stash = Some(la.take());
                la = Some(Token {
                    tok: v,
                    start: last_end,
                    end: last_end,
                    nl_before: false,
                });
                continue;
            }
        }
        return Err(match la {
            None => SyntaxError::new(
                "Unexpected end of input",
                Span::new(src.len() as u32, src.len() as u32),
            ),
            Some(t) => {
                let in_call = parens.last().copied().unwrap_or(false);
                let rparen = sm.token_to_index(&Tok::RParen).unwrap_or(0);
                let prev_is_await = matches!(&prev, Some(Tok::Ident(_)))
                    && src.get(prev_span.start as usize..prev_span.end as usize) == Some("await");
                if prev_is_await {
                    // `await x` outside an async function: `await` was lexed as an identifier.
                    SyntaxError::new(
                        "await is only valid in async functions and the top level bodies of modules",
                        prev_span,
                    )
                } else if t.tok == Tok::Let
                    && matches!(prev, Some(Tok::RParen | Tok::Else | Tok::Do | Tok::Colon))
                {
                    SyntaxError::new(
                        "Lexical declaration cannot appear in a single-statement context",
                        t.span(),
                    )
                } else if t.tok == Tok::AutoSemi && prev == Some(Tok::Throw) {
                    SyntaxError::new("Illegal newline after throw", t.span())
                } else if in_call
                    && !matches!(t.tok, Tok::RParen | Tok::Comma)
                    && !matches!(prev, Some(Tok::LParen | Tok::Comma))
                    && accepts(&sm, &states, &mut scratch, rparen)
                {
                    // Like V8: blame the end of the last argument.
                    SyntaxError::new("missing ) after argument list", prev_span)
                } else {
                    SyntaxError::new(t.tok.describe(src, t.span()), t.span())
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::parser::ast::*;
    use crate::{parse, ParseOptions};

    fn body(src: &str) -> Vec<Stmt> {
        match parse(src, &ParseOptions::default()) {
            Ok(p) => p.body,
            Err(e) => panic!("{src:?} failed: {}", e[0].render("t.js", src)),
        }
    }

    fn fails(src: &str) -> String {
        match parse(src, &ParseOptions::default()) {
            Ok(p) => panic!("{src:?} parsed: {:?}", p.body),
            Err(e) => e[0].message.clone(),
        }
    }

    fn expr(s: &Stmt) -> &ExprKind {
        match &s.kind {
            StmtKind::Expr { expr, .. } => &expr.kind,
            k => panic!("not an expression statement: {k:?}"),
        }
    }

    #[test]
    fn asi_newline_before_prefix_increment() {
        let b = body("a\n++b");
        assert_eq!(b.len(), 2);
        assert!(matches!(expr(&b[1]), ExprKind::Update { prefix: true, .. }));
    }

    #[test]
    fn asi_restricted_return() {
        let b = body("function f() { return\nx }");
        let StmtKind::Function(f) = &b[0].kind else {
            panic!()
        };
        let FunctionBody::Block(fb) = &f.body else {
            panic!()
        };
        assert_eq!(fb.len(), 2);
        assert!(matches!(fb[0].kind, StmtKind::Return(None)));
        assert_eq!(fails("throw\nx"), "Illegal newline after throw");
    }

    #[test]
    fn no_asi_when_the_line_continues() {
        assert_eq!(body("x\n(y)").len(), 1);
        assert!(matches!(expr(&body("x\n(y)")[0]), ExprKind::Call { .. }));
        let b = body("a = b\n[1].map(f)");
        assert_eq!(b.len(), 1);
        assert!(matches!(expr(&b[0]), ExprKind::Assign { .. }));
        assert_eq!(body("a\n.b\n.c()").len(), 1);
        assert_eq!(body("a\n`t`").len(), 1);
    }

    #[test]
    fn asi_at_brace_and_eof() {
        assert_eq!(body("{ 1\n2 } 3").len(), 2);
        assert_eq!(body("if (a) b\nelse c").len(), 1);
        assert_eq!(body("var a = 1, b = 2\nvar c").len(), 2);
        assert_eq!(body("x").len(), 1);
        assert_eq!(fails("a b"), "Unexpected identifier 'b'");
    }

    #[test]
    fn no_asi_in_for_header_or_as_empty_statement() {
        assert_eq!(fails("for (a; b\n) {}"), "Unexpected token ')'");
        assert_eq!(fails("for (a\nb;;) {}"), "Unexpected identifier 'b'");
        assert_eq!(fails("if (a)\n}"), "Unexpected token '}'");
        assert_eq!(body("for (;;\n) break").len(), 1);
    }

    #[test]
    fn do_while_semicolon() {
        let b = body("do x; while (y) z");
        assert_eq!(b.len(), 2);
        assert!(matches!(b[0].kind, StmtKind::DoWhile { .. }));
        assert_eq!(body("do {} while (false)").len(), 1);
    }

    #[test]
    fn arrow_body_does_not_continue() {
        assert_eq!(body("x => {}\n(foo)").len(), 2);
        assert_eq!(body("() => {}\n[1].map(g)").len(), 2);
    }

    #[test]
    fn class_fields_asi() {
        let b = body("class A { a\n b = 1\n static c\n #d; m() {} }");
        let StmtKind::Class(c) = &b[0].kind else {
            panic!()
        };
        assert_eq!(c.members.len(), 5);
    }

    #[test]
    fn directives_and_strictness() {
        let p = parse("'use strict'; x", &ParseOptions::default()).unwrap();
        assert!(p.strict);
        let StmtKind::Expr { directive, .. } = &p.body[0].kind else {
            panic!()
        };
        assert_eq!(directive.as_deref(), Some("use strict"));
        let p = parse("('use strict'); x", &ParseOptions::default()).unwrap();
        assert!(!p.strict);
        let b = body("function f() { \"use strict\"\n return 1 }");
        let StmtKind::Function(f) = &b[0].kind else {
            panic!()
        };
        assert!(f.has_use_strict);
    }

    #[test]
    fn covers_and_targets() {
        assert!(matches!(expr(&body("(a, b) => a")[0]), ExprKind::Arrow(_)));
        assert!(matches!(
            expr(&body("async (a, ...b) => a")[0]),
            ExprKind::Arrow(_)
        ));
        assert!(matches!(expr(&body("async (a)")[0]), ExprKind::Call { .. }));
        assert!(matches!(
            expr(&body("[a, {b = 1}] = c")[0]),
            ExprKind::Assign { .. }
        ));
        assert!(matches!(expr(&body("(a) = 1")[0]), ExprKind::Assign { .. }));
        assert_eq!(fails("1 = 2"), "Invalid left-hand side in assignment");
        assert_eq!(fails("({a}) = 1"), "Invalid left-hand side in assignment");
        assert_eq!(
            fails("[a + 1] = b"),
            "Invalid destructuring assignment target"
        );
        assert_eq!(
            fails("((a)) => 1"),
            "Invalid destructuring assignment target"
        );
        assert_eq!(fails("[...x,] = y"), "Rest element must be last element");
        assert_eq!(fails("({...x,} = y)"), "Rest element must be last element");
        assert!(matches!(
            expr(&body("x = [...a, ]")[0]),
            ExprKind::Assign { .. }
        ));
        assert_eq!(fails("a ?? b || c"), "Unexpected token '||'");
        assert_eq!(fails("-a ** b"), "Unexpected token '**'");
        assert_eq!(
            fails("a?.b`x`"),
            "Invalid tagged template on optional chain"
        );
        let b = body("a?.b.c()");
        let ExprKind::OptChain(inner) = expr(&b[0]) else {
            panic!()
        };
        assert!(matches!(inner.kind, ExprKind::Call { .. }));
    }

    #[test]
    fn deep_input_is_a_range_error_not_a_crash() {
        // Runs on the default 2 MiB test thread: parse and drop must stay within it.
        let plus = format!("x = {}1", "1+".repeat(100_000));
        let bang = format!("{}x", "!".repeat(100_000));
        let parens = format!("{}x{}", "(".repeat(100_000), ")".repeat(100_000));
        let braces = "{".repeat(100_000);
        for src in [&plus, &bang, &parens, &braces] {
            let e = parse(src, &ParseOptions::default()).unwrap_err();
            assert_eq!(e[0].kind, crate::error::SyntaxErrorKind::RangeError);
        }
        // Just under the limits: parses, and the tree drops without overflowing.
        let nested = format!(
            "{}{}1{}",
            "[".repeat(990),
            "1+".repeat(1900),
            "]".repeat(990)
        );
        drop(body(&nested));
        let chain = format!("x = {}1", "!a+".repeat(1400));
        drop(body(&chain));
        // Other shapes near the budget: nested arrows, conditionals, assignments, functions.
        for src in [
            format!("{}x", "a => ".repeat(2990)),
            format!("{}x", "a ? b : ".repeat(1495)),
            format!("{}x", "x = ".repeat(2990)),
            format!("{}x", "typeof ".repeat(2990)),
            format!("{}{}", "function f() {".repeat(990), "}".repeat(990)),
            format!("{}{}", "if (a) { ".repeat(990), "}".repeat(990)),
            format!("{}x{}", "(".repeat(999), ")".repeat(999)),
        ] {
            match parse(&src, &ParseOptions::default()) {
                Ok(p) => drop(p),
                Err(e) => assert_eq!(e[0].kind, crate::error::SyntaxErrorKind::RangeError),
            }
        }
    }
}
