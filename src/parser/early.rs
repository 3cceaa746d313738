//! The early-error pass: ECMA-262 "Static Semantics: Early Errors" that need context the grammar
//! does not carry (script goal, ES2023).
//!
//! What it does: one walk over the AST with a small `Copy` context (strictness, function kind,
//! `yield`/`await` roles, where `super`/`new.target`/`arguments`/`return`/`break`/`continue` are
//! allowed), a stack of declaration scopes (lexical names per block, `var` names checked against
//! every block they are hoisted through), a label stack per function, and a stack of private-name
//! sets per class. It reports: redeclarations, label errors, `return`/`break`/`continue`
//! placement, parameter rules, strict-mode rules (incl. legacy octal literals and escapes, read
//! from the source text through spans), reserved words in identifier positions, `yield`/`await`
//! placement, `super`/`new.target`/`import.meta` placement, object-literal and class-body rules,
//! private names, regular-expression literals (validated with `regress`, the runtime's engine),
//! `for-in`/`for-of` head rules and declarations in single-statement positions.
//!
//! What it deliberately does not do: anything the grammar already rejects (malformed syntax,
//! invalid assignment targets out of cover grammars), module-goal rules (tidejs parses scripts),
//! and resolution for execution (that is `crate::lower`). Annex B is followed where it relaxes
//! rules in sloppy mode (duplicate function declarations in blocks, `if (x) function f(){}`,
//! `var e` in `catch (e)`, `for (var x = 1 in o)`).
//!
//! Deep input: the walk never overflows the Rust stack. Single-child chains and the usually-deep
//! child of a node (the left operand of `a+a+…`, the object of `a.b.c…`, the last element of an
//! array, the `else` of `else if` chains, …) are walked in a loop, not by recursion. Every real
//! recursion goes through `stacker::maybe_grow`, so nesting as deep as the parser accepts is
//! checked whatever the caller's stack size (a 2 MiB test thread included); a depth counter is
//! kept as a last guard and reports `RangeError: Maximum call stack size exceeded` (V8's words) beyond
//! `MAX_DEPTH`, far above the parser's own nesting limit.

use super::ast::*;
use super::ParseOptions;
use crate::error::SyntaxError;
use crate::span::Span;
use std::collections::{HashMap, HashSet};

/// Recursion depth (statements, expressions, patterns, functions counted together) beyond which
/// the pass reports a RangeError instead of descending. The parser limits nesting to about a
/// thousand levels, so valid programs stay far below this.
const MAX_DEPTH: u32 = 50_000;

/// `stacker`: when less than `RED_ZONE` bytes of stack remain, continue on a new `STACK_CHUNK`.
const RED_ZONE: usize = 128 * 1024;
const STACK_CHUNK: usize = 2 * 1024 * 1024;

/// Run the early-error checks on a parsed script. `source` is the text the spans point into.
/// Errors come back in source order.
pub fn check(program: &Program, source: &str, options: &ParseOptions) -> Vec<SyntaxError> {
    let mut c = Checker {
        src: source,
        errors: Vec::new(),
        scopes: Vec::new(),
        labels: Vec::new(),
        label_floor: 0,
        privates: Vec::new(),
        depth: 0,
        too_deep: false,
        outer_privates: options
            .eval
            .as_ref()
            .map(|e| e.privates.clone())
            .unwrap_or_default(),
    };
    let mut ctx = Ctx {
        strict: program.strict || options.strict,
        ..Ctx::default()
    };
    if let Some(e) = &options.eval {
        ctx.new_target = e.new_target;
        ctx.super_prop = e.super_prop;
        ctx.super_call = e.super_call;
        ctx.no_arguments = e.no_arguments;
    }
    c.visit_top_level(&program.body, ctx, &[], ScopeKind::Function);
    c.errors.sort_by_key(|e| (e.span.start, e.span.end));
    c.errors.dedup();
    c.errors
}

/// What the code at hand may contain. Copied into every recursion; functions build a fresh one.
#[derive(Clone, Copy, Default)]
struct Ctx {
    strict: bool,
    /// Inside a function body: `return` allowed.
    in_function: bool,
    /// `yield` cannot be an identifier (generator body or parameters).
    yield_reserved: bool,
    /// A `yield` expression may appear (generator body).
    yield_allowed: bool,
    /// `await` cannot be an identifier (async function, static block, class field in async code).
    await_reserved: bool,
    /// An `await` expression may appear (async function body).
    await_allowed: bool,
    /// Inside a class static block (until a function boundary).
    static_block: bool,
    /// `arguments` is forbidden (class field initialisers, static blocks; arrows inherit).
    no_arguments: bool,
    super_call: bool,
    super_prop: bool,
    new_target: bool,
    /// Inside formal parameters (yield/await expressions forbidden there).
    in_params: bool,
    /// Unlabelled `continue` allowed.
    in_loop: bool,
    /// Unlabelled `break` allowed.
    in_breakable: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    /// A function body, script, or class static block: `var` stops here.
    Function,
    Block,
    /// The parameter scope of a catch clause; `simple` when the parameter is a plain identifier
    /// (Annex B then allows `var e` in the body).
    Catch {
        simple: bool,
    },
}

struct Scope<'a> {
    kind: ScopeKind,
    lexical: HashSet<&'a str>,
}

struct Label<'a> {
    name: &'a str,
    is_loop: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum PrivKind {
    Field,
    Method,
    Get,
    Set,
    /// A getter and a setter have been paired.
    Accessor,
}

struct Checker<'a> {
    src: &'a str,
    errors: Vec<SyntaxError>,
    scopes: Vec<Scope<'a>>,
    labels: Vec<Label<'a>>,
    /// Index in `labels` where the current function's labels start.
    label_floor: usize,
    /// Private names declared by each enclosing class, innermost last.
    privates: Vec<HashSet<&'a str>>,
    /// Eval code: the private names of the classes around the direct eval.
    outer_privates: Vec<String>,
    depth: u32,
    too_deep: bool,
}

const STRICT_RESERVED: &[&str] = &[
    "implements",
    "interface",
    "let",
    "package",
    "private",
    "protected",
    "public",
    "static",
    "yield",
];

const RESERVED: &[&str] = &[
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "new",
    "null",
    "return",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
];

fn strip_parens(mut e: &Expr) -> &Expr {
    while let ExprKind::Paren(inner) = &e.kind {
        e = inner;
    }
    e
}

/// Bound names of a binding pattern, in source order.
fn bound_names<'a>(p: &'a Pat, out: &mut Vec<&'a Ident>) {
    let mut stack = vec![p];
    while let Some(p) = stack.pop() {
        match &p.kind {
            PatKind::Ident(i) => out.push(i),
            PatKind::Array { elems, rest } => {
                if let Some(r) = rest {
                    stack.push(r);
                }
                for e in elems.iter().rev().flatten() {
                    stack.push(e);
                }
            }
            PatKind::Object { props, rest } => {
                if let Some(r) = rest {
                    stack.push(r);
                }
                for prop in props.iter().rev() {
                    stack.push(&prop.value);
                }
            }
            PatKind::Default { target, .. } => stack.push(target),
            PatKind::Expr(_) => {}
        }
    }
}

fn is_loop(s: &Stmt) -> bool {
    matches!(
        s.kind,
        StmtKind::For(_)
            | StmtKind::ForIn(_)
            | StmtKind::ForOf(_)
            | StmtKind::While { .. }
            | StmtKind::DoWhile { .. }
    )
}

/// The statement under a chain of labels.
fn unlabel(mut s: &Stmt) -> &Stmt {
    while let StmtKind::Labeled { body, .. } = &s.kind {
        s = body;
    }
    s
}

fn key_name(key: &PropKey) -> Option<String> {
    match key {
        PropKey::Ident(i) => Some(i.name.to_string()),
        PropKey::Str(s, _) => Some(String::from_utf16_lossy(s)),
        _ => None,
    }
}

impl<'a> Checker<'a> {
    fn err(&mut self, msg: impl Into<String>, span: Span) {
        self.errors.push(SyntaxError::new(msg, span));
    }

    fn text(&self, span: Span) -> &'a str {
        self.src
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }

    /// The first byte after `pos` that is not ASCII whitespace or inside a comment.
    fn next_significant(&self, pos: u32) -> Option<u8> {
        let b = self.src.as_bytes();
        let mut i = pos as usize;
        while i < b.len() {
            match b[i] {
                b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => i += 1,
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    let end = self.src.get(i + 2..)?.find("*/")?;
                    i += 2 + end + 2;
                }
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    let end = self.src.get(i..)?.find('\n')?;
                    i += end + 1;
                }
                c => return Some(c),
            }
        }
        None
    }

    /// Enter one level of real recursion; false (and a RangeError, once) when too deep.
    fn enter(&mut self, span: Span) -> bool {
        if self.depth >= MAX_DEPTH {
            if !self.too_deep {
                self.too_deep = true;
                self.errors.push(SyntaxError::range_error(
                    "Maximum call stack size exceeded",
                    span,
                ));
            }
            return false;
        }
        self.depth += 1;
        true
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ───────────────────────────── identifiers ─────────────────────────────

    /// Rules shared by identifier references, binding identifiers and labels.
    fn check_ident_common(&mut self, id: &Ident, ctx: Ctx) {
        let name = &*id.name;
        if RESERVED.contains(&name) {
            if self.text(id.span) != name {
                self.err("Keyword must not contain escaped characters", id.span);
            } else {
                self.err(format!("Unexpected token '{name}'"), id.span);
            }
            return;
        }
        if ctx.strict && STRICT_RESERVED.contains(&name) {
            self.err("Unexpected strict mode reserved word", id.span);
            return;
        }
        if name == "yield" && ctx.yield_reserved {
            self.err("Unexpected identifier 'yield'", id.span);
        }
        if name == "await" && (ctx.await_reserved || ctx.static_block) {
            self.err("Unexpected reserved word", id.span);
        }
    }

    fn check_ident_ref(&mut self, id: &Ident, ctx: Ctx) {
        self.check_ident_common(id, ctx);
        if &*id.name == "arguments" && ctx.no_arguments {
            self.err(
                "'arguments' is not allowed in class field initializer or static initialization block",
                id.span,
            );
        }
    }

    fn check_binding_ident(&mut self, id: &Ident, ctx: Ctx) {
        self.check_ident_common(id, ctx);
        if ctx.strict && (&*id.name == "eval" || &*id.name == "arguments") {
            self.err("Unexpected eval or arguments in strict mode", id.span);
        }
    }

    /// An identifier that is assigned to (`x = 1`, `x++`, `[x] = …`).
    fn check_simple_target(&mut self, id: &Ident, ctx: Ctx) {
        self.check_ident_ref(id, ctx);
        if ctx.strict && (&*id.name == "eval" || &*id.name == "arguments") {
            self.err("Unexpected eval or arguments in strict mode", id.span);
        }
    }

    // ───────────────────────────── scopes ─────────────────────────────

    /// Declare `var`-scoped names: checked against every block scope they are hoisted through.
    fn declare_var(&mut self, id: &Ident) {
        let name = &*id.name;
        for scope in self.scopes.iter().rev() {
            if scope.lexical.contains(name) {
                if let ScopeKind::Catch { simple: true } = scope.kind {
                    continue;
                }
                let msg = format!("Identifier '{name}' has already been declared");
                self.err(msg, id.span);
                return;
            }
            if scope.kind == ScopeKind::Function {
                return;
            }
        }
    }

    fn declare_vars_of(&mut self, d: &'a VarDecl) {
        if d.kind != VarKind::Var {
            return;
        }
        let mut names = Vec::new();
        for decl in &d.decls {
            bound_names(&decl.target, &mut names);
        }
        for n in names {
            self.declare_var(n);
        }
    }

    /// Lexically declared names of a statement list. `top_level`: function/script level, where
    /// function declarations are var-scoped (returned separately).
    fn collect_scope(
        &mut self,
        stmts: &'a [Stmt],
        ctx: Ctx,
        top_level: bool,
    ) -> (HashSet<&'a str>, Vec<&'a Ident>) {
        let mut lexical: HashMap<&'a str, bool> = HashMap::new();
        let mut top_fns = Vec::new();
        let mut names = Vec::new();
        for s in stmts {
            match &s.kind {
                StmtKind::Var(d) if d.kind != VarKind::Var => {
                    names.clear();
                    for decl in &d.decls {
                        bound_names(&decl.target, &mut names);
                    }
                    for n in names.drain(..) {
                        self.add_lexical(&mut lexical, n, false, ctx);
                    }
                }
                StmtKind::Class(c) => {
                    if let Some(id) = &c.id {
                        self.add_lexical(&mut lexical, id, false, ctx);
                    }
                }
                _ => {
                    if let StmtKind::Function(f) = &unlabel(s).kind {
                        if let Some(id) = &f.id {
                            if top_level {
                                top_fns.push(id);
                            } else {
                                let plain = !f.is_async && !f.is_generator;
                                self.add_lexical(&mut lexical, id, plain, ctx);
                            }
                        }
                    }
                }
            }
        }
        for id in &top_fns {
            if lexical.contains_key(&*id.name) {
                let msg = format!("Identifier '{}' has already been declared", id.name);
                self.err(msg, id.span);
            }
        }
        (lexical.into_keys().collect(), top_fns)
    }

    fn add_lexical(
        &mut self,
        set: &mut HashMap<&'a str, bool>,
        id: &'a Ident,
        plain_fn: bool,
        ctx: Ctx,
    ) {
        if let Some(prev_plain) = set.get(&*id.name) {
            if !(plain_fn && *prev_plain && !ctx.strict) {
                let msg = format!("Identifier '{}' has already been declared", id.name);
                self.err(msg, id.span);
            }
        } else {
            set.insert(&id.name, plain_fn);
        }
    }

    fn check_let_name(&mut self, d: &'a VarDecl) {
        if d.kind == VarKind::Var {
            return;
        }
        let mut names = Vec::new();
        for decl in &d.decls {
            bound_names(&decl.target, &mut names);
        }
        for n in names {
            if &*n.name == "let" {
                self.err("let is disallowed as a lexically bound name", n.span);
            }
        }
    }

    /// A function body, script or static block: its own var scope.
    fn visit_top_level(
        &mut self,
        stmts: &'a [Stmt],
        ctx: Ctx,
        params: &[&'a Ident],
        kind: ScopeKind,
    ) {
        let (lexical, _fns) = self.collect_scope(stmts, ctx, true);
        for p in params {
            if lexical.contains(&*p.name) {
                // Report at the body's declaration.
                let span = find_decl_span(stmts, &p.name).unwrap_or(p.span);
                let msg = format!("Identifier '{}' has already been declared", p.name);
                self.err(msg, span);
            }
        }
        self.scopes.push(Scope { kind, lexical });
        let floor = std::mem::replace(&mut self.label_floor, self.labels.len());
        self.visit_stmts(stmts, ctx);
        self.labels.truncate(self.label_floor);
        self.label_floor = floor;
        self.scopes.pop();
    }

    fn visit_block(&mut self, stmts: &'a [Stmt], ctx: Ctx) {
        let (lexical, _) = self.collect_scope(stmts, ctx, false);
        self.scopes.push(Scope {
            kind: ScopeKind::Block,
            lexical,
        });
        self.visit_stmts(stmts, ctx);
        self.scopes.pop();
    }

    fn visit_stmts(&mut self, stmts: &'a [Stmt], ctx: Ctx) {
        for s in stmts {
            self.visit_stmt(s, ctx);
        }
    }

    // ───────────────────────────── statements ─────────────────────────────

    /// A statement in a single-statement position (if/loop/with/label body): no declarations.
    fn visit_sub_stmt(&mut self, s: &'a Stmt, ctx: Ctx, is_if: bool) {
        match &s.kind {
            StmtKind::Var(d) if d.kind != VarKind::Var => {
                self.err(
                    "Lexical declaration cannot appear in a single-statement context",
                    s.span,
                );
            }
            StmtKind::Class(_) => {
                self.err(
                    "Lexical declaration cannot appear in a single-statement context",
                    s.span,
                );
            }
            StmtKind::Function(f) => {
                if !is_if {
                    self.err(
                        "Function declarations are not allowed in a single-statement context",
                        s.span,
                    );
                } else if ctx.strict {
                    self.err(
                        "In strict mode code, functions can only be declared at top level or inside a block.",
                        s.span,
                    );
                } else if f.is_async || f.is_generator {
                    self.err(
                        "Async functions and generators can only be declared at top level or inside a block.",
                        s.span,
                    );
                }
            }
            StmtKind::Labeled { .. } => {
                if let StmtKind::Function(_) = unlabel(s).kind {
                    self.err(
                        "Function declarations are not allowed in a single-statement context",
                        unlabel(s).span,
                    );
                }
            }
            _ => {}
        }
        // Annex B `if (x) function f(){}` behaves as if wrapped in a block.
        if let StmtKind::Function(f) = &s.kind {
            let mut lexical = HashSet::new();
            if let Some(id) = &f.id {
                lexical.insert(&*id.name);
            }
            self.scopes.push(Scope {
                kind: ScopeKind::Block,
                lexical,
            });
            self.visit_stmt(s, ctx);
            self.scopes.pop();
        } else {
            self.visit_stmt(s, ctx);
        }
    }

    fn visit_stmt(&mut self, s: &'a Stmt, ctx: Ctx) {
        stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || self.visit_stmt_inner(s, ctx))
    }

    fn visit_stmt_inner(&mut self, s: &'a Stmt, ctx: Ctx) {
        if !self.enter(s.span) {
            return;
        }
        let mut s = s;
        loop {
            match &s.kind {
                StmtKind::Expr { expr, .. } => self.visit_expr(expr, ctx),
                StmtKind::Var(d) => self.visit_var_decl(d, ctx, false),
                StmtKind::Function(f) => self.visit_function(f, ctx, true, None),
                StmtKind::Class(c) => self.visit_class(c, ctx, true),
                StmtKind::Block(b) => self.visit_block(b, ctx),
                StmtKind::Empty | StmtKind::Debugger => {}
                StmtKind::If { test, cons, alt } => {
                    self.visit_expr(test, ctx);
                    self.visit_sub_stmt(cons, ctx, true);
                    if let Some(alt) = alt {
                        if matches!(alt.kind, StmtKind::If { .. }) {
                            s = alt;
                            continue;
                        }
                        self.visit_sub_stmt(alt, ctx, true);
                    }
                }
                StmtKind::For(f) => self.visit_for(f, ctx),
                StmtKind::ForIn(f) => self.visit_for_in_of(f, ctx, s.span, false),
                StmtKind::ForOf(f) => self.visit_for_in_of(f, ctx, s.span, true),
                StmtKind::While { test, body } => {
                    self.visit_expr(test, ctx);
                    self.visit_sub_stmt(body, loop_ctx(ctx), false);
                }
                StmtKind::DoWhile { body, test } => {
                    self.visit_sub_stmt(body, loop_ctx(ctx), false);
                    self.visit_expr(test, ctx);
                }
                StmtKind::Switch {
                    discriminant,
                    cases,
                } => {
                    self.visit_expr(discriminant, ctx);
                    for case in cases.iter().filter(|c| c.test.is_none()).skip(1) {
                        self.err(
                            "More than one default clause in switch statement",
                            case.span,
                        );
                    }
                    let mut all: Vec<&'a Stmt> = Vec::new();
                    for case in cases {
                        all.extend(case.body.iter());
                    }
                    let (lexical, _) = self.collect_scope_refs(&all, ctx);
                    self.scopes.push(Scope {
                        kind: ScopeKind::Block,
                        lexical,
                    });
                    let inner = Ctx {
                        in_breakable: true,
                        ..ctx
                    };
                    for case in cases {
                        if let Some(t) = &case.test {
                            self.visit_expr(t, ctx);
                        }
                        self.visit_stmts(&case.body, inner);
                    }
                    self.scopes.pop();
                }
                StmtKind::Labeled { label, body } => self.visit_labeled(label, body, ctx),
                StmtKind::Break(label) => match label {
                    Some(l) => {
                        self.check_ident_common(l, ctx);
                        if !self.labels[self.label_floor..]
                            .iter()
                            .any(|x| x.name == &*l.name)
                        {
                            self.err(format!("Undefined label '{}'", l.name), l.span);
                        }
                    }
                    None => {
                        if !ctx.in_breakable {
                            self.err("Illegal break statement", s.span);
                        }
                    }
                },
                StmtKind::Continue(label) => match label {
                    Some(l) => {
                        self.check_ident_common(l, ctx);
                        match self.labels[self.label_floor..]
                            .iter()
                            .rev()
                            .find(|x| x.name == &*l.name)
                        {
                            None => self.err(format!("Undefined label '{}'", l.name), l.span),
                            Some(x) if !x.is_loop || !ctx.in_loop => {
                                self.err(format!("Illegal continue statement: '{}' does not denote an iteration statement", l.name), l.span)
                            }
                            Some(_) => {}
                        }
                    }
                    None => {
                        if !ctx.in_loop {
                            self.err(
                                "Illegal continue statement: no surrounding iteration statement",
                                s.span,
                            );
                        }
                    }
                },
                StmtKind::Return(arg) => {
                    if !ctx.in_function {
                        self.err("Illegal return statement", s.span);
                    }
                    if let Some(a) = arg {
                        self.visit_expr(a, ctx);
                    }
                }
                StmtKind::Throw(e) => self.visit_expr(e, ctx),
                StmtKind::Try(t) => {
                    self.visit_block(&t.block, ctx);
                    if let Some(h) = &t.handler {
                        self.visit_catch(h, ctx);
                    }
                    if let Some(f) = &t.finalizer {
                        self.visit_block(f, ctx);
                    }
                }
                StmtKind::With { object, body } => {
                    if ctx.strict {
                        self.err("Strict mode code may not include a with statement", s.span);
                    }
                    self.visit_expr(object, ctx);
                    self.visit_sub_stmt(body, ctx, false);
                }
            }
            break;
        }
        self.leave();
    }

    /// `collect_scope` over statements gathered from several lists (switch cases).
    fn collect_scope_refs(
        &mut self,
        stmts: &[&'a Stmt],
        ctx: Ctx,
    ) -> (HashSet<&'a str>, Vec<&'a Ident>) {
        let mut lexical: HashMap<&'a str, bool> = HashMap::new();
        let mut names = Vec::new();
        for s in stmts {
            match &s.kind {
                StmtKind::Var(d) if d.kind != VarKind::Var => {
                    names.clear();
                    for decl in &d.decls {
                        bound_names(&decl.target, &mut names);
                    }
                    for n in names.drain(..) {
                        self.add_lexical(&mut lexical, n, false, ctx);
                    }
                }
                StmtKind::Class(c) => {
                    if let Some(id) = &c.id {
                        self.add_lexical(&mut lexical, id, false, ctx);
                    }
                }
                _ => {
                    if let StmtKind::Function(f) = &unlabel(s).kind {
                        if let Some(id) = &f.id {
                            let plain = !f.is_async && !f.is_generator;
                            self.add_lexical(&mut lexical, id, plain, ctx);
                        }
                    }
                }
            }
        }
        (lexical.into_keys().collect(), Vec::new())
    }

    fn visit_labeled(&mut self, label: &'a Ident, body: &'a Stmt, ctx: Ctx) {
        self.check_ident_common(label, ctx);
        if self.labels[self.label_floor..]
            .iter()
            .any(|x| x.name == &*label.name)
        {
            self.err(
                format!("Label '{}' has already been declared", label.name),
                label.span,
            );
        }
        let target = unlabel(body);
        if let StmtKind::Function(f) = &target.kind {
            if ctx.strict {
                self.err(
                    "In strict mode code, functions can only be declared at top level or inside a block.",
                    target.span,
                );
            } else if f.is_async || f.is_generator {
                self.err(
                    "Async functions and generators can only be declared at top level or inside a block.",
                    target.span,
                );
            }
        }
        if matches!(body.kind, StmtKind::Var(ref d) if d.kind != VarKind::Var)
            || matches!(body.kind, StmtKind::Class(_))
        {
            self.err(
                "Lexical declaration cannot appear in a single-statement context",
                body.span,
            );
        }
        self.labels.push(Label {
            name: &label.name,
            is_loop: is_loop(target),
        });
        let inner = if is_loop(target) {
            ctx
        } else {
            // `break L` may leave a labelled block; unlabelled break/continue keep their rules.
            ctx
        };
        self.visit_stmt(body, inner);
        self.labels.pop();
    }

    fn visit_catch(&mut self, h: &'a CatchClause, ctx: Ctx) {
        let mut names = Vec::new();
        let mut simple = true;
        if let Some(p) = &h.param {
            simple = matches!(p.kind, PatKind::Ident(_));
            self.visit_binding_pat(p, ctx);
            bound_names(p, &mut names);
        }
        let mut params = HashSet::new();
        for n in &names {
            if !params.insert(&*n.name) {
                let msg = format!("Identifier '{}' has already been declared", n.name);
                self.err(msg, n.span);
            }
        }
        let (lexical, _) = self.collect_scope(&h.body, ctx, false);
        for n in &names {
            if lexical.contains(&*n.name) {
                let span = find_decl_span(&h.body, &n.name).unwrap_or(n.span);
                let msg = format!("Identifier '{}' has already been declared", n.name);
                self.err(msg, span);
            }
        }
        self.scopes.push(Scope {
            kind: ScopeKind::Catch { simple },
            lexical: params,
        });
        self.scopes.push(Scope {
            kind: ScopeKind::Block,
            lexical,
        });
        self.visit_stmts(&h.body, ctx);
        self.scopes.pop();
        self.scopes.pop();
    }

    /// `in_for_head`: the declaration of a `for-in`/`for-of` head (no initialiser needed).
    fn visit_var_decl(&mut self, d: &'a VarDecl, ctx: Ctx, in_for_head: bool) {
        self.check_let_name(d);
        for decl in &d.decls {
            self.visit_binding_pat(&decl.target, ctx);
            if let Some(init) = &decl.init {
                self.visit_expr(init, ctx);
            } else if !in_for_head {
                if !matches!(decl.target.kind, PatKind::Ident(_)) {
                    self.err(
                        "Missing initializer in destructuring declaration",
                        decl.span,
                    );
                } else if d.kind == VarKind::Const {
                    self.err("Missing initializer in const declaration", decl.span);
                }
            }
        }
        self.declare_vars_of(d);
    }

    fn visit_for(&mut self, f: &'a ForStmt, ctx: Ctx) {
        let mut pushed = false;
        match &f.init {
            Some(ForInit::Var(d)) => {
                if d.kind != VarKind::Var {
                    let mut names = Vec::new();
                    for decl in &d.decls {
                        bound_names(&decl.target, &mut names);
                    }
                    let mut lexical = HashSet::new();
                    for n in names {
                        if !lexical.insert(&*n.name) {
                            let msg = format!("Identifier '{}' has already been declared", n.name);
                            self.err(msg, n.span);
                        }
                    }
                    self.scopes.push(Scope {
                        kind: ScopeKind::Block,
                        lexical,
                    });
                    pushed = true;
                }
                self.visit_var_decl(d, ctx, false);
            }
            Some(ForInit::Expr(e)) => self.visit_expr(e, ctx),
            None => {}
        }
        if let Some(t) = &f.test {
            self.visit_expr(t, ctx);
        }
        if let Some(u) = &f.update {
            self.visit_expr(u, ctx);
        }
        self.visit_sub_stmt(&f.body, loop_ctx(ctx), false);
        if pushed {
            self.scopes.pop();
        }
    }

    fn visit_for_in_of(&mut self, f: &'a ForInOf, ctx: Ctx, span: Span, is_of: bool) {
        let what = if is_of { "for-of" } else { "for-in" };
        let mut pushed = false;
        match &f.left {
            ForHead::Var(d) => {
                if d.decls.len() != 1 {
                    self.err(
                        format!(
                            "Invalid left-hand side in {what} loop: Must have a single binding."
                        ),
                        d.span,
                    );
                }
                for decl in &d.decls {
                    if decl.init.is_some() {
                        let legacy_ok = !is_of
                            && !ctx.strict
                            && d.kind == VarKind::Var
                            && matches!(decl.target.kind, PatKind::Ident(_));
                        if !legacy_ok {
                            self.err(
                                format!(
                                    "{what} loop variable declaration may not have an initializer."
                                ),
                                decl.span,
                            );
                        }
                    }
                }
                if d.kind != VarKind::Var {
                    let mut names = Vec::new();
                    for decl in &d.decls {
                        bound_names(&decl.target, &mut names);
                    }
                    let mut lexical = HashSet::new();
                    for n in names {
                        if !lexical.insert(&*n.name) {
                            let msg = format!("Identifier '{}' has already been declared", n.name);
                            self.err(msg, n.span);
                        }
                    }
                    // The right-hand side sees the TDZ scope of the head's names.
                    self.scopes.push(Scope {
                        kind: ScopeKind::Block,
                        lexical,
                    });
                    pushed = true;
                }
                self.visit_var_decl(d, ctx, true);
            }
            ForHead::Pat(p) => {
                if is_of && !f.is_await {
                    let head_start = self.for_head_start(span);
                    if let Some(start) = head_start {
                        let between = self.text(Span::new(start, p.span.start));
                        if between.trim().is_empty() {
                            let t = self.text(p.span);
                            if let PatKind::Ident(i) = &p.kind {
                                if &*i.name == "async" && t == "async" {
                                    self.err(
                                        "The left-hand side of a for-of loop may not be 'async'.",
                                        p.span,
                                    );
                                }
                            }
                            if t.starts_with("let")
                                && !t[3..].starts_with(|c: char| {
                                    c.is_alphanumeric() || c == '_' || c == '$' || c == '\\'
                                })
                            {
                                self.err(
                                    "The left-hand side of a for-of loop may not be 'let'.",
                                    p.span,
                                );
                            }
                        }
                    }
                }
                self.visit_assign_target(p, ctx);
            }
        }
        self.visit_expr(&f.right, ctx);
        self.visit_sub_stmt(&f.body, loop_ctx(ctx), false);
        if pushed {
            self.scopes.pop();
        }
    }

    /// Offset just after the `(` of a `for` statement starting at `span.start`.
    fn for_head_start(&self, span: Span) -> Option<u32> {
        let t = self.text(span);
        let rest = t.strip_prefix("for")?;
        let idx = rest.find('(')?;
        if !rest[..idx].trim().is_empty() {
            return None;
        }
        Some(span.start + 3 + idx as u32 + 1)
    }

    // ───────────────────────────── functions ─────────────────────────────

    /// `class_info`: for class/object methods, whether `super()` is allowed (derived constructor).
    fn visit_function(
        &mut self,
        f: &'a Function,
        outer: Ctx,
        is_decl: bool,
        class_ctor_derived: Option<bool>,
    ) {
        stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || {
            self.visit_function_inner(f, outer, is_decl, class_ctor_derived)
        })
    }

    fn visit_function_inner(
        &mut self,
        f: &'a Function,
        outer: Ctx,
        is_decl: bool,
        class_ctor_derived: Option<bool>,
    ) {
        if !self.enter(f.span) {
            return;
        }
        let strict = outer.strict || f.has_use_strict;
        let is_arrow = f.kind == FunctionKind::Arrow;
        let is_method = matches!(
            f.kind,
            FunctionKind::Method
                | FunctionKind::Getter
                | FunctionKind::Setter
                | FunctionKind::ClassConstructor { .. }
        );
        let simple = f.has_simple_params();

        // The function's own context (body).
        let body_ctx = if is_arrow {
            Ctx {
                strict,
                in_function: true,
                yield_reserved: strict,
                yield_allowed: false,
                await_reserved: f.is_async,
                await_allowed: f.is_async,
                static_block: false,
                in_params: false,
                in_loop: false,
                in_breakable: false,
                ..outer
            }
        } else {
            let super_call = match f.kind {
                FunctionKind::ClassConstructor { derived } => class_ctor_derived.unwrap_or(derived),
                _ => false,
            };
            Ctx {
                strict,
                in_function: true,
                yield_reserved: f.is_generator,
                yield_allowed: f.is_generator,
                await_reserved: f.is_async,
                await_allowed: f.is_async,
                static_block: false,
                no_arguments: false,
                super_call,
                super_prop: is_method,
                new_target: true,
                in_params: false,
                in_loop: false,
                in_breakable: false,
            }
        };
        let param_ctx = if is_arrow {
            // Arrow parameters are parsed in the enclosing context.
            Ctx {
                strict,
                in_params: true,
                await_reserved: outer.await_reserved || f.is_async,
                ..outer
            }
        } else {
            Ctx {
                in_params: true,
                ..body_ctx
            }
        };

        // The name.
        if let Some(id) = &f.id {
            let name_ctx = if is_decl {
                Ctx { strict, ..outer }
            } else {
                Ctx {
                    strict,
                    yield_reserved: f.is_generator,
                    await_reserved: f.is_async,
                    static_block: false,
                    ..outer
                }
            };
            self.check_binding_ident(id, name_ctx);
        }

        // Parameters.
        let mut names = Vec::new();
        for p in &f.params {
            self.visit_binding_pat(p, param_ctx);
            bound_names(p, &mut names);
        }
        if let Some(r) = &f.rest {
            self.visit_binding_pat(r, param_ctx);
            bound_names(r, &mut names);
            if self.next_significant(r.span.end) == Some(b',') {
                self.err("Rest parameter must be last formal parameter", r.span);
            }
            if matches!(r.kind, PatKind::Default { .. }) {
                self.err("Rest parameter may not have a default initializer", r.span);
            }
        }
        let unique = strict || is_arrow || is_method || !simple;
        if unique {
            let mut seen = HashSet::new();
            for n in &names {
                if !seen.insert(&*n.name) {
                    self.err(
                        "Duplicate parameter name not allowed in this context",
                        n.span,
                    );
                }
            }
        }
        if f.has_use_strict && !simple {
            let span = self.use_strict_span(f).unwrap_or(f.span);
            self.err(
                "Illegal 'use strict' directive in function with non-simple parameter list",
                span,
            );
        }
        match f.kind {
            FunctionKind::Getter if !f.params.is_empty() || f.rest.is_some() => {
                self.err("Getter must not have any formal parameters.", f.span);
            }
            FunctionKind::Setter => {
                if f.rest.is_some() {
                    self.err(
                        "Setter function argument must not be a rest parameter",
                        f.span,
                    );
                } else if f.params.len() != 1 {
                    self.err("Setter must have exactly one formal parameter.", f.span);
                }
            }
            _ => {}
        }

        // Body.
        match &f.body {
            FunctionBody::Block(stmts) => {
                self.visit_top_level(stmts, body_ctx, &names, ScopeKind::Function);
            }
            FunctionBody::Expr(e) => {
                self.scopes.push(Scope {
                    kind: ScopeKind::Function,
                    lexical: HashSet::new(),
                });
                let floor = std::mem::replace(&mut self.label_floor, self.labels.len());
                self.visit_expr(e, body_ctx);
                self.label_floor = floor;
                self.scopes.pop();
            }
        }
        self.leave();
    }

    fn use_strict_span(&self, f: &Function) -> Option<Span> {
        if let FunctionBody::Block(stmts) = &f.body {
            for s in stmts {
                if let StmtKind::Expr {
                    directive: Some(d), ..
                } = &s.kind
                {
                    if &**d == "use strict" {
                        return Some(s.span);
                    }
                } else {
                    break;
                }
            }
        }
        None
    }

    // ───────────────────────────── classes ─────────────────────────────

    fn visit_class(&mut self, c: &'a Class, outer: Ctx, is_decl: bool) {
        stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || {
            self.visit_class_inner(c, outer, is_decl)
        })
    }

    fn visit_class_inner(&mut self, c: &'a Class, outer: Ctx, is_decl: bool) {
        if !self.enter(c.span) {
            return;
        }
        let ctx = Ctx {
            strict: true,
            ..outer
        };
        if let Some(id) = &c.id {
            let _ = is_decl;
            self.check_binding_ident(id, ctx);
        }
        if let Some(sup) = &c.super_class {
            self.visit_expr(sup, ctx);
        }
        let derived = c.super_class.is_some();

        // Class-body rules and private names.
        let mut privs: HashMap<&'a str, (PrivKind, bool)> = HashMap::new();
        let mut ctor_count = 0;
        for m in &c.members {
            match &m.kind {
                ClassMemberKind::Constructor(f) => {
                    ctor_count += 1;
                    if ctor_count > 1 {
                        self.err("A class may only have one constructor", m.span);
                    }
                    if f.is_generator {
                        self.err("Class constructor may not be a generator", m.span);
                    } else if f.is_async {
                        self.err("Class constructor may not be an async method", m.span);
                    }
                }
                ClassMemberKind::Method {
                    key,
                    kind,
                    is_static,
                    func,
                } => {
                    let name = key_name(key);
                    if !is_static && name.as_deref() == Some("constructor") {
                        if *kind != MethodKind::Method {
                            self.err("Class constructor may not be an accessor", key.span());
                        } else if func.is_generator {
                            self.err("Class constructor may not be a generator", key.span());
                        } else if func.is_async {
                            self.err("Class constructor may not be an async method", key.span());
                        }
                    }
                    if *is_static && name.as_deref() == Some("prototype") {
                        self.err(
                            "Classes may not have a static property named 'prototype'",
                            key.span(),
                        );
                    }
                    if let PropKey::Private(p) = key {
                        let pk = match kind {
                            MethodKind::Method => PrivKind::Method,
                            MethodKind::Get => PrivKind::Get,
                            MethodKind::Set => PrivKind::Set,
                        };
                        self.declare_private(&mut privs, p, pk, *is_static);
                    }
                }
                ClassMemberKind::Field { key, is_static, .. } => {
                    let name = key_name(key);
                    if name.as_deref() == Some("constructor") {
                        self.err(
                            "Classes may not have a field named 'constructor'",
                            key.span(),
                        );
                    }
                    if *is_static && name.as_deref() == Some("prototype") {
                        self.err(
                            "Classes may not have a static property named 'prototype'",
                            key.span(),
                        );
                    }
                    if let PropKey::Private(p) = key {
                        self.declare_private(&mut privs, p, PrivKind::Field, *is_static);
                    }
                }
                ClassMemberKind::StaticBlock(_) | ClassMemberKind::Empty => {}
            }
        }
        self.privates.push(privs.into_keys().collect());

        let field_ctx = Ctx {
            strict: true,
            in_function: false,
            yield_reserved: true,
            yield_allowed: false,
            await_reserved: outer.await_reserved || outer.static_block,
            await_allowed: false,
            static_block: false,
            no_arguments: true,
            super_call: false,
            super_prop: true,
            new_target: true,
            in_params: false,
            in_loop: false,
            in_breakable: false,
        };
        for m in &c.members {
            match &m.kind {
                ClassMemberKind::Constructor(f) => {
                    self.visit_function(f, ctx, false, Some(derived));
                }
                ClassMemberKind::Method { key, func, .. } => {
                    self.visit_prop_key(key, ctx);
                    self.visit_function(func, ctx, false, Some(false));
                }
                ClassMemberKind::Field { key, value, .. } => {
                    self.visit_prop_key(key, ctx);
                    if let Some(v) = value {
                        let floor = std::mem::replace(&mut self.label_floor, self.labels.len());
                        self.scopes.push(Scope {
                            kind: ScopeKind::Function,
                            lexical: HashSet::new(),
                        });
                        self.visit_expr(v, field_ctx);
                        self.scopes.pop();
                        self.label_floor = floor;
                    }
                }
                ClassMemberKind::StaticBlock(stmts) => {
                    let sctx = Ctx {
                        await_reserved: true,
                        static_block: true,
                        yield_reserved: true,
                        ..field_ctx
                    };
                    self.visit_top_level(stmts, sctx, &[], ScopeKind::Function);
                }
                ClassMemberKind::Empty => {}
            }
        }
        self.privates.pop();
        self.leave();
    }

    fn declare_private(
        &mut self,
        privs: &mut HashMap<&'a str, (PrivKind, bool)>,
        p: &'a Ident,
        kind: PrivKind,
        is_static: bool,
    ) {
        if &*p.name == "constructor" {
            self.err(
                "Classes may not have a private field named '#constructor'",
                p.span,
            );
            return;
        }
        match privs.get_mut(&*p.name) {
            None => {
                privs.insert(&p.name, (kind, is_static));
            }
            Some((prev, prev_static)) => {
                let pair = *prev_static == is_static
                    && matches!(
                        (*prev, kind),
                        (PrivKind::Get, PrivKind::Set) | (PrivKind::Set, PrivKind::Get)
                    );
                if pair {
                    *prev = PrivKind::Accessor;
                } else {
                    self.err(
                        format!("Identifier '#{}' has already been declared", p.name),
                        p.span,
                    );
                }
            }
        }
    }

    fn check_private_ref(&mut self, p: &Ident) {
        if !self.privates.iter().any(|s| s.contains(&*p.name))
            && !self.outer_privates.iter().any(|s| *s == *p.name)
        {
            self.err(
                format!(
                    "Private field '#{}' must be declared in an enclosing class",
                    p.name
                ),
                p.span,
            );
        }
    }

    fn visit_prop_key(&mut self, key: &'a PropKey, ctx: Ctx) {
        match key {
            PropKey::Computed(e) => self.visit_expr(e, ctx),
            PropKey::Num(_, span) => self.check_number(*span, ctx),
            PropKey::BigInt(_, span) => self.check_bigint(*span),
            PropKey::Str(_, span) => self.check_string(*span, ctx),
            _ => {}
        }
    }

    // ───────────────────────────── patterns ─────────────────────────────

    /// A binding pattern (declarations, parameters, catch).
    fn visit_binding_pat(&mut self, p: &'a Pat, ctx: Ctx) {
        self.visit_pat(p, ctx, true);
    }

    /// An assignment target (`=`, `for-in/of` heads).
    fn visit_assign_target(&mut self, p: &'a Pat, ctx: Ctx) {
        self.visit_pat(p, ctx, false);
    }

    fn visit_pat(&mut self, p: &'a Pat, ctx: Ctx, binding: bool) {
        stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || {
            self.visit_pat_inner(p, ctx, binding)
        })
    }

    fn visit_pat_inner(&mut self, p: &'a Pat, ctx: Ctx, binding: bool) {
        if !self.enter(p.span) {
            return;
        }
        let mut p = p;
        loop {
            match &p.kind {
                PatKind::Ident(i) => {
                    if binding {
                        self.check_binding_ident(i, ctx);
                    } else {
                        self.check_simple_target(i, ctx);
                    }
                }
                PatKind::Array { elems, rest } => {
                    for e in elems.iter().flatten() {
                        self.visit_pat(e, ctx, binding);
                    }
                    if let Some(r) = rest {
                        // `[...x,] = …`: the literal's trailing comma is gone from the AST.
                        if self.next_significant(r.span.end) == Some(b',') {
                            self.err("Rest element must be last element", r.span);
                        }
                        p = r;
                        continue;
                    }
                }
                PatKind::Object { props, rest } => {
                    for prop in props {
                        self.visit_prop_key(&prop.key, ctx);
                        self.visit_pat(&prop.value, ctx, binding);
                    }
                    if let Some(r) = rest {
                        if self.next_significant(r.span.end) == Some(b',') {
                            self.err("Rest element must be last element", r.span);
                        }
                        p = r;
                        continue;
                    }
                }
                PatKind::Default { target, default } => {
                    self.visit_expr(default, ctx);
                    p = target;
                    continue;
                }
                PatKind::Expr(e) => {
                    let inner = strip_parens(e);
                    match &inner.kind {
                        ExprKind::Ident(i) => self.check_simple_target(i, ctx),
                        ExprKind::OptChain(_) => {
                            self.err("Invalid left-hand side in assignment", e.span);
                            self.visit_expr(e, ctx);
                        }
                        _ => self.visit_expr(e, ctx),
                    }
                }
            }
            break;
        }
        self.leave();
    }

    // ───────────────────────────── literals ─────────────────────────────

    fn check_number(&mut self, span: Span, ctx: Ctx) {
        let t = self.text(span).as_bytes();
        let legacy = t.len() >= 2 && t[0] == b'0' && (t[1].is_ascii_digit() || t[1] == b'_');
        if legacy && t.contains(&b'_') {
            self.err("Numeric separators are not allowed here", span);
            return;
        }
        if !ctx.strict {
            return;
        }
        if t.len() >= 2 && t[0] == b'0' && t[1].is_ascii_digit() {
            if t.iter().all(|b| (b'0'..=b'7').contains(b) || *b == b'_') {
                self.err("Octal literals are not allowed in strict mode.", span);
            } else {
                self.err(
                    "Decimals with leading zeros are not allowed in strict mode.",
                    span,
                );
            }
        }
    }

    /// `01n`, `08n`, `0_1n`: a BigInt literal never has a legacy leading zero.
    fn check_bigint(&mut self, span: Span) {
        let t = self.text(span).as_bytes();
        if t.len() >= 2 && t[0] == b'0' && (t[1].is_ascii_digit() || t[1] == b'_') {
            self.err("Invalid BigInt literal: leading zero", span);
        }
    }

    fn check_string(&mut self, span: Span, ctx: Ctx) {
        if !ctx.strict {
            return;
        }
        let t = self.text(span).as_bytes();
        let mut i = 0;
        while i < t.len() {
            if t[i] == b'\\' && i + 1 < t.len() {
                let c = t[i + 1];
                let next_digit = t.get(i + 2).is_some_and(|b| b.is_ascii_digit());
                if (c == b'0' && next_digit) || (b'1'..=b'7').contains(&c) {
                    self.err(
                        "Octal escape sequences are not allowed in strict mode.",
                        span,
                    );
                    return;
                }
                if c == b'8' || c == b'9' {
                    self.err("\\8 and \\9 are not allowed in strict mode.", span);
                    return;
                }
                i += 2;
            } else {
                i += 1;
            }
        }
    }

    fn check_regex(&mut self, r: &RegexLit, span: Span) {
        let mut seen = [false; 8];
        for ch in r.flags.chars() {
            let idx = "dgimsuyv".find(ch);
            match idx {
                Some(k) if !seen[k] => seen[k] = true,
                _ => {
                    self.err("Invalid regular expression flags", span);
                    return;
                }
            }
        }
        if seen[5] && seen[7] {
            self.err("Invalid regular expression flags", span);
            return;
        }
        let flags = regress::Flags {
            icase: seen[2],
            multiline: seen[3],
            dot_all: seen[4],
            no_opt: true,
            unicode: seen[5],
            unicode_sets: seen[7],
        };
        if let Err(e) = regress::Regex::from_unicode(r.pattern.chars().map(u32::from), flags) {
            self.err(
                format!(
                    "Invalid regular expression: /{}/{}: {}",
                    r.pattern, r.flags, e.text
                ),
                span,
            );
        }
    }

    // ───────────────────────────── expressions ─────────────────────────────

    fn visit_args(&mut self, args: &'a [ExprOrSpread], ctx: Ctx) {
        for a in args {
            self.visit_expr(&a.expr, ctx);
        }
    }

    fn visit_expr(&mut self, e: &'a Expr, ctx: Ctx) {
        stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || self.visit_expr_inner(e, ctx))
    }

    fn visit_expr_inner(&mut self, e: &'a Expr, ctx: Ctx) {
        if !self.enter(e.span) {
            return;
        }
        let mut e = e;
        loop {
            let next: Option<&'a Expr> = match &e.kind {
                ExprKind::Ident(i) => {
                    self.check_ident_ref(i, ctx);
                    None
                }
                ExprKind::This | ExprKind::Null | ExprKind::Bool(_) => None,
                ExprKind::BigInt(_) => {
                    self.check_bigint(e.span);
                    None
                }
                ExprKind::Num(_) => {
                    self.check_number(e.span, ctx);
                    None
                }
                ExprKind::Str(_) => {
                    self.check_string(e.span, ctx);
                    None
                }
                ExprKind::Regex(r) => {
                    self.check_regex(r, e.span);
                    None
                }
                ExprKind::Template(t) => {
                    for q in &t.quasis {
                        if q.cooked.is_none() {
                            self.err("Invalid escape sequence in template", q.span);
                        }
                    }
                    self.visit_exprs_last(&t.exprs, ctx)
                }
                ExprKind::TaggedTemplate { tag, quasi } => {
                    self.visit_expr(tag, ctx);
                    self.visit_exprs_last(&quasi.exprs, ctx)
                }
                ExprKind::Array(elems) => {
                    let mut last = None;
                    for el in elems.iter().flatten() {
                        if let Some(l) = last.replace(&el.expr) {
                            self.visit_expr(l, ctx);
                        }
                    }
                    last
                }
                ExprKind::Object(props) => {
                    self.visit_object(props, ctx);
                    None
                }
                ExprKind::Function(f) => {
                    self.visit_function(f, ctx, false, None);
                    None
                }
                ExprKind::Arrow(f) => {
                    self.visit_function(f, ctx, false, None);
                    None
                }
                ExprKind::Class(c) => {
                    self.visit_class(c, ctx, false);
                    None
                }
                ExprKind::Unary { op, arg } => {
                    if *op == UnaryOp::Delete {
                        let inner = strip_parens(arg);
                        match &inner.kind {
                            ExprKind::Ident(_) if ctx.strict => self.err(
                                "Delete of an unqualified identifier in strict mode.",
                                e.span,
                            ),
                            ExprKind::Member {
                                prop: MemberProp::Private(_),
                                ..
                            } => self.err("Private fields can not be deleted", e.span),
                            ExprKind::OptChain(c) if ends_in_private(c) => {
                                self.err("Private fields can not be deleted", e.span)
                            }
                            _ => {}
                        }
                    }
                    Some(&**arg)
                }
                ExprKind::Update { arg, .. } => {
                    let inner = strip_parens(arg);
                    match &inner.kind {
                        ExprKind::Ident(i) => {
                            self.check_simple_target(i, ctx);
                            None
                        }
                        ExprKind::OptChain(_) => {
                            self.err(
                                "Invalid left-hand side expression in postfix operation",
                                arg.span,
                            );
                            Some(&**arg)
                        }
                        _ => Some(&**arg),
                    }
                }
                ExprKind::Binary { op, left, right } => {
                    if *op == BinaryOp::Exp {
                        self.visit_expr(left, ctx);
                        Some(&**right)
                    } else {
                        self.visit_expr(right, ctx);
                        Some(&**left)
                    }
                }
                ExprKind::Logical { left, right, .. } => {
                    self.visit_expr(right, ctx);
                    Some(&**left)
                }
                ExprKind::PrivateIn { name, right } => {
                    self.check_private_ref(name);
                    Some(&**right)
                }
                ExprKind::Assign { target, value, .. } => {
                    self.visit_assign_target(target, ctx);
                    Some(&**value)
                }
                ExprKind::Cond { test, cons, alt } => {
                    self.visit_expr(test, ctx);
                    self.visit_expr(cons, ctx);
                    Some(&**alt)
                }
                ExprKind::Call { callee, args, .. } => {
                    self.visit_args(args, ctx);
                    Some(&**callee)
                }
                ExprKind::New { callee, args } => {
                    if let Some(a) = args {
                        self.visit_args(a, ctx);
                    }
                    Some(&**callee)
                }
                ExprKind::Member { object, prop, .. } => {
                    match prop {
                        MemberProp::Private(p) => self.check_private_ref(p),
                        MemberProp::Computed(k) => self.visit_expr(k, ctx),
                        MemberProp::Ident(_) => {}
                    }
                    Some(&**object)
                }
                ExprKind::SuperMember(prop) => {
                    if !ctx.super_prop {
                        self.err("'super' keyword unexpected here", e.span);
                    }
                    match prop {
                        MemberProp::Computed(k) => Some(&**k),
                        MemberProp::Private(p) => {
                            self.err("Unexpected private field", p.span);
                            None
                        }
                        MemberProp::Ident(_) => None,
                    }
                }
                ExprKind::SuperCall(args) => {
                    if !ctx.super_call {
                        self.err("'super' keyword unexpected here", e.span);
                    }
                    self.visit_args(args, ctx);
                    None
                }
                ExprKind::OptChain(inner) => Some(&**inner),
                ExprKind::Seq(items) => self.visit_exprs_last(items, ctx),
                ExprKind::Paren(inner) => Some(&**inner),
                ExprKind::Yield { arg, .. } => {
                    if ctx.in_params {
                        self.err("Yield expression not allowed in formal parameter", e.span);
                    } else if !ctx.yield_allowed {
                        self.err("Yield expression not allowed here", e.span);
                    }
                    arg.as_deref()
                }
                ExprKind::Await(arg) => {
                    if ctx.in_params {
                        self.err(
                            "Illegal await-expression in formal parameters of async function",
                            e.span,
                        );
                    } else if !ctx.await_allowed {
                        self.err(
                            "await is only valid in async functions and the top level bodies of modules",
                            e.span,
                        );
                    }
                    Some(&**arg)
                }
                ExprKind::ImportCall(arg) => Some(&**arg),
                ExprKind::NewTarget => {
                    if !ctx.new_target {
                        self.err("new.target expression is not allowed here", e.span);
                    }
                    None
                }
                ExprKind::ImportMeta => {
                    self.err("Cannot use 'import.meta' outside a module", e.span);
                    None
                }
            };
            match next {
                Some(n) => e = n,
                None => break,
            }
        }
        self.leave();
    }

    /// Visit all but the last expression; return the last for the caller's loop.
    fn visit_exprs_last(&mut self, items: &'a [Expr], ctx: Ctx) -> Option<&'a Expr> {
        let (last, init) = items.split_last()?;
        for x in init {
            self.visit_expr(x, ctx);
        }
        Some(last)
    }

    fn visit_object(&mut self, props: &'a [Prop], ctx: Ctx) {
        let mut proto_seen = false;
        for p in props {
            match &p.kind {
                PropKind::KeyValue { key, value } => {
                    if key_name(key).as_deref() == Some("__proto__") {
                        if proto_seen {
                            self.err(
                                "Duplicate __proto__ fields are not allowed in object literals",
                                key.span(),
                            );
                        }
                        proto_seen = true;
                    }
                    self.visit_prop_key(key, ctx);
                    self.visit_expr(value, ctx);
                }
                PropKind::Shorthand(i) => self.check_ident_ref(i, ctx),
                PropKind::CoverInit { name, default } => {
                    self.err("Invalid shorthand property initializer", p.span);
                    self.check_ident_ref(name, ctx);
                    self.visit_expr(default, ctx);
                }
                PropKind::Method { key, func, .. } => {
                    self.visit_prop_key(key, ctx);
                    self.visit_function(func, ctx, false, None);
                }
                PropKind::Spread(e) => self.visit_expr(e, ctx),
            }
        }
    }
}

fn loop_ctx(ctx: Ctx) -> Ctx {
    Ctx {
        in_loop: true,
        in_breakable: true,
        ..ctx
    }
}

/// `a?.b.#x`: the chain's last link is a private member.
fn ends_in_private(e: &Expr) -> bool {
    matches!(
        strip_parens(e).kind,
        ExprKind::Member {
            prop: MemberProp::Private(_),
            ..
        }
    )
}

/// Span of the lexical declaration of `name` among `stmts` (for error positions).
fn find_decl_span(stmts: &[Stmt], name: &str) -> Option<Span> {
    let mut names = Vec::new();
    for s in stmts {
        match &s.kind {
            StmtKind::Var(d) if d.kind != VarKind::Var => {
                for decl in &d.decls {
                    bound_names(&decl.target, &mut names);
                }
            }
            StmtKind::Class(c) => names.extend(c.id.iter()),
            StmtKind::Function(f) => names.extend(f.id.iter()),
            _ => {}
        }
        if let Some(n) = names.iter().find(|n| &*n.name == name) {
            return Some(n.span);
        }
        names.clear();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::parse;

    /// Messages of all errors (parse errors too, should `parse` already run this pass).
    fn errors(src: &str, strict: bool) -> Vec<String> {
        let opts = ParseOptions { strict, eval: None };
        match parse(src, &opts) {
            Err(e) => e
                .into_iter()
                .map(|e| format!("parse: {}", e.message))
                .collect(),
            Ok(p) => check(&p, src, &opts)
                .into_iter()
                .map(|e| e.message)
                .collect(),
        }
    }

    #[track_caller]
    fn ok(src: &str) {
        let e = errors(src, false);
        assert!(e.is_empty(), "sloppy {src:?}: {e:?}");
    }

    #[track_caller]
    fn ok_strict(src: &str) {
        ok(src);
        let e = errors(src, true);
        assert!(e.is_empty(), "strict {src:?}: {e:?}");
    }

    #[track_caller]
    fn bad(src: &str, msg: &str) {
        // A parse error also rejects the code (the grammar checks some rules itself).
        let e = errors(src, false);
        assert!(
            e.iter().any(|m| m.contains(msg) || m.starts_with("parse:")),
            "sloppy {src:?}: expected {msg:?}, got {e:?}"
        );
    }

    #[track_caller]
    fn bad_strict_only(src: &str, msg: &str) {
        ok(src);
        let e = errors(src, true);
        assert!(
            e.iter().any(|m| m.contains(msg) || m.starts_with("parse:")),
            "strict {src:?}: expected {msg:?}, got {e:?}"
        );
    }

    const DUP: &str = "has already been declared";

    #[test]
    fn redeclarations() {
        bad("let a; let a;", DUP);
        bad("let a; var a;", DUP);
        bad("var a; let a;", DUP);
        bad("const a = 1; function a() {}", DUP);
        bad("{ let a; { var a; } }", DUP);
        bad("{ function f() {} var f; }", DUP);
        bad("function f(a) { let a; }", DUP);
        bad("try {} catch (e) { let e; }", DUP);
        bad("try {} catch ([e]) { var e; }", DUP);
        bad("for (let x;;) { var x; }", DUP);
        bad("for (let x of []) { var x; }", DUP);
        bad("for (let [a, a] of []) ;", DUP);
        bad("switch (0) { case 1: let a; case 2: let a; }", DUP);
        bad("class A {} class A {}", DUP);
        bad("'use strict'; { function f() {} function f() {} }", DUP);
        bad("{ async function f() {} function f() {} }", DUP);
        bad(
            "let let = 1;",
            "let is disallowed as a lexically bound name",
        );
        bad("const a;", "Missing initializer in const declaration");
        bad(
            "let [a];",
            "Missing initializer in destructuring declaration",
        );
        ok_strict("var a; var a; function b() {} var b; function b() {}");
        ok_strict("let a; { let a; } function f(a) { var a; }");
        ok_strict("try {} catch (e) { var e; } try {} catch (e) { for (var e of []); }");
        ok_strict(
            "for (let x of []) { let x; } for (const x in {}) ; for (let x;;) { let x; break; }",
        );
        ok_strict("function f() { let a; } function g() { let a; } var f;");
        ok_strict("{ let a; } { let a; } label: { let a; }");
        ok("{ function f() {} function f() {} }");
        ok("var let = 1; let = 2;");
    }

    #[test]
    fn labels_and_jumps() {
        bad("L: L: ;", "Label 'L' has already been declared");
        bad("while (1) { break L; }", "Undefined label 'L'");
        bad("L: { continue L; }", "Illegal continue statement");
        bad(
            "L: while (1) { function f() { break L; } }",
            "Undefined label 'L'",
        );
        bad("break;", "Illegal break statement");
        bad("continue;", "Illegal continue statement");
        bad(
            "switch (1) { case 1: continue; }",
            "Illegal continue statement",
        );
        bad("return;", "Illegal return statement");
        bad("class C { static { return; } }", "Illegal return statement");
        ok_strict("L: { break L; } L: while (1) { continue L; } A: B: for (;;) { continue A; }");
        ok_strict("while (1) { switch (1) { case 1: continue; default: break; } }");
        ok_strict("L: while (1) { M: { break L; } }");
        ok_strict("function f() { L: ; return; } L: ;");
    }

    #[test]
    fn functions_and_params() {
        bad("'use strict'; function f(a, a) {}", "Duplicate parameter");
        bad("function f(a, a) { 'use strict'; }", "Duplicate parameter");
        bad("(a, a) => 1", "Duplicate parameter");
        bad("function f(a, [a]) {}", "Duplicate parameter");
        bad("({ m(a, a) {} })", "Duplicate parameter");
        bad(
            "function f(a = 1) { 'use strict'; }",
            "Illegal 'use strict' directive",
        );
        bad(
            "({ get x(a) {} })",
            "Getter must not have any formal parameters.",
        );
        bad("({ set x(...a) {} })", "rest parameter");
        bad(
            "function eval() { 'use strict'; }",
            "Unexpected eval or arguments",
        );
        bad(
            "function f(arguments) { 'use strict'; }",
            "Unexpected eval or arguments",
        );
        ok("function f(a, a) {} function eval(arguments) {}");
        ok_strict("function f(a, b = 1, ...c) {} ({ get x() { return 1; }, set x(v) {} });");
    }

    #[test]
    fn strict_mode() {
        bad_strict_only(
            "with (a) {}",
            "Strict mode code may not include a with statement",
        );
        bad_strict_only(
            "delete x;",
            "Delete of an unqualified identifier in strict mode.",
        );
        bad_strict_only("delete ((x));", "Delete of an unqualified identifier");
        bad_strict_only("eval = 1;", "Unexpected eval or arguments in strict mode");
        bad_strict_only(
            "arguments++;",
            "Unexpected eval or arguments in strict mode",
        );
        bad_strict_only(
            "var [eval] = [];",
            "Unexpected eval or arguments in strict mode",
        );
        bad_strict_only("({ a: arguments } = {});", "Unexpected eval or arguments");
        bad_strict_only("var implements;", "Unexpected strict mode reserved word");
        bad_strict_only("var yield;", "Unexpected strict mode reserved word");
        bad_strict_only("static: ;", "Unexpected strict mode reserved word");
        bad_strict_only("010;", "Octal literals are not allowed in strict mode.");
        bad_strict_only("08;", "not allowed in strict mode");
        bad_strict_only(
            "'\\01';",
            "Octal escape sequences are not allowed in strict mode.",
        );
        bad_strict_only("'\\8';", "not allowed in strict mode");
        bad_strict_only("({ 010: 1 });", "Octal literals");
        bad(
            "function f() { '\\01'; 'use strict'; }",
            "Octal escape sequences",
        );
        bad("class C { m() { with (a) {} } }", "with statement");
        ok_strict("'\\0'; '\\\\01'; 0; 0.5; 0x10; 0o7; 1e3; delete a.b; eval(1); arguments[0];");
    }

    #[test]
    fn yield_and_await() {
        bad("function* g() { var yield; }", "yield");
        bad("function* g(a = yield) {}", "ield");
        bad(
            "async function f() { var await; }",
            "Unexpected reserved word",
        );
        bad("async function f(a = await 1) {}", "formal parameters");
        bad("async (await) => 1", "Unexpected reserved word");
        bad("(function* yield() {})", "yield");
        bad(
            "class C { static { var await; } }",
            "Unexpected reserved word",
        );
        bad("class C { x = arguments; }", "'arguments' is not allowed");
        bad(
            "class C { static { () => arguments; } }",
            "'arguments' is not allowed",
        );
        ok("var yield, await; function* yield() {} async function await() {}");
        ok_strict("async function f() { await 1; } function* g() { yield 1; yield* g(); }");
        ok_strict("class C { x = function () { return arguments; }; }");
    }

    #[test]
    fn super_and_new_target() {
        bad(
            "function f() { super.x; }",
            "'super' keyword unexpected here",
        );
        bad(
            "class A { constructor() { super(); } }",
            "'super' keyword unexpected here",
        );
        bad(
            "class A extends B { m() { super(); } }",
            "'super' keyword unexpected here",
        );
        bad("new.target", "new.target");
        bad("() => new.target", "new.target");
        ok_strict(
            "class A extends B { constructor() { super(); () => super(); } m() { super.m(); } }",
        );
        ok_strict("({ m() { return super.x; }, get y() { return () => super.y; } })");
        ok_strict("class A { x = super.x; static { super.y; new.target; } }");
        ok_strict("function f() { new.target; () => new.target; }");
    }

    #[test]
    fn objects_and_classes() {
        bad("({ __proto__: 1, __proto__: 2 })", "Duplicate __proto__");
        bad("({ __proto__: 1, '__proto__': 2 })", "Duplicate __proto__");
        ok("({ __proto__: 1, ['__proto__']: 2, __proto__() {} }); ({ __proto__: a, __proto__: b } = {});");
        bad(
            "class A { constructor() {} constructor() {} }",
            "only have one constructor",
        );
        bad(
            "class A { get constructor() {} }",
            "Class constructor may not be an accessor",
        );
        bad(
            "class A { static prototype() {} }",
            "static property named 'prototype'",
        );
        bad("class A { constructor = 1 }", "field named 'constructor'");
        bad("class A { #a; #a; }", "'#a' has already been declared");
        bad("class A { #constructor; }", "#constructor");
        bad(
            "class A { m() { this.#b; } }",
            "Private field '#b' must be declared",
        );
        bad("this.#x", "Private field '#x' must be declared");
        bad(
            "class A { #a; m() { delete this.#a; } }",
            "Private fields can not be deleted",
        );
        ok_strict("class A { #a; get #b() {} set #b(v) {} m() { this.#a; #b in this; class B { n() { this.#a; } } } }");
        ok_strict("class A { static constructor() {} static async *m() {} 'constructor'() {} }");
    }

    #[test]
    fn misc_statements() {
        bad("for (let x = 1 of []) ;", "may not have an initializer");
        bad("for (var [x] = 1 in {}) ;", "may not have an initializer");
        // (Sloppy `for (var x = 1 in o)` is Annex B: allowed here, up to the grammar.)
        assert!(!errors("for (var x = 1 in {}) ;", true).is_empty());
        bad("for (async of []) ;", "may not be 'async'");
        ok("for ((async) of []) ; for (async.x of []) ;");
        bad("if (1) class C {}", "single-statement context");
        bad("while (1) let [a] = 1;", "single-statement context");
        bad("while (1) L: function f() {}", "single-statement context");
        // (Sloppy `if (1) function f() {}` is Annex B: up to the grammar.)
        assert!(!errors("if (1) function f() {}", true).is_empty());
        bad_strict_only("L: function f() {}", "functions can only be declared");
        bad("if (1) function* g() {}", "generators");
        bad(
            "switch (1) { default: default: }",
            "More than one default clause",
        );
        bad("/(/", "Invalid regular expression: /(/");
        bad("/a/gg", "Invalid regular expression flags");
        bad("/a/uv", "Invalid regular expression flags");
        ok_strict("/a(?<n>b)\\k<n>/dgimsy; /[a-z]/u; /\\p{L}/u;");
        bad("({ a = 1 })", "Invalid shorthand property initializer");
        ok_strict("({ a = 1 } = {}); [{ a = 1 }] = [];");
        bad("a?.b = 1", "Invalid left-hand side");
        bad("[...a,] = [];", "Rest element must be last element");
        bad("({...a,} = {});", "Rest element must be last element");
        bad(
            "async (...a,) => 1;",
            "Rest parameter must be last formal parameter",
        );
        // (`[...a /* , */] = []` is valid too; the grammar now checks this rule itself.)
        ok_strict("[...a] = []; ({...a} = {}); (...a) => 1; [...[a, b]] = [];");
        bad("0_1", "Numeric separators");
        bad("01n", "BigInt");
        bad("`\\01`", "template");
        ok("tag`\\01`; 010; 08; '\\07';");
    }

    /// Deep input never overflows the stack: long left-deep chains are walked in a loop, real
    /// recursion grows the stack through `stacker`. (The AST is leaked, not dropped: dropping a
    /// very deep AST is the parser's concern, not this pass's.)
    #[test]
    fn deep_input() {
        let opts = ParseOptions::default();
        let n = 990;
        let cases = [
            format!("x{}", " + x".repeat(50_000)),
            format!("a{}", ".b".repeat(20_000)),
            format!("if (a) ;{}", " else if (a) ;".repeat(5_000)),
            format!("{}{}", "function f() {".repeat(n), "}".repeat(n)),
            format!("{}{}", "{".repeat(n), "}".repeat(n)),
            format!("{}{}", "f(".repeat(n), ")".repeat(n)),
            format!("{}1", "a => ".repeat(n)),
            format!("{}b{}", "[".repeat(n), "] = 1".repeat(n)),
            format!("x = {}1{}", "{a: ".repeat(n), "}".repeat(n)),
        ];
        for src in &cases {
            if let Ok(p) = parse(src, &opts) {
                let errs = check(&p, src, &opts);
                assert!(errs.is_empty(), "{errs:?}");
                std::mem::forget(p);
            }
        }
    }
}
