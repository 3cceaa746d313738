//! Resumable state machines for generators, async functions and async generators
//! (ARCHITECTURE.md, "Design of the interpreter layers"; DESIGN §3).
//!
//! The body of a function that can suspend becomes basic blocks (`MBlock`): a list of `Op`s run
//! in order, then one `Term`inator. Statements and expressions that contain no `yield`/`await`
//! are lowered by the normal builder and run by the normal evaluator (`Op::Stmt`, `Op::Expr`);
//! only the spine from the function body down to each suspension point is taken apart here.
//! An expression containing `await`/`yield` is linearised: every operand evaluated before the
//! suspension point is stored in a temp register first (so `f(a(), await b)` calls `a()`
//! before suspending), and what is left becomes an ordinary expression over those temps.
//!
//! Control flow: loops, `switch` and labels become jumps; `try`/`catch`/`finally` become
//! handler *regions* (`Region`): a throw inside a block goes to the innermost region's catch
//! block or finally block; a `finally` has its own pending-completion pair of temps (kind,
//! value) so `return`/`break`/`throw` crossing it resume after it (`Term::EndFinally`). A
//! `for-of` loop is a finally-like region whose handler closes the iterator.
//!
//! Every jump records nothing about the run-time state: a suspended call is just its registers,
//! its environment chain, the block to resume at and its environment depth (see
//! `interp::machine`), which is what keeps 100,000 pending async calls small.
//!
//! This file is a child module of `build` (it extends `Builder`); it is re-exported as
//! `lower::machine`. Not here: running the machine (`interp::machine`), the generator objects and
//! their prototypes (`builtins::generator`). A destructuring pattern with a suspension point
//! inside is spelled out as ops (iterator steps, defaults, a closing region: `m_pattern`).
//! Not supported yet (reported as such): `yield`/`await` in the arguments of `super(…)`, in
//! `import(…)`, and as the operand of `++`/`--` on something other than a property.

use super::scope::Role;
use super::{strip_parens, unsupported, Builder, ClassPre, LabelEntry, Resolved, R};
use crate::lower::tree::*;
use crate::parser::ast::{self, ExprKind, PropKind, StmtKind};
use crate::span::Span;
use crate::value::{Atom, Value};
use std::rc::Rc;

pub type BlockId = u32;
/// A register of the frame (temps are registers past the function's own bindings).
pub type Temp = u32;

/// Which kind of suspendable function a machine belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FnKind {
    Generator,
    Async,
    AsyncGenerator,
}

impl FnKind {
    pub fn is_generator(self) -> bool {
        matches!(self, FnKind::Generator | FnKind::AsyncGenerator)
    }
    pub fn is_async(self) -> bool {
        matches!(self, FnKind::Async | FnKind::AsyncGenerator)
    }
}

/// A lowered suspendable function body. Block 0 is the entry.
#[derive(Debug)]
pub struct Machine {
    pub kind: FnKind,
    pub blocks: Box<[MBlock]>,
    pub regions: Box<[Region]>,
    /// Label id → (break target, continue target) for labels a yield-free statement
    /// (`Op::Stmt`) may leave through.
    pub labels: Box<[(u32, BlockId, BlockId)]>,
}

#[derive(Debug)]
pub struct MBlock {
    pub ops: Box<[Op]>,
    pub term: Term,
    /// The innermost handler region the block is in.
    pub region: Option<u32>,
    /// Environment records pushed (by `Op::EnterEnv`) at the block's entry, relative to the
    /// function's own record.
    pub depth: u32,
}

#[derive(Debug)]
pub struct Region {
    pub parent: Option<u32>,
    pub handler: Handler,
}

#[derive(Debug, Clone, Copy)]
pub enum Handler {
    /// A `try` block with a `catch`: the exception goes to temp `exc`, then to `block`.
    Catch { block: BlockId, exc: Temp },
    /// A `try`/`catch` part with a `finally` (or a `for-of` body, whose "finally" closes the
    /// iterator): the completion is stored in (`kind`, `val`) and `block` runs.
    Finally {
        block: BlockId,
        kind: Temp,
        val: Temp,
    },
}

/// Completion kinds stored in a finally's `kind` temp (a number): normal, throw, return,
/// or `JUMP + block` for a break/continue crossing the finally.
pub const COMPLETION_NORMAL: f64 = 0.0;
pub const COMPLETION_THROW: f64 = 1.0;
pub const COMPLETION_RETURN: f64 = 2.0;
pub const COMPLETION_JUMP: f64 = 3.0;

#[derive(Debug)]
pub enum Op {
    /// Evaluate for effect.
    Expr(Expr),
    /// temp = expr.
    Store(Temp, Expr),
    /// A statement without suspension points; `break`/`continue`/`return` leaving it go
    /// through the machine (label table, finally regions).
    Stmt(Stmt),
    /// Push a new environment record (a block scope with captured bindings).
    EnterEnv(EnvShape),
    /// `with`: push an object environment (slot 0 of the record = ToObject(expr)).
    EnterWith(EnvShape, Expr),
    ExitEnv,
    /// Per-iteration copy of the innermost record (`for (let …;;)`).
    CopyEnv,
    /// Replace the innermost record by a fresh one (`for (let x of …)` each iteration).
    FreshEnv(EnvShape),
    /// Reset lexical registers to "uninitialised".
    Tdz(Box<[u32]>),
    /// Hoisted function declaration.
    Closure(Place, Rc<Code>),
    GlobalClosure(Atom, Rc<Code>),
    /// dst = func.call(this, …args): a method call whose receiver and function were taken
    /// before a suspension point in the arguments.
    CallThis {
        dst: Temp,
        func: Expr,
        this: Expr,
        args: Box<[Arg]>,
    },
    /// GetIterator(src, sync|async) into (`iter`, `next`).
    GetIter {
        src: Expr,
        iter: Temp,
        next: Temp,
        is_async: bool,
    },
    /// IteratorClose of `iter` for the completion in `kind` (a throw completion swallows
    /// errors from `return`).
    CloseIter {
        iter: Temp,
        kind: Temp,
    },
    /// The async half of AsyncIteratorClose: call `return` (if any) into `dst`
    /// (`undefined` when there is none), errors swallowed for a throw completion.
    CallReturn {
        iter: Temp,
        kind: Temp,
        dst: Temp,
    },
    /// After awaiting `CallReturn`'s result: not an object → TypeError (unless throwing).
    CheckReturn {
        kind: Temp,
        value: Temp,
    },
    /// `for-in` keys of `src` (an array in `dst`, index 0 in `dst + 1`).
    ForInKeys {
        src: Expr,
        dst: Temp,
    },
    /// Array destructuring with suspension points: IteratorStepValue of (`iter`, `next`)
    /// unless the boolean in `done` is true; the value (undefined once done) to `dst`. A
    /// throw from the iterator sets `done` (the pattern then does not close it).
    PatStep {
        iter: Temp,
        next: Temp,
        done: Temp,
        dst: Temp,
    },
    /// The rest element of such a pattern: the remaining values as a new array in `dst`.
    PatRest {
        iter: Temp,
        next: Temp,
        done: Temp,
        dst: Temp,
    },
    /// Object destructuring: a null/undefined value is a TypeError.
    RequireCoercible(Temp),
    /// temp = ToPropertyKey(temp): a computed key is converted when it is evaluated.
    ToKey(Temp),
    /// The object rest element: CopyDataProperties(new object, `src`, the `used` keys).
    ObjectRest {
        src: Temp,
        used: Box<[Key]>,
        dst: Temp,
    },
}

#[derive(Debug)]
pub enum Term {
    /// Jump, running the `finally` blocks of the regions left.
    Jump(BlockId),
    /// Jump without leaving regions through their handlers (normal entry into a finally).
    Enter(BlockId),
    Branch {
        test: Expr,
        then: BlockId,
        alt: BlockId,
    },
    Return(Expr),
    Throw(Expr),
    /// Suspend with `value`; the resumption value goes to `dst`.
    Yield {
        value: Expr,
        dst: Temp,
        resume: BlockId,
    },
    Await {
        value: Expr,
        dst: Temp,
        resume: BlockId,
        /// Source offset of the `await` (where V8 places an `at async f (…)` frame of the
        /// suspended call); `u32::MAX` for the implicit awaits of `for await`/async generators.
        pos: u32,
    },
    /// One step of `yield*`; see `interp::machine` (it re-enters this block after each
    /// inner yield, the received completion in (`kind`, `val`)).
    YieldStar(Box<YieldStar>),
    /// End of a finally block: continue with the completion in (`kind`, `val`).
    EndFinally {
        kind: Temp,
        val: Temp,
        after: BlockId,
    },
    /// One step of a sync for-of: the next value to `dst` and on to `body`, or `done`.
    /// Errors from the iterator are thrown outside the loop's closing region.
    IterStep {
        iter: Temp,
        next: Temp,
        dst: Temp,
        body: BlockId,
        done: BlockId,
    },
    /// for-await: call `next` (result awaited into `dst` by the following block).
    AsyncIterNext {
        iter: Temp,
        next: Temp,
        dst: Temp,
        resume: BlockId,
    },
    /// for-await: the awaited result in `result`; its value to `dst` and `body`, or `done`.
    AsyncIterCheck {
        result: Temp,
        dst: Temp,
        body: BlockId,
        done: BlockId,
    },
    /// for-in: next key still present to `dst`, or `done`.
    ForInStep {
        keys: Temp,
        object: Temp,
        dst: Temp,
        body: BlockId,
        done: BlockId,
    },
    /// A block never reached.
    Unreachable,
}

#[derive(Debug)]
pub struct YieldStar {
    pub iter: Temp,
    pub next: Temp,
    /// Received completion: kind (normal/throw/return) and value.
    pub kind: Temp,
    pub val: Temp,
    /// Async generators: a sub-state (which await is pending) and a scratch temp.
    pub state: Temp,
    pub scratch: Temp,
    pub dst: Temp,
    pub done: BlockId,
    pub is_async: bool,
}

// ───────────── building ─────────────

struct BlockBuild {
    ops: Vec<Op>,
    term: Option<Term>,
    region: Option<u32>,
    depth: u32,
}

/// Machine-building state for one function body (nested functions have their own).
pub(super) struct MB {
    kind: FnKind,
    blocks: Vec<BlockBuild>,
    cur: BlockId,
    region: Option<u32>,
    regions: Vec<Region>,
    depth: u32,
    next_temp: u32,
    first_temp: u32,
    labels: Vec<(u32, BlockId, BlockId)>,
}

impl MB {
    pub(super) fn new(kind: FnKind, first_temp: u32) -> MB {
        MB {
            kind,
            blocks: vec![BlockBuild {
                ops: Vec::new(),
                term: None,
                region: None,
                depth: 0,
            }],
            cur: 0,
            region: None,
            regions: Vec::new(),
            depth: 0,
            next_temp: first_temp,
            first_temp,
            labels: Vec::new(),
        }
    }

    pub(super) fn registers(&self) -> u32 {
        self.next_temp
    }

    pub(super) fn finish(mut self) -> Machine {
        if self.blocks[self.cur as usize].term.is_none() {
            self.blocks[self.cur as usize].term = Some(Term::Return(Expr::Const(Value::Undefined)));
        }
        Machine {
            kind: self.kind,
            blocks: self
                .blocks
                .into_iter()
                .map(|b| MBlock {
                    ops: b.ops.into_boxed_slice(),
                    term: b.term.unwrap_or(Term::Unreachable),
                    region: b.region,
                    depth: b.depth,
                })
                .collect(),
            regions: self.regions.into_boxed_slice(),
            labels: self.labels.into_boxed_slice(),
        }
    }

    fn temp(&mut self) -> Temp {
        let t = self.next_temp;
        self.next_temp += 1;
        t
    }

    fn block(&mut self) -> BlockId {
        self.blocks.push(BlockBuild {
            ops: Vec::new(),
            term: None,
            region: None,
            depth: 0,
        });
        (self.blocks.len() - 1) as BlockId
    }

    fn op(&mut self, op: Op) {
        self.blocks[self.cur as usize].ops.push(op);
    }

    /// End the current block with `t` and continue in `next` (in the current region/depth).
    fn end(&mut self, t: Term, next: BlockId) {
        let cur = &mut self.blocks[self.cur as usize];
        if cur.term.is_none() {
            cur.term = Some(t);
        }
        self.start(next);
    }

    fn start(&mut self, b: BlockId) {
        self.cur = b;
        let region = self.region;
        let depth = self.depth;
        let blk = &mut self.blocks[b as usize];
        blk.region = region;
        blk.depth = depth;
    }

    fn enter_env(&mut self, shape: Option<EnvShape>) -> bool {
        match shape {
            Some(s) => {
                self.op(Op::EnterEnv(s));
                self.depth += 1;
                true
            }
            None => false,
        }
    }

    fn exit_env(&mut self, entered: bool) {
        if entered {
            self.op(Op::ExitEnv);
            self.depth -= 1;
        }
    }

    fn region(&mut self, handler: Handler) -> u32 {
        self.regions.push(Region {
            parent: self.region,
            handler,
        });
        (self.regions.len() - 1) as u32
    }
}

fn tget(t: Temp) -> Expr {
    Expr::Get {
        place: Place::Reg(t),
        tdz: None,
    }
}

fn undef() -> Expr {
    Expr::Const(Value::Undefined)
}

fn num(n: f64) -> Expr {
    Expr::Const(Value::Number(n))
}

// ───────────── does it suspend? ─────────────

/// Whether a statement contains a suspension point of its own function (`yield`, `await`,
/// `for await`; with `returns`, also `return`, which awaits in async generators). Nested
/// functions are not looked into.
pub(super) fn stmt_suspends(s: &ast::Stmt, returns: bool) -> bool {
    let e = |x: &ast::Expr| expr_suspends(x);
    match &s.kind {
        StmtKind::Expr { expr, .. } => e(expr),
        StmtKind::Var(d) => d
            .decls
            .iter()
            .any(|d| pat_suspends(&d.target) || d.init.as_ref().is_some_and(expr_suspends)),
        StmtKind::Function(_) | StmtKind::Empty | StmtKind::Debugger => false,
        StmtKind::Class(c) => class_suspends(c),
        StmtKind::Block(b) => b.iter().any(|s| stmt_suspends(s, returns)),
        StmtKind::If { test, cons, alt } => {
            e(test)
                || stmt_suspends(cons, returns)
                || alt.as_ref().is_some_and(|a| stmt_suspends(a, returns))
        }
        StmtKind::For(f) => {
            (match &f.init {
                Some(ast::ForInit::Var(d)) => d
                    .decls
                    .iter()
                    .any(|d| pat_suspends(&d.target) || d.init.as_ref().is_some_and(expr_suspends)),
                Some(ast::ForInit::Expr(x)) => e(x),
                None => false,
            }) || f.test.as_ref().is_some_and(expr_suspends)
                || f.update.as_ref().is_some_and(expr_suspends)
                || stmt_suspends(&f.body, returns)
        }
        StmtKind::ForIn(f) => e(&f.right) || stmt_suspends(&f.body, returns),
        StmtKind::ForOf(f) => {
            f.is_await
                || e(&f.right)
                || match &f.left {
                    ast::ForHead::Var(d) => d.decls.iter().any(|d| pat_suspends(&d.target)),
                    ast::ForHead::Pat(p) => pat_suspends(p),
                }
                || stmt_suspends(&f.body, returns)
        }
        StmtKind::While { test, body } | StmtKind::DoWhile { body, test } => {
            e(test) || stmt_suspends(body, returns)
        }
        StmtKind::Switch {
            discriminant,
            cases,
        } => {
            e(discriminant)
                || cases.iter().any(|c| {
                    c.test.as_ref().is_some_and(expr_suspends)
                        || c.body.iter().any(|s| stmt_suspends(s, returns))
                })
        }
        StmtKind::Labeled { body, .. } => stmt_suspends(body, returns),
        StmtKind::Break(_) | StmtKind::Continue(_) => false,
        StmtKind::Return(x) => returns || x.as_ref().is_some_and(|x| expr_suspends(x)),
        StmtKind::Throw(x) => e(x),
        StmtKind::Try(t) => {
            t.block.iter().any(|s| stmt_suspends(s, returns))
                || t.handler.as_ref().is_some_and(|h| {
                    h.param.as_ref().is_some_and(pat_suspends)
                        || h.body.iter().any(|s| stmt_suspends(s, returns))
                })
                || t.finalizer
                    .as_ref()
                    .is_some_and(|f| f.iter().any(|s| stmt_suspends(s, returns)))
        }
        StmtKind::With { object, body } => e(object) || stmt_suspends(body, returns),
    }
}

fn class_suspends(c: &ast::Class) -> bool {
    c.super_class.as_ref().is_some_and(|x| expr_suspends(x))
        || c.members.iter().any(|m| match &m.kind {
            ast::ClassMemberKind::Method { key, .. } | ast::ClassMemberKind::Field { key, .. } => {
                key_suspends(key)
            }
            _ => false,
        })
}

fn key_suspends(k: &ast::PropKey) -> bool {
    matches!(k, ast::PropKey::Computed(x) if expr_suspends(x))
}

fn pat_suspends(p: &ast::Pat) -> bool {
    match &p.kind {
        ast::PatKind::Ident(_) => false,
        ast::PatKind::Array { elems, rest } => {
            elems.iter().flatten().any(pat_suspends)
                || rest.as_ref().is_some_and(|r| pat_suspends(r))
        }
        ast::PatKind::Object { props, rest } => {
            props
                .iter()
                .any(|p| key_suspends(&p.key) || pat_suspends(&p.value))
                || rest.as_ref().is_some_and(|r| pat_suspends(r))
        }
        ast::PatKind::Default { target, default } => pat_suspends(target) || expr_suspends(default),
        ast::PatKind::Expr(x) => expr_suspends(x),
    }
}

fn member_prop_suspends(p: &ast::MemberProp) -> bool {
    matches!(p, ast::MemberProp::Computed(x) if expr_suspends(x))
}

pub(super) fn expr_suspends(x: &ast::Expr) -> bool {
    let e = |x: &ast::Expr| expr_suspends(x);
    let args = |a: &[ast::ExprOrSpread]| a.iter().any(|a| expr_suspends(&a.expr));
    match &x.kind {
        ExprKind::Yield { .. } | ExprKind::Await(_) => true,
        ExprKind::Ident(_)
        | ExprKind::This
        | ExprKind::Null
        | ExprKind::Bool(_)
        | ExprKind::Num(_)
        | ExprKind::Str(_)
        | ExprKind::BigInt(_)
        | ExprKind::Regex(_)
        | ExprKind::Function(_)
        | ExprKind::Arrow(_)
        | ExprKind::NewTarget
        | ExprKind::ImportMeta => false,
        ExprKind::Template(t) => t.exprs.iter().any(expr_suspends),
        ExprKind::TaggedTemplate { tag, quasi } => e(tag) || quasi.exprs.iter().any(expr_suspends),
        ExprKind::Array(items) => items.iter().flatten().any(|a| expr_suspends(&a.expr)),
        ExprKind::Object(props) => props.iter().any(|p| match &p.kind {
            PropKind::KeyValue { key, value } => key_suspends(key) || e(value),
            PropKind::Shorthand(_) => false,
            PropKind::CoverInit { default, .. } => e(default),
            PropKind::Method { key, .. } => key_suspends(key),
            PropKind::Spread(x) => e(x),
        }),
        ExprKind::Class(c) => class_suspends(c),
        ExprKind::Unary { arg, .. } | ExprKind::Update { arg, .. } => e(arg),
        ExprKind::Binary { left, right, .. } | ExprKind::Logical { left, right, .. } => {
            e(left) || e(right)
        }
        ExprKind::PrivateIn { right, .. } => e(right),
        ExprKind::Assign { target, value, .. } => pat_suspends(target) || e(value),
        ExprKind::Cond { test, cons, alt } => e(test) || e(cons) || e(alt),
        ExprKind::Call {
            callee, args: a, ..
        } => e(callee) || args(a),
        ExprKind::New { callee, args: a } => e(callee) || a.as_deref().is_some_and(args),
        ExprKind::Member { object, prop, .. } => e(object) || member_prop_suspends(prop),
        ExprKind::SuperMember(p) => member_prop_suspends(p),
        ExprKind::SuperCall(a) => args(a),
        ExprKind::OptChain(x) | ExprKind::Paren(x) | ExprKind::ImportCall(x) => e(x),
        ExprKind::Seq(xs) => xs.iter().any(expr_suspends),
    }
}

// ───────────── lowering ─────────────

impl<'a> Builder<'a> {
    /// Lower a suspendable function's body (already inside its scope) into a machine.
    pub(super) fn machine_body(&mut self, mb: &mut MB, body: &ast::FunctionBody) -> R<()> {
        match body {
            ast::FunctionBody::Block(stmts) => {
                let (functions, globals) = self.hoisted_functions(stmts)?;
                self.m_hoisted(mb, functions, globals);
                for s in stmts {
                    self.m_stmt(mb, s)?;
                }
                let next = mb.block();
                mb.end(Term::Return(undef()), next);
            }
            ast::FunctionBody::Expr(x) => {
                let v = self.m_expr(mb, x)?;
                let v = self.m_return_value(mb, v);
                let next = mb.block();
                mb.end(Term::Return(v), next);
            }
        }
        Ok(())
    }

    fn m_hoisted(
        &mut self,
        mb: &mut MB,
        functions: HoistedFunctions,
        globals: Box<[(Atom, Rc<Code>)]>,
    ) {
        for (place, code) in functions.into_vec() {
            mb.op(Op::Closure(place, code));
        }
        for (name, code) in globals.into_vec() {
            mb.op(Op::GlobalClosure(name, code));
        }
    }

    /// `return v` in an async generator awaits `v` first (before any finally runs).
    fn m_return_value(&mut self, mb: &mut MB, v: Expr) -> Expr {
        if mb.kind == FnKind::AsyncGenerator {
            let t = mb.temp();
            let next = mb.block();
            mb.end(
                Term::Await {
                    value: v,
                    dst: t,
                    resume: next,
                    pos: u32::MAX,
                },
                next,
            );
            tget(t)
        } else {
            v
        }
    }

    fn m_stmts(&mut self, mb: &mut MB, stmts: &[ast::Stmt]) -> R<()> {
        for s in stmts {
            self.m_stmt(mb, s)?;
        }
        Ok(())
    }

    /// A block statement (or try/catch/finally part) with its own scope.
    fn m_block(&mut self, mb: &mut MB, stmts: &[ast::Stmt], role: Role, span: Span) -> R<()> {
        let scope = self.scope_for(span, role);
        self.stack.push(scope);
        let r = (|| {
            let entered = mb.enter_env(self.env_shape(scope));
            let tdz = self.tdz_regs(scope);
            if !tdz.is_empty() {
                mb.op(Op::Tdz(tdz));
            }
            let (functions, globals) = self.hoisted_functions(stmts)?;
            self.m_hoisted(mb, functions, globals);
            self.m_stmts(mb, stmts)?;
            mb.exit_env(entered);
            Ok(())
        })();
        self.stack.pop();
        r
    }

    fn m_substmt(&mut self, mb: &mut MB, s: &ast::Stmt) -> R<()> {
        if matches!(s.kind, StmtKind::Function(_)) {
            self.m_block(mb, std::slice::from_ref(s), Role::Block, s.span)
        } else {
            self.m_stmt(mb, s)
        }
    }

    fn m_stmt(&mut self, mb: &mut MB, s: &ast::Stmt) -> R<()> {
        if !stmt_suspends(s, mb.kind == FnKind::AsyncGenerator) {
            match self.statement(s) {
                Ok(Stmt::Empty) => return Ok(()),
                // An expression statement runs as an op of its own (no statement dispatch;
                // a function body has no completion value to keep).
                Ok(Stmt::Expr(e)) => {
                    mb.op(Op::Expr(e));
                    return Ok(());
                }
                Ok(st) => {
                    mb.op(Op::Stmt(st));
                    return Ok(());
                }
                // The normal builder may lack something (for-of) the machine can do: lower
                // the statement's structure here instead; a real gap fails again below.
                Err(e) => {
                    return self.m_stmt_structural(mb, s).map_err(|_| e);
                }
            }
        }
        self.m_stmt_structural(mb, s)
    }

    fn m_stmt_structural(&mut self, mb: &mut MB, s: &ast::Stmt) -> R<()> {
        if !matches!(s.kind, StmtKind::Labeled { .. }) && !self.is_loop(s) {
            self.flush_pending_labels();
        }
        match &s.kind {
            StmtKind::Expr { expr, .. } => {
                let v = self.m_expr(mb, expr)?;
                mb.op(Op::Expr(v));
            }
            StmtKind::Var(d) => self.m_var_decl(mb, d)?,
            StmtKind::Function(_) | StmtKind::Empty | StmtKind::Debugger => {}
            StmtKind::Block(b) => self.m_block(mb, b, Role::Block, s.span)?,
            StmtKind::If { test, cons, alt } => {
                let t = self.m_expr(mb, test)?;
                let (then, end) = (mb.block(), mb.block());
                let alt_b = if alt.is_some() { mb.block() } else { end };
                mb.end(
                    Term::Branch {
                        test: t,
                        then,
                        alt: alt_b,
                    },
                    then,
                );
                self.m_substmt(mb, cons)?;
                if let Some(a) = alt {
                    mb.end(Term::Jump(end), alt_b);
                    self.m_substmt(mb, a)?;
                }
                mb.end(Term::Jump(end), end);
            }
            StmtKind::While { test, body } => self.m_while(mb, test, body, false)?,
            StmtKind::DoWhile { body, test } => self.m_while(mb, test, body, true)?,
            StmtKind::For(f) => self.m_for(mb, f, s.span)?,
            StmtKind::ForOf(f) => self.m_for_of(mb, f, s.span)?,
            StmtKind::ForIn(f) => self.m_for_in(mb, f, s.span)?,
            StmtKind::Switch {
                discriminant,
                cases,
            } => self.m_switch(mb, discriminant, cases, s.span)?,
            StmtKind::Labeled { label, body } => {
                if self.is_loop(body) || matches!(body.kind, StmtKind::Labeled { .. }) {
                    self.pending_labels.push(label.name.clone());
                    self.m_stmt_structural(mb, body)?;
                } else {
                    let id = self.new_label();
                    let end = mb.block();
                    mb.labels.push((id, end, end));
                    self.labels.push(LabelEntry {
                        name: Some(label.name.clone()),
                        id,
                        is_loop: false,
                        breakable: false,
                    });
                    let r = self.m_stmt(mb, body);
                    self.labels.pop();
                    r?;
                    mb.end(Term::Jump(end), end);
                }
            }
            StmtKind::Break(_) | StmtKind::Continue(_) => {
                let st = self.statement(s)?;
                mb.op(Op::Stmt(st));
            }
            StmtKind::Return(x) => {
                // Only `return expr` awaits in an async generator; a bare `return` does not.
                let v = match x {
                    Some(x) => {
                        let v = self.m_expr(mb, x)?;
                        self.m_return_value(mb, v)
                    }
                    None => undef(),
                };
                let next = mb.block();
                mb.end(Term::Return(v), next);
            }
            StmtKind::Throw(x) => {
                let v = self.m_expr(mb, x)?;
                let next = mb.block();
                mb.end(Term::Throw(v), next);
            }
            StmtKind::Try(t) => self.m_try(mb, t, s.span)?,
            StmtKind::Class(c) => {
                let id = c.id.as_ref().expect("declarations are named");
                let value = Expr::Class(Box::new(self.m_class(mb, c, None)?));
                mb.op(Op::Stmt(match self.resolve(id) {
                    Resolved::Local { place, .. } => Stmt::Init { place, value },
                    Resolved::Global(name) => Stmt::InitGlobalLex { name, value },
                    Resolved::Dynamic(g) => Stmt::Bind {
                        target: Target::Global(g),
                        value,
                    },
                }));
            }
            StmtKind::With { object, body } => {
                let object = self.m_expr(mb, object)?;
                let scope = self.scope_for(s.span, Role::With);
                let Some(shape) = self.env_shape(scope) else {
                    return unsupported("with", s.span);
                };
                mb.op(Op::EnterWith(shape, object));
                mb.depth += 1;
                self.stack.push(scope);
                let r = self.m_substmt(mb, body);
                self.stack.pop();
                r?;
                mb.exit_env(true);
            }
        }
        Ok(())
    }

    fn m_var_decl(&mut self, mb: &mut MB, d: &ast::VarDecl) -> R<()> {
        for decl in &d.decls {
            let ast::PatKind::Ident(id) = &decl.target.kind else {
                let Some(init) = &decl.init else {
                    return unsupported("a binding pattern without initialiser", decl.span);
                };
                let value = self.m_expr(mb, init)?;
                if pat_suspends(&decl.target) {
                    let t = self.force_temp(mb, value);
                    self.m_pattern(mb, &decl.target, t, true)?;
                } else {
                    let target = self.target(&decl.target, true)?;
                    mb.op(Op::Stmt(Stmt::Bind { target, value }));
                }
                continue;
            };
            let value = match &decl.init {
                Some(ast::Expr {
                    kind: ExprKind::Class(c),
                    ..
                }) if c.id.is_none() && expr_suspends(decl.init.as_ref().expect("some")) => {
                    Expr::Class(Box::new(self.m_class(mb, c, Some(&id.name))?))
                }
                Some(init) if expr_suspends(init) => self.m_expr(mb, init)?,
                Some(init) => self.named_expr(init, &id.name)?,
                None if d.kind == ast::VarKind::Var => continue,
                None => undef(),
            };
            mb.op(match self.resolve(id) {
                Resolved::Local { place, .. } => Op::Stmt(Stmt::Init { place, value }),
                Resolved::Global(name) => Op::Expr(Expr::SetGlobal {
                    global: Self::global(name),
                    value: Box::new(value),
                }),
                Resolved::Dynamic(global) => Op::Expr(Expr::SetGlobal {
                    global,
                    value: Box::new(value),
                }),
            });
        }
        Ok(())
    }

    fn m_while(&mut self, mb: &mut MB, test: &ast::Expr, body: &ast::Stmt, after: bool) -> R<()> {
        let id = self.new_label();
        let (head, body_b, end) = (mb.block(), mb.block(), mb.block());
        mb.labels.push((id, end, head));
        mb.end(Term::Jump(if after { body_b } else { head }), head);
        let t = self.m_expr(mb, test)?;
        mb.end(
            Term::Branch {
                test: t,
                then: body_b,
                alt: end,
            },
            body_b,
        );
        self.with_loop(id, |b| b.m_substmt(mb, body))?;
        mb.end(Term::Jump(head), end);
        Ok(())
    }

    fn m_for(&mut self, mb: &mut MB, f: &ast::ForStmt, span: Span) -> R<()> {
        let scope = self.scope_for(span, Role::LoopHead);
        self.stack.push(scope);
        let id = self.new_label();
        let r = self.with_loop(id, |b| {
            let shape = b.env_shape(scope);
            let per_iteration = shape.is_some();
            let entered = mb.enter_env(shape);
            let tdz = b.tdz_regs(scope);
            if !tdz.is_empty() {
                mb.op(Op::Tdz(tdz));
            }
            match &f.init {
                Some(ast::ForInit::Var(d)) => b.m_var_decl(mb, d)?,
                Some(ast::ForInit::Expr(x)) => {
                    let v = b.m_expr(mb, x)?;
                    mb.op(Op::Expr(v));
                }
                None => {}
            }
            if per_iteration {
                mb.op(Op::CopyEnv);
            }
            let (head, body_b, cont, end) = (mb.block(), mb.block(), mb.block(), mb.block());
            mb.labels.push((id, end, cont));
            mb.end(Term::Jump(head), head);
            match &f.test {
                Some(t) => {
                    let t = b.m_expr(mb, t)?;
                    mb.end(
                        Term::Branch {
                            test: t,
                            then: body_b,
                            alt: end,
                        },
                        body_b,
                    );
                }
                None => mb.end(Term::Jump(body_b), body_b),
            }
            b.m_substmt(mb, &f.body)?;
            mb.end(Term::Jump(cont), cont);
            if per_iteration {
                mb.op(Op::CopyEnv);
            }
            if let Some(u) = &f.update {
                let v = b.m_expr(mb, u)?;
                mb.op(Op::Expr(v));
            }
            mb.end(Term::Jump(head), end);
            mb.exit_env(entered);
            Ok(())
        });
        self.stack.pop();
        r
    }

    /// Store temp `v` into the loop head's target.
    fn m_bind_head(&mut self, mb: &mut MB, head: &ast::ForHead, v: Temp, span: Span) -> R<()> {
        let id = match head {
            ast::ForHead::Var(d) => match &d.decls[0].target.kind {
                ast::PatKind::Ident(id) => id,
                _ if pat_suspends(&d.decls[0].target) => {
                    return self.m_pattern(mb, &d.decls[0].target, v, true);
                }
                _ => {
                    let target = self.target(&d.decls[0].target, true)?;
                    mb.op(Op::Stmt(Stmt::Bind {
                        target,
                        value: tget(v),
                    }));
                    return Ok(());
                }
            },
            ast::ForHead::Pat(
                p @ ast::Pat {
                    kind: ast::PatKind::Array { .. } | ast::PatKind::Object { .. },
                    ..
                },
            ) if !pat_suspends(p) => {
                let pattern = Box::new(self.pattern(p, false)?);
                mb.op(Op::Expr(Expr::Destructure {
                    pattern,
                    value: Box::new(tget(v)),
                }));
                return Ok(());
            }
            ast::ForHead::Pat(ast::Pat {
                kind: ast::PatKind::Ident(id),
                ..
            }) => id,
            ast::ForHead::Pat(p) if pat_suspends(p) => return self.m_pattern(mb, p, v, false),
            ast::ForHead::Pat(ast::Pat {
                kind: ast::PatKind::Expr(m),
                ..
            }) => {
                let ExprKind::Member {
                    object,
                    prop,
                    optional: false,
                } = &strip_parens(m).kind
                else {
                    return unsupported("this for-of head", span);
                };
                let object = self.boxed(object)?;
                let key = Box::new(self.key(prop, span)?);
                mb.op(Op::Expr(Expr::SetMember {
                    object,
                    key,
                    value: Box::new(tget(v)),
                }));
                return Ok(());
            }
            _ => return unsupported("this for-of head", span),
        };
        let declaration = matches!(head, ast::ForHead::Var(_));
        let e = self.assign(id, tget(v), declaration);
        // A declaration initialises (no TDZ check on the write).
        match (declaration, e) {
            (true, Expr::Set { place, value, .. }) => mb.op(Op::Stmt(Stmt::Init {
                place,
                value: *value,
            })),
            (_, e) => mb.op(Op::Expr(e)),
        }
        Ok(())
    }

    fn m_for_of(&mut self, mb: &mut MB, f: &ast::ForInOf, span: Span) -> R<()> {
        if f.is_await && !mb.kind.is_async() {
            return unsupported("for await outside async functions", span);
        }
        let scope = self.scope_for(span, Role::LoopHead);
        self.stack.push(scope);
        let id = self.new_label();
        let r = self.with_loop(id, |b| {
            let shape = b.env_shape(scope);
            let entered = mb.enter_env(shape.clone());
            let tdz = b.tdz_regs(scope);
            if !tdz.is_empty() {
                mb.op(Op::Tdz(tdz.clone()));
            }
            let src = b.m_expr(mb, &f.right)?;
            let (iter, next, value, kind, val) =
                (mb.temp(), mb.temp(), mb.temp(), mb.temp(), mb.temp());
            mb.op(Op::GetIter {
                src,
                iter,
                next,
                is_async: f.is_await,
            });
            let (head, body_b, cont, close, end) =
                (mb.block(), mb.block(), mb.block(), mb.block(), mb.block());
            mb.labels.push((id, end, cont));
            // The head (stepping the iterator) is outside the closing region: an iterator
            // that throws from `next` is not closed. The body is inside it.
            let outer = mb.region;
            let region = mb.region(Handler::Finally {
                block: close,
                kind,
                val,
            });
            mb.end(Term::Jump(head), head);
            if f.is_await {
                let (result, check) = (mb.temp(), mb.block());
                let resume = mb.block();
                mb.end(
                    Term::AsyncIterNext {
                        iter,
                        next,
                        dst: result,
                        resume,
                    },
                    resume,
                );
                mb.end(
                    Term::Await {
                        value: tget(result),
                        dst: result,
                        resume: check,
                        pos: u32::MAX,
                    },
                    check,
                );
                mb.region = Some(region);
                mb.end(
                    Term::AsyncIterCheck {
                        result,
                        dst: value,
                        body: body_b,
                        done: end,
                    },
                    body_b,
                );
            } else {
                mb.region = Some(region);
                mb.end(
                    Term::IterStep {
                        iter,
                        next,
                        dst: value,
                        body: body_b,
                        done: end,
                    },
                    body_b,
                );
            }
            if let Some(shape) = shape {
                mb.op(Op::FreshEnv(shape));
            }
            if !tdz.is_empty() {
                mb.op(Op::Tdz(tdz));
            }
            b.m_bind_head(mb, &f.left, value, span)?;
            b.m_substmt(mb, &f.body)?;
            mb.end(Term::Jump(cont), cont);
            // Back to the head without leaving through the closing handler.
            mb.region = outer;
            mb.end(Term::Enter(head), close);
            // The closing "finally": only abrupt completions of the body get here.
            let fin_end = mb.block();
            if f.is_await {
                // AsyncIteratorClose: call `return`, await its result, check it is an object;
                // for a throw completion every error here is swallowed (the throw wins).
                let (called, ret, scratch) = (mb.temp(), mb.temp(), mb.temp());
                debug_assert_eq!(ret, called + 1);
                mb.op(Op::CallReturn {
                    iter,
                    kind,
                    dst: called,
                });
                let (awaiting, caught, rethrow) = (mb.block(), mb.block(), mb.block());
                mb.end(
                    Term::Branch {
                        test: tget(called),
                        then: awaiting,
                        alt: fin_end,
                    },
                    caught,
                );
                mb.end(
                    Term::Branch {
                        test: Expr::Binary {
                            op: ast::BinaryOp::StrictEq,
                            left: Box::new(tget(kind)),
                            right: Box::new(num(COMPLETION_THROW)),
                        },
                        then: fin_end,
                        alt: rethrow,
                    },
                    rethrow,
                );
                mb.end(Term::Throw(tget(scratch)), awaiting);
                let guard = mb.region(Handler::Catch {
                    block: caught,
                    exc: scratch,
                });
                mb.region = Some(guard);
                mb.start(awaiting);
                let after = mb.block();
                mb.end(
                    Term::Await {
                        value: tget(ret),
                        dst: ret,
                        resume: after,
                        pos: u32::MAX,
                    },
                    after,
                );
                mb.op(Op::CheckReturn { kind, value: ret });
                mb.region = outer;
                mb.end(Term::Jump(fin_end), fin_end);
            } else {
                mb.op(Op::CloseIter { iter, kind });
                mb.end(Term::Jump(fin_end), fin_end);
            }
            mb.end(
                Term::EndFinally {
                    kind,
                    val,
                    after: end,
                },
                end,
            );
            mb.exit_env(entered);
            Ok(())
        });
        self.stack.pop();
        r
    }

    fn m_for_in(&mut self, mb: &mut MB, f: &ast::ForInOf, span: Span) -> R<()> {
        let scope = self.scope_for(span, Role::LoopHead);
        self.stack.push(scope);
        let id = self.new_label();
        let r = self.with_loop(id, |b| {
            let shape = b.env_shape(scope);
            let entered = mb.enter_env(shape.clone());
            let src = b.m_expr(mb, &f.right)?;
            let (object, keys, index, value) = (mb.temp(), mb.temp(), mb.temp(), mb.temp());
            // ForInKeys/ForInStep keep the index next to the keys.
            debug_assert_eq!(index, keys + 1);
            mb.op(Op::Store(object, src));
            mb.op(Op::ForInKeys {
                src: tget(object),
                dst: keys,
            });
            let (head, body_b, end) = (mb.block(), mb.block(), mb.block());
            mb.labels.push((id, end, head));
            mb.end(Term::Jump(head), head);
            mb.end(
                Term::ForInStep {
                    keys,
                    object,
                    dst: value,
                    body: body_b,
                    done: end,
                },
                body_b,
            );
            if let Some(shape) = shape {
                mb.op(Op::FreshEnv(shape));
            }
            b.m_bind_head(mb, &f.left, value, span)?;
            b.m_substmt(mb, &f.body)?;
            mb.end(Term::Jump(head), end);
            mb.exit_env(entered);
            Ok(())
        });
        self.stack.pop();
        r
    }

    fn m_switch(
        &mut self,
        mb: &mut MB,
        discriminant: &ast::Expr,
        cases: &[ast::SwitchCase],
        span: Span,
    ) -> R<()> {
        let d = self.m_expr(mb, discriminant)?;
        let dt = self.force_temp(mb, d);
        let scope = self.scope_for(span, Role::Switch);
        self.stack.push(scope);
        let id = self.new_label();
        self.labels.push(LabelEntry {
            name: None,
            id,
            is_loop: false,
            breakable: true,
        });
        let r = (|| {
            let entered = mb.enter_env(self.env_shape(scope));
            let tdz = self.tdz_regs(scope);
            if !tdz.is_empty() {
                mb.op(Op::Tdz(tdz));
            }
            for c in cases {
                let (functions, globals) = self.hoisted_functions(&c.body)?;
                self.m_hoisted(mb, functions, globals);
            }
            let end = mb.block();
            mb.labels.push((id, end, end));
            let bodies: Vec<BlockId> = cases.iter().map(|_| mb.block()).collect();
            for (i, c) in cases.iter().enumerate() {
                if let Some(t) = &c.test {
                    let v = self.m_expr(mb, t)?;
                    let next = mb.block();
                    mb.end(
                        Term::Branch {
                            test: Expr::Binary {
                                op: ast::BinaryOp::StrictEq,
                                left: Box::new(tget(dt)),
                                right: Box::new(v),
                            },
                            then: bodies[i],
                            alt: next,
                        },
                        next,
                    );
                }
            }
            let default = cases.iter().position(|c| c.test.is_none());
            let next = mb.block();
            mb.end(Term::Jump(default.map_or(end, |i| bodies[i])), next);
            for (i, c) in cases.iter().enumerate() {
                mb.end(Term::Jump(bodies[i]), bodies[i]);
                self.m_stmts(mb, &c.body)?;
            }
            mb.end(Term::Jump(end), end);
            mb.exit_env(entered);
            Ok(())
        })();
        self.labels.pop();
        self.stack.pop();
        r
    }

    fn m_try(&mut self, mb: &mut MB, t: &ast::TryStmt, span: Span) -> R<()> {
        let outer = mb.region;
        let after = mb.block();
        let fin = t
            .finalizer
            .as_ref()
            .map(|_| (mb.block(), mb.temp(), mb.temp()));
        let fin_region =
            fin.map(|(block, kind, val)| mb.region(Handler::Finally { block, kind, val }));
        mb.region = fin_region.or(outer);
        let catch = t.handler.as_ref().map(|_| (mb.block(), mb.temp()));
        let catch_region = catch.map(|(block, exc)| mb.region(Handler::Catch { block, exc }));
        mb.region = catch_region.or(mb.region);
        // Normal completion of the try or catch part: into the finally, or past the statement.
        let normal_exit = |mb: &mut MB| match fin {
            Some((block, kind, _)) => {
                mb.op(Op::Store(kind, num(COMPLETION_NORMAL)));
                let next = mb.block();
                mb.end(Term::Enter(block), next);
            }
            None => {
                let next = mb.block();
                mb.end(Term::Jump(after), next);
            }
        };
        let body = mb.block();
        mb.end(Term::Jump(body), body);
        self.m_block(mb, &t.block, Role::TryBlock, span)?;
        normal_exit(mb);
        if let (Some(h), Some((block, exc))) = (&t.handler, catch) {
            mb.region = fin_region.or(outer);
            mb.start(block);
            let scope = self.scope_for(h.span, Role::CatchParam);
            self.stack.push(scope);
            let r = (|| {
                let entered = mb.enter_env(self.env_shape(scope));
                if let Some(p) = &h.param {
                    let ast::PatKind::Ident(id) = &p.kind else {
                        if pat_suspends(p) {
                            self.m_pattern(mb, p, exc, true)?;
                            return self.m_catch_body(mb, h, entered);
                        }
                        let target = self.target(p, true)?;
                        mb.op(Op::Stmt(Stmt::Bind {
                            target,
                            value: tget(exc),
                        }));
                        return self.m_catch_body(mb, h, entered);
                    };
                    if let Resolved::Local { place, .. } = self.resolve(id) {
                        mb.op(Op::Stmt(Stmt::Init {
                            place,
                            value: tget(exc),
                        }));
                    }
                }
                self.m_catch_body(mb, h, entered)
            })();
            self.stack.pop();
            r?;
            normal_exit(mb);
        }
        mb.region = outer;
        if let (Some(stmts), Some((block, kind, val))) = (&t.finalizer, fin) {
            mb.start(block);
            self.m_block(mb, stmts, Role::Finally, span)?;
            mb.end(Term::EndFinally { kind, val, after }, after);
        } else {
            mb.start(after);
        }
        Ok(())
    }

    fn m_catch_body(&mut self, mb: &mut MB, h: &ast::CatchClause, entered: bool) -> R<()> {
        self.m_block(mb, &h.body, Role::CatchBody, h.span)?;
        mb.exit_env(entered);
        Ok(())
    }

    // ───────────── expressions ─────────────

    /// Store `e` in a fresh temp unless it is a constant: the value must be taken now, before
    /// a later operand suspends.
    fn force(&mut self, mb: &mut MB, e: Expr) -> Expr {
        match e {
            Expr::Const(_) => e,
            e => tget(self.force_temp(mb, e)),
        }
    }

    fn force_temp(&mut self, mb: &mut MB, e: Expr) -> Temp {
        if let Expr::Get {
            place: Place::Reg(r),
            tdz: None,
        } = e
        {
            if r >= mb.first_temp && r < mb.next_temp {
                // Already a temp of ours (temps are never reassigned after being read).
                return r;
            }
        }
        let t = mb.temp();
        mb.op(Op::Store(t, e));
        t
    }

    /// Lower operands in evaluation order: each operand followed by a suspending one is
    /// forced into a temp.
    fn m_operands(&mut self, mb: &mut MB, xs: &[&ast::Expr]) -> R<Vec<Expr>> {
        let last = xs.iter().rposition(|x| expr_suspends(x));
        let mut out = Vec::with_capacity(xs.len());
        for (i, x) in xs.iter().enumerate() {
            let v = self.m_expr(mb, x)?;
            out.push(match last {
                Some(l) if i < l => self.force(mb, v),
                _ => v,
            });
        }
        Ok(out)
    }

    fn m_args(&mut self, mb: &mut MB, args: &[ast::ExprOrSpread]) -> R<Box<[Arg]>> {
        let xs: Vec<&ast::Expr> = args.iter().map(|a| &a.expr).collect();
        let vs = self.m_operands(mb, &xs)?;
        Ok(vs
            .into_iter()
            .zip(args)
            .map(|(expr, a)| Arg {
                expr,
                spread: a.spread,
            })
            .collect())
    }

    fn suspend(&mut self, mb: &mut MB, value: Expr, is_await: bool, pos: u32) -> Expr {
        let dst = mb.temp();
        let resume = mb.block();
        let term = if is_await {
            Term::Await {
                value,
                dst,
                resume,
                pos,
            }
        } else {
            Term::Yield { value, dst, resume }
        };
        mb.end(term, resume);
        tget(dst)
    }

    /// The residual of `e`: ops evaluating its suspending parts are emitted; the returned
    /// expression (evaluated after them) computes the value.
    pub(super) fn m_expr(&mut self, mb: &mut MB, e: &ast::Expr) -> R<Expr> {
        if !expr_suspends(e) {
            return self.expr(e);
        }
        let not_here = || unsupported("yield/await in this position", e.span);
        Ok(match &e.kind {
            ExprKind::Paren(x) => self.m_expr(mb, x)?,
            ExprKind::Await(x) => {
                let v = self.m_expr(mb, x)?;
                self.suspend(mb, v, true, e.span.start)
            }
            ExprKind::Yield {
                arg,
                delegate: false,
            } => {
                let v = match arg {
                    Some(a) => self.m_expr(mb, a)?,
                    None => undef(),
                };
                if mb.kind == FnKind::AsyncGenerator {
                    // AsyncGeneratorYield awaits the operand first.
                    let v = self.suspend(mb, v, true, u32::MAX);
                    self.suspend(mb, v, false, u32::MAX)
                } else {
                    self.suspend(mb, v, false, u32::MAX)
                }
            }
            ExprKind::Yield {
                arg: Some(arg),
                delegate: true,
            } => {
                let v = self.m_expr(mb, arg)?;
                let is_async = mb.kind == FnKind::AsyncGenerator;
                let (iter, next, kind, val, state, scratch, dst) = (
                    mb.temp(),
                    mb.temp(),
                    mb.temp(),
                    mb.temp(),
                    mb.temp(),
                    mb.temp(),
                    mb.temp(),
                );
                mb.op(Op::GetIter {
                    src: v,
                    iter,
                    next,
                    is_async,
                });
                mb.op(Op::Store(kind, num(COMPLETION_NORMAL)));
                mb.op(Op::Store(val, undef()));
                mb.op(Op::Store(state, num(0.0)));
                let (step, done) = (mb.block(), mb.block());
                mb.end(Term::Jump(step), step);
                mb.end(
                    Term::YieldStar(Box::new(YieldStar {
                        iter,
                        next,
                        kind,
                        val,
                        state,
                        scratch,
                        dst,
                        done,
                        is_async,
                    })),
                    done,
                );
                tget(dst)
            }
            ExprKind::Yield { .. } => return not_here(),
            ExprKind::Unary {
                op: ast::UnaryOp::Delete,
                arg,
            } => match &strip_parens(arg).kind {
                ExprKind::Member {
                    object,
                    prop,
                    optional: false,
                } => {
                    let o = self.m_expr(mb, object)?;
                    let o = if member_prop_suspends(prop) {
                        self.force(mb, o)
                    } else {
                        o
                    };
                    Expr::DeleteMember {
                        object: Box::new(o),
                        key: Box::new(self.m_member_key(mb, prop, e.span)?),
                    }
                }
                // `delete (yield)`: evaluated, then true.
                _ => Expr::Unary {
                    op: ast::UnaryOp::Delete,
                    arg: Box::new(self.m_expr(mb, arg)?),
                },
            },
            ExprKind::Update { op, prefix, arg } => match &strip_parens(arg).kind {
                ExprKind::Member {
                    object,
                    prop,
                    optional: false,
                } => {
                    let o = self.m_expr(mb, object)?;
                    let o = if member_prop_suspends(prop) {
                        self.force(mb, o)
                    } else {
                        o
                    };
                    Expr::UpdateMember {
                        op: *op,
                        prefix: *prefix,
                        object: Box::new(o),
                        key: Box::new(self.m_member_key(mb, prop, e.span)?),
                    }
                }
                _ => return not_here(),
            },
            ExprKind::SuperMember(prop) => {
                self.mark_super();
                Expr::SuperMember {
                    this: Box::new(self.this_expr()),
                    key: Box::new(self.m_member_key(mb, prop, e.span)?),
                }
            }
            ExprKind::TaggedTemplate { tag, quasi } => {
                // The tag (function and receiver) is taken before the substitutions.
                let callee = match &strip_parens(tag).kind {
                    ExprKind::Member {
                        object,
                        prop,
                        optional: false,
                    } => {
                        let o = self.m_expr(mb, object)?;
                        let o = self.force(mb, o);
                        let key = self.m_member_key(mb, prop, e.span)?;
                        let f = self.force(
                            mb,
                            Expr::Member {
                                object: Box::new(o_clone(&o)),
                                key: Box::new(key),
                                pos: super::member_position(object, prop),
                            },
                        );
                        Callee::Bound { func: f, this: o }
                    }
                    _ => {
                        let f = self.m_expr(mb, tag)?;
                        Callee::Plain(self.force(mb, f))
                    }
                };
                let xs: Vec<&ast::Expr> = quasi.exprs.iter().collect();
                let exprs = self.m_operands(mb, &xs)?.into_boxed_slice();
                Self::tagged_template_over(callee, quasi, exprs, e.span)
            }
            ExprKind::Unary { op, arg } => Expr::Unary {
                op: *op,
                arg: Box::new(self.m_expr(mb, arg)?),
            },
            ExprKind::Binary { op, left, right } => {
                let mut v = self.m_operands(mb, &[left, right])?;
                let r = v.pop().expect("two");
                let l = v.pop().expect("two");
                Expr::Binary {
                    op: *op,
                    left: Box::new(l),
                    right: Box::new(r),
                }
            }
            ExprKind::Logical { op, left, right } => {
                let l = self.m_expr(mb, left)?;
                if !expr_suspends(right) {
                    return Ok(Expr::Logical {
                        op: *op,
                        left: Box::new(l),
                        right: Box::new(self.expr(right)?),
                    });
                }
                let t = self.force_temp(mb, l);
                let (rhs, end) = (mb.block(), mb.block());
                let (test, then, alt) = match op {
                    ast::LogicalOp::And => (tget(t), rhs, end),
                    ast::LogicalOp::Or => (tget(t), end, rhs),
                    ast::LogicalOp::Nullish => (
                        Expr::Binary {
                            op: ast::BinaryOp::Eq,
                            left: Box::new(tget(t)),
                            right: Box::new(Expr::Const(Value::Null)),
                        },
                        rhs,
                        end,
                    ),
                };
                mb.end(Term::Branch { test, then, alt }, rhs);
                // The temp holds the short-circuit value, or the right side's.
                let r = self.m_expr(mb, right)?;
                mb.op(Op::Store(t, r));
                mb.end(Term::Jump(end), end);
                tget(t)
            }
            ExprKind::Cond { test, cons, alt } => {
                let t = self.m_expr(mb, test)?;
                let out = mb.temp();
                let (a, b, end) = (mb.block(), mb.block(), mb.block());
                mb.end(
                    Term::Branch {
                        test: t,
                        then: a,
                        alt: b,
                    },
                    a,
                );
                let v = self.m_expr(mb, cons)?;
                mb.op(Op::Store(out, v));
                mb.end(Term::Jump(end), b);
                let v = self.m_expr(mb, alt)?;
                mb.op(Op::Store(out, v));
                mb.end(Term::Jump(end), end);
                tget(out)
            }
            ExprKind::Assign { op, target, value } => {
                self.m_assign(mb, *op, target, value, e.span)?
            }
            ExprKind::Call {
                callee,
                args,
                optional: false,
            } => {
                let callee_s = strip_parens(callee);
                match &callee_s.kind {
                    ExprKind::Member {
                        object,
                        prop,
                        optional: false,
                    } => {
                        let o = self.m_expr(mb, object)?;
                        let o = self.force(mb, o);
                        let key = self.m_member_key(mb, prop, e.span)?;
                        let f = self.force(
                            mb,
                            Expr::Member {
                                object: Box::new(o_clone(&o)),
                                key: Box::new(key),
                                pos: super::member_position(object, prop),
                            },
                        );
                        let args = self.m_args(mb, args)?;
                        let dst = mb.temp();
                        mb.op(Op::CallThis {
                            dst,
                            func: f,
                            this: o,
                            args,
                        });
                        tget(dst)
                    }
                    ExprKind::SuperMember(prop) => {
                        // `super.m(…)`: the function is looked up (with the current `this`)
                        // before the arguments are evaluated.
                        self.mark_super();
                        let this = self.this_expr();
                        let this = self.force(mb, this);
                        let key = self.m_member_key(mb, prop, e.span)?;
                        let key = match key {
                            Key::Computed(k) => Key::Computed(self.force(mb, k)),
                            k => k,
                        };
                        let f = self.force(
                            mb,
                            Expr::SuperMember {
                                this: Box::new(o_clone(&this)),
                                key: Box::new(key),
                            },
                        );
                        let args = self.m_args(mb, args)?;
                        let dst = mb.temp();
                        mb.op(Op::CallThis {
                            dst,
                            func: f,
                            this,
                            args,
                        });
                        tget(dst)
                    }
                    ExprKind::SuperCall(_) => return not_here(),
                    _ => {
                        let f = self.m_expr(mb, callee)?;
                        let f = if args.iter().any(|a| expr_suspends(&a.expr)) {
                            self.force(mb, f)
                        } else {
                            f
                        };
                        Expr::Call {
                            callee: Box::new((Callee::Plain(f), e.span)),
                            args: self.m_args(mb, args)?,
                            span: e.span,
                        }
                    }
                }
            }
            ExprKind::New { callee, args } => {
                let f = self.m_expr(mb, callee)?;
                let args = match args {
                    Some(a) => {
                        let f_forced = if a.iter().any(|a| expr_suspends(&a.expr)) {
                            self.force(mb, f)
                        } else {
                            f
                        };
                        let args = self.m_args(mb, a)?;
                        return Ok(Expr::New {
                            callee: Box::new(f_forced),
                            args,
                            span: e.span,
                        });
                    }
                    None => Box::new([]),
                };
                Expr::New {
                    callee: Box::new(f),
                    args,
                    span: e.span,
                }
            }
            ExprKind::Member {
                object,
                prop,
                optional: false,
            } => {
                let o = self.m_expr(mb, object)?;
                let o = if member_prop_suspends(prop) {
                    self.force(mb, o)
                } else {
                    o
                };
                Expr::Member {
                    object: Box::new(o),
                    key: Box::new(self.m_member_key(mb, prop, e.span)?),
                    pos: super::member_position(object, prop),
                }
            }
            ExprKind::Array(items) => {
                let present: Vec<&ast::ExprOrSpread> = items.iter().flatten().collect();
                let xs: Vec<&ast::Expr> = present.iter().map(|a| &a.expr).collect();
                let mut vs = self.m_operands(mb, &xs)?.into_iter();
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    out.push(item.as_ref().map(|a| Arg {
                        expr: vs.next().expect("one per element"),
                        spread: a.spread,
                    }));
                }
                Expr::Array(out.into_boxed_slice())
            }
            ExprKind::Object(props) => self.m_object(mb, props)?,
            ExprKind::Class(c) => Expr::Class(Box::new(self.m_class(mb, c, None)?)),
            ExprKind::PrivateIn { name, right } => Expr::PrivateIn {
                name: self.private_name(name)?,
                object: Box::new(self.m_expr(mb, right)?),
            },
            ExprKind::OptChain(x) => {
                let out = mb.temp();
                let (short, end) = (mb.block(), mb.block());
                let v = self.m_chain(mb, x, short)?;
                mb.op(Op::Store(out, v));
                mb.end(Term::Jump(end), short);
                mb.op(Op::Store(out, undef()));
                mb.end(Term::Jump(end), end);
                tget(out)
            }
            ExprKind::Template(t) => {
                let xs: Vec<&ast::Expr> = t.exprs.iter().collect();
                let exprs = self.m_operands(mb, &xs)?.into_boxed_slice();
                let quasis = t
                    .quasis
                    .iter()
                    .map(|q| {
                        Value::String(crate::value::JsString::from_utf16(
                            q.cooked.as_deref().unwrap_or(&[]),
                        ))
                    })
                    .collect();
                Expr::Template { quasis, exprs }
            }
            ExprKind::Seq(xs) => {
                let last = xs.iter().rposition(expr_suspends).expect("suspends");
                for x in &xs[..last] {
                    let v = self.m_expr(mb, x)?;
                    mb.op(Op::Expr(v));
                }
                let mut rest = vec![self.m_expr(mb, &xs[last])?];
                for x in &xs[last + 1..] {
                    rest.push(self.expr(x)?);
                }
                if rest.len() == 1 {
                    rest.pop().expect("one")
                } else {
                    Expr::Seq(rest.into_boxed_slice())
                }
            }
            _ => return not_here(),
        })
    }

    /// A link of an optional chain with a suspension point: every link is lowered here (so no
    /// `OptionalCheck` escapes into a temp store); an optional link whose base is nullish
    /// jumps to `short`, where the whole chain is undefined.
    fn m_chain(&mut self, mb: &mut MB, x: &ast::Expr, short: BlockId) -> R<Expr> {
        let check = |mb: &mut MB, t: Temp| {
            let next = mb.block();
            mb.end(
                Term::Branch {
                    test: Expr::Binary {
                        op: ast::BinaryOp::Eq,
                        left: Box::new(tget(t)),
                        right: Box::new(Expr::Const(Value::Null)),
                    },
                    then: short,
                    alt: next,
                },
                next,
            );
        };
        Ok(match &x.kind {
            ExprKind::Member {
                object,
                prop,
                optional,
            } => {
                let o = self.m_chain(mb, object, short)?;
                let o = if *optional {
                    let t = self.force_temp(mb, o);
                    check(mb, t);
                    tget(t)
                } else if member_prop_suspends(prop) {
                    self.force(mb, o)
                } else {
                    o
                };
                Expr::Member {
                    object: Box::new(o),
                    key: Box::new(self.m_member_key(mb, prop, x.span)?),
                    pos: super::member_position(object, prop),
                }
            }
            ExprKind::Call {
                callee,
                args,
                optional,
            } => {
                if let ExprKind::Member {
                    object,
                    prop,
                    optional: member_optional,
                } = &callee.kind
                {
                    // A method call: the receiver is the member's object.
                    let o = self.m_chain(mb, object, short)?;
                    let ot = self.force_temp(mb, o);
                    if *member_optional {
                        check(mb, ot);
                    }
                    let key = self.m_member_key(mb, prop, x.span)?;
                    let f = self.force_temp(
                        mb,
                        Expr::Member {
                            object: Box::new(tget(ot)),
                            key: Box::new(key),
                            pos: super::member_position(object, prop),
                        },
                    );
                    if *optional {
                        check(mb, f);
                    }
                    let args = self.m_args(mb, args)?;
                    let dst = mb.temp();
                    mb.op(Op::CallThis {
                        dst,
                        func: tget(f),
                        this: tget(ot),
                        args,
                    });
                    tget(dst)
                } else {
                    let f = self.m_chain(mb, callee, short)?;
                    let f = self.force_temp(mb, f);
                    if *optional {
                        check(mb, f);
                    }
                    Expr::Call {
                        callee: Box::new((Callee::Plain(tget(f)), x.span)),
                        args: self.m_args(mb, args)?,
                        span: x.span,
                    }
                }
            }
            _ => self.m_expr(mb, x)?,
        })
    }

    /// A class whose heritage or computed keys suspend: those operands (and every one before
    /// the last suspending one) are evaluated first, in order, inside a record of the class
    /// scope (the class name is in its TDZ there, as in ClassDefinitionEvaluation), keys
    /// converted by ToPropertyKey; the class is then built over the temps. Deviation: a
    /// heritage's `prototype` is read after those keys rather than before them.
    fn m_class(&mut self, mb: &mut MB, c: &ast::Class, name: Option<&str>) -> R<ClassDef> {
        let mut operands: Vec<(Option<usize>, &ast::Expr)> = Vec::new();
        if let Some(h) = &c.super_class {
            operands.push((None, h));
        }
        for (i, m) in c.members.iter().enumerate() {
            if let ast::ClassMemberKind::Method {
                key: ast::PropKey::Computed(x),
                ..
            }
            | ast::ClassMemberKind::Field {
                key: ast::PropKey::Computed(x),
                ..
            } = &m.kind
            {
                operands.push((Some(i), x));
            }
        }
        let mut pre = ClassPre {
            heritage: None,
            keys: c.members.iter().map(|_| None).collect(),
        };
        if let Some(last) = operands.iter().rposition(|(_, x)| expr_suspends(x)) {
            let scope = self.scope_for(c.span, Role::Class);
            self.stack.push(scope);
            let r = (|| {
                let entered = mb.enter_env(self.env_shape(scope));
                let tdz = self.tdz_regs(scope);
                if !tdz.is_empty() {
                    mb.op(Op::Tdz(tdz));
                }
                for (slot, x) in &operands[..=last] {
                    let v = self.m_expr(mb, x)?;
                    let t = self.force_temp(mb, v);
                    match slot {
                        None => pre.heritage = Some(tget(t)),
                        Some(i) => {
                            mb.op(Op::ToKey(t));
                            pre.keys[*i] = Some(tget(t));
                        }
                    }
                }
                mb.exit_env(entered);
                Ok(())
            })();
            self.stack.pop();
            r?;
        }
        self.class_pre = Some(pre);
        let r = self.class(c, name);
        self.class_pre = None;
        r
    }

    /// `t &&= v`, `t ||= v`, `t ??= v` with a suspension point: the reference (object and
    /// key, converted once) and the current value are taken first; `v` is evaluated and
    /// assigned only when the operator does not short-circuit.
    fn m_logical_assign(
        &mut self,
        mb: &mut MB,
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
        enum Lhs<'x> {
            Ident(&'x ast::Ident),
            Member(Expr, Key),
        }
        let (lhs, cur) = match &target.kind {
            ast::PatKind::Ident(id) => {
                let current = self.read(id);
                (Lhs::Ident(id), self.force_temp(mb, current))
            }
            ast::PatKind::Expr(m) => match &strip_parens(m).kind {
                ExprKind::Member {
                    object,
                    prop,
                    optional: false,
                } => {
                    let o = self.m_expr(mb, object)?;
                    let o = self.force(mb, o);
                    let key = match prop {
                        ast::MemberProp::Computed(x) => {
                            let k = self.m_expr(mb, x)?;
                            let t = self.force_temp(mb, k);
                            mb.op(Op::ToKey(t));
                            Key::Computed(tget(t))
                        }
                        _ => self.key(prop, span)?,
                    };
                    let current = Expr::Member {
                        object: Box::new(o_clone(&o)),
                        key: Box::new(key_clone(&key)),
                        pos: super::member_position(object, prop),
                    };
                    (Lhs::Member(o, key), self.force_temp(mb, current))
                }
                _ => return unsupported("this assignment target", span),
            },
            _ => return unsupported("this assignment target", span),
        };
        let (rhs, end) = (mb.block(), mb.block());
        let (test, then, alt) = match lop {
            ast::LogicalOp::And => (tget(cur), rhs, end),
            ast::LogicalOp::Or => (tget(cur), end, rhs),
            ast::LogicalOp::Nullish => (
                Expr::Binary {
                    op: ast::BinaryOp::Eq,
                    left: Box::new(tget(cur)),
                    right: Box::new(Expr::Const(Value::Null)),
                },
                rhs,
                end,
            ),
        };
        mb.end(Term::Branch { test, then, alt }, rhs);
        let v = match &lhs {
            Lhs::Ident(id) if !expr_suspends(value) => self.named_expr(value, &id.name)?,
            _ => self.m_expr(mb, value)?,
        };
        let write = match lhs {
            Lhs::Ident(id) => self.assign(id, v, false),
            Lhs::Member(object, key) => Expr::SetMember {
                object: Box::new(object),
                key: Box::new(key),
                value: Box::new(v),
            },
        };
        mb.op(Op::Store(cur, write));
        mb.end(Term::Jump(end), end);
        Ok(tget(cur))
    }

    fn m_member_key(&mut self, mb: &mut MB, prop: &ast::MemberProp, span: Span) -> R<Key> {
        Ok(match prop {
            ast::MemberProp::Computed(x) if expr_suspends(x) => Key::Computed(self.m_expr(mb, x)?),
            _ => self.key(prop, span)?,
        })
    }

    fn m_object(&mut self, mb: &mut MB, props: &[ast::Prop]) -> R<Expr> {
        let last = props.iter().rposition(|p| match &p.kind {
            PropKind::KeyValue { key, value } => key_suspends(key) || expr_suspends(value),
            PropKind::Method { key, .. } => key_suspends(key),
            PropKind::Spread(x) => expr_suspends(x),
            _ => false,
        });
        let mut out = Vec::with_capacity(props.len());
        for (i, p) in props.iter().enumerate() {
            let before = last.is_some_and(|l| i < l);
            let key_of = |b: &mut Self, mb: &mut MB, key: &ast::PropKey| -> R<Key> {
                Ok(match key {
                    ast::PropKey::Computed(x) => {
                        let v = b.m_expr(mb, x)?;
                        Key::Computed(if before || expr_suspends(x) {
                            b.force(mb, v)
                        } else {
                            v
                        })
                    }
                    k => b.prop_key(k)?,
                })
            };
            out.push(match &p.kind {
                PropKind::KeyValue { key, value } => {
                    if matches!(key, ast::PropKey::Ident(id) if &*id.name == "__proto__") {
                        return unsupported("__proto__ in object literals", p.span);
                    }
                    let k = key_of(self, mb, key)?;
                    let v = if expr_suspends(value) {
                        self.m_expr(mb, value)?
                    } else {
                        match key {
                            ast::PropKey::Ident(id) => self.named_expr(value, &id.name)?,
                            _ => self.expr(value)?,
                        }
                    };
                    let v = if before { self.force(mb, v) } else { v };
                    ObjProp::Value { key: k, value: v }
                }
                PropKind::Shorthand(id) => {
                    let v = self.read(id);
                    ObjProp::Value {
                        key: Key::Named(Atom::intern_str(&id.name)),
                        value: if before { self.force(mb, v) } else { v },
                    }
                }
                PropKind::CoverInit { .. } => return unsupported("destructuring", p.span),
                PropKind::Method { key, kind, func } => {
                    let k = key_of(self, mb, key)?;
                    let mut code =
                        Rc::try_unwrap(self.function(func)?).expect("fresh code is unshared");
                    if let ast::PropKey::Ident(id) = key {
                        code.name = Atom::intern_str(&id.name);
                    }
                    code.is_constructor = false;
                    let code = Rc::new(code);
                    match kind {
                        ast::MethodKind::Method => ObjProp::Value {
                            key: k,
                            value: Expr::Function(code),
                        },
                        ast::MethodKind::Get => ObjProp::Getter { key: k, func: code },
                        ast::MethodKind::Set => ObjProp::Setter { key: k, func: code },
                    }
                }
                PropKind::Spread(x) => {
                    let v = self.m_expr(mb, x)?;
                    ObjProp::Spread(if before { self.force(mb, v) } else { v })
                }
            });
        }
        Ok(Expr::Object(out.into_boxed_slice()))
    }

    fn m_assign(
        &mut self,
        mb: &mut MB,
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
            _ => return self.m_logical_assign(mb, op, target, value, span),
        };
        match &target.kind {
            ast::PatKind::Ident(id) => {
                let old = binary.map(|_| {
                    let current = self.read(id);
                    self.force(mb, current)
                });
                let v = self.m_expr(mb, value)?;
                let v = match (binary, old) {
                    (Some(op), Some(old)) => Expr::Binary {
                        op,
                        left: Box::new(old),
                        right: Box::new(v),
                    },
                    _ => v,
                };
                Ok(self.assign(id, v, false))
            }
            ast::PatKind::Expr(m) => match &strip_parens(m).kind {
                ExprKind::Member {
                    object,
                    prop,
                    optional: false,
                } => {
                    let o = self.m_expr(mb, object)?;
                    let o = self.force(mb, o);
                    let key = match prop {
                        ast::MemberProp::Computed(x) => {
                            let k = self.m_expr(mb, x)?;
                            Key::Computed(self.force(mb, k))
                        }
                        _ => self.key(prop, span)?,
                    };
                    let old = binary.map(|_| {
                        let current = Expr::Member {
                            object: Box::new(o_clone(&o)),
                            key: Box::new(key_clone(&key)),
                            pos: super::member_position(object, prop),
                        };
                        self.force(mb, current)
                    });
                    let v = self.m_expr(mb, value)?;
                    let v = match (binary, old) {
                        (Some(op), Some(old)) => Expr::Binary {
                            op,
                            left: Box::new(old),
                            right: Box::new(v),
                        },
                        _ => v,
                    };
                    Ok(Expr::SetMember {
                        object: Box::new(o),
                        key: Box::new(key),
                        value: Box::new(v),
                    })
                }
                _ => unsupported("this assignment target", span),
            },
            ast::PatKind::Array { .. } | ast::PatKind::Object { .. }
                if binary.is_none() && !pat_suspends(target) =>
            {
                let value = Box::new(self.m_expr(mb, value)?);
                Ok(Expr::Destructure {
                    pattern: Box::new(self.pattern(target, false)?),
                    value,
                })
            }
            ast::PatKind::Array { .. } | ast::PatKind::Object { .. } if binary.is_none() => {
                // The value of `[a = yield] = v` is `v`.
                let v = self.m_expr(mb, value)?;
                let t = self.force_temp(mb, v);
                self.m_pattern(mb, target, t, false)?;
                Ok(tget(t))
            }
            _ => unsupported("yield/await in this assignment target", span),
        }
    }
}

impl<'a> Builder<'a> {
    /// A destructuring target that is not itself a pattern, its reference evaluated now
    /// (before the value is obtained): a property target's object and key go to temps.
    fn m_target_ref(&mut self, mb: &mut MB, p: &ast::Pat, init: bool) -> R<Target> {
        if let ast::PatKind::Expr(e) = &p.kind {
            if let ExprKind::Member {
                object,
                prop,
                optional: false,
            } = &strip_parens(e).kind
            {
                let o = self.m_expr(mb, object)?;
                let object = self.force(mb, o);
                // The key's value is taken now; ToPropertyKey waits for the put.
                let key = match prop {
                    ast::MemberProp::Computed(x) => {
                        let k = self.m_expr(mb, x)?;
                        Key::Computed(tget(self.force_temp(mb, k)))
                    }
                    _ => self.key(prop, e.span)?,
                };
                return Ok(Target::Member { object, key });
            }
            if expr_suspends(e) {
                return unsupported("yield/await in this assignment target", e.span);
            }
        }
        self.target(p, init)
    }

    /// One element or property of a suspending pattern: reference, then the value (`get`
    /// stores it in the temp it is given), its default when undefined, then the assignment
    /// (or the nested pattern).
    fn m_pat_elem(
        &mut self,
        mb: &mut MB,
        p: &ast::Pat,
        init: bool,
        get: impl FnOnce(&mut MB, Temp),
    ) -> R<()> {
        let (target, default) = match &p.kind {
            ast::PatKind::Default { target, default } => (&**target, Some(&**default)),
            _ => (p, None),
        };
        let nested = matches!(
            target.kind,
            ast::PatKind::Array { .. } | ast::PatKind::Object { .. }
        );
        let tref = if nested {
            None
        } else {
            Some(self.m_target_ref(mb, target, init)?)
        };
        let dst = mb.temp();
        get(mb, dst);
        if let Some(d) = default {
            let (def_b, after) = (mb.block(), mb.block());
            mb.end(
                Term::Branch {
                    test: Expr::Binary {
                        op: ast::BinaryOp::StrictEq,
                        left: Box::new(tget(dst)),
                        right: Box::new(undef()),
                    },
                    then: def_b,
                    alt: after,
                },
                def_b,
            );
            let v = match &target.kind {
                _ if expr_suspends(d) => self.m_expr(mb, d)?,
                ast::PatKind::Ident(id) => self.named_expr(d, &id.name)?,
                _ => self.expr(d)?,
            };
            mb.op(Op::Store(dst, v));
            mb.end(Term::Jump(after), after);
        }
        match tref {
            Some(target) => mb.op(Op::Stmt(Stmt::Bind {
                target,
                value: tget(dst),
            })),
            None => self.m_pattern(mb, target, dst, init)?,
        }
        Ok(())
    }

    /// Destructure the value in temp `v` into `pat` (binding initialisation when `init`,
    /// otherwise assignment). A pattern with suspension points is spelled out as ops, the
    /// steps `interp::pattern` takes: an array pattern is a finally-like region that closes
    /// the iterator on an abrupt completion (a throw, or a generator's `return()` while
    /// suspended inside) unless the iterator is done.
    pub(super) fn m_pattern(&mut self, mb: &mut MB, pat: &ast::Pat, v: Temp, init: bool) -> R<()> {
        if !pat_suspends(pat) {
            let target = self.target(pat, init)?;
            mb.op(Op::Stmt(Stmt::Bind {
                target,
                value: tget(v),
            }));
            return Ok(());
        }
        match &pat.kind {
            ast::PatKind::Array { elems, rest } => {
                let (iter, next, done, kind, val) =
                    (mb.temp(), mb.temp(), mb.temp(), mb.temp(), mb.temp());
                mb.op(Op::GetIter {
                    src: tget(v),
                    iter,
                    next,
                    is_async: false,
                });
                mb.op(Op::Store(done, Expr::Const(Value::Bool(false))));
                let outer = mb.region;
                let (close, after) = (mb.block(), mb.block());
                let region = mb.region(Handler::Finally {
                    block: close,
                    kind,
                    val,
                });
                mb.region = Some(region);
                let body = mb.block();
                mb.end(Term::Jump(body), body);
                for e in elems.iter() {
                    match e {
                        None => {
                            let dst = mb.temp();
                            mb.op(Op::PatStep {
                                iter,
                                next,
                                done,
                                dst,
                            });
                        }
                        Some(p) => self.m_pat_elem(mb, p, init, |mb, dst| {
                            mb.op(Op::PatStep {
                                iter,
                                next,
                                done,
                                dst,
                            })
                        })?,
                    }
                }
                if let Some(r) = rest {
                    self.m_pat_elem(mb, r, init, |mb, dst| {
                        mb.op(Op::PatRest {
                            iter,
                            next,
                            done,
                            dst,
                        })
                    })?;
                }
                mb.op(Op::Store(kind, num(COMPLETION_NORMAL)));
                mb.region = outer;
                let unreachable = mb.block();
                mb.end(Term::Enter(close), unreachable);
                mb.start(close);
                let (do_close, fin_end) = (mb.block(), mb.block());
                mb.end(
                    Term::Branch {
                        test: tget(done),
                        then: fin_end,
                        alt: do_close,
                    },
                    do_close,
                );
                mb.op(Op::CloseIter { iter, kind });
                mb.end(Term::Jump(fin_end), fin_end);
                mb.end(Term::EndFinally { kind, val, after }, after);
            }
            ast::PatKind::Object { props, rest } => {
                mb.op(Op::RequireCoercible(v));
                let mut used = Vec::new();
                for p in props.iter() {
                    let key = match &p.key {
                        ast::PropKey::Computed(x) => {
                            let k = self.m_expr(mb, x)?;
                            let t = self.force_temp(mb, k);
                            mb.op(Op::ToKey(t));
                            Key::Computed(tget(t))
                        }
                        k => self.prop_key(k)?,
                    };
                    if rest.is_some() {
                        used.push(key_clone(&key));
                    }
                    self.m_pat_elem(mb, &p.value, init, |mb, dst| {
                        mb.op(Op::Store(
                            dst,
                            Expr::Member {
                                object: Box::new(tget(v)),
                                key: Box::new(key),
                                pos: pat.span.start,
                            },
                        ))
                    })?;
                }
                if let Some(r) = rest {
                    let used = used.into_boxed_slice();
                    self.m_pat_elem(mb, r, init, |mb, dst| {
                        mb.op(Op::ObjectRest { src: v, used, dst })
                    })?;
                }
            }
            _ => {
                // An identifier or member target (only reached through a caller that did
                // not check for a pattern).
                let target = self.m_target_ref(mb, pat, init)?;
                mb.op(Op::Stmt(Stmt::Bind {
                    target,
                    value: tget(v),
                }));
            }
        }
        Ok(())
    }
}

/// A forced operand (a temp read or a constant) used twice.
fn o_clone(e: &Expr) -> Expr {
    match e {
        Expr::Get { place, tdz } => Expr::Get {
            place: *place,
            tdz: *tdz,
        },
        Expr::Const(v) => Expr::Const(v.clone()),
        _ => unreachable!("forced operands are temps or constants"),
    }
}

fn key_clone(k: &Key) -> Key {
    match k {
        Key::Named(a) => Key::Named(*a),
        Key::Computed(e) => Key::Computed(o_clone(e)),
        Key::Private(s) => Key::Private(s.clone()),
    }
}

impl<'a> Builder<'a> {
    /// For a generator or async function (already inside its scope): its machine and the
    /// frame's register count (bindings + temps). `None` for ordinary functions.
    pub(super) fn machine_for(
        &mut self,
        f: &ast::Function,
        scope: super::ScopeId,
        body_scope: Option<super::ScopeId>,
    ) -> R<Option<(Box<Machine>, u32)>> {
        let kind = match (f.is_async, f.is_generator) {
            (false, false) => return Ok(None),
            (true, false) => FnKind::Async,
            (false, true) => FnKind::Generator,
            (true, true) => FnKind::AsyncGenerator,
        };
        let mut mb = MB::new(kind, self.layout.registers[scope as usize]);
        match (body_scope, &f.body) {
            (Some(bs), ast::FunctionBody::Block(_)) => {
                // The body's own var scope (parameters with expressions): entered like a block,
                // parameter-shadowing vars copied in before the hoisted functions.
                self.stack.push(bs);
                let r = (|| {
                    let entered = mb.enter_env(self.env_shape(bs));
                    let tdz = self.tdz_regs(bs);
                    if !tdz.is_empty() {
                        mb.op(Op::Tdz(tdz));
                    }
                    for st in self.param_shadow_copies(scope, bs) {
                        mb.op(Op::Stmt(st));
                    }
                    self.machine_body(&mut mb, &f.body)?;
                    // Unreachable (every path returned) but keeps the depth bookkeeping even.
                    mb.exit_env(entered);
                    Ok(())
                })();
                self.stack.pop();
                r?;
            }
            _ => self.machine_body(&mut mb, &f.body)?,
        }
        let registers = mb.registers();
        Ok(Some((Box::new(mb.finish()), registers)))
    }
}
