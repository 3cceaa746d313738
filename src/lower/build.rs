//! The tree builder: AST + scope analysis → executable tree (`tree.rs`).
//!
//! Storage: each function numbers its uncaptured bindings as registers (parameters first); each
//! scope with captured bindings gets an environment record whose slots are numbered here, and a
//! reference becomes `Env { hops, slot }` where `hops` counts the records between the reference
//! and the binding — the same records the interpreter pushes at run time, in the same order.
//!
//! Not yet lowered (reported as `LowerError` "not supported yet: …", never silently wrong):
//! classes, destructuring, async functions, optional chaining, tagged templates,
//! `super`, `new.target`, getters/setters in classes, `for-of`, spread in
//! `new`, regular-expression literals, labelled `continue` through `switch`. (`with` and direct
//! `eval` are lowered by `eval.rs`.)

mod class;
pub mod eval;
mod pattern;
use class::ClassPre;

use super::scope::{self, BindingKind, Resolution, Role, ScopeId, ScopeKind, ScopeTree};
use super::tree::*;
use crate::parser::ast::{self, ExprKind, PropKind, StmtKind};
use crate::span::Span;
use crate::value::{Atom, JsBigInt, JsString, PropertyKey, Value};
use std::rc::Rc;

#[path = "machine.rs"]
pub mod machine;

/// A construct the lowering pass does not handle yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LowerError {
    pub message: String,
    pub span: Span,
}

type R<T> = Result<T, LowerError>;

/// Hoisted function declarations: (bindings with a place, script-level globals).
type HoistedPair = (HoistedFunctions, Box<[(Atom, Rc<Code>)]>);

fn unsupported<T>(what: &str, span: Span) -> R<T> {
    Err(LowerError {
        message: format!("not supported yet: {what}"),
        span,
    })
}

/// Lower a parsed script.
pub fn lower_script(program: &ast::Program) -> R<Script> {
    let scopes = scope::analyse(program);
    let mut b = Builder {
        layout: Layout::new(&scopes),
        scopes: &scopes,
        stack: vec![0],
        labels: Vec::new(),
        next_label: 0,
        pending_labels: Vec::new(),
        source: program.source.clone(),
        private_names: Vec::new(),
        fn_super: Vec::new(),
        derived_scopes: Vec::new(),
        next_ctor: None,
        class_pre: None,
        lex_init: false,
        any_dynamic: eval::any_dynamic(&scopes),
    };
    let mut var_names = Vec::new();
    collect_script_vars(&program.body, &mut var_names);
    let lex_names = collect_script_lexicals(&program.body);
    let body = b.block_body(&program.body, None)?;
    let code = Code {
        name: Atom::intern_str(""),
        length: 0,
        fn_props: Default::default(),
        this_mode: ThisMode::Sloppy,
        strict: scopes.scopes[0].strict,
        is_constructor: false,
        registers: b.layout.registers[0],
        params: Box::new([]),
        param_init: None,
        tdz_regs: Box::new([]),
        params_in_place: true,
        env: None,
        name_env: None,
        class_ctor: None,
        default_derived: false,
        lean: false,
        lean_ctor: false,
        ctor_props: std::cell::Cell::new(0),
        uses_super: false,
        new_target_place: None,
        this_place: None,
        outer_this: None,
        arguments_place: None,
        body,
        expr_body: None,
        machine: None,
        span: program.span,
        source: program.source.clone(),
    };
    Ok(Script {
        code: Rc::new(code),
        var_names: var_names.into_boxed_slice(),
        lex_names: lex_names.into_boxed_slice(),
    })
}

/// Script-level `var` declarations (at any statement depth, not inside functions) and
/// top-level function declarations: created on the global object up front.
fn collect_script_vars(stmts: &[ast::Stmt], out: &mut Vec<Atom>) {
    for s in stmts {
        collect_vars_in(s, out, true);
    }
}

fn collect_var_decl(d: &ast::VarDecl, out: &mut Vec<Atom>) {
    if d.kind == ast::VarKind::Var {
        for decl in &d.decls {
            let mut names = Vec::new();
            scope::bound_names(&decl.target, &mut names);
            out.extend(names.iter().map(|n| Atom::intern_str(&n.name)));
        }
    }
}

fn collect_vars_in(s: &ast::Stmt, out: &mut Vec<Atom>, top: bool) {
    match &s.kind {
        StmtKind::Var(d) => collect_var_decl(d, out),
        StmtKind::Function(f) if top => {
            if let Some(id) = &f.id {
                out.push(Atom::intern_str(&id.name));
            }
        }
        StmtKind::Block(b) => b.iter().for_each(|s| collect_vars_in(s, out, false)),
        StmtKind::If { cons, alt, .. } => {
            collect_vars_in(cons, out, false);
            if let Some(a) = alt {
                collect_vars_in(a, out, false);
            }
        }
        StmtKind::For(f) => {
            if let Some(ast::ForInit::Var(d)) = &f.init {
                collect_var_decl(d, out);
            }
            collect_vars_in(&f.body, out, false);
        }
        StmtKind::ForIn(f) | StmtKind::ForOf(f) => {
            if let ast::ForHead::Var(d) = &f.left {
                collect_var_decl(d, out);
            }
            collect_vars_in(&f.body, out, false);
        }
        StmtKind::While { body, .. }
        | StmtKind::DoWhile { body, .. }
        | StmtKind::With { body, .. } => collect_vars_in(body, out, false),
        StmtKind::Labeled { body, .. } => collect_vars_in(body, out, top),
        StmtKind::Switch { cases, .. } => {
            for c in cases {
                c.body.iter().for_each(|s| collect_vars_in(s, out, false));
            }
        }
        StmtKind::Try(t) => {
            t.block.iter().for_each(|s| collect_vars_in(s, out, false));
            if let Some(h) = &t.handler {
                h.body.iter().for_each(|s| collect_vars_in(s, out, false));
            }
            if let Some(f) = &t.finalizer {
                f.iter().for_each(|s| collect_vars_in(s, out, false));
            }
        }
        _ => {}
    }
}

/// Script-level `let`/`const`/`class` names: the global lexical environment's bindings
/// (`true` for `const`).
fn collect_script_lexicals(stmts: &[ast::Stmt]) -> Vec<(Atom, bool)> {
    let mut out = Vec::new();
    for s in stmts {
        match &s.kind {
            StmtKind::Var(d) if d.kind != ast::VarKind::Var => {
                for decl in &d.decls {
                    let mut names = Vec::new();
                    scope::bound_names(&decl.target, &mut names);
                    let c = d.kind == ast::VarKind::Const;
                    out.extend(names.iter().map(|n| (Atom::intern_str(&n.name), c)));
                }
            }
            StmtKind::Class(c) => {
                if let Some(id) = &c.id {
                    out.push((Atom::intern_str(&id.name), false));
                }
            }
            _ => {}
        }
    }
    out
}

/// Registers and environment slots, assigned once for the whole script.
struct Layout {
    /// Per binding: where it lives relative to its scope.
    binding_home: Vec<Home>,
    /// Per scope: number of env slots (0 = no record).
    env_slots: Vec<u32>,
    /// Per function scope (indexed by scope id; 0 elsewhere): register count.
    registers: Vec<u32>,
}

#[derive(Clone, Copy, Debug)]
enum Home {
    Reg(u32),
    Slot(u32),
    /// Script-level: global by name.
    Global,
}

impl Layout {
    fn new(tree: &ScopeTree) -> Layout {
        let n = tree.scopes.len();
        let mut layout = Layout {
            binding_home: vec![Home::Global; tree.bindings.len()],
            env_slots: vec![0; n],
            registers: vec![0; n],
        };
        for (id, scope) in tree.scopes.iter().enumerate() {
            for &b in &scope.bindings {
                let binding = tree.binding(b);
                // The implicit `this`/`new.target`/`arguments` of a function that never names
                // them take no storage: a register would cost every call a slot to fill and
                // drop. (Direct eval marks every visible binding used.)
                let implicit = matches!(
                    binding.kind,
                    BindingKind::This | BindingKind::NewTarget | BindingKind::Arguments
                );
                if implicit && !binding.used {
                    continue;
                }
                layout.binding_home[b as usize] = if binding.captured {
                    let slot = layout.env_slots[id];
                    layout.env_slots[id] += 1;
                    Home::Slot(slot)
                } else {
                    let f = scope.function as usize;
                    let r = layout.registers[f];
                    layout.registers[f] += 1;
                    Home::Reg(r)
                };
            }
        }
        layout
    }
}

struct Builder<'a> {
    layout: Layout,
    scopes: &'a ScopeTree,
    /// Scopes entered, innermost last (mirrors the resolver's walk).
    stack: Vec<ScopeId>,
    /// Label name → id of the statement it labels; `None` name = innermost breakable/loop.
    labels: Vec<LabelEntry>,
    next_label: u32,
    /// Labels seen directly before the next loop (so `continue L` targets that loop).
    pending_labels: Vec<Box<str>>,
    /// The script's source text, shared by every `Code` (Function.prototype.toString).
    source: Rc<str>,
    /// Private names of the enclosing class bodies, innermost last.
    private_names: Vec<Vec<(Box<str>, crate::value::Symbol)>>,
    /// Functions being lowered, innermost last: (is_arrow, uses_super).
    fn_super: Vec<(bool, bool)>,
    /// Function scopes of derived-class constructors (`this` starts in TDZ there).
    derived_scopes: Vec<ScopeId>,
    /// Set just before lowering a class constructor: `Some(derived)`.
    next_ctor: Option<bool>,
    /// Set just before lowering a class whose heritage/computed keys a state machine has
    /// already evaluated into temps (`machine::m_class`).
    class_pre: Option<ClassPre>,
    /// Lowering a script-level `let`/`const` declaration: global names are initialised in the
    /// global lexical environment.
    lex_init: bool,
    /// Some scope is a `with` or has an eval `var` map: references may need by-name checks.
    any_dynamic: bool,
}

struct LabelEntry {
    name: Option<Box<str>>,
    id: u32,
    is_loop: bool,
    /// A plain `break` may target it (loops and switch, not labelled blocks).
    breakable: bool,
}

impl<'a> Builder<'a> {
    fn scope_for(&self, span: Span, role: Role) -> ScopeId {
        self.scopes.scope_of_node[&(span.start, role)]
    }

    fn current(&self) -> ScopeId {
        *self.stack.last().expect("non-empty")
    }

    fn env_shape(&self, scope: ScopeId) -> Option<EnvShape> {
        let slots = self.layout.env_slots[scope as usize];
        if slots == 0 {
            return None;
        }
        let tdz = self.scopes.scopes[scope as usize]
            .bindings
            .iter()
            .filter(|&&b| self.scopes.binding(b).kind.is_lexical())
            .filter_map(|&b| match self.layout.binding_home[b as usize] {
                Home::Slot(s) => Some(s),
                _ => None,
            })
            .collect();
        Some(EnvShape { slots, tdz })
    }

    fn tdz_regs(&self, scope: ScopeId) -> Box<[u32]> {
        self.scopes.scopes[scope as usize]
            .bindings
            .iter()
            .filter(|&&b| self.scopes.binding(b).kind.is_lexical())
            .filter_map(|&b| match self.layout.binding_home[b as usize] {
                Home::Reg(r) => Some(r),
                _ => None,
            })
            .collect()
    }

    /// The place of a binding as seen from the current scope.
    fn place_of(&self, binding: scope::BindingId) -> Option<Place> {
        let b = self.scopes.binding(binding);
        match self.layout.binding_home[binding as usize] {
            Home::Global => None,
            Home::Reg(r) => Some(Place::Reg(r)),
            Home::Slot(slot) => {
                let mut hops = 0;
                for &s in self.stack.iter().rev() {
                    if s == b.scope {
                        return Some(Place::Env { hops, slot });
                    }
                    if self.layout.env_slots[s as usize] > 0 {
                        hops += 1;
                    }
                }
                // The binding's scope is not on the stack: a bug in scope bookkeeping.
                None
            }
        }
    }

    fn resolve(&self, id: &ast::Ident) -> Resolved {
        let r = self.resolve_static(id);
        if !self.any_dynamic {
            return r;
        }
        self.dynamic_ref(id, r)
    }

    /// A reference past its lexical binding's declaration in the same function cannot see
    /// it uninitialised (`scope::Binding::init_end`): no TDZ check.
    fn surely_initialised(&self, binding: &scope::Binding, id: &ast::Ident) -> bool {
        id.span.start >= binding.init_end
            && self.scopes.scope(binding.scope).function
                == self.scopes.scope(self.current()).function
    }

    fn resolve_static(&self, id: &ast::Ident) -> Resolved {
        match self.scopes.resolution(id) {
            Resolution::Global => Resolved::Global(Atom::intern_str(&id.name)),
            Resolution::Binding(b) => match self.place_of(b) {
                Some(place) => {
                    let binding = self.scopes.binding(b);
                    let tdz = (binding.kind.is_lexical() && !self.surely_initialised(binding, id))
                        .then(|| Atom::intern_str(&binding.name));
                    Resolved::Local {
                        place,
                        tdz,
                        kind: binding.kind,
                    }
                }
                None => Resolved::Global(Atom::intern_str(&id.name)),
            },
        }
    }

    /// A body that is a single `return e;` with nothing to set up (no record, no hoisted
    /// functions, no TDZ registers) runs as an expression body: no block, statement or
    /// completion machinery per call (`function f(n) { return … }`, getters, small methods).
    fn as_expr_body(mut block: Block) -> (Block, Option<Expr>) {
        let plain = block.env.is_none()
            && block.functions.is_empty()
            && block.global_functions.is_empty()
            && block.tdz_regs.is_empty()
            && matches!(&block.body[..], [Stmt::Return(Some(_))]);
        if plain {
            let mut body = std::mem::take(&mut block.body).into_vec();
            match body.pop() {
                Some(Stmt::Return(Some(e))) => return (Block::empty(), Some(e)),
                other => block.body = other.into_iter().collect(),
            }
        }
        (block, None)
    }

    fn global(name: Atom) -> Box<GlobalRef> {
        Self::global_at(name, u32::MAX)
    }

    fn global_at(name: Atom, pos: u32) -> Box<GlobalRef> {
        Box::new(GlobalRef {
            name,
            slot: std::cell::Cell::new(u32::MAX),
            epoch: std::cell::Cell::new(0),
            pos,
            dynamic: None,
        })
    }

    fn read(&self, id: &ast::Ident) -> Expr {
        match self.resolve(id) {
            Resolved::Global(name) => Expr::Global(Self::global_at(name, id.span.start)),
            Resolved::Dynamic(g) => Expr::Global(g),
            Resolved::Local { place, tdz, .. } => Expr::Get { place, tdz },
        }
    }

    fn assign(&self, id: &ast::Ident, value: Expr, declaration: bool) -> Expr {
        match self.resolve(id) {
            Resolved::Global(name) => Expr::SetGlobal {
                global: Self::global(name),
                value: Box::new(value),
            },
            Resolved::Dynamic(global) => Expr::SetGlobal {
                global,
                value: Box::new(value),
            },
            Resolved::Local { place, kind, tdz } => {
                let check = match kind {
                    BindingKind::Const if !declaration => Some(match tdz {
                        Some(name) => ConstCheck::ThrowAfterTdz(name),
                        None => ConstCheck::Throw,
                    }),
                    BindingKind::FunctionName => Some(if self.is_strict() {
                        ConstCheck::Throw
                    } else {
                        ConstCheck::Ignore
                    }),
                    _ => Some(match tdz {
                        Some(name) => ConstCheck::Tdz(name),
                        None => ConstCheck::Initialized,
                    }),
                };
                Expr::Set {
                    place,
                    value: Box::new(value),
                    check,
                }
            }
        }
    }

    // ───────────── statements ─────────────

    /// A statement list in the current scope (function body, script, or an already entered
    /// block scope), with its hoisted function declarations.
    fn block_body(&mut self, stmts: &[ast::Stmt], scope: Option<ScopeId>) -> R<Block> {
        let (functions, global_functions) = self.hoisted_functions(stmts)?;
        let body = self.statements(stmts)?;
        Ok(Block {
            env: scope.and_then(|s| self.env_shape(s)),
            functions,
            global_functions,
            tdz_regs: scope.map_or_else(|| Box::new([]) as Box<[u32]>, |s| self.tdz_regs(s)),
            body,
        })
    }

    /// Function declarations of a statement list: (local ones, global ones).
    fn hoisted_functions(&mut self, stmts: &[ast::Stmt]) -> R<HoistedPair> {
        let mut out = Vec::new();
        let mut globals = Vec::new();
        for s in stmts {
            let mut s = s;
            while let StmtKind::Labeled { body, .. } = &s.kind {
                s = body;
            }
            if let StmtKind::Function(f) = &s.kind {
                let id = f.id.as_ref().expect("declarations are named");
                let code = self.function(f)?;
                match self.resolve(id) {
                    Resolved::Local { place, .. } => out.push((place, code)),
                    Resolved::Global(name) => globals.push((name, code)),
                    Resolved::Dynamic(g) => globals.push((g.name, code)),
                }
            }
        }
        Ok((out.into_boxed_slice(), globals.into_boxed_slice()))
    }

    fn statements(&mut self, stmts: &[ast::Stmt]) -> R<Box<[Stmt]>> {
        let mut out = Vec::with_capacity(stmts.len());
        for s in stmts {
            let lowered = self.statement(s)?;
            if !matches!(lowered, Stmt::Empty) {
                out.push(lowered);
            }
        }
        Ok(out.into_boxed_slice())
    }

    fn enter_block(&mut self, stmts: &[ast::Stmt], role: Role, span: Span) -> R<Block> {
        let scope = self.scope_for(span, role);
        self.stack.push(scope);
        let block = self.block_body(stmts, Some(scope));
        self.stack.pop();
        block
    }

    fn new_label(&mut self) -> u32 {
        self.next_label += 1;
        self.next_label
    }

    fn with_loop<T>(&mut self, id: u32, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        let names = std::mem::take(&mut self.pending_labels);
        let depth = self.labels.len();
        for n in names {
            self.labels.push(LabelEntry {
                name: Some(n),
                id,
                is_loop: true,
                breakable: false,
            });
        }
        self.labels.push(LabelEntry {
            name: None,
            id,
            is_loop: true,
            breakable: true,
        });
        let r = f(self);
        self.labels.truncate(depth);
        r
    }

    fn statement(&mut self, stmt: &ast::Stmt) -> R<Stmt> {
        if !matches!(stmt.kind, StmtKind::Labeled { .. }) && !self.is_loop(stmt) {
            // Labels only attach to the loop directly after them.
            self.flush_pending_labels();
        }
        Ok(match &stmt.kind {
            StmtKind::Expr { expr, .. } => Stmt::Expr(self.expr(expr)?),
            StmtKind::Var(decl) => self.var_decl(decl)?,
            // Hoisted: created at block entry (`hoisted_functions`).
            StmtKind::Function(_) => Stmt::Empty,
            StmtKind::Class(c) => self.class_decl(c)?,
            StmtKind::Block(body) => Stmt::Block(self.enter_block(body, Role::Block, stmt.span)?),
            StmtKind::Empty | StmtKind::Debugger => Stmt::Empty,
            StmtKind::If { test, cons, alt } => Stmt::If {
                test: self.expr(test)?,
                cons: Box::new(self.substatement(cons)?),
                alt: match alt {
                    Some(a) => Some(Box::new(self.substatement(a)?)),
                    None => None,
                },
            },
            StmtKind::For(f) => self.for_stmt(f, stmt.span)?,
            StmtKind::ForIn(f) => self.for_in(f, stmt.span, false)?,
            StmtKind::ForOf(f) => self.for_in(f, stmt.span, true)?,
            StmtKind::While { test, body } => self.while_loop(test, body, false)?,
            StmtKind::DoWhile { body, test } => self.while_loop(test, body, true)?,
            StmtKind::Switch {
                discriminant,
                cases,
            } => {
                let discriminant = self.expr(discriminant)?;
                let scope = self.scope_for(stmt.span, Role::Switch);
                let id = self.new_label();
                self.labels.push(LabelEntry {
                    name: None,
                    id,
                    is_loop: false,
                    breakable: true,
                });
                self.stack.push(scope);
                let mut out = Vec::new();
                let mut result = Ok(());
                let mut functions = Vec::new();
                let mut global_functions = Vec::new();
                for c in cases {
                    match self.hoisted_functions(&c.body) {
                        Ok((f, g)) => {
                            functions.extend(f.into_vec());
                            global_functions.extend(g.into_vec());
                        }
                        Err(e) => {
                            result = Err(e);
                            break;
                        }
                    }
                }
                for c in cases.iter().take_while(|_| result.is_ok()) {
                    let test = match &c.test {
                        Some(t) => match self.expr(t) {
                            Ok(t) => Some(t),
                            Err(e) => {
                                result = Err(e);
                                break;
                            }
                        },
                        None => None,
                    };
                    match self.statements(&c.body) {
                        Ok(body) => out.push((test, body)),
                        Err(e) => {
                            result = Err(e);
                            break;
                        }
                    }
                }
                self.stack.pop();
                self.labels.pop();
                result?;
                Stmt::Switch(Box::new(Switch {
                    label: id,
                    discriminant,
                    env: self.env_shape(scope),
                    tdz_regs: self.tdz_regs(scope),
                    functions: functions.into_boxed_slice(),
                    global_functions: global_functions.into_boxed_slice(),
                    cases: out.into_boxed_slice(),
                }))
            }
            StmtKind::Labeled { label, body } => {
                if self.is_loop(body) || matches!(body.kind, StmtKind::Labeled { .. }) {
                    self.pending_labels.push(label.name.clone());
                    self.statement(body)?
                } else {
                    let id = self.new_label();
                    self.labels.push(LabelEntry {
                        name: Some(label.name.clone()),
                        id,
                        is_loop: false,
                        breakable: false,
                    });
                    let body = self.statement(body);
                    self.labels.pop();
                    Stmt::Labeled {
                        label: id,
                        body: Box::new(body?),
                    }
                }
            }
            StmtKind::Break(label) => Stmt::Break(Some(self.jump_target(label, false, stmt.span)?)),
            StmtKind::Continue(label) => {
                Stmt::Continue(Some(self.jump_target(label, true, stmt.span)?))
            }
            StmtKind::Return(e) => Stmt::Return(match e {
                Some(e) => Some(self.expr(e)?),
                None => None,
            }),
            StmtKind::Throw(e) => Stmt::Throw {
                value: self.expr(e)?,
                span: stmt.span,
            },
            StmtKind::Try(t) => {
                let block = self.enter_block(&t.block, Role::TryBlock, stmt.span)?;
                let handler = match &t.handler {
                    Some(h) => {
                        let scope = self.scope_for(h.span, Role::CatchParam);
                        self.stack.push(scope);
                        let param = match &h.param {
                            Some(p) => match self.target(p, true) {
                                Ok(t) => Some(t),
                                Err(e) => {
                                    self.stack.pop();
                                    return Err(e);
                                }
                            },
                            None => None,
                        };
                        let body = self.enter_block(&h.body, Role::CatchBody, h.span);
                        self.stack.pop();
                        Some((self.env_shape(scope), param, body?))
                    }
                    None => None,
                };
                let finalizer = match &t.finalizer {
                    Some(f) => Some(self.enter_block(f, Role::Finally, stmt.span)?),
                    None => None,
                };
                Stmt::Try(Box::new(Try {
                    block,
                    handler,
                    finalizer,
                }))
            }
            StmtKind::With { object, body } => self.with_stmt(object, body, stmt.span)?,
        })
    }

    /// `while` (`test_after` false) and `do … while` (true).
    fn while_loop(&mut self, test: &ast::Expr, body: &ast::Stmt, test_after: bool) -> R<Stmt> {
        let id = self.new_label();
        self.with_loop(id, |b| {
            Ok(Stmt::Loop(Box::new(Loop {
                label: id,
                head_env: None,
                init: None,
                test: Some(b.expr(test)?),
                update: None,
                body: b.substatement(body)?,
                test_after,
            })))
        })
    }

    fn is_loop(&self, stmt: &ast::Stmt) -> bool {
        matches!(
            stmt.kind,
            StmtKind::For(_)
                | StmtKind::ForIn(_)
                | StmtKind::ForOf(_)
                | StmtKind::While { .. }
                | StmtKind::DoWhile { .. }
        )
    }

    fn flush_pending_labels(&mut self) {
        self.pending_labels.clear();
    }

    fn jump_target(&self, label: &Option<ast::Ident>, is_continue: bool, span: Span) -> R<u32> {
        let found = self.labels.iter().rev().find(|l| match label {
            Some(name) => l.name.as_deref() == Some(&*name.name),
            None => l.name.is_none() && if is_continue { l.is_loop } else { l.breakable },
        });
        match found {
            Some(l) if is_continue && !l.is_loop => {
                unsupported("continue to a non-loop label", span)
            }
            Some(l) => Ok(l.id),
            None => unsupported("this jump target", span),
        }
    }

    /// `if`/loop bodies: a lone function declaration gets its own block scope.
    fn substatement(&mut self, stmt: &ast::Stmt) -> R<Stmt> {
        if matches!(stmt.kind, StmtKind::Function(_)) {
            Ok(Stmt::Block(self.enter_block(
                std::slice::from_ref(stmt),
                Role::Block,
                stmt.span,
            )?))
        } else {
            self.statement(stmt)
        }
    }

    fn var_decl(&mut self, decl: &ast::VarDecl) -> R<Stmt> {
        let saved = self.lex_init;
        self.lex_init = decl.kind != ast::VarKind::Var;
        let r = self.var_decl_inner(decl);
        self.lex_init = saved;
        r
    }

    fn var_decl_inner(&mut self, decl: &ast::VarDecl) -> R<Stmt> {
        let mut out = Vec::new();
        for d in &decl.decls {
            let ast::PatKind::Ident(id) = &d.target.kind else {
                let Some(init) = &d.init else {
                    return unsupported("a pattern without initialiser", d.target.span);
                };
                let value = self.expr(init)?;
                out.push(Stmt::Bind {
                    target: self.target(&d.target, true)?,
                    value,
                });
                continue;
            };
            let value = match &d.init {
                Some(init) => self.named_expr(init, &id.name)?,
                // `var x;` does nothing; `let x;` initialises to undefined.
                None if decl.kind == ast::VarKind::Var => continue,
                None => Expr::Const(Value::Undefined),
            };
            out.push(match self.resolve(id) {
                Resolved::Local { place, .. } => Stmt::Init { place, value },
                Resolved::Global(name) if self.lex_init => Stmt::InitGlobalLex { name, value },
                // A `var` initialiser is PutValue, but not an expression statement: its
                // completion value is empty (eval code's result).
                Resolved::Global(name) => Stmt::Bind {
                    target: Target::Global(Self::global(name)),
                    value,
                },
                Resolved::Dynamic(g) => Stmt::Bind {
                    target: Target::Global(g),
                    value,
                },
            });
        }
        Ok(match out.len() {
            0 => Stmt::Empty,
            1 => out.pop().expect("one"),
            _ => Stmt::Block(Block {
                env: None,
                functions: Box::new([]),
                global_functions: Box::new([]),
                tdz_regs: Box::new([]),
                body: out.into_boxed_slice(),
            }),
        })
    }

    fn for_stmt(&mut self, f: &ast::ForStmt, span: Span) -> R<Stmt> {
        let scope = self.scope_for(span, Role::LoopHead);
        self.stack.push(scope);
        let id = self.new_label();
        let result = self.with_loop(id, |b| {
            let init = match &f.init {
                Some(ast::ForInit::Var(d)) => Some(b.var_decl(d)?),
                Some(ast::ForInit::Expr(e)) => Some(Stmt::Expr(b.expr(e)?)),
                None => None,
            };
            Ok(Loop {
                label: id,
                head_env: None,
                init,
                test: f.test.as_ref().map(|t| b.expr(t)).transpose()?,
                update: f.update.as_ref().map(|u| b.expr(u)).transpose()?,
                body: b.substatement(&f.body)?,
                test_after: false,
            })
        });
        self.stack.pop();
        let mut lp = result?;
        lp.head_env = self.env_shape(scope);
        Ok(Stmt::Loop(Box::new(lp)))
    }

    /// `for (… in …)` (`is_of` false) and `for (… of …)`.
    fn for_in(&mut self, f: &ast::ForInOf, span: Span, is_of: bool) -> R<Stmt> {
        if f.is_await {
            return unsupported("for await", span);
        }
        let scope = self.scope_for(span, Role::LoopHead);
        // The object/iterable is evaluated with the head's names in TDZ (own scope).
        self.stack.push(scope);
        let right = self.expr(&f.right);
        self.stack.pop();
        let right = right?;
        self.stack.push(scope);
        let id = self.new_label();
        let result = self.with_loop(id, |b| {
            let target = match &f.left {
                ast::ForHead::Var(d) if d.decls.len() == 1 && d.decls[0].init.is_none() => {
                    b.target(&d.decls[0].target, true)?
                }
                ast::ForHead::Var(d) => return unsupported("an initialiser in this head", d.span),
                ast::ForHead::Pat(p) => b.target(p, false)?,
            };
            Ok((target, b.substatement(&f.body)?))
        });
        self.stack.pop();
        let (target, body) = result?;
        let head_env = self.env_shape(scope);
        let head_tdz = self.tdz_regs(scope);
        Ok(if !is_of {
            Stmt::ForIn(Box::new(ForIn {
                label: id,
                head_env,
                head_tdz,
                target,
                object: right,
                body,
            }))
        } else {
            Stmt::ForOf(Box::new(ForOf {
                label: id,
                head_env,
                head_tdz,
                target,
                iterable: right,
                body,
            }))
        })
    }

    // ───────────── functions ─────────────

    fn function(&mut self, f: &ast::Function) -> R<Rc<Code>> {
        let saved_labels = std::mem::take(&mut self.labels);
        let saved_pending = std::mem::take(&mut self.pending_labels);
        let name_scope = self
            .scopes
            .scope_of_node
            .get(&(f.span.start, Role::FunctionName))
            .copied();
        if let Some(s) = name_scope {
            self.stack.push(s);
        }
        let scope = self.scope_for(f.span, Role::Function);
        // Where an arrow's closure copies `this` from, if it holds a copy.
        let outer_this = match f.kind {
            ast::FunctionKind::Arrow => self.this_place(),
            _ => None,
        };
        let class_ctor = self.next_ctor.take();
        if class_ctor == Some(true) {
            self.derived_scopes.push(scope);
        }
        self.stack.push(scope);
        self.fn_super
            .push((f.kind == ast::FunctionKind::Arrow, false));
        let result = self.function_body(f, scope);
        let (_, uses_super) = self.fn_super.pop().expect("pushed");
        self.stack.pop();
        // The function-name record (if the name is captured): its shape and the name's slot.
        let name_env = name_scope.and_then(|s| {
            let shape = self.env_shape(s)?;
            let b = *self.scopes.scopes[s as usize].bindings.first()?;
            match self.layout.binding_home[b as usize] {
                Home::Slot(slot) => Some((shape, slot)),
                _ => None,
            }
        });
        let result = result.map(|mut code| {
            if code.this_mode == ThisMode::Lexical && code.this_place.is_some() {
                debug_assert!(outer_this.is_some(), "an arrow's this copy has a source");
                code.outer_this = outer_this;
            }
            code.name_env = name_env;
            code.class_ctor = class_ctor;
            code.uses_super = uses_super;
            code
        });
        if name_scope.is_some() {
            self.stack.pop();
        }
        self.labels = saved_labels;
        self.pending_labels = saved_pending;
        let mut code = result?;
        code.name = Atom::intern_str(f.id.as_ref().map_or("", |i| &i.name));
        code.lean = code.is_lean();
        code.lean_ctor = code.is_lean_ctor();
        Ok(Rc::new(code))
    }

    fn function_body(&mut self, f: &ast::Function, scope: ScopeId) -> R<Code> {
        let is_arrow = f.kind == ast::FunctionKind::Arrow;
        let mut params = Vec::new();
        let simple = scope::has_simple_params(f);
        // `length`: the parameters before the first default or rest.
        let length = f
            .params
            .iter()
            .take_while(|p| !matches!(p.kind, ast::PatKind::Default { .. }))
            .count() as u32;
        let param_init = if simple {
            for p in &f.params {
                let ast::PatKind::Ident(id) = &p.kind else {
                    unreachable!("checked simple")
                };
                match self.resolve(id) {
                    Resolved::Local { place, .. } => params.push(place),
                    _ => return unsupported("this parameter", p.span),
                }
            }
            None
        } else {
            Some(Box::new(self.param_init(f)?))
        };
        let implicit = |name: &str| {
            self.scopes.scopes[scope as usize]
                .bindings
                .iter()
                .copied()
                .find(|&b| &*self.scopes.binding(b).name == name)
                .filter(|&b| self.scopes.binding(b).used)
        };
        let this_place = implicit("this").and_then(|b| self.place_of(b));
        let new_target_place = implicit("new.target").and_then(|b| self.place_of(b));
        let arguments_place = implicit("arguments")
            .filter(|&b| self.scopes.binding(b).kind == BindingKind::Arguments)
            .and_then(|b| self.place_of(b));
        let strict = self.scopes.scopes[scope as usize].strict;
        // Registers of the function scope in their TDZ at entry: top-level `let`/`const`, and
        // the parameters of a list with expressions (before their initialisers run).
        let tdz_regs = self.tdz_regs(scope);
        let body_scope = self
            .scopes
            .scope_of_node
            .get(&(f.span.start, Role::FunctionBody))
            .copied();
        // Generators and async functions: the body becomes a state machine (machine.rs).
        let machine = self.machine_for(f, scope, body_scope)?;
        let (body, expr_body) = match &f.body {
            _ if machine.is_some() => (Block::empty(), None),
            ast::FunctionBody::Block(stmts) => match body_scope {
                None => Self::as_expr_body(self.block_body(stmts, None)?),
                Some(bs) => {
                    self.stack.push(bs);
                    let block = self.block_body(stmts, Some(bs)).map(|mut block| {
                        let mut body = self.param_shadow_copies(scope, bs);
                        body.extend(std::mem::take(&mut block.body).into_vec());
                        block.body = body.into_boxed_slice();
                        block
                    });
                    self.stack.pop();
                    (block?, None)
                }
            },
            ast::FunctionBody::Expr(e) => (
                Block {
                    env: None,
                    functions: Box::new([]),
                    global_functions: Box::new([]),
                    tdz_regs: Box::new([]),
                    body: Box::new([]),
                },
                Some(self.expr(e)?),
            ),
        };
        Ok(Code {
            name: Atom::intern_str(""),
            length,
            fn_props: Default::default(),
            this_mode: if is_arrow {
                ThisMode::Lexical
            } else if strict {
                ThisMode::Strict
            } else {
                ThisMode::Sloppy
            },
            strict,
            is_constructor: !is_arrow
                && f.kind == ast::FunctionKind::Normal
                && !f.is_async
                && !f.is_generator,
            registers: machine
                .as_ref()
                .map_or(self.layout.registers[scope as usize], |m| m.1),
            params_in_place: param_init.is_none()
                && params
                    .iter()
                    .enumerate()
                    .all(|(i, p)| *p == Place::Reg(i as u32)),
            params: params.into_boxed_slice(),
            param_init,
            tdz_regs,
            env: self.env_shape(scope),
            name_env: None,
            class_ctor: None,
            default_derived: false,
            lean: false,
            lean_ctor: false,
            ctor_props: std::cell::Cell::new(0),
            uses_super: false,
            new_target_place,
            this_place,
            outer_this: None,
            arguments_place,
            body,
            expr_body,
            machine: machine.map(|m| m.0),
            span: f.span,
            source: self.source.clone(),
        })
    }

    /// FunctionDeclarationInstantiation step 28.f: in a body with its own var scope, a `var`
    /// named like a parameter (or `arguments`) starts with that binding's value. Statements
    /// to run first in the body, with `body_scope` on the scope stack.
    pub(super) fn param_shadow_copies(&self, fn_scope: ScopeId, body_scope: ScopeId) -> Vec<Stmt> {
        let mut out = Vec::new();
        for &b in &self.scopes.scopes[body_scope as usize].bindings {
            let var = self.scopes.binding(b);
            if var.kind != BindingKind::Var {
                continue;
            }
            let param = self.scopes.scopes[fn_scope as usize]
                .bindings
                .iter()
                .copied()
                .find(|&p| {
                    let p = self.scopes.binding(p);
                    p.name == var.name
                        && matches!(p.kind, BindingKind::TdzParam | BindingKind::Arguments)
                });
            if let (Some(p), Some(to)) = (param, self.place_of(b)) {
                if let Some(from) = self.place_of(p) {
                    out.push(Stmt::Init {
                        place: to,
                        value: Expr::Get {
                            place: from,
                            tdz: None,
                        },
                    });
                }
            }
        }
        out
    }

    /// NamedEvaluation: an anonymous function assigned to a name takes that name.
    fn named_expr(&mut self, e: &ast::Expr, name: &str) -> R<Expr> {
        // A parenthesised anonymous function is still an anonymous function definition:
        // NamedEvaluation passes through ParenthesizedExpression (`x = (function(){})`).
        match &strip_parens(e).kind {
            ExprKind::Class(c) if c.id.is_none() => {
                Ok(Expr::Class(Box::new(self.class(c, Some(name))?)))
            }
            ExprKind::Function(f) | ExprKind::Arrow(f) if f.id.is_none() => {
                let code = self.function(f)?;
                let mut code = Rc::try_unwrap(code).expect("fresh code is unshared");
                code.name = Atom::intern_str(name);
                Ok(Expr::Function(Rc::new(code)))
            }
            _ => self.expr(e),
        }
    }

    // ───────────── expressions ─────────────

    /// `delete arg`: a property reference deletes the property; an identifier (sloppy code
    /// only: strict code rejects it early) deletes a global property or is `false` for a
    /// declared binding; anything else is evaluated and gives `true`.
    fn delete(&mut self, arg: &ast::Expr) -> R<Expr> {
        match &strip_parens(arg).kind {
            ExprKind::Member {
                object,
                prop,
                optional: false,
            } => Ok(Expr::DeleteMember {
                object: self.boxed(object)?,
                key: Box::new(self.key(prop, arg.span)?),
            }),
            // `delete a?.b`: deletes when the chain reaches its last member; a short-circuited
            // chain is a value, not a reference, so the delete yields true (the chain's
            // undefined, `?? true`; a real delete gives a boolean).
            ExprKind::OptChain(inner) => match &strip_parens(inner).kind {
                ExprKind::Member {
                    object,
                    prop,
                    optional,
                } => {
                    let object = Box::new(self.opt_base(object, *optional)?);
                    let key = Box::new(self.key(prop, arg.span)?);
                    Ok(Expr::Logical {
                        op: ast::LogicalOp::Nullish,
                        left: Box::new(Expr::OptChain(Box::new(Expr::DeleteMember {
                            object,
                            key,
                        }))),
                        right: Box::new(Expr::Const(Value::Bool(true))),
                    })
                }
                _ => Ok(Expr::Unary {
                    op: ast::UnaryOp::Delete,
                    arg: self.boxed(arg)?,
                }),
            },
            ExprKind::Ident(id) => Ok(match self.resolve(id) {
                Resolved::Global(name) => Expr::DeleteGlobal(Self::global(name)),
                Resolved::Dynamic(g) => Expr::DeleteGlobal(g),
                Resolved::Local { .. } => Expr::Const(Value::Bool(false)),
            }),
            _ => Ok(Expr::Unary {
                op: ast::UnaryOp::Delete,
                arg: self.boxed(arg)?,
            }),
        }
    }

    fn key(&mut self, prop: &ast::MemberProp, span: Span) -> R<Key> {
        Ok(match prop {
            ast::MemberProp::Ident(id) => Key::Named(Atom::intern_str(&id.name)),
            ast::MemberProp::Computed(e) => Key::Computed(self.expr(e)?),
            ast::MemberProp::Private(id) => {
                let _ = span;
                Key::Private(self.private_name(id)?)
            }
        })
    }

    fn prop_key(&mut self, key: &ast::PropKey) -> R<Key> {
        Ok(match key {
            ast::PropKey::Ident(id) => Key::Named(Atom::intern_str(&id.name)),
            ast::PropKey::Str(s, _) => {
                // `{'0': x}` names index 0: array-index strings take the canonical index key.
                let text = JsString::from_utf16(s);
                match PropertyKey::from_js_string(&text) {
                    PropertyKey::Index(_) => Key::Computed(Expr::Const(Value::String(text))),
                    _ => Key::Named(Atom::intern(&text)),
                }
            }
            ast::PropKey::Num(n, _) => Key::Computed(Expr::Const(Value::Number(*n))),
            ast::PropKey::Computed(e) => Key::Computed(self.expr(e)?),
            ast::PropKey::BigInt(digits, s) => {
                // `{1n: x}` names "1": the key is the BigInt's decimal string.
                let Some(b) = JsBigInt::from_literal(digits) else {
                    return unsupported("this BigInt literal", *s);
                };
                let text = JsString::from(b.to_string_radix(10).as_str());
                match PropertyKey::from_js_string(&text) {
                    PropertyKey::Index(_) => Key::Computed(Expr::Const(Value::String(text))),
                    _ => Key::Named(Atom::intern(&text)),
                }
            }
            ast::PropKey::Private(i) => Key::Private(self.private_name(i)?),
        })
    }

    fn args(&mut self, args: &[ast::ExprOrSpread]) -> R<Box<[Arg]>> {
        args.iter()
            .map(|a| {
                Ok(Arg {
                    expr: self.expr(&a.expr)?,
                    spread: a.spread,
                })
            })
            .collect()
    }

    fn boxed(&mut self, e: &ast::Expr) -> R<Box<Expr>> {
        Ok(Box::new(self.expr(e)?))
    }

    fn expr(&mut self, e: &ast::Expr) -> R<Expr> {
        Ok(match &e.kind {
            ExprKind::Ident(id) => {
                if &*id.name == "undefined" {
                    if let Resolved::Global(_) = self.resolve(id) {
                        return Ok(Expr::Const(Value::Undefined));
                    }
                }
                self.read(id)
            }
            ExprKind::This => self.this_expr(),
            ExprKind::Null => Expr::Const(Value::Null),
            ExprKind::Bool(b) => Expr::Const(Value::Bool(*b)),
            ExprKind::Num(n) => Expr::Const(Value::Number(*n)),
            ExprKind::Str(s) => Expr::Const(Value::String(JsString::from_utf16(s))),
            ExprKind::Template(t) => {
                let quasis = t
                    .quasis
                    .iter()
                    .map(|q| {
                        Value::String(JsString::from_utf16(q.cooked.as_deref().unwrap_or(&[])))
                    })
                    .collect();
                let exprs = t
                    .exprs
                    .iter()
                    .map(|x| self.expr(x))
                    .collect::<R<Box<[Expr]>>>()?;
                Expr::Template { quasis, exprs }
            }
            ExprKind::Array(elems) => Expr::Array(
                elems
                    .iter()
                    .map(|el| {
                        el.as_ref()
                            .map(|a| {
                                Ok(Arg {
                                    expr: self.expr(&a.expr)?,
                                    spread: a.spread,
                                })
                            })
                            .transpose()
                    })
                    .collect::<R<_>>()?,
            ),
            ExprKind::Object(props) => {
                let mut out = Vec::with_capacity(props.len());
                for p in props {
                    out.push(match &p.kind {
                        PropKind::KeyValue { key, value } => {
                            let is_proto = match key {
                                ast::PropKey::Ident(id) => &*id.name == "__proto__",
                                ast::PropKey::Str(s, _) => JsString::from_utf16(s) == "__proto__",
                                _ => false,
                            };
                            if is_proto {
                                out.push(ObjProp::Proto(self.expr(value)?));
                                continue;
                            }
                            let value = match key {
                                ast::PropKey::Ident(id) => self.named_expr(value, &id.name)?,
                                _ => self.expr(value)?,
                            };
                            ObjProp::Value {
                                key: self.prop_key(key)?,
                                value,
                            }
                        }
                        PropKind::Shorthand(id) => ObjProp::Value {
                            key: Key::Named(Atom::intern_str(&id.name)),
                            value: self.read(id),
                        },
                        PropKind::CoverInit { .. } => {
                            return unsupported("destructuring", p.span);
                        }
                        PropKind::Method { key, kind, func } => {
                            let mut code = Rc::try_unwrap(self.function(func)?)
                                .expect("fresh code is unshared");
                            if let ast::PropKey::Ident(id) = key {
                                code.name = Atom::intern_str(&id.name);
                            }
                            code.is_constructor = false;
                            let code = Rc::new(code);
                            let key = self.prop_key(key)?;
                            match kind {
                                ast::MethodKind::Method => ObjProp::Value {
                                    key,
                                    value: Expr::Function(code),
                                },
                                ast::MethodKind::Get => ObjProp::Getter { key, func: code },
                                ast::MethodKind::Set => ObjProp::Setter { key, func: code },
                            }
                        }
                        PropKind::Spread(x) => ObjProp::Spread(self.expr(x)?),
                    });
                }
                object_node(out)
            }
            ExprKind::Function(f) | ExprKind::Arrow(f) => Expr::Function(self.function(f)?),
            ExprKind::Unary { op, arg } => {
                if let (ast::UnaryOp::TypeOf, ExprKind::Ident(id)) = (op, &strip_parens(arg).kind) {
                    match self.resolve(id) {
                        Resolved::Global(name) => {
                            return Ok(Expr::TypeofGlobal(Self::global(name)))
                        }
                        Resolved::Dynamic(g) => return Ok(Expr::TypeofGlobal(g)),
                        Resolved::Local { .. } => {}
                    }
                }
                if *op == ast::UnaryOp::Delete {
                    return self.delete(arg);
                }
                Expr::Unary {
                    op: *op,
                    arg: self.boxed(arg)?,
                }
            }
            ExprKind::Update { op, prefix, arg } => match &strip_parens(arg).kind {
                ExprKind::Ident(id) => match self.resolve(id) {
                    // `c++` on an immutable binding (a const, a named function expression's
                    // own name): the old value is read (TDZ) and converted (ToNumeric,
                    // spelled `old - 0`), then PutValue throws the TypeError — except for the
                    // function's name in sloppy code, where the write is silently dropped and
                    // the expression still yields the old or the new value.
                    Resolved::Local {
                        place,
                        tdz,
                        kind: kind @ (BindingKind::Const | BindingKind::FunctionName),
                    } => {
                        let ignore = kind == BindingKind::FunctionName && !self.is_strict();
                        let old = Expr::Binary {
                            op: ast::BinaryOp::Sub,
                            left: Box::new(Expr::Get { place, tdz }),
                            right: Box::new(Expr::Const(Value::Number(0.0))),
                        };
                        let value = if *prefix && ignore {
                            let step = match op {
                                ast::UpdateOp::Inc => -1.0,
                                ast::UpdateOp::Dec => 1.0,
                            };
                            Expr::Binary {
                                op: ast::BinaryOp::Sub,
                                left: Box::new(old),
                                right: Box::new(Expr::Const(Value::Number(step))),
                            }
                        } else {
                            old
                        };
                        Expr::Set {
                            place,
                            value: Box::new(value),
                            check: Some(if ignore {
                                ConstCheck::Ignore
                            } else {
                                ConstCheck::Throw
                            }),
                        }
                    }
                    Resolved::Local { place, tdz, .. } => Expr::UpdatePlace {
                        op: *op,
                        prefix: *prefix,
                        place,
                        tdz,
                    },
                    Resolved::Global(name) => Expr::UpdateGlobal {
                        op: *op,
                        prefix: *prefix,
                        global: Self::global(name),
                    },
                    Resolved::Dynamic(global) => Expr::UpdateGlobal {
                        op: *op,
                        prefix: *prefix,
                        global,
                    },
                },
                ExprKind::Member {
                    object,
                    prop,
                    optional: false,
                } => Expr::UpdateMember {
                    op: *op,
                    prefix: *prefix,
                    object: self.boxed(object)?,
                    key: Box::new(self.key(prop, e.span)?),
                },
                _ => return unsupported("this update target", e.span),
            },
            ExprKind::Binary { op, left, right } => {
                let l = self.expr(left)?;
                let r = self.expr(right)?;
                binary_node(*op, l, r)
            }
            ExprKind::Logical { op, left, right } => Expr::Logical {
                op: *op,
                left: self.boxed(left)?,
                right: self.boxed(right)?,
            },
            ExprKind::Assign { op, target, value } => {
                self.assignment(*op, target, value, e.span)?
            }
            ExprKind::Cond { test, cons, alt } => Expr::Cond {
                test: self.boxed(test)?,
                cons: self.boxed(cons)?,
                alt: self.boxed(alt)?,
            },
            ExprKind::Call {
                callee,
                args,
                optional,
            } => {
                let callee_ast: &ast::Expr = callee;
                let callee = match &strip_parens(callee).kind {
                    ExprKind::Member {
                        object,
                        prop,
                        optional: opt_member,
                    } => {
                        let object = self.opt_base(object, *opt_member)?;
                        let key = self.key(prop, e.span)?;
                        if *optional {
                            Callee::CheckMethod { object, key }
                        } else {
                            Callee::Method { object, key }
                        }
                    }
                    _ if scope::is_direct_eval_call(callee, *optional) => {
                        return self.direct_eval(callee, args, e.span);
                    }
                    ExprKind::SuperMember(prop) => {
                        self.mark_super();
                        Callee::Super {
                            this: self.this_expr(),
                            key: self.key(prop, e.span)?,
                        }
                    }
                    _ if *optional => Callee::CheckPlain(self.expr(callee)?),
                    _ => Callee::Plain(self.expr(callee)?),
                };
                Expr::Call {
                    callee: Box::new((callee, e.span)),
                    args: self.args(args)?,
                    span: call_position(callee_ast, e.span),
                }
            }
            ExprKind::New { callee, args } => {
                let args = match args {
                    Some(a) => self.args(a)?,
                    None => Box::new([]),
                };
                Expr::New {
                    callee: self.boxed(callee)?,
                    args,
                    span: e.span,
                }
            }
            ExprKind::Member {
                object,
                prop,
                optional,
            } => member_node(
                self.opt_base(object, *optional)?,
                self.key(prop, e.span)?,
                member_position(object, prop),
            ),
            ExprKind::OptChain(inner) => Expr::OptChain(self.boxed(inner)?),
            ExprKind::Seq(xs) => Expr::Seq(xs.iter().map(|x| self.expr(x)).collect::<R<_>>()?),
            ExprKind::Paren(x) => self.expr(x)?,
            ExprKind::BigInt(digits) => match JsBigInt::from_literal(digits) {
                Some(b) => Expr::Const(Value::BigInt(b)),
                None => return unsupported("this BigInt literal", e.span),
            },
            ExprKind::Regex(r) => Expr::Regex(Box::new(RegexLiteral {
                pattern: JsString::from(&*r.pattern),
                flags: JsString::from(&*r.flags),
                compiled: Default::default(),
            })),
            ExprKind::TaggedTemplate { tag, quasi } => self.tagged_template(tag, quasi, e.span)?,
            ExprKind::Class(c) => Expr::Class(Box::new(self.class(c, None)?)),
            ExprKind::PrivateIn { name, right } => Expr::PrivateIn {
                name: self.private_name(name)?,
                object: self.boxed(right)?,
            },
            ExprKind::SuperMember(prop) => self.super_member(prop, e.span)?,
            ExprKind::SuperCall(args) => self.super_call(args, e.span)?,
            ExprKind::Yield { .. } => return unsupported("yield", e.span),
            ExprKind::Await(_) => return unsupported("await", e.span),
            ExprKind::NewTarget => self.new_target_expr(),
            ExprKind::ImportMeta => return unsupported("import.meta", e.span),
            ExprKind::ImportCall(_) => return unsupported("dynamic import()", e.span),
        })
    }

    /// `this` resolves like a variable of the nearest non-arrow function, or of the nearest
    /// arrow holding a copy of it (`scope::Resolver::settle_arrow_this`).
    fn this_place(&self) -> Option<Place> {
        for &s in self.stack.iter().rev() {
            let stop = match self.scopes.scopes[s as usize].kind {
                ScopeKind::Function { is_arrow: true } => false,
                ScopeKind::Function { is_arrow: false } | ScopeKind::Script => true,
                _ => continue,
            };
            let b = self.scopes.scopes[s as usize]
                .bindings
                .iter()
                .copied()
                .find(|&b| self.scopes.binding(b).kind == BindingKind::This);
            match b {
                Some(b) => return self.place_of(b),
                None if stop => return None,
                None => {}
            }
        }
        None
    }

    fn assignment(
        &mut self,
        op: ast::AssignOp,
        target: &ast::Pat,
        value: &ast::Expr,
        span: Span,
    ) -> R<Expr> {
        let binary = match op {
            ast::AssignOp::Assign => None,
            ast::AssignOp::Add => Some(ast::BinaryOp::Add),
            ast::AssignOp::Sub => Some(ast::BinaryOp::Sub),
            ast::AssignOp::Mul => Some(ast::BinaryOp::Mul),
            ast::AssignOp::Div => Some(ast::BinaryOp::Div),
            ast::AssignOp::Mod => Some(ast::BinaryOp::Mod),
            ast::AssignOp::Exp => Some(ast::BinaryOp::Exp),
            ast::AssignOp::Shl => Some(ast::BinaryOp::Shl),
            ast::AssignOp::Shr => Some(ast::BinaryOp::Shr),
            ast::AssignOp::UShr => Some(ast::BinaryOp::UShr),
            ast::AssignOp::BitAnd => Some(ast::BinaryOp::BitAnd),
            ast::AssignOp::BitOr => Some(ast::BinaryOp::BitOr),
            ast::AssignOp::BitXor => Some(ast::BinaryOp::BitXor),
            ast::AssignOp::And | ast::AssignOp::Or | ast::AssignOp::Nullish => {
                return self.logical_assignment(op, target, value, span);
            }
        };
        if let ast::PatKind::Array { .. } | ast::PatKind::Object { .. } = &target.kind {
            let value = self.boxed(value)?;
            return Ok(Expr::Destructure {
                pattern: Box::new(self.pattern(target, false)?),
                value,
            });
        }
        match &target.kind {
            ast::PatKind::Ident(id) => {
                let Some(op) = binary else {
                    let v = self.named_expr(value, &id.name)?;
                    return Ok(self.assign(id, v, false));
                };
                let v = self.boxed(value)?;
                Ok(match self.resolve(id) {
                    Resolved::Local {
                        place,
                        kind: kind @ (BindingKind::Const | BindingKind::FunctionName),
                        ..
                    } => {
                        // Reads first (TDZ/getters), then the const check throws; a named
                        // function expression's own name ignores the write in sloppy code.
                        let current = self.read(id);
                        let ignore = kind == BindingKind::FunctionName && !self.is_strict();
                        Expr::Set {
                            place,
                            value: Box::new(Expr::Binary {
                                op,
                                left: Box::new(current),
                                right: v,
                            }),
                            check: Some(if ignore {
                                ConstCheck::Ignore
                            } else {
                                ConstCheck::Throw
                            }),
                        }
                    }
                    Resolved::Local {
                        place: Place::Reg(reg),
                        tdz: None,
                        ..
                    } => Expr::CompoundReg { op, reg, value: v },
                    Resolved::Local {
                        place, tdz: None, ..
                    } => Expr::CompoundPlace {
                        op,
                        place,
                        value: v,
                    },
                    Resolved::Local { place, tdz, .. } => Expr::Set {
                        place,
                        value: Box::new(Expr::Binary {
                            op,
                            left: Box::new(Expr::Get { place, tdz }),
                            right: v,
                        }),
                        check: None,
                    },
                    Resolved::Global(name) => Expr::CompoundGlobal {
                        op,
                        global: Self::global(name),
                        value: v,
                    },
                    Resolved::Dynamic(global) => Expr::CompoundGlobal {
                        op,
                        global,
                        value: v,
                    },
                })
            }
            ast::PatKind::Expr(m) => match &strip_parens(m).kind {
                ExprKind::Member {
                    object,
                    prop,
                    optional: false,
                } => {
                    let object = self.boxed(object)?;
                    let key = Box::new(self.key(prop, span)?);
                    let value = self.boxed(value)?;
                    Ok(assign_member_node(binary, object, key, value))
                }
                _ => unsupported("this assignment target", span),
            },
            _ => unsupported("destructuring assignment", span),
        }
    }
}

impl Builder<'_> {
    /// The object of `a?.b`: checked for nullish (short-circuiting the chain) when optional.
    fn opt_base(&mut self, object: &ast::Expr, optional: bool) -> R<Expr> {
        let o = self.expr(object)?;
        Ok(if optional {
            Expr::OptionalCheck(Box::new(o))
        } else {
            o
        })
    }

    fn tagged_template(&mut self, tag: &ast::Expr, quasi: &ast::Template, span: Span) -> R<Expr> {
        let tag = match &strip_parens(tag).kind {
            ExprKind::Member {
                object,
                prop,
                optional: false,
            } => Callee::Method {
                object: self.expr(object)?,
                key: self.key(prop, span)?,
            },
            _ => Callee::Plain(self.expr(tag)?),
        };
        let exprs = quasi
            .exprs
            .iter()
            .map(|x| self.expr(x))
            .collect::<R<Box<[Expr]>>>()?;
        Ok(Self::tagged_template_over(tag, quasi, exprs, span))
    }

    /// The tagged-template node over a lowered tag and substitutions (the state machine
    /// lowers them itself when a substitution suspends).
    fn tagged_template_over(
        tag: Callee,
        quasi: &ast::Template,
        exprs: Box<[Expr]>,
        span: Span,
    ) -> Expr {
        let cooked = quasi
            .quasis
            .iter()
            .map(|q| match &q.cooked {
                Some(c) => Value::String(JsString::from_utf16(c)),
                None => Value::Undefined,
            })
            .collect();
        let raw = quasi
            .quasis
            .iter()
            .map(|q| Value::String(JsString::from(&*q.raw)))
            .collect();
        Expr::TaggedTemplate(Box::new(TaggedTemplate {
            tag,
            cooked,
            raw,
            exprs,
            cache: Default::default(),
            span,
        }))
    }

    fn is_strict(&self) -> bool {
        self.scopes.scopes[self.current() as usize].strict
    }

    /// `t &&= v`, `t ||= v`, `t ??= v`: the target is read once; `v` is evaluated and
    /// assigned only when the operator does not short-circuit (with NamedEvaluation).
    fn logical_assignment(
        &mut self,
        op: ast::AssignOp,
        target: &ast::Pat,
        value: &ast::Expr,
        span: Span,
    ) -> R<Expr> {
        let lop = match op {
            ast::AssignOp::And => ast::LogicalOp::And,
            ast::AssignOp::Or => ast::LogicalOp::Or,
            _ => ast::LogicalOp::Nullish,
        };
        match &target.kind {
            ast::PatKind::Ident(id) => {
                let read = Box::new(self.read(id));
                let v = self.named_expr(value, &id.name)?;
                let write = Box::new(self.assign(id, v, false));
                Ok(Expr::LogicalAssign {
                    op: lop,
                    read,
                    write,
                })
            }
            ast::PatKind::Expr(m) => match &strip_parens(m).kind {
                ExprKind::Member {
                    object,
                    prop,
                    optional: false,
                } => Ok(Expr::LogicalMember {
                    op: lop,
                    object: self.boxed(object)?,
                    key: Box::new(self.key(prop, span)?),
                    value: self.boxed(value)?,
                }),
                _ => unsupported("this assignment target", span),
            },
            _ => unsupported("this assignment target", span),
        }
    }
}

enum Resolved {
    Local {
        place: Place,
        tdz: Option<Atom>,
        kind: BindingKind,
    },
    Global(Atom),
    /// Looked up by name first (`with`, sloppy direct eval `var`s): see `eval::dynamic_ref`.
    Dynamic(Box<GlobalRef>),
}

fn strip_parens(e: &ast::Expr) -> &ast::Expr {
    let mut e = e;
    while let ExprKind::Paren(inner) = &e.kind {
        e = inner;
    }
    e
}

/// Where V8 reports a call (stack frames, throw points): the property name of a method call,
/// the start of an identifier callee, the `(` after any other callee (`o[k](…)`, `(f)(…)`).
/// Only the start matters.
fn call_position(callee: &ast::Expr, call: Span) -> Span {
    match &callee.kind {
        ExprKind::Member {
            prop: ast::MemberProp::Ident(id) | ast::MemberProp::Private(id),
            ..
        } => id.span,
        ExprKind::Ident(_) => callee.span,
        _ => Span {
            start: callee.span.end,
            end: call.end,
        },
    }
}

/// Where V8 reports a property read: the name of `o.name`, the `[` of `o[k]` (taken as the end
/// of the object expression).
pub(crate) fn member_position(object: &ast::Expr, prop: &ast::MemberProp) -> u32 {
    match prop {
        ast::MemberProp::Ident(id) | ast::MemberProp::Private(id) => id.span.start,
        ast::MemberProp::Computed(_) => object.span.end,
    }
}

/// A member read, specialised when the object is a register (`MemberReg`) or a named read
/// of one (`MemberReg2`).
fn member_node(object: Expr, key: Key, pos: u32) -> Expr {
    match (object, key) {
        (
            Expr::Get {
                place: Place::Reg(reg),
                tdz: None,
            },
            Key::Named(key),
        ) => Expr::MemberReg { reg, key, pos },
        (
            Expr::MemberReg {
                reg,
                key: k1,
                pos: p1,
            },
            Key::Named(k2),
        ) => Expr::MemberReg2 {
            reg,
            keys: [k1, k2],
            pos: [p1, pos],
        },
        (object, key) => Expr::Member {
            object: Box::new(object),
            key: Box::new(key),
            pos,
        },
    }
}

/// `o.k = v` / `o.k op= v`: `AssignMemberReg` when `o` is a register or a named read of
/// one, else `SetMember` / `CompoundMember`.
fn assign_member_node(
    op: Option<ast::BinaryOp>,
    object: Box<Expr>,
    key: Box<Key>,
    value: Box<Expr>,
) -> Expr {
    let target = match (&*object, &*key) {
        (
            Expr::Get {
                place: Place::Reg(reg),
                tdz: None,
            },
            Key::Named(k),
        ) => Some((*reg, None, *k)),
        (Expr::MemberReg { reg, key: mid, pos }, Key::Named(k)) => {
            Some((*reg, Some((*mid, *pos)), *k))
        }
        _ => None,
    };
    match (target, op) {
        (Some((reg, mid, key)), op) => Expr::AssignMemberReg(Box::new(AssignMemberReg {
            op,
            reg,
            mid,
            key,
            value: *value,
        })),
        (None, None) => Expr::SetMember { object, key, value },
        (None, Some(op)) => Expr::CompoundMember {
            op,
            object,
            key,
            value,
        },
    }
}

/// An object literal: `ObjectLit` when every property is `name: value` with distinct static
/// names and no value is a method needing its home object.
fn object_node(props: Vec<ObjProp>) -> Expr {
    let simple = props.iter().enumerate().all(|(i, p)| match p {
        ObjProp::Value {
            key: Key::Named(a),
            value,
        } => {
            !matches!(value, Expr::Function(code) if code.uses_super)
                && !props[..i]
                    .iter()
                    .any(|q| matches!(q, ObjProp::Value { key: Key::Named(b), .. } if b == a))
        }
        _ => false,
    });
    if !simple || props.is_empty() {
        return Expr::Object(props.into_boxed_slice());
    }
    let mut keys = Vec::with_capacity(props.len());
    let mut values = Vec::with_capacity(props.len());
    for p in props {
        if let ObjProp::Value {
            key: Key::Named(a),
            value,
        } = p
        {
            keys.push(a);
            values.push(value);
        }
    }
    Expr::ObjectLit(Box::new(ObjectLit {
        keys: keys.into_boxed_slice(),
        values: values.into_boxed_slice(),
    }))
}

/// A binary operator node specialised by operand shape (ARCHITECTURE.md, "Executable tree"):
/// register reads without a TDZ check and number literals become fields of the node, so the
/// evaluator does not recurse for them. Operand order is kept (a register operand is read
/// where the general node would have evaluated it).
pub(super) fn binary_node(op: ast::BinaryOp, left: Expr, right: Expr) -> Expr {
    fn reg(e: &Expr) -> Option<u32> {
        match e {
            Expr::Get {
                place: Place::Reg(r),
                tdz: None,
            } => Some(*r),
            _ => None,
        }
    }
    fn num(e: &Expr) -> Option<f64> {
        match e {
            Expr::Const(Value::Number(n)) => Some(*n),
            _ => None,
        }
    }
    let member = |e: &Expr| matches!(e, Expr::MemberReg { .. });
    match (reg(&left), num(&left), reg(&right), num(&right)) {
        _ if member(&left) || member(&right) => Expr::BinMember {
            op,
            left: Box::new(left),
            right: Box::new(right),
        },
        (Some(reg), _, _, Some(rhs)) => Expr::BinRegConst { op, reg, rhs },
        (Some(a), _, Some(b), _) => Expr::BinRegReg { op, a, b },
        (Some(reg), _, _, _) => Expr::BinRegExpr {
            op,
            reg,
            right: Box::new(right),
        },
        (_, Some(_), _, Some(_)) => Expr::Binary {
            op,
            left: Box::new(left),
            right: Box::new(right),
        },
        (_, Some(lhs), _, _) => Expr::BinConstExpr {
            op,
            lhs,
            right: Box::new(right),
        },
        (_, _, Some(reg), _) => Expr::BinExprReg {
            op,
            left: Box::new(left),
            reg,
        },
        (_, _, _, Some(rhs)) => Expr::BinExprConst {
            op,
            left: Box::new(left),
            rhs,
        },
        _ => Expr::Binary {
            op,
            left: Box::new(left),
            right: Box::new(right),
        },
    }
}
