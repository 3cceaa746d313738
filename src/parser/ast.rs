//! The abstract syntax tree the parser produces: a faithful picture of the source (script goal,
//! ES2023 subset), a `Span` on every node, no resolution or evaluation.
//!
//! What it is: the contract between the grammar actions (`actions.rs`), the early-error pass
//! (`early.rs`) and the lowering pass (`crate::lower`). What it is not: the executable tree. The
//! lowering pass builds its own form (resolved slots, interned keys) and the interpreter never
//! walks this tree.
//!
//! Conventions:
//! - Big variants are boxed so `ExprKind`/`StmtKind` stay small (measured: parse speed depends on
//!   the size of LR stack entries).
//! - String-literal values are UTF-16 code units (`JsStr`), because JS strings may hold lone
//!   surrogates (`"\uD800"`) that a Rust `String` cannot. Identifiers are `Box<str>`: an
//!   identifier can never hold a lone surrogate.
//! - Parenthesised expressions keep a `Paren` node: `((a)) => 1` and `({a}) = 1` must be rejected,
//!   `(a) = 1` accepted, and `(a, b) => …` is told apart from a sequence. Lowering strips it.
//! - Cover grammars: an object or array literal that turns out to be an assignment target is
//!   converted to a `Pat` by the actions; `Prop::CoverInit` (`{a = 1}`) exists only until then,
//!   and the early-error pass rejects any that survives in expression position.

use crate::span::Span;

/// A JS string value: UTF-16 code units, lone surrogates allowed.
pub type JsStr = Box<[u16]>;

/// Convert a Rust string to a `JsStr`.
pub fn js_str(s: &str) -> JsStr {
    s.encode_utf16().collect::<Vec<u16>>().into_boxed_slice()
}

#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    pub body: Vec<Stmt>,
    /// The directive prologue contains an exact `"use strict"` (or the parse options forced strict).
    pub strict: bool,
    pub span: Span,
    /// The source text (spans index into it): `Function.prototype.toString` slices it.
    pub source: std::rc::Rc<str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub name: Box<str>,
    pub span: Span,
}

// ───────────────────────────── statements ─────────────────────────────

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// An expression statement. `directive` holds the raw text (without quotes) when this statement
    /// is part of a directive prologue, e.g. `use strict`.
    Expr {
        expr: Box<Expr>,
        directive: Option<Box<str>>,
    },
    Var(Box<VarDecl>),
    Function(Box<Function>),
    Class(Box<Class>),
    Block(Vec<Stmt>),
    Empty,
    If {
        test: Box<Expr>,
        cons: Box<Stmt>,
        alt: Option<Box<Stmt>>,
    },
    For(Box<ForStmt>),
    ForIn(Box<ForInOf>),
    /// `for (… of …)` and `for await (… of …)` (`is_await`).
    ForOf(Box<ForInOf>),
    While {
        test: Box<Expr>,
        body: Box<Stmt>,
    },
    DoWhile {
        body: Box<Stmt>,
        test: Box<Expr>,
    },
    Switch {
        discriminant: Box<Expr>,
        cases: Vec<SwitchCase>,
    },
    Labeled {
        label: Ident,
        body: Box<Stmt>,
    },
    Break(Option<Ident>),
    Continue(Option<Ident>),
    Return(Option<Box<Expr>>),
    Throw(Box<Expr>),
    Try(Box<TryStmt>),
    Debugger,
    /// Sloppy mode only (early error in strict code).
    With {
        object: Box<Expr>,
        body: Box<Stmt>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    Var,
    Let,
    Const,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VarDecl {
    pub kind: VarKind,
    pub decls: Vec<VarDeclarator>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VarDeclarator {
    pub target: Pat,
    pub init: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ForStmt {
    pub init: Option<ForInit>,
    pub test: Option<Expr>,
    pub update: Option<Expr>,
    pub body: Stmt,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ForInit {
    Var(VarDecl),
    Expr(Expr),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ForInOf {
    pub left: ForHead,
    pub right: Expr,
    pub body: Stmt,
    /// `for await (… of …)`.
    pub is_await: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ForHead {
    /// `var`/`let`/`const` with exactly one declarator (an initialiser only in the sloppy-mode
    /// legacy `for (var x = 1 in o)`; the early-error pass checks the rest).
    Var(VarDecl),
    /// An assignment target: identifier, member expression or destructuring pattern.
    Pat(Pat),
}

#[derive(Clone, Debug, PartialEq)]
pub struct SwitchCase {
    /// `None` for `default:`.
    pub test: Option<Expr>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TryStmt {
    pub block: Vec<Stmt>,
    pub handler: Option<CatchClause>,
    pub finalizer: Option<Vec<Stmt>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CatchClause {
    /// `None` for `catch { … }` (optional catch binding).
    pub param: Option<Pat>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

// ───────────────────────────── functions and classes ─────────────────────────────

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FunctionKind {
    /// `function` declarations and expressions.
    Normal,
    Arrow,
    /// Object-literal or class method (incl. generator/async methods).
    Method,
    Getter,
    Setter,
    /// A class `constructor`; `derived` when the class has an `extends` clause.
    ClassConstructor {
        derived: bool,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    /// Binding name (declarations, named function expressions). Methods carry their name in the key.
    pub id: Option<Ident>,
    pub kind: FunctionKind,
    pub is_async: bool,
    pub is_generator: bool,
    /// Formal parameters; a parameter with a default is `PatKind::Default`.
    pub params: Vec<Pat>,
    /// `...rest` parameter.
    pub rest: Option<Pat>,
    pub body: FunctionBody,
    /// The body's own directive prologue holds `"use strict"` (the function may also be strict
    /// because its surroundings are: the early-error pass and lowering track that).
    pub has_use_strict: bool,
    /// The whole function, from `function`/`async`/first parameter to the closing brace.
    pub span: Span,
}

impl Function {
    /// Parameters are simple (no defaults, no destructuring, no rest): needed for the
    /// `"use strict"` + non-simple-parameters early error and duplicate-parameter rules.
    pub fn has_simple_params(&self) -> bool {
        self.rest.is_none()
            && self
                .params
                .iter()
                .all(|p| matches!(p.kind, PatKind::Ident(_)))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum FunctionBody {
    Block(Vec<Stmt>),
    /// Concise arrow body: `x => x + 1`.
    Expr(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Class {
    pub id: Option<Ident>,
    pub super_class: Option<Box<Expr>>,
    pub members: Vec<ClassMember>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassMember {
    pub kind: ClassMemberKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodKind {
    Method,
    Get,
    Set,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ClassMemberKind {
    /// `constructor(…) { … }` (its function has `FunctionKind::ClassConstructor`).
    Constructor(Box<Function>),
    Method {
        key: PropKey,
        kind: MethodKind,
        is_static: bool,
        func: Box<Function>,
    },
    Field {
        key: PropKey,
        value: Option<Box<Expr>>,
        is_static: bool,
    },
    StaticBlock(Vec<Stmt>),
    /// A lone `;` in a class body.
    Empty,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PropKey {
    /// An IdentifierName (reserved words allowed: `a.if`, `{ class: 1 }`).
    Ident(Ident),
    Str(JsStr, Span),
    Num(f64, Span),
    BigInt(Box<str>, Span),
    Computed(Box<Expr>),
    /// `#name` (class elements and `this.#name` only); the name is without `#`.
    Private(Ident),
}

impl PropKey {
    pub fn span(&self) -> Span {
        match self {
            PropKey::Ident(i) | PropKey::Private(i) => i.span,
            PropKey::Str(_, s) | PropKey::Num(_, s) | PropKey::BigInt(_, s) => *s,
            PropKey::Computed(e) => e.span,
        }
    }
}

// ───────────────────────────── patterns ─────────────────────────────

#[derive(Clone, Debug, PartialEq)]
pub struct Pat {
    pub kind: PatKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PatKind {
    Ident(Ident),
    /// `[a, , b = 1, ...rest]`; `None` is a hole.
    Array {
        elems: Vec<Option<Pat>>,
        rest: Option<Box<Pat>>,
    },
    /// `{a, b: c, [k]: d = 1, ...rest}`.
    Object {
        props: Vec<ObjectPatProp>,
        rest: Option<Box<Pat>>,
    },
    /// `target = default` (a parameter, element or property with a default).
    Default {
        target: Box<Pat>,
        default: Box<Expr>,
    },
    /// A member expression as an assignment target (`[a.b, c[0]] = …`, `for (o.p of …)`).
    /// Never appears in binding positions (declarations, parameters, catch).
    Expr(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ObjectPatProp {
    pub key: PropKey,
    pub value: Pat,
    /// `{a}` / `{a = 1}`: the key is an identifier and the value binds the same name.
    pub shorthand: bool,
    pub span: Span,
}

// ───────────────────────────── expressions ─────────────────────────────

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Minus,
    Plus,
    Not,
    BitNot,
    TypeOf,
    Void,
    Delete,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateOp {
    Inc,
    Dec,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Exp,
    Shl,
    Shr,
    UShr,
    BitAnd,
    BitOr,
    BitXor,
    Eq,
    NotEq,
    StrictEq,
    StrictNotEq,
    Lt,
    LtEq,
    Gt,
    GtEq,
    In,
    InstanceOf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogicalOp {
    And,
    Or,
    Nullish,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    Assign,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Exp,
    Shl,
    Shr,
    UShr,
    BitAnd,
    BitOr,
    BitXor,
    And,
    Or,
    Nullish,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Ident(Ident),
    This,
    Null,
    Bool(bool),
    Num(f64),
    Str(JsStr),
    /// Text of a BigInt literal without the `n` and the separators (`123`, `0x1F`); lowering
    /// turns it into a `Value::BigInt` constant.
    BigInt(Box<str>),
    Regex(Box<RegexLit>),
    Template(Box<Template>),
    TaggedTemplate {
        tag: Box<Expr>,
        quasi: Box<Template>,
    },
    /// `[1, , ...xs]`; `None` is a hole.
    Array(Vec<Option<ExprOrSpread>>),
    Object(Vec<Prop>),
    Function(Box<Function>),
    Arrow(Box<Function>),
    Class(Box<Class>),
    Unary {
        op: UnaryOp,
        arg: Box<Expr>,
    },
    Update {
        op: UpdateOp,
        prefix: bool,
        arg: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Logical {
        op: LogicalOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// `#x in obj`.
    PrivateIn {
        name: Ident,
        right: Box<Expr>,
    },
    Assign {
        op: AssignOp,
        /// For `=`: any pattern (destructuring allowed). For compound and logical assignment:
        /// `PatKind::Ident` or `PatKind::Expr` (member) only.
        target: Box<Pat>,
        value: Box<Expr>,
    },
    Cond {
        test: Box<Expr>,
        cons: Box<Expr>,
        alt: Box<Expr>,
    },
    Call {
        callee: Box<Expr>,
        args: Vec<ExprOrSpread>,
        /// `f?.()`.
        optional: bool,
    },
    New {
        callee: Box<Expr>,
        /// `None` for `new X` without parentheses.
        args: Option<Vec<ExprOrSpread>>,
    },
    Member {
        object: Box<Expr>,
        prop: MemberProp,
        /// `a?.b`, `a?.[k]`.
        optional: bool,
    },
    /// `super.x`, `super[k]`.
    SuperMember(MemberProp),
    /// `super(…)`.
    SuperCall(Vec<ExprOrSpread>),
    /// The boundary of an optional chain: `a?.b.c()` is `OptChain(Call(Member(Member(a,b,opt),c)))`;
    /// a short-circuit anywhere inside yields `undefined` for the whole chain.
    OptChain(Box<Expr>),
    Seq(Vec<Expr>),
    Paren(Box<Expr>),
    Yield {
        arg: Option<Box<Expr>>,
        delegate: bool,
    },
    Await(Box<Expr>),
    NewTarget,
    ImportMeta,
    /// Dynamic `import(specifier)` (valid in scripts; loading modules is not implemented yet).
    ImportCall(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum MemberProp {
    /// `.name` (IdentifierName: reserved words allowed).
    Ident(Ident),
    /// `.#name`.
    Private(Ident),
    /// `[expr]`.
    Computed(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExprOrSpread {
    pub expr: Expr,
    pub spread: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RegexLit {
    pub pattern: Box<str>,
    pub flags: Box<str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    /// One more quasi than expressions.
    pub quasis: Vec<TemplateElement>,
    pub exprs: Vec<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TemplateElement {
    /// `None` when the text has an invalid escape (allowed only in tagged templates).
    pub cooked: Option<JsStr>,
    /// Raw text with CRLF/CR normalised to LF, as TV/TRV require.
    pub raw: Box<str>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Prop {
    pub kind: PropKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PropKind {
    /// `key: value` (incl. `__proto__: v`, which sets the prototype when not computed/shorthand).
    KeyValue {
        key: PropKey,
        value: Box<Expr>,
    },
    /// `{a}`.
    Shorthand(Ident),
    /// `{a = 1}`: only valid when the literal is reinterpreted as a pattern.
    CoverInit {
        name: Ident,
        default: Box<Expr>,
    },
    Method {
        key: PropKey,
        kind: MethodKind,
        func: Box<Function>,
    },
    Spread(Box<Expr>),
}
