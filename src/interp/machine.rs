//! Running the state machines of generators and async functions (`lower::machine`), and the
//! generator objects' resumption (GeneratorStart/GeneratorResume/GeneratorResumeAbrupt).
//!
//! A suspended call is a `Frame` on the heap: its registers (bindings and temps), its
//! environment chain, `this`, the block to resume at, its environment depth and where the
//! resumption value goes. Resuming pushes the registers back onto the value stack and runs
//! blocks with the normal evaluator; suspending moves them out again. No Rust stack is kept.
//!
//! Not here: the builtin prototypes (`builtins::generator`), promises and the job queue.

use super::function::{Env, FunctionData};
use super::{iter, ops, props, Interp, JsResult, Throw};
use crate::lower::machine::*;
use crate::lower::tree::Code;
use crate::value::gc::{Finalize, Gc, Trace};
use crate::value::object::{ObjectKind, ObjectPayload};
use crate::value::{atoms, JsObject, JsString, PropertyKey, Value};
use std::any::Any;
use std::rc::Rc;

/// Where a resumption's value goes.
#[derive(Clone, Copy, Debug)]
enum Slot {
    None,
    Value(Temp),
    /// `yield*`: the whole completion (kind, value) is handed to the delegation step.
    Completion {
        kind: Temp,
        val: Temp,
    },
}

/// A suspended call.
///
/// 64 bytes (the registers, and `this`/`super`/callee only when set, out of line): with the
/// promise and the payload's table an async call's state is one 80-byte block, 100,000
/// pending async calls (DESIGN §8).
pub struct Frame {
    code: Rc<Code>,
    /// `code.registers` values, moved to the value stack while the frame runs.
    regs: Box<[Value]>,
    env: Option<Gc<Env>>,
    /// `this`, `super`'s home object and active function, the callee: `None` while all are
    /// unset (undefined `this`, no `super`, a named function).
    extra: Option<Box<FrameExtra>>,
    block: BlockId,
    env_depth: u32,
    slot: Slot,
    /// Source offset where the call last stopped (its await or yield): the position of its
    /// stack frame when resumed, and of its `at async f (…)` line while it waits.
    pos: u32,
}

const _: () = assert!(size_of::<Frame>() == 64);

/// The rarer parts of a suspended frame.
#[derive(Default)]
struct FrameExtra {
    this: Value,
    /// `super`'s home object and the active function (methods using `super` only).
    home: Option<JsObject>,
    func: Option<JsObject>,
    /// The function object, kept when its code has no name (methods are named by their key
    /// at run time): names the resumed call's stack frame.
    callee: Option<JsObject>,
}

impl FrameExtra {
    /// `None` when every part is unset.
    #[inline]
    fn boxed(
        this: Value,
        home: Option<JsObject>,
        func: Option<JsObject>,
        callee: Option<JsObject>,
    ) -> Option<Box<FrameExtra>> {
        if matches!(this, Value::Undefined) && home.is_none() && func.is_none() && callee.is_none()
        {
            return None;
        }
        Some(Box::new(FrameExtra {
            this,
            home,
            func,
            callee,
        }))
    }
}

impl Frame {
    /// `this` (see [`pack_this`]).
    fn this(&self, global: &JsObject) -> Value {
        let this = self
            .extra
            .as_ref()
            .map_or(Value::Undefined, |x| x.this.clone());
        unpack_this(&self.code, this, global)
    }

    fn callee(&self) -> Option<&JsObject> {
        self.extra.as_ref()?.callee.as_ref()
    }
}

/// A sloppy function's `this` is never undefined (it is the global object for an undefined or
/// null receiver), so a frame stores the global object as undefined: most suspended calls
/// then need no `FrameExtra`. [`unpack_this`] undoes it.
fn pack_this(code: &Code, this: Value, global: &JsObject) -> Value {
    match &this {
        Value::Object(o)
            if code.this_mode == crate::lower::tree::ThisMode::Sloppy && o == global =>
        {
            Value::Undefined
        }
        _ => this,
    }
}

fn unpack_this(code: &Code, this: Value, global: &JsObject) -> Value {
    match this {
        Value::Undefined if code.this_mode == crate::lower::tree::ThisMode::Sloppy => {
            Value::Object(global.clone())
        }
        this => this,
    }
}

impl Finalize for Frame {}
// SAFETY: marks every register, the environment chain, `this` and the other objects.
unsafe impl Trace for Frame {
    crate::value::gc::custom_trace!(this, mark, {
        for v in this.regs.iter() {
            mark(v);
        }
        if let Some(e) = &this.env {
            mark(e);
        }
        if let Some(x) = &this.extra {
            mark(&x.this);
            if let Some(h) = &x.home {
                mark(h);
            }
            if let Some(f) = &x.func {
                mark(f);
            }
            if let Some(f) = &x.callee {
                mark(f);
            }
        }
    });
}

/// How a suspended frame is resumed.
pub enum Resume {
    /// First run from the entry block.
    Start,
    Next(Value),
    Throw(Value),
    Return(Value),
}

/// Why a run of a frame stopped (a throw out of the body is `Err(Throw)`).
pub enum Outcome {
    /// `yield v`: the caller wraps `v` in an iterator result.
    Yield(Value),
    /// `yield*` in a sync generator: the inner iterator's result object, as is.
    YieldRaw(Value),
    Await(Value),
    Return(Value),
}

enum Next {
    Fall,
    Goto(BlockId),
    Throw,
    Return(Value),
    Suspend(Outcome, BlockId, Slot),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    SuspendedStart,
    SuspendedYield,
    Executing,
    Completed,
}

/// A generator object's internal slots ([[GeneratorState]], [[GeneratorContext]]).
pub struct GeneratorData {
    pub state: GenState,
    pub frame: Option<Box<Frame>>,
}

impl Finalize for GeneratorData {}
// SAFETY: marks the suspended frame.
unsafe impl Trace for GeneratorData {
    crate::value::gc::custom_trace!(this, mark, {
        if let Some(f) = &this.frame {
            mark(&**f);
        }
    });
}

impl ObjectPayload for GeneratorData {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn with_generator<T>(obj: &JsObject, f: impl FnOnce(&mut GeneratorData) -> T) -> Option<T> {
    let mut data = obj.borrow_mut();
    match &mut data.kind {
        ObjectKind::Suspended(p) => p.as_any_mut().downcast_mut::<GeneratorData>().map(f),
        _ => None,
    }
}

fn completion_kind(v: &Value) -> f64 {
    match v {
        Value::Number(n) => *n,
        _ => COMPLETION_NORMAL,
    }
}

/// GetMethod(V, P): undefined for null/undefined, TypeError if not callable.
pub fn get_method(interp: &mut Interp, v: &Value, key: PropertyKey) -> JsResult<Value> {
    let f = props::get_value(interp, v, &key)?;
    if f.is_nullish() {
        return Ok(Value::Undefined);
    }
    if !super::function::is_callable(&f) {
        return Err(interp.throw_type_error("method is not a function"));
    }
    Ok(f)
}

/// The [[Call]] of a generator function (sync or async): FunctionDeclarationInstantiation
/// runs now (`call_closure` → `run_body` → `machine_start`), then the generator object takes
/// its prototype from the function's `prototype` property.
pub fn call_generator(
    interp: &mut Interp,
    callee: &JsObject,
    this: &Value,
    args: &[Value],
) -> JsResult<Value> {
    let Some((code, env)) = crate::interp::function::closure_parts(&callee.borrow().kind) else {
        return Err(Throw);
    };
    let base = interp.stack.len();
    interp.stack.extend_from_slice(args);
    let me = (code.uses_super || code.class_ctor.is_some()).then(|| callee.clone());
    let gen = interp.call_closure(&code, env, this.clone(), base, me, None)?;
    let proto = props::get(
        interp,
        &Value::Object(callee.clone()),
        &PropertyKey::String(atoms::PROTOTYPE),
    )?;
    if let (Value::Object(g), Value::Object(p)) = (&gen, proto) {
        g.borrow_mut().prototype = Some(p);
    }
    Ok(gen)
}

impl Interp {
    /// The function's [[Prototype]] for a closure of `code`.
    pub(super) fn function_proto_for(&self, code: &Code) -> JsObject {
        let i = &self.intrinsics;
        match code.machine.as_ref().map(|m| m.kind) {
            None => i.function_proto.clone(),
            Some(FnKind::Generator) => i.generator_function_proto.clone(),
            Some(FnKind::Async) => i.async_function_proto.clone(),
            Some(FnKind::AsyncGenerator) => i.async_generator_function_proto.clone(),
        }
    }

    /// Generator functions get a `prototype` object (no `constructor`) for their generators.
    pub(super) fn machine_prototype_prop(&self, code: &Code, f: &JsObject) {
        let proto = match code.machine.as_ref().map(|m| m.kind) {
            Some(FnKind::Generator) => &self.intrinsics.generator_proto,
            Some(FnKind::AsyncGenerator) => &self.intrinsics.async_generator_proto,
            _ => return,
        };
        let p = JsObject::ordinary(Some(proto.clone()));
        props::define_prototype(f, Value::Object(p));
    }

    /// Entered from `run_body` once the parameters are bound: make the suspended frame from
    /// the current registers (generators), or start running it (async functions).
    pub(super) fn machine_start(&mut self, code: &Rc<Code>, m: &Machine) -> JsResult<Value> {
        let n = code.registers as usize;
        let frame = Frame {
            code: code.clone(),
            regs: self.stack[self.base..self.base + n].into(),
            env: self.env.clone(),
            extra: FrameExtra::boxed(
                pack_this(code, self.this.clone(), &self.global),
                self.home.clone(),
                self.func.clone(),
                self.frames.last().and_then(|f| f.func.clone()),
            ),
            block: 0,
            env_depth: 0,
            slot: Slot::None,
            pos: code.span.start,
        };
        match m.kind {
            FnKind::Generator => {
                let obj = JsObject::new(
                    Some(self.intrinsics.generator_proto.clone()),
                    ObjectKind::Suspended(crate::value::object::PayloadBox::new(GeneratorData {
                        state: GenState::SuspendedStart,
                        frame: Some(Box::new(frame)),
                    })),
                );
                Ok(Value::Object(obj))
            }
            FnKind::AsyncGenerator => Ok(self.async_generator_start(frame)),
            FnKind::Async => Ok(self.async_function_start(frame)),
        }
    }

    /// A parameter initialiser threw: an async function returns a rejected promise
    /// (EvaluateAsyncFunctionBody); everything else throws.
    pub(super) fn machine_param_error(&mut self, code: &Code, t: Throw) -> JsResult<Value> {
        if code.machine.as_ref().map(|m| m.kind) != Some(FnKind::Async) {
            return Err(t);
        }
        let e = std::mem::take(&mut self.exception);
        let promise = crate::builtins::promise::new_promise(self);
        crate::builtins::promise::reject_promise(self, &promise, e);
        Ok(Value::Object(promise))
    }

    /// GeneratorResume / GeneratorResumeAbrupt for `%GeneratorPrototype%.next/return/throw`.
    pub fn generator_resume(&mut self, gen: &Value, how: Resume, method: &str) -> JsResult<Value> {
        let obj = match gen {
            Value::Object(o) if with_generator(o, |_| ()).is_some() => o.clone(),
            _ => {
                let s = crate::builtins::console::inspect_short(gen);
                return Err(self.throw_type_error(&format!(
                    "{method} method called on incompatible receiver {s}"
                )));
            }
        };
        let state = with_generator(&obj, |g| g.state).expect("checked");
        let how = match (state, how) {
            (GenState::Executing, _) => {
                return Err(self.throw_type_error("Generator is already running"))
            }
            (GenState::SuspendedStart, Resume::Next(_)) => Resume::Start,
            (GenState::SuspendedStart, how) => {
                with_generator(&obj, |g| {
                    g.state = GenState::Completed;
                    g.frame = None;
                });
                return self.completed_generator(how);
            }
            (GenState::Completed, how) => return self.completed_generator(how),
            (_, how) => how,
        };
        let mut frame = with_generator(&obj, |g| {
            g.state = GenState::Executing;
            g.frame.take()
        })
        .flatten()
        .expect("a suspended generator has its frame");
        let r = self.resume_frame(&mut frame, how);
        let (state, keep) = match &r {
            Ok(Outcome::Yield(_) | Outcome::YieldRaw(_) | Outcome::Await(_)) => {
                (GenState::SuspendedYield, true)
            }
            _ => (GenState::Completed, false),
        };
        with_generator(&obj, |g| {
            g.state = state;
            if keep {
                g.frame = Some(frame);
            }
        });
        match r? {
            Outcome::Yield(v) => Ok(iter::iter_result(self, v, false)),
            Outcome::YieldRaw(r) => Ok(r),
            Outcome::Return(v) => Ok(iter::iter_result(self, v, true)),
            Outcome::Await(_) => Err(self.throw_type_error("await in a sync generator")),
        }
    }

    fn completed_generator(&mut self, how: Resume) -> JsResult<Value> {
        match how {
            Resume::Throw(e) => {
                self.exception = e;
                Err(Throw)
            }
            Resume::Return(v) => Ok(iter::iter_result(self, v, true)),
            _ => Ok(iter::iter_result(self, Value::Undefined, true)),
        }
    }

    /// Run a suspended frame until it suspends again, returns or throws.
    pub fn resume_frame(&mut self, frame: &mut Frame, how: Resume) -> JsResult<Outcome> {
        if self.depth >= self.budget.max_depth {
            return Err(self.depth_exceeded());
        }
        let base = self.stack.len();
        // The registers move to the stack and back with two copies and no allocation: the
        // box becomes a vector of the same capacity, emptied by `append`, refilled below.
        let mut regs = Vec::from(std::mem::take(&mut frame.regs));
        self.stack.append(&mut regs);
        let saved_base = std::mem::replace(&mut self.base, base);
        let saved_env = std::mem::replace(&mut self.env, frame.env.take());
        let (this, home, func) = match frame.extra.as_deref_mut() {
            Some(x) => (std::mem::take(&mut x.this), x.home.take(), x.func.take()),
            None => (Value::Undefined, None, None),
        };
        let this = unpack_this(&frame.code, this, &self.global);
        let saved_this = std::mem::replace(&mut self.this, this);
        let saved_home = std::mem::replace(&mut self.home, home);
        let saved_func = std::mem::replace(&mut self.func, func);
        self.depth += 1;
        let code = frame.code.clone();
        // A resumption from a job (await, next()) runs in the function's own strictness.
        let saved_strict = std::mem::replace(&mut self.strict, code.strict);
        // A resumed call gets its stack frame back (the first run of an async body is still
        // inside the frame of its call).
        let own_frame = !self
            .frames
            .last()
            .is_some_and(|f| Rc::ptr_eq(&f.code, &code));
        if own_frame {
            self.push_frame(&code, super::stack::FrameKind::Call, frame.callee());
            self.set_pos(frame.pos);
        }
        let m = code.machine.as_ref().expect("a frame runs a machine");
        let r = self.exec(m, frame, how);
        if let Some(f) = self.frames.last() {
            frame.pos = f.pos;
        }
        if own_frame {
            self.pop_frame();
        }
        self.strict = saved_strict;
        self.depth -= 1;
        let n = code.registers as usize;
        self.stack.truncate(base + n);
        if self.stack.len() == base + n {
            regs.reserve_exact(n);
            // SAFETY: `self.stack[base..base + n]` are `n` initialised values (the length is
            // exactly `base + n`, checked above); `regs` is empty (`append` moved everything
            // out of it) with capacity ≥ `n` (`reserve_exact`), and it is a different
            // allocation from the stack's, so the copy does not overlap. The values are moved
            // bitwise: `set_len(base)` forgets them on the stack and `set_len(n)` makes `regs`
            // own them, so each is owned exactly once and nothing is dropped twice or leaked.
            // Nothing between the copy and the two `set_len`s can panic.
            unsafe {
                std::ptr::copy_nonoverlapping(self.stack.as_ptr().add(base), regs.as_mut_ptr(), n);
                self.stack.set_len(base);
                regs.set_len(n);
            }
        } else {
            regs.extend(self.stack.drain(base..));
        }
        frame.regs = regs.into_boxed_slice();
        frame.env = std::mem::replace(&mut self.env, saved_env);
        let this = pack_this(
            &frame.code,
            std::mem::replace(&mut self.this, saved_this),
            &self.global,
        );
        let home = std::mem::replace(&mut self.home, saved_home);
        let func = std::mem::replace(&mut self.func, saved_func);
        match frame.extra.as_deref_mut() {
            Some(x) => {
                x.this = this;
                x.home = home;
                x.func = func;
            }
            None => frame.extra = FrameExtra::boxed(this, home, func, None),
        }
        self.base = saved_base;
        r
    }

    #[inline]
    fn reg(&self, t: Temp) -> &Value {
        &self.stack[self.base + t as usize]
    }

    #[inline]
    fn set_reg(&mut self, t: Temp, v: Value) {
        self.stack[self.base + t as usize] = v;
    }

    fn pop_env(&mut self, frame: &mut Frame, to: u32) {
        while frame.env_depth > to {
            let parent = self.env.as_ref().and_then(|e| e.parent.clone());
            self.env = parent;
            frame.env_depth -= 1;
        }
    }

    /// Jump from the current block to `target`, running (first) the finally of every region
    /// left on the way.
    #[inline]
    fn goto(&mut self, m: &Machine, frame: &mut Frame, target: BlockId) -> BlockId {
        if m.blocks[frame.block as usize].region.is_none() {
            // No region to leave: only the environment records pushed since the target's
            // entry go.
            let depth = m.blocks[target as usize].depth;
            if frame.env_depth > depth {
                self.pop_env(frame, depth);
            }
            return target;
        }
        self.goto_regions(m, frame, target)
    }

    #[inline(never)]
    fn goto_regions(&mut self, m: &Machine, frame: &mut Frame, target: BlockId) -> BlockId {
        let to = m.blocks[target as usize].region;
        let mut r = m.blocks[frame.block as usize].region;
        while let Some(ri) = r {
            if is_within(m, to, ri) {
                break;
            }
            if let Handler::Finally { block, kind, val } = m.regions[ri as usize].handler {
                self.set_reg(kind, Value::Number(COMPLETION_JUMP + target as f64));
                self.set_reg(val, Value::Undefined);
                self.pop_env(frame, m.blocks[block as usize].depth);
                return block;
            }
            r = m.regions[ri as usize].parent;
        }
        self.pop_env(frame, m.blocks[target as usize].depth);
        target
    }

    /// A throw (value in `self.exception`) in the current block: the handler block, if any.
    fn catch(&mut self, m: &Machine, frame: &mut Frame) -> Option<BlockId> {
        let ri = m.blocks[frame.block as usize].region?;
        let exc = std::mem::take(&mut self.exception);
        let block = match m.regions[ri as usize].handler {
            Handler::Catch { block, exc: t } => {
                self.set_reg(t, exc);
                block
            }
            Handler::Finally { block, kind, val } => {
                self.set_reg(kind, Value::Number(COMPLETION_THROW));
                self.set_reg(val, exc);
                block
            }
        };
        self.pop_env(frame, m.blocks[block as usize].depth);
        Some(block)
    }

    /// `return v` in the current block: the innermost finally, or `None` to complete.
    fn route_return(&mut self, m: &Machine, frame: &mut Frame, v: &Value) -> Option<BlockId> {
        let mut r = m.blocks[frame.block as usize].region;
        while let Some(ri) = r {
            if let Handler::Finally { block, kind, val } = m.regions[ri as usize].handler {
                self.set_reg(kind, Value::Number(COMPLETION_RETURN));
                self.set_reg(val, v.clone());
                self.pop_env(frame, m.blocks[block as usize].depth);
                return Some(block);
            }
            r = m.regions[ri as usize].parent;
        }
        None
    }

    fn exec(&mut self, m: &Machine, frame: &mut Frame, how: Resume) -> JsResult<Outcome> {
        let top = self.base + frame.code.registers as usize;
        let depth = self.depth;
        let first = match how {
            Resume::Start => Next::Goto(0),
            Resume::Next(v) => {
                match frame.slot {
                    Slot::Value(t) => self.set_reg(t, v),
                    Slot::Completion { kind, val } => {
                        self.set_reg(kind, Value::Number(COMPLETION_NORMAL));
                        self.set_reg(val, v);
                    }
                    Slot::None => {}
                }
                Next::Goto(frame.block)
            }
            Resume::Throw(e) => match frame.slot {
                Slot::Completion { kind, val } => {
                    self.set_reg(kind, Value::Number(COMPLETION_THROW));
                    self.set_reg(val, e);
                    Next::Goto(frame.block)
                }
                _ => {
                    self.exception = e;
                    Next::Throw
                }
            },
            Resume::Return(v) => match frame.slot {
                Slot::Completion { kind, val } => {
                    self.set_reg(kind, Value::Number(COMPLETION_RETURN));
                    self.set_reg(val, v);
                    Next::Goto(frame.block)
                }
                _ => Next::Return(v),
            },
        };
        let mut next = first;
        loop {
            let b = match next {
                Next::Goto(b) => b,
                Next::Fall => unreachable!("handled by run_block"),
                Next::Throw => {
                    self.stack.truncate(top);
                    self.depth = depth;
                    if self.interrupted() {
                        return Err(Throw); // a termination skips catch and finally
                    }
                    match self.catch(m, frame) {
                        Some(b) => b,
                        None => return Err(Throw),
                    }
                }
                Next::Return(v) => match self.route_return(m, frame, &v) {
                    Some(b) => b,
                    None => return Ok(Outcome::Return(v)),
                },
                Next::Suspend(out, resume, slot) => {
                    frame.block = resume;
                    frame.slot = slot;
                    return Ok(out);
                }
            };
            frame.block = b;
            // Loops in a state machine are jumps between blocks: the budget check of loop
            // back-edges happens here.
            if self.check_interrupt().is_err() {
                next = Next::Throw;
                continue;
            }
            next = self.run_block(m, frame, b);
        }
    }

    /// Run block `b` and the blocks it jumps or branches to, until a terminator that leaves
    /// the chain (suspension, return, throw, the rarer terminators). `frame.block` is the
    /// running block throughout; a jump to a block numbered at or below the current one is
    /// a possible loop back-edge and ticks the budget (every cycle of blocks has one).
    fn run_block(&mut self, m: &Machine, frame: &mut Frame, mut b: BlockId) -> Next {
        loop {
            let blk = &m.blocks[b as usize];
            for op in blk.ops.iter() {
                let r = match op {
                    Op::Expr(e) => self.expr(e).map(|_| Next::Fall),
                    Op::Store(t, e) => match self.expr(e) {
                        Ok(v) => {
                            self.set_reg(*t, v);
                            Ok(Next::Fall)
                        }
                        Err(t) => Err(t),
                    },
                    Op::Stmt(s) => match self.stmt(s) {
                        Ok(super::Flow::Normal) => Ok(Next::Fall),
                        Ok(flow) => Ok(self.stmt_exit(m, frame, flow)),
                        Err(t) => Err(t),
                    },
                    op => self.op(m, frame, op),
                };
                match r {
                    Ok(Next::Fall) => {}
                    Ok(n) => return n,
                    Err(Throw) => return Next::Throw,
                }
            }
            let t = match &blk.term {
                Term::Jump(t) => self.goto(m, frame, *t),
                Term::Branch { test, then, alt } => match self.expr(test) {
                    Ok(v) => {
                        let t = if v.to_boolean() { *then } else { *alt };
                        self.goto(m, frame, t)
                    }
                    Err(Throw) => return Next::Throw,
                },
                term => {
                    return match self.term(m, frame, term) {
                        Ok(n) => n,
                        Err(Throw) => Next::Throw,
                    }
                }
            };
            frame.block = t;
            if t <= b && self.check_interrupt().is_err() {
                return Next::Throw;
            }
            b = t;
        }
    }

    fn label_target(m: &Machine, label: u32, is_continue: bool) -> BlockId {
        m.labels
            .iter()
            .find(|l| l.0 == label)
            .map(|l| if is_continue { l.2 } else { l.1 })
            .expect("lowering registered every label a statement can leave through")
    }

    /// A `break`/`continue`/`return` leaving a yield-free statement (`Op::Stmt`).
    #[inline(never)]
    fn stmt_exit(&mut self, m: &Machine, frame: &mut Frame, flow: super::Flow) -> Next {
        match flow {
            super::Flow::Normal => Next::Fall,
            super::Flow::Break(l) => {
                let t = Self::label_target(m, l, false);
                Next::Goto(self.goto(m, frame, t))
            }
            super::Flow::Continue(l) => {
                let t = Self::label_target(m, l, true);
                Next::Goto(self.goto(m, frame, t))
            }
            super::Flow::Return => Next::Return(std::mem::take(&mut self.ret)),
        }
    }

    #[inline(never)]
    fn op(&mut self, m: &Machine, frame: &mut Frame, op: &Op) -> JsResult<Next> {
        match op {
            Op::Expr(e) => {
                self.expr(e)?;
            }
            Op::Store(t, e) => {
                let v = self.expr(e)?;
                self.set_reg(*t, v);
            }
            Op::Stmt(s) => match self.stmt(s)? {
                super::Flow::Normal => {}
                flow => return Ok(self.stmt_exit(m, frame, flow)),
            },
            Op::EnterEnv(shape) => {
                let new = Env::new(shape, self.env.take(), &self.uninit);
                self.env = Some(new);
                frame.env_depth += 1;
            }
            Op::EnterWith(shape, object) => {
                let v = self.expr(object)?;
                let o = super::ops::to_object(self, &v)?;
                let new = Env::new(shape, self.env.take(), &self.uninit);
                new.set(0, Value::Object(o));
                self.env = Some(new);
                frame.env_depth += 1;
            }
            Op::ExitEnv => {
                let d = frame.env_depth.saturating_sub(1);
                self.pop_env(frame, d);
            }
            Op::CopyEnv => {
                if let Some(env) = self.env.clone() {
                    self.env = Some(env.copy());
                }
            }
            Op::FreshEnv(shape) => {
                let parent = self.env.as_ref().and_then(|e| e.parent.clone());
                self.env = Some(Env::new(shape, parent, &self.uninit));
            }
            Op::Tdz(regs) => {
                for &r in regs.iter() {
                    let u = self.uninit.clone();
                    self.set_reg(r, u);
                }
            }
            Op::Closure(place, code) => {
                let f = self.make_closure(code);
                self.write_place(*place, f);
            }
            Op::GlobalClosure(name, code) => {
                let f = self.make_closure(code);
                let global = Value::Object(self.global.clone());
                props::set(self, &global, PropertyKey::String(*name), f)?;
            }
            Op::CallThis {
                dst,
                func,
                this,
                args,
            } => {
                let f = self.expr(func)?;
                let this = self.expr(this)?;
                let base = self.stack.len();
                self.push_args(args)?;
                let args: Vec<Value> = self.stack.drain(base..).collect();
                let r = self.call(&f, this, &args)?;
                self.set_reg(*dst, r);
            }
            Op::GetIter {
                src,
                iter: it,
                next,
                is_async,
            } => {
                let v = self.expr(src)?;
                let rec = if *is_async {
                    crate::builtins::generator::get_async_iterator(self, &v)?
                } else {
                    iter::get_iterator(self, &v)?
                };
                self.set_reg(*it, rec.iterator);
                self.set_reg(*next, rec.next);
            }
            Op::CloseIter { iter: it, kind } => {
                let throwing = completion_kind(self.reg(*kind)) == COMPLETION_THROW;
                let iterator = self.reg(*it).clone();
                let r = (|| {
                    let ret = get_method(self, &iterator, PropertyKey::String(atoms::RETURN))?;
                    if ret.is_undefined() {
                        return Ok(());
                    }
                    let result = self.call(&ret, iterator.clone(), &[])?;
                    if !throwing && !matches!(result, Value::Object(_)) {
                        return Err(self.throw_type_error("Iterator result is not an object"));
                    }
                    Ok(())
                })();
                if !throwing {
                    r?;
                } else {
                    self.exception = Value::Undefined;
                }
            }
            Op::CallReturn {
                iter: it,
                kind,
                dst,
            } => {
                let throwing = completion_kind(self.reg(*kind)) == COMPLETION_THROW;
                let iterator = self.reg(*it).clone();
                let r = (|| {
                    let ret = get_method(self, &iterator, PropertyKey::String(atoms::RETURN))?;
                    if ret.is_undefined() {
                        return Ok(None);
                    }
                    self.call(&ret, iterator.clone(), &[]).map(Some)
                })();
                let v = match r {
                    Ok(Some(v)) => (Value::Bool(true), v),
                    Ok(None) => (Value::Bool(false), Value::Undefined),
                    Err(t) if !throwing => return Err(t),
                    Err(_) => {
                        self.exception = Value::Undefined;
                        (Value::Bool(false), Value::Undefined)
                    }
                };
                self.set_reg(*dst, v.0);
                self.set_reg(*dst + 1, v.1);
            }
            Op::CheckReturn { kind, value } => {
                let throwing = completion_kind(self.reg(*kind)) == COMPLETION_THROW;
                if !throwing && !matches!(self.reg(*value), Value::Object(_)) {
                    return Err(self.throw_type_error("Iterator result is not an object"));
                }
            }
            Op::ForInKeys { src, dst } => {
                let v = self.expr(src)?;
                let keys = match &v {
                    Value::Undefined | Value::Null => Vec::new(),
                    v => props::enumerable_string_keys(self, v)?,
                };
                let keys: Vec<Value> = keys
                    .into_iter()
                    .map(|k| match k {
                        PropertyKey::Index(i) => Value::String(JsString::from(i.to_string())),
                        other => other.to_value(),
                    })
                    .collect();
                let arr = self.new_array(keys);
                self.set_reg(*dst, Value::Object(arr));
                self.set_reg(*dst + 1, Value::Number(0.0));
            }
            Op::PatStep {
                iter: it,
                next,
                done,
                dst,
            } => {
                let v = self.pat_step(*it, *next, *done)?;
                self.set_reg(*dst, v.unwrap_or_default());
            }
            Op::PatRest {
                iter: it,
                next,
                done,
                dst,
            } => {
                let mut items = Vec::new();
                while let Some(v) = self.pat_step(*it, *next, *done)? {
                    items.push(v);
                }
                let arr = self.new_array(items);
                self.set_reg(*dst, Value::Object(arr));
            }
            Op::RequireCoercible(t) => {
                let v = self.reg(*t);
                if v.is_nullish() {
                    let what = if v.is_undefined() {
                        "undefined"
                    } else {
                        "null"
                    };
                    let msg = format!("Cannot destructure '{what}' as it is {what}.");
                    return Err(self.throw_type_error(&msg));
                }
            }
            Op::ToKey(t) => {
                let v = self.reg(*t).clone();
                let k = ops::to_property_key(self, &v)?;
                self.set_reg(*t, k.to_value());
            }
            Op::ObjectRest { src, used, dst } => {
                let mut keys = Vec::with_capacity(used.len());
                for k in used.iter() {
                    keys.push(self.key(k)?);
                }
                let src = self.reg(*src).clone();
                let obj = JsObject::ordinary(Some(self.intrinsics.object_proto.clone()));
                super::pattern::copy_except(self, &obj, &src, &keys)?;
                self.set_reg(*dst, Value::Object(obj));
            }
        }
        Ok(Next::Fall)
    }

    /// IteratorStepValue over an iterator record kept in temps (`done` a boolean temp).
    fn pat_step(&mut self, it: Temp, next: Temp, done: Temp) -> JsResult<Option<Value>> {
        let mut rec = iter::IteratorRecord {
            iterator: self.reg(it).clone(),
            next: self.reg(next).clone(),
            done: self.reg(done).to_boolean(),
        };
        let r = iter::step_value(self, &mut rec);
        self.set_reg(done, Value::Bool(rec.done));
        r
    }

    #[inline(never)]
    fn term(&mut self, m: &Machine, frame: &mut Frame, term: &Term) -> JsResult<Next> {
        Ok(match term {
            Term::Jump(t) => Next::Goto(self.goto(m, frame, *t)),
            Term::Enter(t) => {
                self.pop_env(frame, m.blocks[*t as usize].depth);
                Next::Goto(*t)
            }
            Term::Branch { test, then, alt } => {
                let t = if self.expr(test)?.to_boolean() {
                    *then
                } else {
                    *alt
                };
                Next::Goto(self.goto(m, frame, t))
            }
            Term::Return(e) => Next::Return(self.expr(e)?),
            Term::Throw(e) => {
                self.exception = self.expr(e)?;
                Next::Throw
            }
            Term::Yield { value, dst, resume } => {
                let v = self.expr(value)?;
                Next::Suspend(Outcome::Yield(v), *resume, Slot::Value(*dst))
            }
            Term::Await {
                value,
                dst,
                resume,
                pos,
            } => {
                let v = self.expr(value)?;
                if *pos != u32::MAX {
                    // Where the suspended call waits (its `at async f (…)` frame).
                    self.set_pos(*pos);
                }
                Next::Suspend(Outcome::Await(v), *resume, Slot::Value(*dst))
            }
            Term::YieldStar(ys) => {
                if ys.is_async {
                    return self.async_yield_star(m, frame, ys);
                }
                self.yield_star(m, frame, ys)?
            }
            Term::EndFinally { kind, val, after } => {
                let k = completion_kind(self.reg(*kind));
                if k == COMPLETION_NORMAL {
                    Next::Goto(self.goto(m, frame, *after))
                } else if k == COMPLETION_THROW {
                    self.exception = self.reg(*val).clone();
                    Next::Throw
                } else if k == COMPLETION_RETURN {
                    Next::Return(self.reg(*val).clone())
                } else {
                    let target = (k - COMPLETION_JUMP) as BlockId;
                    Next::Goto(self.goto(m, frame, target))
                }
            }
            Term::IterStep {
                iter: it,
                next,
                dst,
                body,
                done,
            } => {
                let f = self.reg(*next).clone();
                let iterator = self.reg(*it).clone();
                let r = self.call(&f, iterator, &[])?;
                if !matches!(r, Value::Object(_)) {
                    let s = crate::builtins::console::inspect_short(&r);
                    return Err(
                        self.throw_type_error(&format!("Iterator result {s} is not an object"))
                    );
                }
                if props::get(self, &r, &PropertyKey::String(atoms::DONE))?.to_boolean() {
                    Next::Goto(self.goto(m, frame, *done))
                } else {
                    let v = props::get(self, &r, &PropertyKey::String(atoms::VALUE))?;
                    self.set_reg(*dst, v);
                    Next::Goto(self.goto(m, frame, *body))
                }
            }
            Term::AsyncIterNext {
                iter: it,
                next,
                dst,
                resume,
            } => {
                let f = self.reg(*next).clone();
                let iterator = self.reg(*it).clone();
                let r = self.call(&f, iterator, &[])?;
                self.set_reg(*dst, r);
                Next::Goto(self.goto(m, frame, *resume))
            }
            Term::AsyncIterCheck {
                result,
                dst,
                body,
                done,
            } => {
                let r = self.reg(*result).clone();
                if !matches!(r, Value::Object(_)) {
                    let s = crate::builtins::console::inspect_short(&r);
                    return Err(
                        self.throw_type_error(&format!("Iterator result {s} is not an object"))
                    );
                }
                if props::get(self, &r, &PropertyKey::String(atoms::DONE))?.to_boolean() {
                    Next::Goto(self.goto(m, frame, *done))
                } else {
                    let v = props::get(self, &r, &PropertyKey::String(atoms::VALUE))?;
                    self.set_reg(*dst, v);
                    Next::Goto(self.goto(m, frame, *body))
                }
            }
            Term::ForInStep {
                keys,
                object,
                dst,
                body,
                done,
            } => {
                let arr = self.reg(*keys).clone();
                let obj = self.reg(*object).clone();
                loop {
                    let i = match self.reg(*keys + 1) {
                        Value::Number(n) => *n as u32,
                        _ => 0,
                    };
                    let len = match &arr {
                        Value::Object(a) => match &a.borrow().kind {
                            ObjectKind::Array(d) => d.length,
                            _ => 0,
                        },
                        _ => 0,
                    };
                    if i >= len {
                        break Next::Goto(self.goto(m, frame, *done));
                    }
                    self.set_reg(*keys + 1, Value::Number(i as f64 + 1.0));
                    let k = props::get(self, &arr, &PropertyKey::Index(i))?;
                    let key = ops::to_property_key(self, &k)?;
                    if props::has_property(self, &obj, &key)? {
                        self.set_reg(*dst, k);
                        break Next::Goto(self.goto(m, frame, *body));
                    }
                }
            }
            Term::Unreachable => Next::Return(Value::Undefined),
        })
    }

    /// One step of `yield*` in a sync generator (ECMA-262 §15.5.5, the delegation loop body):
    /// forward the received completion to the inner iterator; done → the value (or a return
    /// for a return completion); not done → yield the inner result object as is.
    fn yield_star(&mut self, m: &Machine, frame: &mut Frame, ys: &YieldStar) -> JsResult<Next> {
        let kind = completion_kind(self.reg(ys.kind));
        let received = self.reg(ys.val).clone();
        let iterator = self.reg(ys.iter).clone();
        let result = if kind == COMPLETION_NORMAL {
            let next = self.reg(ys.next).clone();
            self.call(&next, iterator.clone(), &[received])?
        } else if kind == COMPLETION_THROW {
            let throw = get_method(self, &iterator, PropertyKey::String(atoms::THROW))?;
            if throw.is_undefined() {
                // Protocol violation: close the inner iterator, then a TypeError.
                let rec = iter::IteratorRecord {
                    iterator: iterator.clone(),
                    next: Value::Undefined,
                    done: false,
                };
                iter::close(self, &rec, false)?;
                return Err(self.throw_type_error("The iterator does not provide a 'throw' method"));
            }
            self.call(&throw, iterator.clone(), &[received])?
        } else {
            let ret = get_method(self, &iterator, PropertyKey::String(atoms::RETURN))?;
            if ret.is_undefined() {
                return Ok(Next::Return(received));
            }
            self.call(&ret, iterator.clone(), &[received])?
        };
        if !matches!(result, Value::Object(_)) {
            let s = crate::builtins::console::inspect_short(&result);
            return Err(self.throw_type_error(&format!("Iterator result {s} is not an object")));
        }
        let done = props::get(self, &result, &PropertyKey::String(atoms::DONE))?.to_boolean();
        if done {
            let v = props::get(self, &result, &PropertyKey::String(atoms::VALUE))?;
            if kind == COMPLETION_RETURN {
                return Ok(Next::Return(v));
            }
            self.set_reg(ys.dst, v);
            return Ok(Next::Goto(self.goto(m, frame, ys.done)));
        }
        Ok(Next::Suspend(
            Outcome::YieldRaw(result),
            frame.block,
            Slot::Completion {
                kind: ys.kind,
                val: ys.val,
            },
        ))
    }
}

// ───────────── async functions ─────────────

/// An async function call's internal state: its suspended frame (while awaiting) and the
/// promise its caller got. Its awaits resume it through `ReactionCapability::Await(state)`
/// (no handler function objects). The frame is held inline: one block per suspended call.
pub struct AsyncData {
    frame: Option<Frame>,
    promise: JsObject,
}

impl Finalize for AsyncData {}
// SAFETY: marks the frame and the promise.
unsafe impl Trace for AsyncData {
    crate::value::gc::custom_trace!(this, mark, {
        if let Some(f) = &this.frame {
            mark(f);
        }
        mark(&this.promise);
    });
}

impl ObjectPayload for AsyncData {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn with_async<T>(obj: &JsObject, f: impl FnOnce(&mut AsyncData) -> T) -> Option<T> {
    let mut data = obj.borrow_mut();
    match &mut data.kind {
        ObjectKind::Suspended(p) => p.as_any_mut().downcast_mut::<AsyncData>().map(f),
        _ => None,
    }
}

/// An await handler: a native closure whose slot 0 is the suspended call. Bare (no `length`/
/// `name` properties): it is never reachable from JS. Only the async generator's return
/// awaits use these; plain awaits need no handler objects (`await_resuming`).
pub(crate) fn await_handler(
    interp: &Interp,
    f: super::function::NativeClosureFn,
    state: &JsObject,
) -> JsObject {
    JsObject::new(
        Some(interp.intrinsics.function_proto.clone()),
        ObjectKind::Function(Box::new(FunctionData::NativeClosure {
            f,
            slots: Box::new([Value::Object(state.clone())]),
            is_constructor: false,
        })),
    )
}

/// The async call whose `await` is waiting on `promise` (its reaction resumes that call),
/// if any.
fn awaiting_call(promise: &JsObject) -> Option<JsObject> {
    let data = promise.borrow();
    let ObjectKind::Promise(p) = &data.kind else {
        return None;
    };
    let crate::value::object::PromiseState::Pending { reactions } = &p.state else {
        return None;
    };
    reactions.iter().find_map(|r| r.awaiting_state().cloned())
}

impl Interp {
    /// AsyncFunctionStart: run the body now, up to its first `await`; the caller gets the
    /// promise.
    fn async_function_start(&mut self, frame: Frame) -> Value {
        let promise = crate::builtins::promise::new_promise(self);
        let state = JsObject::new(
            None,
            ObjectKind::Suspended(crate::value::object::PayloadBox::new(AsyncData {
                frame: None,
                promise: promise.clone(),
            })),
        );
        self.async_run(&state, frame, Resume::Start);
        Value::Object(promise)
    }

    /// Resume a suspended async call or async generator (from an await's reaction job).
    pub(crate) fn async_resume(&mut self, state: &JsObject, how: Resume) {
        if let Some(Some(frame)) = with_async(state, |a| a.frame.take()) {
            // Resumed from a job with no JS frame below it: the calls awaiting this one form
            // its async stack trace (`async_stack_text`).
            let root = self.frames.is_empty().then(|| state.clone());
            let saved = std::mem::replace(&mut self.async_root, root);
            self.async_run(state, frame, how);
            self.async_root = saved;
        } else {
            self.ag_await_resume(state, how);
        }
    }

    /// V8's async stack trace: the `    at async f (file:line:col)` lines of the async calls
    /// waiting, one on the next, on the promise of the call resumed at the bottom of the
    /// stack (each await's reaction on a promise is an await handler naming its call).
    /// At most `limit` lines; empty when the bottom frame was not resumed from a job.
    pub(crate) fn async_stack_text(&self, limit: usize) -> String {
        let mut out = String::new();
        let mut state = self.async_root.clone();
        let mut lines = 0;
        while let Some(st) = state {
            if lines >= limit {
                break;
            }
            let awaiter = with_async(&st, |a| a.promise.clone()).and_then(|p| awaiting_call(&p));
            if let Some(aw) = &awaiter {
                let at = with_async(aw, |a| {
                    a.frame.as_ref().map(|f| {
                        (
                            f.code.clone(),
                            f.pos,
                            f.this(&self.global),
                            f.callee().cloned(),
                        )
                    })
                });
                let Some(Some((code, pos, this, callee))) = at else {
                    break;
                };
                out.push('\n');
                out.push_str(&self.async_frame_text(&code, pos, &this, callee.as_ref()));
                lines += 1;
            }
            state = awaiter;
        }
        out
    }

    /// Run until the next await (Await: PromiseResolve + PerformPromiseThen with the call's
    /// handlers), or settle the call's promise on return/throw.
    fn async_run(&mut self, state: &JsObject, mut frame: Frame, mut how: Resume) {
        loop {
            match self.resume_frame(&mut frame, how) {
                Ok(Outcome::Await(v)) => {
                    match crate::builtins::promise::await_resuming(self, v, state) {
                        Ok(()) => {
                            with_async(state, |a| a.frame = Some(frame));
                            return;
                        }
                        // PromiseResolve threw (a `constructor` getter): thrown at the await.
                        Err(Throw) => how = Resume::Throw(std::mem::take(&mut self.exception)),
                    }
                }
                Ok(Outcome::Return(v) | Outcome::Yield(v) | Outcome::YieldRaw(v)) => {
                    let p = with_async(state, |a| a.promise.clone()).expect("async state");
                    crate::builtins::promise::resolve_promise(self, &p, v);
                    return;
                }
                Err(Throw) => {
                    let e = std::mem::take(&mut self.exception);
                    let p = with_async(state, |a| a.promise.clone()).expect("async state");
                    crate::builtins::promise::reject_promise(self, &p, e);
                    return;
                }
            }
        }
    }
}

// ───────────── async generators ─────────────

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgState {
    SuspendedStart,
    SuspendedYield,
    Executing,
    /// Completed with requests still queued (the spec's draining-queue: a `return` request's
    /// value is being awaited).
    DrainingQueue,
    Completed,
}

/// One queued `next`/`throw`/`return` call (AsyncGeneratorRequest).
struct Request {
    how: Resume,
    promise: JsObject,
}

/// An async generator's internal slots.
pub struct AsyncGenData {
    state: AgState,
    frame: Option<Box<Frame>>,
    queue: std::collections::VecDeque<Request>,
    /// The pending await unwraps a `return` request received at a `yield`
    /// (AsyncGeneratorUnwrapYieldResumption): fulfilment resumes with a return completion.
    unwrap_return: bool,
}

impl Finalize for AsyncGenData {}
// SAFETY: marks the frame and the queued requests.
unsafe impl Trace for AsyncGenData {
    crate::value::gc::custom_trace!(this, mark, {
        if let Some(f) = &this.frame {
            mark(&**f);
        }
        for r in &this.queue {
            mark(&r.promise);
            match &r.how {
                Resume::Next(v) | Resume::Throw(v) | Resume::Return(v) => mark(v),
                Resume::Start => {}
            }
        }
    });
}

impl ObjectPayload for AsyncGenData {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn with_ag<T>(obj: &JsObject, f: impl FnOnce(&mut AsyncGenData) -> T) -> Option<T> {
    let mut data = obj.borrow_mut();
    match &mut data.kind {
        ObjectKind::Suspended(p) => p.as_any_mut().downcast_mut::<AsyncGenData>().map(f),
        _ => None,
    }
}

/// Which prototype method queued a request.
#[derive(Clone, Copy)]
pub enum AgMethod {
    Next,
    Throw,
    Return,
}

fn ag_return_fulfilled(
    interp: &mut Interp,
    callee: &JsObject,
    _: &Value,
    args: &[Value],
) -> JsResult<Value> {
    if let Value::Object(g) = super::function::closure_slot(callee, 0) {
        let v = args.first().cloned().unwrap_or_default();
        interp.ag_complete_step(&g, Ok(v), true);
        interp.ag_drain_queue(&g);
    }
    Ok(Value::Undefined)
}

fn ag_return_rejected(
    interp: &mut Interp,
    callee: &JsObject,
    _: &Value,
    args: &[Value],
) -> JsResult<Value> {
    if let Value::Object(g) = super::function::closure_slot(callee, 0) {
        let v = args.first().cloned().unwrap_or_default();
        interp.ag_complete_step(&g, Err(v), true);
        interp.ag_drain_queue(&g);
    }
    Ok(Value::Undefined)
}

impl Interp {
    fn async_generator_start(&mut self, frame: Frame) -> Value {
        let obj = JsObject::new(
            Some(self.intrinsics.async_generator_proto.clone()),
            ObjectKind::Suspended(crate::value::object::PayloadBox::new(AsyncGenData {
                state: AgState::SuspendedStart,
                frame: Some(Box::new(frame)),
                queue: Default::default(),
                unwrap_return: false,
            })),
        );
        Value::Object(obj)
    }

    /// %AsyncGeneratorPrototype%.next/throw/return: validate, enqueue, resume if suspended.
    pub fn async_generator_enqueue(&mut self, gen: &Value, method: AgMethod, v: Value) -> Value {
        let promise = crate::builtins::promise::new_promise(self);
        let g = match gen {
            Value::Object(o) if with_ag(o, |_| ()).is_some() => o.clone(),
            _ => {
                let name = match method {
                    AgMethod::Next => "next",
                    AgMethod::Throw => "throw",
                    AgMethod::Return => "return",
                };
                let s = crate::builtins::console::inspect_short(gen);
                let proto = self.intrinsics.type_error_proto.clone();
                let err = crate::builtins::error::make_error(
                    self,
                    proto,
                    &format!("{name} method called on incompatible receiver {s}"),
                );
                crate::builtins::promise::reject_promise(self, &promise, Value::Object(err));
                return Value::Object(promise);
            }
        };
        let mut state = with_ag(&g, |a| a.state).expect("checked");
        match method {
            AgMethod::Next if state == AgState::Completed => {
                let r = iter::iter_result(self, Value::Undefined, true);
                crate::builtins::promise::resolve_promise(self, &promise, r);
                return Value::Object(promise);
            }
            AgMethod::Throw => {
                if state == AgState::SuspendedStart {
                    with_ag(&g, |a| {
                        a.state = AgState::Completed;
                        a.frame = None;
                    });
                    state = AgState::Completed;
                }
                if state == AgState::Completed {
                    crate::builtins::promise::reject_promise(self, &promise, v);
                    return Value::Object(promise);
                }
            }
            _ => {}
        }
        let how = match method {
            AgMethod::Next => Resume::Next(v),
            AgMethod::Throw => Resume::Throw(v),
            AgMethod::Return => Resume::Return(v),
        };
        let how_copy = match &how {
            Resume::Next(v) => Resume::Next(v.clone()),
            Resume::Throw(v) => Resume::Throw(v.clone()),
            Resume::Return(v) => Resume::Return(v.clone()),
            Resume::Start => Resume::Start,
        };
        with_ag(&g, |a| {
            a.queue.push_back(Request {
                how,
                promise: promise.clone(),
            })
        });
        match (method, state) {
            (AgMethod::Return, AgState::SuspendedStart | AgState::Completed) => {
                with_ag(&g, |a| {
                    a.state = AgState::DrainingQueue;
                    a.frame = None;
                });
                self.ag_await_return(&g);
            }
            (_, AgState::SuspendedStart | AgState::SuspendedYield) => {
                let how = if state == AgState::SuspendedStart {
                    Resume::Start
                } else {
                    how_copy
                };
                if let Some(Some(frame)) = with_ag(&g, |a| {
                    a.state = AgState::Executing;
                    a.frame.take()
                }) {
                    match how {
                        // A return request at a yield awaits its value first
                        // (AsyncGeneratorUnwrapYieldResumption).
                        Resume::Return(v) => {
                            if let Err((frame, how)) = self.ag_await(&g, frame, v, true) {
                                self.ag_run(&g, frame, how);
                            }
                        }
                        how => self.ag_run(&g, frame, how),
                    }
                }
            }
            _ => {}
        }
        Value::Object(promise)
    }

    /// An await in the body settled.
    fn ag_await_resume(&mut self, g: &JsObject, how: Resume) {
        let Some((frame, unwrap)) = with_ag(g, |a| {
            let u = std::mem::replace(&mut a.unwrap_return, false);
            (a.frame.take(), u)
        }) else {
            return;
        };
        let Some(frame) = frame else { return };
        let how = match (how, unwrap) {
            (Resume::Next(v), true) => Resume::Return(v),
            (how, _) => how,
        };
        self.ag_run(g, frame, how);
    }

    /// Await `v` inside the body (or, with `unwrap`, a return request's value at a yield).
    /// `Err` carries the resumption to use instead when PromiseResolve throws.
    fn ag_await(
        &mut self,
        g: &JsObject,
        frame: Box<Frame>,
        v: Value,
        unwrap: bool,
    ) -> Result<(), (Box<Frame>, Resume)> {
        match crate::builtins::promise::await_resuming(self, v, g) {
            Ok(()) => {
                with_ag(g, |a| {
                    a.frame = Some(frame);
                    a.unwrap_return = unwrap;
                });
                Ok(())
            }
            Err(Throw) => Err((frame, Resume::Throw(std::mem::take(&mut self.exception)))),
        }
    }

    fn ag_run(&mut self, g: &JsObject, mut frame: Box<Frame>, mut how: Resume) {
        loop {
            match self.resume_frame(&mut frame, how) {
                Ok(Outcome::Await(v)) => match self.ag_await(g, frame, v, false) {
                    Ok(()) => return,
                    Err((f, h)) => {
                        frame = f;
                        how = h;
                    }
                },
                Ok(Outcome::Yield(v) | Outcome::YieldRaw(v)) => {
                    // AsyncGeneratorYield: settle the oldest request, then continue with the
                    // next queued one, or suspend.
                    self.ag_complete_step(g, Ok(v), false);
                    let next = with_ag(g, |a| {
                        a.queue.front().map(|r| match &r.how {
                            Resume::Next(v) => Resume::Next(v.clone()),
                            Resume::Throw(v) => Resume::Throw(v.clone()),
                            Resume::Return(v) => Resume::Return(v.clone()),
                            Resume::Start => Resume::Start,
                        })
                    })
                    .flatten();
                    match next {
                        None => {
                            with_ag(g, |a| {
                                a.state = AgState::SuspendedYield;
                                a.frame = Some(frame);
                            });
                            return;
                        }
                        Some(Resume::Return(v)) => match self.ag_await(g, frame, v, true) {
                            Ok(()) => return,
                            Err((f, h)) => {
                                frame = f;
                                how = h;
                            }
                        },
                        Some(h) => how = h,
                    }
                }
                Ok(Outcome::Return(v)) => {
                    with_ag(g, |a| a.state = AgState::DrainingQueue);
                    self.ag_complete_step(g, Ok(v), true);
                    self.ag_drain_queue(g);
                    return;
                }
                Err(Throw) => {
                    let e = std::mem::take(&mut self.exception);
                    with_ag(g, |a| a.state = AgState::DrainingQueue);
                    self.ag_complete_step(g, Err(e), true);
                    self.ag_drain_queue(g);
                    return;
                }
            }
        }
    }

    /// AsyncGeneratorCompleteStep: settle the oldest request's promise.
    fn ag_complete_step(&mut self, g: &JsObject, r: Result<Value, Value>, done: bool) {
        let Some(Some(req)) = with_ag(g, |a| a.queue.pop_front()) else {
            return;
        };
        match r {
            Ok(v) => {
                let result = iter::iter_result(self, v, done);
                crate::builtins::promise::resolve_promise(self, &req.promise, result);
            }
            Err(e) => crate::builtins::promise::reject_promise(self, &req.promise, e),
        }
    }

    /// AsyncGeneratorDrainQueue (the generator has completed).
    fn ag_drain_queue(&mut self, g: &JsObject) {
        loop {
            let front = with_ag(g, |a| {
                a.queue.front().map(|r| match &r.how {
                    Resume::Return(_) => 0,
                    Resume::Throw(v) => {
                        let _ = v;
                        1
                    }
                    _ => 2,
                })
            })
            .flatten();
            match front {
                None => {
                    with_ag(g, |a| a.state = AgState::Completed);
                    return;
                }
                Some(0) => {
                    self.ag_await_return(g);
                    return;
                }
                Some(1) => {
                    let e = with_ag(g, |a| match a.queue.front().map(|r| &r.how) {
                        Some(Resume::Throw(v)) => v.clone(),
                        _ => Value::Undefined,
                    })
                    .unwrap_or_default();
                    self.ag_complete_step(g, Err(e), true);
                }
                Some(_) => self.ag_complete_step(g, Ok(Value::Undefined), true),
            }
        }
    }

    /// AsyncGeneratorAwaitReturn: await the front return request's value, then settle it.
    fn ag_await_return(&mut self, g: &JsObject) {
        let v = with_ag(g, |a| match a.queue.front().map(|r| &r.how) {
            Some(Resume::Return(v)) => v.clone(),
            _ => Value::Undefined,
        })
        .unwrap_or_default();
        let ok = await_handler(self, ag_return_fulfilled, g);
        let err = await_handler(self, ag_return_rejected, g);
        if crate::builtins::promise::await_value(self, v, &ok, &err).is_err() {
            let e = std::mem::take(&mut self.exception);
            self.ag_complete_step(g, Err(e), true);
            self.ag_drain_queue(g);
        }
    }

    /// One step of `yield*` in an async generator. `state` temp: 0 = forward the received
    /// completion; 1 = the inner result was awaited into `scratch`; 2 = a return's value
    /// (no inner `return` method) was awaited into `scratch`.
    fn async_yield_star(
        &mut self,
        m: &Machine,
        frame: &mut Frame,
        ys: &YieldStar,
    ) -> JsResult<Next> {
        let st = completion_kind(self.reg(ys.state));
        if st == 2.0 {
            self.set_reg(ys.state, Value::Number(0.0));
            return Ok(Next::Return(self.reg(ys.scratch).clone()));
        }
        if st == 1.0 {
            self.set_reg(ys.state, Value::Number(0.0));
            let kind = completion_kind(self.reg(ys.kind));
            let result = self.reg(ys.scratch).clone();
            if !matches!(result, Value::Object(_)) {
                let s = crate::builtins::console::inspect_short(&result);
                return Err(self.throw_type_error(&format!("Iterator result {s} is not an object")));
            }
            let done = props::get(self, &result, &PropertyKey::String(atoms::DONE))?.to_boolean();
            let v = props::get(self, &result, &PropertyKey::String(atoms::VALUE))?;
            if done {
                if kind == COMPLETION_RETURN {
                    return Ok(Next::Return(v));
                }
                self.set_reg(ys.dst, v);
                return Ok(Next::Goto(self.goto(m, frame, ys.done)));
            }
            return Ok(Next::Suspend(
                Outcome::Yield(v),
                frame.block,
                Slot::Completion {
                    kind: ys.kind,
                    val: ys.val,
                },
            ));
        }
        let kind = completion_kind(self.reg(ys.kind));
        let received = self.reg(ys.val).clone();
        let iterator = self.reg(ys.iter).clone();
        let result = if kind == COMPLETION_NORMAL {
            let next = self.reg(ys.next).clone();
            self.call(&next, iterator.clone(), &[received])?
        } else if kind == COMPLETION_THROW {
            let throw = get_method(self, &iterator, PropertyKey::String(atoms::THROW))?;
            if throw.is_undefined() {
                // AsyncIteratorClose(normal) awaits `return`'s result: approximated by calling
                // it and ignoring the await (the TypeError follows either way).
                let ret = get_method(self, &iterator, PropertyKey::String(atoms::RETURN))?;
                if !ret.is_undefined() {
                    self.call(&ret, iterator.clone(), &[])?;
                }
                return Err(self.throw_type_error("The iterator does not provide a 'throw' method"));
            }
            self.call(&throw, iterator.clone(), &[received])?
        } else {
            let ret = get_method(self, &iterator, PropertyKey::String(atoms::RETURN))?;
            if ret.is_undefined() {
                self.set_reg(ys.state, Value::Number(2.0));
                return Ok(Next::Suspend(
                    Outcome::Await(received),
                    frame.block,
                    Slot::Value(ys.scratch),
                ));
            }
            self.call(&ret, iterator.clone(), &[received])?
        };
        self.set_reg(ys.state, Value::Number(1.0));
        Ok(Next::Suspend(
            Outcome::Await(result),
            frame.block,
            Slot::Value(ys.scratch),
        ))
    }
}

/// Whether region `outer` contains `inner` (or is it).
fn is_within(m: &Machine, inner: Option<u32>, outer: u32) -> bool {
    let mut r = inner;
    while let Some(ri) = r {
        if ri == outer {
            return true;
        }
        r = m.regions[ri as usize].parent;
    }
    false
}

#[cfg(test)]
#[path = "machine_tests.rs"]
mod tests;
