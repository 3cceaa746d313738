//! Scope analysis: the first half of lowering. Builds the tree of scopes of a script, declares
//! every binding where ECMA-262 puts it (var hoisting, lexical blocks, parameters, catch, class
//! and function-name scopes), resolves every identifier reference once, and records which
//! bindings are captured by an inner function.
//!
//! The result decides storage in the executable tree: a binding that no inner function (arrow,
//! method, class field…) can see lives in a register of its function's frame; a captured one lives
//! in a heap environment record created when its scope is entered. Script-level declarations and
//! unresolved names resolve to the global object / global lexical environment, by name.
//!
//! `this`, `new.target` and the `arguments` object are modelled as implicit bindings of each
//! non-arrow function, so arrows capture them exactly like variables.
//!
//! Not here: early errors (the parser's `early` pass has reported them already, so this pass may
//! assume a valid program), evaluation order, slots (assigned by the tree builder from
//! `captured`). A direct `eval` marks every binding visible from it captured (eval code reaches
//! them by slot, `analyse_eval`), and gives a sloppy enclosing function an `EVAL_VARS` binding;
//! a `with` statement is a scope holding its object (`WITH_OBJECT`). The tree builder turns
//! references passing either into by-name references (`build::eval`).

use crate::parser::ast::*;
use crate::span::Span;
use std::collections::HashMap;

pub type ScopeId = u32;
pub type BindingId = u32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// The script's top level: its declarations are global (by name).
    Script,
    /// A function's parameters and top-level body (its var scope).
    Function {
        is_arrow: bool,
    },
    /// The binding of a named function expression's own name (`(function f(){ f })`).
    FunctionName,
    /// A block, a loop head with `let`/`const`, a `switch` body, a class static block body.
    Block,
    Catch,
    /// The class's inner name binding (`class C { m() { C } }`).
    Class,
    /// A `with` statement's object environment: one hidden binding (`WITH_OBJECT`) holds the
    /// object; names inside are looked up in it first, at run time.
    With,
}

/// What kind of non-arrow function a `Function` scope is: decides what eval code inside may
/// contain (`super.x`, `super()`, `arguments`; ECMA-262 PerformEval).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FnRole {
    #[default]
    Plain,
    /// A method, accessor or base-class constructor: `super.x` allowed.
    Method,
    /// A derived class constructor: `super()` allowed too.
    DerivedCtor,
    /// A class field initialiser or static block: `super.x` allowed, `arguments` not.
    Initializer,
}

/// Hidden binding holding a `with` statement's object (not a valid identifier: never clashes).
pub const WITH_OBJECT: &str = "%with";
/// Hidden binding of a sloppy function containing a direct eval: the object holding the `var`s
/// that eval code declared there (by name, deletable), `undefined` until the first one.
pub const EVAL_VARS: &str = "%evalvars";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BindingKind {
    Var,
    Let,
    Const,
    Class,
    /// A function declaration (hoisted with its value).
    Function,
    Param,
    /// A parameter of a list with expressions (defaults, patterns, rest): it is in its
    /// temporal dead zone until its initialiser ran (`function f(a = b, b) {}` throws).
    TdzParam,
    CatchParam,
    /// A named function expression's own name: immutable, silently ignores writes in sloppy mode.
    FunctionName,
    /// Implicit bindings of a non-arrow function.
    This,
    NewTarget,
    Arguments,
}

impl BindingKind {
    /// Bindings with a temporal dead zone.
    pub fn is_lexical(self) -> bool {
        matches!(
            self,
            BindingKind::Let | BindingKind::Const | BindingKind::Class | BindingKind::TdzParam
        )
    }
}

#[derive(Clone, Debug)]
pub struct Binding {
    pub name: Box<str>,
    pub kind: BindingKind,
    pub scope: ScopeId,
    /// Referenced from a function other than the one owning `scope`.
    pub captured: bool,
    /// Referenced at all (decides whether an `arguments` object is created).
    pub used: bool,
    /// For `let`/`const`/`class` declared in a block, a function body or a loop head: the
    /// source offset from which a reference *in the same function* is always initialised
    /// (the end of its declarator, or the start of a for-in/of body), so it needs no TDZ
    /// check. Code reaches a later offset of the binding's scope only by passing the
    /// declaration: loops re-enter their body from its start, `break`/`continue`/labels
    /// leave blocks, and other functions (closures, hoisted declarations) are excluded.
    /// `u32::MAX` (always check) for everything else, notably `switch` cases, whose bodies
    /// share one scope a case label can jump into past a declaration.
    pub init_end: u32,
}

#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub parent: Option<ScopeId>,
    /// The nearest enclosing scope of kind `Function` or `Script` (itself for those).
    pub function: ScopeId,
    pub bindings: Vec<BindingId>,
    pub strict: bool,
    /// Names here may be reached by name at run time (sloppy direct `eval` or `with` inside).
    pub dynamic: bool,
    /// A function scope with a sloppy direct eval inside: has the `EVAL_VARS` binding, and
    /// names passing through it are looked up there first.
    pub eval_vars: bool,
    pub role: FnRole,
    /// The body scope of a function with parameter expressions (its own var scope).
    pub body: bool,
    pub span: Span,
}

impl ScopeTree {
    /// The variable scope of `scope`: the nearest function or script scope, or the separate
    /// body scope of a function with parameter expressions (where a sloppy direct eval's
    /// `var`s go).
    pub fn var_scope(&self, mut scope: ScopeId) -> ScopeId {
        loop {
            let s = &self.scopes[scope as usize];
            if s.body || matches!(s.kind, ScopeKind::Function { .. } | ScopeKind::Script) {
                return scope;
            }
            match s.parent {
                Some(p) => scope = p,
                None => return scope,
            }
        }
    }
}

/// Which scope of a node: the tree builder finds a node's scope by (span start, role).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Script,
    Block,
    /// A `for`/`for-in`/`for-of` head's lexical scope.
    LoopHead,
    Switch,
    TryBlock,
    CatchParam,
    CatchBody,
    Finally,
    Function,
    /// The separate var scope of a function body whose parameters contain expressions
    /// (FunctionDeclarationInstantiation step 28), keyed by the function's span.
    FunctionBody,
    FunctionName,
    Class,
    /// A class field initialiser or static block, keyed by the member's span.
    Initializer,
    /// A `with` statement's object scope.
    With,
    /// Eval code: a scope of the code around the direct eval (keyed by its index).
    Outer,
}

/// What an identifier reference resolves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    Binding(BindingId),
    /// Not declared in any enclosing function or block: global object or global lexical
    /// environment, looked up by name (with a cache in the executable tree).
    Global,
}

/// The output of scope analysis.
#[derive(Debug, Default)]
pub struct ScopeTree {
    pub scopes: Vec<Scope>,
    pub bindings: Vec<Binding>,
    /// Keyed by the identifier's span start: every reference and every declaring occurrence.
    pub resolutions: HashMap<u32, Resolution>,
    /// Keyed by the span start of the AST node that opens a scope and the role the scope plays
    /// for that node (a `try` statement opens several): the scope it opened.
    pub scope_of_node: HashMap<(u32, Role), ScopeId>,
    /// Span starts of direct eval calls inside a parameter list (their `var`s may not redeclare
    /// a parameter or `arguments`).
    pub eval_in_params: std::collections::HashSet<u32>,
}

impl ScopeTree {
    pub fn resolution(&self, ident: &Ident) -> Resolution {
        self.resolutions
            .get(&ident.span.start)
            .copied()
            .unwrap_or(Resolution::Global)
    }

    pub fn binding(&self, id: BindingId) -> &Binding {
        &self.bindings[id as usize]
    }

    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id as usize]
    }
}

/// A parameter list of plain identifiers only (IsSimpleParameterList): its parameters need no
/// temporal dead zone and share one scope with the body's declarations.
pub fn has_simple_params(f: &Function) -> bool {
    f.rest.is_none() && f.params.iter().all(|p| matches!(p.kind, PatKind::Ident(_)))
}

/// Analyse a whole script.
pub fn analyse(program: &Program) -> ScopeTree {
    let mut r = Resolver {
        tree: ScopeTree::default(),
        stack: Vec::new(),
        next_role: FnRole::Plain,
        in_params: false,
        eval_code: false,
        arrow_this: Vec::new(),
    };
    let script = r.push_scope(
        ScopeKind::Script,
        Role::Script,
        program.strict,
        program.span,
    );
    // Script-level declarations are global (by name): nothing is declared in the script scope,
    // so references fall through to `Resolution::Global`.
    r.statements(&program.body);
    r.pop_scope(script);
    r.tree
}

/// One scope of the code around a direct eval, as the eval code sees it (outermost first,
/// starting with the script scope). Every binding of it is captured (the direct eval made it
/// so), so its record has one slot per binding in this order, exactly as the enclosing code's
/// layout numbered them.
#[derive(Clone, Debug)]
pub struct OuterScope {
    pub kind: ScopeKind,
    pub strict: bool,
    pub eval_vars: bool,
    pub role: FnRole,
    pub body: bool,
    pub bindings: Box<[(Box<str>, BindingKind)]>,
}

/// Analyse eval code nested in `outer` (the code around a direct eval; for an indirect eval,
/// just the script scope). The eval code's own scope is arrow-like (its `this`, `new.target`,
/// `arguments` are the caller's) and holds its lexical declarations; sloppy eval code declares
/// no `var`s here: they live in the caller's variable environment and are reached by name.
pub fn analyse_eval(program: &Program, outer: &[OuterScope]) -> ScopeTree {
    let mut r = Resolver {
        tree: ScopeTree::default(),
        stack: Vec::new(),
        next_role: FnRole::Plain,
        in_params: false,
        eval_code: true,
        arrow_this: Vec::new(),
    };
    for (i, o) in outer.iter().enumerate() {
        let key = u32::MAX - i as u32;
        let id = r.push_scope(o.kind, Role::Outer, o.strict, Span::new(key, key));
        let sc = &mut r.tree.scopes[id as usize];
        sc.eval_vars = o.eval_vars;
        sc.role = o.role;
        sc.body = o.body;
        sc.dynamic = true;
        for (name, kind) in o.bindings.iter() {
            let b = r.tree.bindings.len() as BindingId;
            r.tree.bindings.push(Binding {
                name: name.clone(),
                kind: *kind,
                scope: id,
                captured: true,
                used: true,
                init_end: u32::MAX,
            });
            r.tree.scopes[id as usize].bindings.push(b);
        }
    }
    let root = r.push_scope(
        ScopeKind::Function { is_arrow: true },
        Role::Script,
        program.strict,
        program.span,
    );
    if r.tree.scopes[root as usize].strict {
        r.hoist_vars(root, &program.body, true);
    }
    r.declare_lexical(root, &program.body, true);
    r.statements(&program.body);
    r.tree
}

struct Resolver {
    tree: ScopeTree,
    stack: Vec<ScopeId>,
    /// The role of the next function scope pushed (methods, constructors).
    next_role: FnRole,
    /// Walking the current function's parameter list.
    in_params: bool,
    /// Analysing eval code (`analyse_eval`): the functions around it are laid out already.
    eval_code: bool,
    /// `this` read from arrows, not yet settled: (the non-arrow function whose `this` it
    /// is, the innermost arrow's function scope). See [`Resolver::settle_arrow_this`].
    arrow_this: Vec<(ScopeId, ScopeId)>,
}

impl Resolver {
    fn current(&self) -> ScopeId {
        *self
            .stack
            .last()
            .expect("scope stack is never empty inside analyse")
    }

    fn push_scope(&mut self, kind: ScopeKind, role: Role, strict: bool, span: Span) -> ScopeId {
        let id = self.tree.scopes.len() as ScopeId;
        let parent = self.stack.last().copied();
        let function = match kind {
            ScopeKind::Script | ScopeKind::Function { .. } => id,
            _ => parent.map_or(id, |p| self.tree.scopes[p as usize].function),
        };
        let strict = strict || parent.is_some_and(|p| self.tree.scopes[p as usize].strict);
        self.tree.scopes.push(Scope {
            kind,
            parent,
            function,
            bindings: Vec::new(),
            strict,
            dynamic: false,
            eval_vars: false,
            body: role == Role::FunctionBody,
            role: match kind {
                ScopeKind::Function { is_arrow: false } => std::mem::take(&mut self.next_role),
                _ => FnRole::Plain,
            },
            span,
        });
        self.tree.scope_of_node.insert((span.start, role), id);
        self.stack.push(id);
        id
    }

    fn pop_scope(&mut self, id: ScopeId) {
        let popped = self.stack.pop();
        debug_assert_eq!(popped, Some(id));
    }

    fn is_script_scope(&self, id: ScopeId) -> bool {
        self.tree.scopes[id as usize].kind == ScopeKind::Script
    }

    /// Declare `name` in scope `scope` unless it is already declared there (var/function
    /// redeclarations share one binding). Script-level declarations are global: not declared.
    fn declare(&mut self, scope: ScopeId, name: &str, kind: BindingKind) -> Option<BindingId> {
        if self.is_script_scope(scope) {
            return None;
        }
        if let Some(&existing) = self.tree.scopes[scope as usize]
            .bindings
            .iter()
            .find(|&&b| &*self.tree.bindings[b as usize].name == name)
        {
            // A function declaration wins over a var of the same name; params stay params.
            let b = &mut self.tree.bindings[existing as usize];
            if kind == BindingKind::Function && b.kind == BindingKind::Var {
                b.kind = kind;
            }
            return Some(existing);
        }
        let id = self.tree.bindings.len() as BindingId;
        self.tree.bindings.push(Binding {
            name: name.into(),
            kind,
            scope,
            captured: false,
            used: false,
            init_end: u32::MAX,
        });
        self.tree.scopes[scope as usize].bindings.push(id);
        Some(id)
    }

    /// Resolve a name from the current scope outwards; record it under `span`.
    fn reference(&mut self, name: &str, span: Span) {
        let from_function = self.tree.scopes[self.current() as usize].function;
        let mut found = Resolution::Global;
        for &scope in self.stack.iter().rev() {
            let s = &self.tree.scopes[scope as usize];
            if let Some(&b) = s
                .bindings
                .iter()
                .find(|&&b| &*self.tree.bindings[b as usize].name == name)
            {
                let binding = &mut self.tree.bindings[b as usize];
                binding.used = true;
                if s.function != from_function {
                    binding.captured = true;
                }
                found = Resolution::Binding(b);
                break;
            }
        }
        self.tree.resolutions.insert(span.start, found);
    }

    /// The nearest non-arrow function scope (for `this`, `new.target`, `arguments`).
    fn this_function(&self) -> Option<ScopeId> {
        self.stack.iter().rev().copied().find(|&s| {
            matches!(
                self.tree.scopes[s as usize].kind,
                ScopeKind::Function { is_arrow: false } | ScopeKind::Script
            )
        })
    }

    // ───────────── declarations ─────────────

    /// Hoist the var-scoped declarations of a function body or script into `var_scope`.
    fn hoist_vars(&mut self, var_scope: ScopeId, stmts: &[Stmt], top_level: bool) {
        for stmt in stmts {
            self.hoist_vars_stmt(var_scope, stmt, top_level);
        }
    }

    fn hoist_vars_stmt(&mut self, var_scope: ScopeId, stmt: &Stmt, top_level: bool) {
        match &stmt.kind {
            StmtKind::Var(decl) if decl.kind == VarKind::Var => {
                for d in &decl.decls {
                    self.declare_pattern(var_scope, &d.target, BindingKind::Var);
                }
            }
            // Function declarations are var-scoped at the top level of a function; inside blocks
            // they are lexical to the block (and, in sloppy code, Annex B also gives them a var
            // binding in the function, declared here).
            StmtKind::Function(f) => {
                if let Some(id) = &f.id {
                    let strict = self.tree.scopes[var_scope as usize].strict;
                    if top_level {
                        self.declare(var_scope, &id.name, BindingKind::Function);
                    } else if !strict && !f.is_async && !f.is_generator {
                        self.declare(var_scope, &id.name, BindingKind::Var);
                    }
                }
            }
            StmtKind::Block(body) => self.hoist_vars(var_scope, body, false),
            StmtKind::If { cons, alt, .. } => {
                self.hoist_vars_stmt(var_scope, cons, false);
                if let Some(alt) = alt {
                    self.hoist_vars_stmt(var_scope, alt, false);
                }
            }
            StmtKind::For(f) => {
                if let Some(ForInit::Var(decl)) = &f.init {
                    if decl.kind == VarKind::Var {
                        for d in &decl.decls {
                            self.declare_pattern(var_scope, &d.target, BindingKind::Var);
                        }
                    }
                }
                self.hoist_vars_stmt(var_scope, &f.body, false);
            }
            StmtKind::ForIn(f) | StmtKind::ForOf(f) => {
                if let ForHead::Var(decl) = &f.left {
                    if decl.kind == VarKind::Var {
                        for d in &decl.decls {
                            self.declare_pattern(var_scope, &d.target, BindingKind::Var);
                        }
                    }
                }
                self.hoist_vars_stmt(var_scope, &f.body, false);
            }
            StmtKind::While { body, .. }
            | StmtKind::DoWhile { body, .. }
            | StmtKind::With { body, .. } => self.hoist_vars_stmt(var_scope, body, false),
            StmtKind::Labeled { body, .. } => self.hoist_vars_stmt(var_scope, body, top_level),
            StmtKind::Switch { cases, .. } => {
                for case in cases {
                    self.hoist_vars(var_scope, &case.body, false);
                }
            }
            StmtKind::Try(t) => {
                self.hoist_vars(var_scope, &t.block, false);
                if let Some(h) = &t.handler {
                    self.hoist_vars(var_scope, &h.body, false);
                }
                if let Some(f) = &t.finalizer {
                    self.hoist_vars(var_scope, f, false);
                }
            }
            _ => {}
        }
    }

    /// Declare the lexically scoped declarations directly in `stmts` (a block, a function body's
    /// top level, a switch's cases) into `scope`.
    fn declare_lexical(&mut self, scope: ScopeId, stmts: &[Stmt], function_top_level: bool) {
        self.declare_lexical_in(scope, stmts, function_top_level, true);
    }

    /// `declare_lexical`; `ordered`: a reference after a declaration's end is past its
    /// initialisation (not so in a `switch` body).
    fn declare_lexical_in(
        &mut self,
        scope: ScopeId,
        stmts: &[Stmt],
        function_top_level: bool,
        ordered: bool,
    ) {
        for stmt in stmts {
            let mut stmt = stmt;
            // `L: function f() {}` declares f like an unlabelled declaration (sloppy mode).
            while let StmtKind::Labeled { body, .. } = &stmt.kind {
                stmt = body;
            }
            match &stmt.kind {
                StmtKind::Var(decl) if decl.kind != VarKind::Var => {
                    let kind = if decl.kind == VarKind::Let {
                        BindingKind::Let
                    } else {
                        BindingKind::Const
                    };
                    for d in &decl.decls {
                        let end = if ordered { d.span.end } else { u32::MAX };
                        self.declare_pattern_init(scope, &d.target, kind, end);
                    }
                }
                StmtKind::Class(c) => {
                    if let Some(id) = &c.id {
                        if let Some(b) = self.declare(scope, &id.name, BindingKind::Class) {
                            if ordered {
                                self.tree.bindings[b as usize].init_end = stmt.span.end;
                            }
                        }
                    }
                }
                StmtKind::Function(f) if !function_top_level => {
                    if let Some(id) = &f.id {
                        self.declare(scope, &id.name, BindingKind::Function);
                    }
                }
                _ => {}
            }
        }
    }

    fn declare_pattern(&mut self, scope: ScopeId, pat: &Pat, kind: BindingKind) {
        self.declare_pattern_init(scope, pat, kind, u32::MAX);
    }

    /// `declare_pattern` with the offset where the names are surely initialised
    /// (`Binding::init_end`).
    fn declare_pattern_init(&mut self, scope: ScopeId, pat: &Pat, kind: BindingKind, end: u32) {
        let mut names = Vec::new();
        bound_names(pat, &mut names);
        for name in names {
            if let Some(b) = self.declare(scope, &name.name, kind) {
                self.tree.bindings[b as usize].init_end = end;
            }
        }
    }

    // ───────────── walking ─────────────

    fn statements(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.statement(s);
        }
    }

    /// A statement list that opens a block scope (block, switch body, static block).
    fn block(&mut self, stmts: &[Stmt], role: Role, span: Span) {
        let scope = self.push_scope(ScopeKind::Block, role, false, span);
        self.declare_lexical(scope, stmts, false);
        self.statements(stmts);
        self.pop_scope(scope);
    }

    fn statement(&mut self, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::Expr { expr, .. } => self.expr(expr),
            StmtKind::Var(decl) => self.var_decl(decl),
            StmtKind::Function(f) => {
                if let Some(id) = &f.id {
                    self.reference(&id.name, id.span);
                }
                self.function(f);
            }
            StmtKind::Class(c) => {
                if let Some(id) = &c.id {
                    self.reference(&id.name, id.span);
                }
                self.class(c);
            }
            StmtKind::Block(body) => self.block(body, Role::Block, stmt.span),
            StmtKind::Empty | StmtKind::Debugger => {}
            StmtKind::If { test, cons, alt } => {
                self.expr(test);
                self.substatement(cons);
                if let Some(alt) = alt {
                    self.substatement(alt);
                }
            }
            StmtKind::For(f) => {
                // A `let`/`const` head gets its own scope (copied per iteration at run time).
                let scope = self.push_scope(ScopeKind::Block, Role::LoopHead, false, stmt.span);
                if let Some(init) = &f.init {
                    match init {
                        ForInit::Var(decl) => {
                            if decl.kind != VarKind::Var {
                                let kind = lexical_kind(decl.kind);
                                for d in &decl.decls {
                                    self.declare_pattern_init(scope, &d.target, kind, d.span.end);
                                }
                            }
                            self.var_decl(decl);
                        }
                        ForInit::Expr(e) => self.expr(e),
                    }
                }
                if let Some(t) = &f.test {
                    self.expr(t);
                }
                if let Some(u) = &f.update {
                    self.expr(u);
                }
                self.substatement(&f.body);
                self.pop_scope(scope);
            }
            StmtKind::ForIn(f) | StmtKind::ForOf(f) => {
                let scope = self.push_scope(ScopeKind::Block, Role::LoopHead, false, stmt.span);
                // The right-hand side is evaluated in a scope where the head's lexical names are
                // in their TDZ (`for (let x of x)` throws): declare them before resolving it.
                if let ForHead::Var(decl) = &f.left {
                    if decl.kind != VarKind::Var {
                        let kind = lexical_kind(decl.kind);
                        // Bound afresh before each run of the body.
                        let end = f.body.span.start;
                        for d in &decl.decls {
                            self.declare_pattern_init(scope, &d.target, kind, end);
                        }
                    }
                }
                self.expr(&f.right);
                match &f.left {
                    ForHead::Var(decl) => self.var_decl(decl),
                    ForHead::Pat(p) => self.pattern(p),
                }
                self.substatement(&f.body);
                self.pop_scope(scope);
            }
            StmtKind::While { test, body } => {
                self.expr(test);
                self.substatement(body);
            }
            StmtKind::DoWhile { body, test } => {
                self.substatement(body);
                self.expr(test);
            }
            StmtKind::Switch {
                discriminant,
                cases,
            } => {
                self.expr(discriminant);
                let scope = self.push_scope(ScopeKind::Block, Role::Switch, false, stmt.span);
                for case in cases {
                    self.declare_lexical_in(scope, &case.body, false, false);
                }
                for case in cases {
                    if let Some(t) = &case.test {
                        self.expr(t);
                    }
                    self.statements(&case.body);
                }
                self.pop_scope(scope);
            }
            StmtKind::Labeled { body, .. } => self.statement(body),
            StmtKind::Break(_) | StmtKind::Continue(_) => {}
            StmtKind::Return(e) => {
                if let Some(e) = e {
                    self.expr(e);
                }
            }
            StmtKind::Throw(e) => self.expr(e),
            StmtKind::Try(t) => {
                self.block(&t.block, Role::TryBlock, stmt.span);
                if let Some(h) = &t.handler {
                    let scope = self.push_scope(ScopeKind::Catch, Role::CatchParam, false, h.span);
                    if let Some(p) = &h.param {
                        self.declare_pattern(scope, p, BindingKind::CatchParam);
                        self.binding_pattern(p);
                    }
                    // The catch body is its own block scope nested in the parameter scope.
                    self.block(&h.body, Role::CatchBody, h.span);
                    self.pop_scope(scope);
                }
                if let Some(f) = &t.finalizer {
                    self.block(f, Role::Finally, stmt.span);
                }
            }
            StmtKind::With { object, body } => {
                self.expr(object);
                let scope = self.push_scope(ScopeKind::With, Role::With, false, stmt.span);
                if let Some(b) = self.declare(scope, WITH_OBJECT, BindingKind::Const) {
                    self.tree.bindings[b as usize].captured = true;
                    self.tree.bindings[b as usize].used = true;
                }
                self.substatement(body);
                self.pop_scope(scope);
            }
        }
    }

    /// The body of an `if`/loop/label: a function declaration there (sloppy Annex B) gets its own
    /// block scope, as if braced.
    fn substatement(&mut self, stmt: &Stmt) {
        if matches!(stmt.kind, StmtKind::Function(_)) {
            self.block(std::slice::from_ref(stmt), Role::Block, stmt.span);
        } else {
            self.statement(stmt);
        }
    }

    /// A direct eval: everything visible may be read by name, and sloppy eval code declares its
    /// `var`s in the nearest function's (by-name) variable map.
    fn direct_eval(&mut self) {
        let here = self.current();
        if !self.tree.scopes[here as usize].strict {
            let var_scope = self.tree.var_scope(here);
            if !self.is_script_scope(var_scope) {
                self.declare(var_scope, EVAL_VARS, BindingKind::Var);
                self.tree.scopes[var_scope as usize].eval_vars = true;
            }
        }
        self.mark_dynamic();
    }

    /// Everything visible from here may be reached by name (direct eval, `with`).
    fn mark_dynamic(&mut self) {
        for &s in &self.stack {
            self.tree.scopes[s as usize].dynamic = true;
            for &b in &self.tree.scopes[s as usize].bindings {
                self.tree.bindings[b as usize].captured = true;
                self.tree.bindings[b as usize].used = true;
            }
        }
    }

    fn var_decl(&mut self, decl: &VarDecl) {
        for d in &decl.decls {
            if let Some(init) = &d.init {
                self.expr(init);
            }
            self.binding_pattern(&d.target);
        }
    }

    /// A declaring pattern: resolve its names (they were declared already) and walk defaults
    /// and computed keys.
    fn binding_pattern(&mut self, pat: &Pat) {
        self.pattern(pat)
    }

    /// Any pattern: identifiers are references (declaring or assigning), member targets and
    /// defaults are expressions.
    fn pattern(&mut self, pat: &Pat) {
        match &pat.kind {
            PatKind::Ident(id) => self.reference(&id.name, id.span),
            PatKind::Array { elems, rest } => {
                for p in elems.iter().flatten() {
                    self.pattern(p);
                }
                if let Some(r) = rest {
                    self.pattern(r);
                }
            }
            PatKind::Object { props, rest } => {
                for p in props {
                    if let PropKey::Computed(e) = &p.key {
                        self.expr(e);
                    }
                    self.pattern(&p.value);
                }
                if let Some(r) = rest {
                    self.pattern(r);
                }
            }
            PatKind::Default { target, default } => {
                self.expr(default);
                self.pattern(target);
            }
            PatKind::Expr(e) => self.expr(e),
        }
    }

    fn function(&mut self, f: &Function) {
        let saved_in_params = std::mem::replace(&mut self.in_params, false);
        self.function_inner(f);
        self.in_params = saved_in_params;
    }

    fn function_inner(&mut self, f: &Function) {
        let span = f.span;
        let is_arrow = f.kind == FunctionKind::Arrow;
        // A named function expression binds its own name in a scope between the closure's
        // surroundings and its parameters. Declarations bind their name outside (done above).
        let name_scope = match (&f.id, self.is_expression_function(f)) {
            (Some(id), true) => {
                let s = self.push_scope(ScopeKind::FunctionName, Role::FunctionName, false, span);
                self.declare(s, &id.name, BindingKind::FunctionName);
                Some(s)
            }
            _ => None,
        };
        let scope = self.push_scope(
            ScopeKind::Function { is_arrow },
            Role::Function,
            f.has_use_strict,
            span,
        );
        // Parameters first: uncaptured simple parameters then get registers 0..n, exactly where
        // a call leaves the arguments.
        let simple = has_simple_params(f);
        let param_kind = if simple {
            BindingKind::Param
        } else {
            BindingKind::TdzParam
        };
        for p in f.params.iter().chain(f.rest.iter()) {
            self.declare_pattern(scope, p, param_kind);
        }
        if !is_arrow {
            let this = self.declare(scope, "this", BindingKind::This);
            // super() writes a derived constructor's `this` even when the body never names it.
            if self.tree.scopes[scope as usize].role == FnRole::DerivedCtor {
                if let Some(b) = this {
                    self.tree.bindings[b as usize].used = true;
                }
            }
            self.declare(scope, "new.target", BindingKind::NewTarget);
        }
        if !is_arrow {
            // `arguments` is implicit unless a parameter or a lexical/function declaration of
            // the body has that name (then that binding wins).
            let shadowed = self.tree.scopes[scope as usize]
                .bindings
                .iter()
                .any(|&b| &*self.tree.bindings[b as usize].name == "arguments");
            if !shadowed {
                self.declare(scope, "arguments", BindingKind::Arguments);
            }
        }
        match &f.body {
            FunctionBody::Block(body) => {
                // With parameter expressions the body's declarations live in a scope of their
                // own, so closures in the parameters never see them (a body `var x` shadowing
                // parameter `x` starts with the parameter's value; see lower::build).
                let var_scope = if simple {
                    scope
                } else {
                    self.in_params = true;
                    for p in f.params.iter().chain(f.rest.iter()) {
                        self.binding_pattern(p);
                    }
                    self.in_params = false;
                    self.push_scope(ScopeKind::Block, Role::FunctionBody, false, span)
                };
                self.hoist_vars(var_scope, body, true);
                self.declare_lexical(var_scope, body, true);
                if let Some(&b) = self.tree.scopes[scope as usize]
                    .bindings
                    .iter()
                    .find(|&&b| {
                        let b = &self.tree.bindings[b as usize];
                        &*b.name == "arguments" && b.kind != BindingKind::Arguments
                    })
                {
                    // A body declaration named `arguments` shadows the implicit object: drop the
                    // implicit binding by keeping only the declared one.
                    let implicit: Vec<BindingId> = self.tree.scopes[scope as usize]
                        .bindings
                        .iter()
                        .copied()
                        .filter(|&x| {
                            x != b && self.tree.bindings[x as usize].kind == BindingKind::Arguments
                        })
                        .collect();
                    self.tree.scopes[scope as usize]
                        .bindings
                        .retain(|x| !implicit.contains(x));
                }
                if simple {
                    self.in_params = true;
                    for p in f.params.iter().chain(f.rest.iter()) {
                        self.binding_pattern(p);
                    }
                    self.in_params = false;
                }
                self.statements(body);
                if var_scope != scope {
                    self.pop_scope(var_scope);
                }
            }
            FunctionBody::Expr(e) => {
                self.in_params = true;
                for p in f.params.iter().chain(f.rest.iter()) {
                    self.binding_pattern(p);
                }
                self.in_params = false;
                self.expr(e);
            }
        }
        if simple && !is_arrow && !self.tree.scopes[scope as usize].strict {
            // A sloppy function with simple parameters whose `arguments` object is used gets a
            // mapped arguments object (ECMA-262 §10.4.4): its parameters then live in the
            // function's record, which the object reads and writes.
            let bindings = &self.tree.scopes[scope as usize].bindings;
            let mapped = bindings.iter().any(|&b| {
                let b = &self.tree.bindings[b as usize];
                b.kind == BindingKind::Arguments && b.used
            });
            if mapped {
                for &b in bindings {
                    let b = &mut self.tree.bindings[b as usize];
                    if b.kind == BindingKind::Param {
                        b.captured = true;
                    }
                }
            }
        }
        if !is_arrow {
            self.settle_arrow_this(scope);
        }
        self.pop_scope(scope);
        if let Some(s) = name_scope {
            self.pop_scope(s);
        }
    }

    /// Function expressions carry `FunctionKind::Normal` like declarations; the caller tells them
    /// apart by where it found the node. Declarations reach `function` through `statement`, which
    /// resolves the name first, so here a named `Normal` function is an expression exactly when
    /// its name is not yet resolved at this span.
    fn is_expression_function(&self, f: &Function) -> bool {
        f.kind == FunctionKind::Normal
            && f.id
                .as_ref()
                .is_some_and(|id| !self.tree.resolutions.contains_key(&id.span.start))
    }

    fn class(&mut self, c: &Class) {
        let scope = self.push_scope(ScopeKind::Class, Role::Class, true, c.span);
        if let Some(id) = &c.id {
            self.declare(scope, &id.name, BindingKind::Const);
        }
        // The heritage is evaluated inside the class scope (the name is in its TDZ there).
        if let Some(sc) = &c.super_class {
            self.expr(sc);
        }
        self.class_members(c);
        self.pop_scope(scope);
    }

    fn class_members(&mut self, c: &Class) {
        for m in &c.members {
            match &m.kind {
                ClassMemberKind::Constructor(f) => {
                    self.next_role = if c.super_class.is_some() {
                        FnRole::DerivedCtor
                    } else {
                        FnRole::Method
                    };
                    self.function(f);
                }
                ClassMemberKind::Method { key, func, .. } => {
                    self.prop_key(key);
                    self.next_role = FnRole::Method;
                    self.function(func);
                }
                ClassMemberKind::Field { key, value, .. } => {
                    self.prop_key(key);
                    if let Some(v) = value {
                        // A field initialiser runs as a method of the instance (own `this`).
                        self.initializer_function(m.span, |r| r.expr(v));
                    }
                }
                ClassMemberKind::StaticBlock(body) => {
                    self.initializer_function(m.span, |r| {
                        let scope = r.current();
                        r.hoist_vars(scope, body, true);
                        r.declare_lexical(scope, body, true);
                        r.statements(body);
                    });
                }
                ClassMemberKind::Empty => {}
            }
        }
    }

    /// Field initialisers and static blocks behave as methods: their own `this`, no `arguments`.
    fn initializer_function(&mut self, span: Span, walk: impl FnOnce(&mut Resolver)) {
        let saved_in_params = std::mem::replace(&mut self.in_params, false);
        self.initializer_inner(span, walk);
        self.in_params = saved_in_params;
    }

    fn initializer_inner(&mut self, span: Span, walk: impl FnOnce(&mut Resolver)) {
        self.next_role = FnRole::Initializer;
        let scope = self.push_scope(
            ScopeKind::Function { is_arrow: false },
            Role::Initializer,
            true,
            span,
        );
        self.declare(scope, "this", BindingKind::This);
        self.declare(scope, "new.target", BindingKind::NewTarget);
        walk(self);
        self.settle_arrow_this(scope);
        self.pop_scope(scope);
    }

    fn prop_key(&mut self, key: &PropKey) {
        if let PropKey::Computed(e) = key {
            self.expr(e);
        }
    }

    fn args(&mut self, args: &[ExprOrSpread]) {
        for a in args {
            self.expr(&a.expr);
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Ident(id) => {
                self.reference(&id.name, id.span);
            }
            ExprKind::This => self.implicit("this", e.span),
            ExprKind::NewTarget => self.implicit("new.target", e.span),
            ExprKind::Null
            | ExprKind::Bool(_)
            | ExprKind::Num(_)
            | ExprKind::Str(_)
            | ExprKind::BigInt(_)
            | ExprKind::Regex(_)
            | ExprKind::ImportMeta => {}
            ExprKind::Template(t) => {
                for x in &t.exprs {
                    self.expr(x);
                }
            }
            ExprKind::TaggedTemplate { tag, quasi } => {
                self.expr(tag);
                for x in &quasi.exprs {
                    self.expr(x);
                }
            }
            ExprKind::Array(elems) => {
                for x in elems.iter().flatten() {
                    self.expr(&x.expr);
                }
            }
            ExprKind::Object(props) => {
                for p in props {
                    match &p.kind {
                        PropKind::KeyValue { key, value } => {
                            self.prop_key(key);
                            self.expr(value);
                        }
                        PropKind::Shorthand(id) => self.reference(&id.name, id.span),
                        PropKind::CoverInit { name, default } => {
                            self.reference(&name.name, name.span);
                            self.expr(default);
                        }
                        PropKind::Method { key, func, .. } => {
                            self.prop_key(key);
                            self.next_role = FnRole::Method;
                            self.function(func);
                        }
                        PropKind::Spread(x) => self.expr(x),
                    }
                }
            }
            ExprKind::Function(f) | ExprKind::Arrow(f) => self.function(f),
            ExprKind::Class(c) => self.class(c),
            ExprKind::Unary { arg, .. } | ExprKind::Update { arg, .. } => self.expr(arg),
            ExprKind::Await(arg) | ExprKind::ImportCall(arg) => self.expr(arg),
            ExprKind::Binary { left, right, .. } | ExprKind::Logical { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::PrivateIn { right, .. } => self.expr(right),
            ExprKind::Assign { target, value, .. } => {
                self.pattern(target);
                self.expr(value);
            }
            ExprKind::Cond { test, cons, alt } => {
                self.expr(test);
                self.expr(cons);
                self.expr(alt);
            }
            ExprKind::Call {
                callee,
                args,
                optional,
            } => {
                self.expr(callee);
                self.args(args);
                if is_direct_eval_call(callee, *optional) {
                    if self.in_params {
                        self.tree.eval_in_params.insert(e.span.start);
                    }
                    self.direct_eval();
                }
            }
            ExprKind::New { callee, args } => {
                self.expr(callee);
                if let Some(a) = args {
                    self.args(a);
                }
            }
            ExprKind::Member { object, prop, .. } => {
                self.expr(object);
                if let MemberProp::Computed(k) = prop {
                    self.expr(k);
                }
            }
            ExprKind::SuperMember(prop) => {
                self.implicit("this", e.span);
                if let MemberProp::Computed(k) = prop {
                    self.expr(k);
                }
            }
            ExprKind::SuperCall(args) => {
                self.implicit("this", e.span);
                self.implicit("new.target", e.span);
                self.args(args);
            }
            ExprKind::OptChain(x) | ExprKind::Paren(x) => self.expr(x),
            ExprKind::Seq(xs) => {
                for x in xs {
                    self.expr(x);
                }
            }
            ExprKind::Yield { arg, .. } => {
                if let Some(a) = arg {
                    self.expr(a);
                }
            }
        }
    }

    /// `this`/`new.target`: resolve to the nearest non-arrow function's implicit binding
    /// (captured when reached from an arrow). At script level they stay global.
    fn implicit(&mut self, name: &str, span: Span) {
        let Some(f) = self.this_function().filter(|&s| !self.is_script_scope(s)) else {
            return;
        };
        let here = self.tree.scopes[self.current() as usize].function;
        if name == "this" && here != f && !self.eval_code {
            // Read from an arrow: settled when `f` ends (`settle_arrow_this`).
            let this = self.tree.scopes[f as usize]
                .bindings
                .iter()
                .copied()
                .find(|&b| self.tree.bindings[b as usize].kind == BindingKind::This);
            if let Some(b) = this {
                self.tree.bindings[b as usize].used = true;
                self.tree
                    .resolutions
                    .insert(span.start, Resolution::Binding(b));
                self.arrow_this.push((f, here));
                return;
            }
        }
        self.reference(name, span);
    }

    /// At the end of non-arrow function `f`: how the arrows inside it that read its `this`
    /// get it. `this` never changes once bound, so each such arrow may take a copy when its
    /// closure is made (its own `this` binding, a register, filled at entry from the copy the
    /// closure holds; an arrow between passes it on the same way) instead of `f` keeping
    /// `this` in an environment record for them. Not when `this` can still change after an
    /// arrow is made (a derived constructor: TDZ until `super()`, which an arrow may call),
    /// when names are reached at run time (direct `eval`/`with` inside: `this` is captured
    /// then), or when `f` has a record anyway (another binding of its scope is captured:
    /// one more slot there costs less than a copy per arrow).
    fn settle_arrow_this(&mut self, f: ScopeId) {
        if !self.arrow_this.iter().any(|&(g, _)| g == f) {
            return;
        }
        let mut arrows = Vec::new();
        self.arrow_this.retain(|&(g, a)| {
            if g == f {
                arrows.push(a);
            }
            g != f
        });
        let scope = &self.tree.scopes[f as usize];
        let Some(this) = scope
            .bindings
            .iter()
            .copied()
            .find(|&b| self.tree.bindings[b as usize].kind == BindingKind::This)
        else {
            return;
        };
        let copy = scope.role != FnRole::DerivedCtor
            && scope
                .bindings
                .iter()
                .all(|&b| !self.tree.bindings[b as usize].captured);
        if !copy {
            self.tree.bindings[this as usize].captured = true;
            return;
        }
        for a in arrows {
            let mut s = a;
            while s != f {
                let sc = &self.tree.scopes[s as usize];
                let parent = sc.parent;
                if sc.kind == (ScopeKind::Function { is_arrow: true }) {
                    if let Some(b) = self.declare(s, "this", BindingKind::This) {
                        self.tree.bindings[b as usize].used = true;
                    }
                }
                match parent {
                    Some(p) => s = p,
                    None => break,
                }
            }
        }
    }
}

/// `eval(…)` (also `(eval)(…)`) not in an optional chain: a call that is a direct eval when the
/// callee evaluates to %eval% (ECMA-262 §13.3.6.1).
pub fn is_direct_eval_call(callee: &Expr, optional: bool) -> bool {
    let mut c = callee;
    while let ExprKind::Paren(inner) = &c.kind {
        c = inner;
    }
    !optional && matches!(&c.kind, ExprKind::Ident(id) if &*id.name == "eval")
}

fn lexical_kind(kind: VarKind) -> BindingKind {
    match kind {
        VarKind::Let => BindingKind::Let,
        VarKind::Const => BindingKind::Const,
        VarKind::Var => BindingKind::Var,
    }
}

/// The identifiers a binding pattern declares, in source order (BoundNames).
pub fn bound_names<'a>(pat: &'a Pat, out: &mut Vec<&'a Ident>) {
    match &pat.kind {
        PatKind::Ident(id) => out.push(id),
        PatKind::Array { elems, rest } => {
            for p in elems.iter().flatten() {
                bound_names(p, out);
            }
            if let Some(r) = rest {
                bound_names(r, out);
            }
        }
        PatKind::Object { props, rest } => {
            for p in props {
                bound_names(&p.value, out);
            }
            if let Some(r) = rest {
                bound_names(r, out);
            }
        }
        PatKind::Default { target, .. } => bound_names(target, out),
        PatKind::Expr(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::{parse, ParseOptions};

    /// Analyse `src` and describe each binding as `name:kind[:captured]` per scope, in order.
    fn analyse_src(src: &str) -> (Program, ScopeTree) {
        let program = parse(src, &ParseOptions::default()).expect("test source parses");
        let tree = analyse(&program);
        (program, tree)
    }

    fn binding<'t>(tree: &'t ScopeTree, name: &str) -> Vec<&'t Binding> {
        tree.bindings.iter().filter(|b| &*b.name == name).collect()
    }

    /// The resolution of the n-th occurrence (0-based) of `name` in `src` as an identifier.
    fn resolution_at(src: &str, tree: &ScopeTree, name: &str, n: usize) -> Resolution {
        let is_ident = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
        let offset = src
            .match_indices(name)
            .filter(|&(i, _)| {
                !src[..i].ends_with(is_ident) && !src[i + name.len()..].starts_with(is_ident)
            })
            .nth(n)
            .unwrap_or_else(|| panic!("occurrence {n} of {name}"))
            .0 as u32;
        *tree
            .resolutions
            .get(&offset)
            .unwrap_or_else(|| panic!("no resolution recorded at occurrence {n} of {name}"))
    }

    #[test]
    fn script_level_names_are_global() {
        let src = "var a = 1; let b = 2; function f() {} a; b; f; undeclared;";
        let (_, tree) = analyse_src(src);
        assert!(binding(&tree, "a").is_empty());
        assert!(binding(&tree, "b").is_empty());
        assert_eq!(
            resolution_at(src, &tree, "undeclared", 0),
            Resolution::Global
        );
    }

    #[test]
    fn locals_not_seen_by_closures_stay_uncaptured() {
        let src = "function f(n) { var x = n; let y = x; return y; }";
        let (_, tree) = analyse_src(src);
        for name in ["n", "x", "y"] {
            let b = binding(&tree, name);
            assert_eq!(b.len(), 1, "{name}");
            assert!(!b[0].captured, "{name} should live in a register");
        }
        assert!(!binding(&tree, "arguments")[0].used);
    }

    #[test]
    fn closures_capture_and_arrows_capture_this() {
        let src = "function f(a, b) { let c = 1; return () => a + c + this.k; }";
        let (_, tree) = analyse_src(src);
        assert!(binding(&tree, "a")[0].captured);
        assert!(!binding(&tree, "b")[0].captured);
        assert!(binding(&tree, "c")[0].captured);
        assert!(
            binding(&tree, "this")[0].captured,
            "the arrow reads f's this"
        );
    }

    #[test]
    fn var_hoists_out_of_blocks_but_let_does_not() {
        let src = "function f() { { var v = 1; let l = 2; } return v; }";
        let (_, tree) = analyse_src(src);
        let v = binding(&tree, "v")[0];
        let l = binding(&tree, "l")[0];
        assert!(matches!(
            tree.scope(v.scope).kind,
            ScopeKind::Function { .. }
        ));
        assert_eq!(tree.scope(l.scope).kind, ScopeKind::Block);
        // `return v` resolves to the hoisted binding.
        let r = resolution_at(src, &tree, "v", 1);
        assert!(matches!(r, Resolution::Binding(id) if tree.binding(id).name.as_ref() == "v"));
    }

    #[test]
    fn shadowing_resolves_to_the_innermost() {
        let src = "function f() { let x = 1; { let x = 2; x; } x; }";
        let (_, tree) = analyse_src(src);
        let xs = binding(&tree, "x");
        assert_eq!(xs.len(), 2);
        let inner = resolution_at(src, &tree, "x", 2);
        let outer = resolution_at(src, &tree, "x", 3);
        assert_ne!(inner, outer);
        let Resolution::Binding(i) = inner else {
            panic!()
        };
        assert_eq!(tree.scope(tree.binding(i).scope).kind, ScopeKind::Block);
    }

    #[test]
    fn named_function_expression_binds_its_own_name() {
        let src = "var g = function fact(n) { return n ? n * fact(n - 1) : 1; };";
        let (_, tree) = analyse_src(src);
        let fact = binding(&tree, "fact");
        assert_eq!(fact.len(), 1);
        assert_eq!(fact[0].kind, BindingKind::FunctionName);
        assert!(fact[0].captured, "read from inside the function it names");
    }

    #[test]
    fn let_loop_heads_get_their_own_scope() {
        let src = "function f() { var fs = []; for (let i = 0; i < 3; i++) fs.push(() => i); return fs; }";
        let (_, tree) = analyse_src(src);
        let i = binding(&tree, "i")[0];
        assert!(i.captured);
        assert_eq!(tree.scope(i.scope).kind, ScopeKind::Block);
    }

    #[test]
    fn catch_param_and_var_of_same_name() {
        // Annex B: `var e` in the catch block hoists to the function, but the initialiser assigns
        // to the catch parameter, which is what the name resolves to inside the block.
        let src = "function f() { try {} catch (e) { var e = 1; } return e; }";
        let (_, tree) = analyse_src(src);
        let es = binding(&tree, "e");
        assert_eq!(es.len(), 2);
        let in_catch = resolution_at(src, &tree, "e", 1);
        let Resolution::Binding(id) = in_catch else {
            panic!()
        };
        assert_eq!(tree.binding(id).kind, BindingKind::CatchParam);
        let after = resolution_at(src, &tree, "e", 2);
        let Resolution::Binding(id) = after else {
            panic!()
        };
        assert_eq!(tree.binding(id).kind, BindingKind::Var);
    }

    #[test]
    fn arguments_is_implicit_unless_shadowed() {
        let (_, tree) = analyse_src("function f() { return arguments.length; }");
        let a = binding(&tree, "arguments");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].kind, BindingKind::Arguments);
        assert!(a[0].used);
        let (_, tree) = analyse_src("function f(arguments) { return arguments; }");
        let a = binding(&tree, "arguments");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].kind, BindingKind::Param);
    }

    #[test]
    fn mapped_arguments_put_parameters_in_the_record() {
        // Sloppy, simple parameters, `arguments` used (here from an arrow): mapped.
        let (_, tree) = analyse_src("function f(a, b) { return () => arguments[0]; }");
        assert!(binding(&tree, "a")[0].captured);
        assert!(binding(&tree, "b")[0].captured);
        // Strict, non-simple or not using `arguments`: parameters stay in registers.
        for src in [
            "function f(a) { 'use strict'; return arguments[0]; }",
            "function f(a = 1) { return arguments[0]; }",
            "function f(a) { return a; }",
        ] {
            let (_, tree) = analyse_src(src);
            assert!(!binding(&tree, "a")[0].captured, "{src}");
        }
    }

    #[test]
    fn direct_eval_makes_the_chain_dynamic() {
        let (_, tree) = analyse_src("function f(a) { let b; return eval('a + b'); }");
        assert!(binding(&tree, "a")[0].captured);
        assert!(binding(&tree, "b")[0].captured);
        assert!(tree.scopes.iter().any(|s| s.dynamic));
    }

    #[test]
    fn class_methods_capture_outer_bindings_and_the_class_name() {
        let src = "function f() { let k = 1; class C { m() { return [k, C]; } } return C; }";
        let (_, tree) = analyse_src(src);
        assert!(binding(&tree, "k")[0].captured);
        let cs = binding(&tree, "C");
        assert_eq!(
            cs.len(),
            2,
            "the outer declaration and the inner class-scope name"
        );
        assert!(cs.iter().any(|b| b.captured));
    }
}
