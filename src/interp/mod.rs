//! The tree-walking interpreter over the executable tree (`lower::tree`).
//!
//! Frames: registers live on one shared value stack (`stack[base + reg]`); captured bindings in
//! heap `Env` records chained from `env`. A call pushes its arguments as the callee's first
//! registers and allocates nothing else unless the callee has its own environment record.
//! Exceptions are `Err(Throw)`, the thrown value stored in `self.exception`; statements complete
//! with `Flow` (normal, break, continue, return — the return value in `self.ret`).
//!
//! What is here today: the vertical slice the tree builder lowers (functions, closures, objects,
//! arrays, control flow, exceptions) and the call depth limit (a catchable RangeError, never a
//! Rust stack overflow). Not yet: generators/async (their state machines), the event loop,
//! classes and the rest listed in `lower::build`.

mod arguments;
mod call_printer;
mod class;
mod dynamic_scope;
pub mod function;
pub mod iter;
pub mod limits;
pub mod machine;
pub mod ops;
mod pattern;
pub mod props;
pub mod proxy;
pub mod stack;

use crate::builtins::Intrinsics;
use crate::host::Host;
use crate::lower::tree::*;
use crate::parser::ast::{BinaryOp, LogicalOp, UnaryOp, UpdateOp};
use crate::span::Span;
use crate::value::gc::Gc;
use crate::value::object::{ArrayData, ObjectKind};
use crate::value::property::{Property, PropertyMap, Slot};
use crate::value::{Atom, JsObject, JsString, PropertyKey, Symbol, Value};
use function::{Callable, Env, FunctionData};
use props::MethodHit;
use std::mem::ManuallyDrop;
use std::rc::Rc;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// Marks a global inline-cache slot (`GlobalRef::slot`) as a position in the global lexical
/// record rather than in the global object.
const GLOBAL_LEX_BIT: u32 = 1 << 31;

/// Marker for "an exception is propagating": the value is in `Interp::exception`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throw;

pub type JsResult<T> = Result<T, Throw>;

/// How a statement completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Normal,
    Break(u32),
    Continue(u32),
    Return,
}

/// JS call depth at which a RangeError is thrown. Each JS call uses a few Rust frames of the
/// evaluator; the CLI and `Runtime` run the engine on a thread with a stack sized for this.
pub const MAX_CALL_DEPTH: u32 = 10_000;

/// Stack size the engine thread needs for `MAX_CALL_DEPTH` (measured with margin).
pub const ENGINE_STACK_BYTES: usize = 512 << 20;

/// Native stack kept free below the point where a call throws "Maximum call stack size
/// exceeded": what one function's evaluation may use between two calls (expressions nest at
/// most `lexer::MAX_NESTING` deep, a few hundred bytes of evaluator frame each).
const STACK_MARGIN_BYTES: usize = 4 << 20;

/// The current native stack position (the address of a local: the stack grows down).
#[inline(always)]
fn stack_position() -> usize {
    let marker = 0u8;
    std::ptr::addr_of!(marker) as usize
}

/// The lowest stack position at which a call may start on this thread: `STACK_MARGIN_BYTES`
/// (at most half the stack left) above the thread's stack limit. 0 (no check) when the
/// platform does not tell the limit.
fn stack_floor() -> usize {
    match stacker::remaining_stack() {
        Some(remaining) => {
            let here = stack_position();
            let limit = here.saturating_sub(remaining);
            limit + STACK_MARGIN_BYTES.min(remaining / 2)
        }
        None => 0,
    }
}

pub struct Interp {
    stack: Vec<Value>,
    base: usize,
    env: Option<Gc<Env>>,
    /// `this` of the current frame when no register holds it (script level: the global).
    this: Value,
    ret: Value,
    pub exception: Value,
    pub intrinsics: Intrinsics,
    pub global: JsObject,
    pub host: Box<dyn Host>,
    /// The TDZ marker: a private symbol no script can reach.
    uninit: Value,
    depth: u32,
    /// Calls throw a RangeError below this native stack position (see `stack_floor`): set
    /// for the thread that made the interpreter (its heap is thread-local), and for each
    /// stack segment the embedding `Runtime` runs JS on (`refresh_stack_floor`).
    stack_floor: usize,
    /// new.target at the entry of a native function called through [[Construct]]; `None` on a
    /// plain call. Natives that care read it before making any other call.
    pub new_target: Option<JsObject>,
    /// The running code is strict mode code (set on entry to each closure and script).
    pub strict: bool,
    /// Set from another thread (a watchdog, an embedder's timeout) to stop the running script:
    /// read by the budget's slow path (`limits`), at most every `limits::CHECK_INTERVAL` loop
    /// back-edges and closure calls; it throws a termination that `catch` and `finally` do not
    /// intercept, and every later check throws again, so the script unwinds to its caller.
    pub interrupt: Option<Arc<AtomicBool>>,
    /// Fuel, heap and depth limits and the termination state (`limits`).
    pub budget: limits::Budget,
    /// The event loop's queues (microtasks, timers, host completions, rejection tracking);
    /// builtins enqueue here, only `event_loop` drains them.
    pub queues: crate::jobs::EventQueues,
    /// Source offset of the latest call of a native function (the origin `--trace` shows for
    /// jobs and timers a builtin creates).
    pub call_pos: u32,
    /// An optional chain is short-circuiting: the `Err(Throw)` travelling up is not an
    /// exception, and the enclosing `OptChain` turns it into `undefined`.
    short_circuit: bool,
    /// The running method's home object and function object (set only for code that uses
    /// `super`; arrows capture their creator's).
    home: Option<JsObject>,
    func: Option<JsObject>,
    /// Frame records for error stacks (`stack.rs`), innermost last.
    pub frames: Vec<stack::Frame>,
    /// The async call resumed from a job at the bottom of the stack (for async stack traces).
    pub(crate) async_root: Option<JsObject>,
    /// The script source offsets refer to (set by the embedder), for stack locations.
    pub source: Option<Rc<stack::SourceInfo>>,
    /// Where the latest exception was thrown (a source offset) ...
    pub throw_pos: Option<u32>,
    /// ... and in which script's text (`Code::source` of the frame it was thrown in).
    pub throw_text: Option<Rc<str>>,
    /// Scripts registered by name (`register_source`), for hosts running several scripts.
    pub sources: Vec<Rc<stack::SourceInfo>>,
    /// Thrown values the embedding API handed to the host as errors, newest last, a few at
    /// most (`runtime::catch`): a host function returning such an error rethrows the very
    /// value, with its throw point.
    pub(crate) held_exceptions: Vec<HeldException>,
    /// The global lexical environment: script-level `let`/`const`/`class` bindings (a
    /// null-prototype object no script can reach; TDZ = the uninit marker, const =
    /// non-writable). Looked up before the global object.
    global_lex: JsObject,
    /// Bumped whenever a script adds global lexical bindings (see `GlobalRef::epoch`).
    global_epoch: u32,
    /// Spare argument vectors (always empty here): a call into a native function moves its
    /// arguments off the value stack into one of these instead of a fresh allocation.
    arg_pool: Vec<Vec<Value>>,
    /// Shared `length`/`name` lists of anonymous native closures of length 0, 1, 2 (resolving
    /// and element functions), built on first use.
    pub(crate) anon_fn_props: [std::cell::OnceCell<crate::value::property::SharedNamed>; 3],
    /// Method lookups past the receiver (`props::get_method_fast`).
    pub(crate) method_cache: props::MethodCache,
}

/// A thrown value kept for the embedder: (id, value, throw offset, throw script).
pub(crate) type HeldException = (u64, Value, Option<u32>, Option<Rc<str>>);

/// A function to be called many times (an array method's callback): the code and
/// environment of a lean closure are looked up once (a function object's code and
/// environment never change).
pub(crate) struct Callback {
    f: Value,
    lean: Option<(Rc<Code>, Option<Gc<Env>>, JsObject)>,
}

impl Callback {
    pub(crate) fn new(f: &Value) -> Self {
        let lean = match f {
            Value::Object(o) => match function::fast_call(o) {
                function::FastCall::Lean(c, e) => Some((c, e, o.clone())),
                _ => None,
            },
            _ => None,
        };
        Callback { f: f.clone(), lean }
    }

    /// The code of a lean closure (`None` for any other callable): for callers that recognise
    /// side-effect-free bodies (`builtins::array::sort`'s numeric comparators).
    pub(crate) fn lean_code(&self) -> Option<&Code> {
        self.lean.as_ref().map(|(c, _, _)| &**c)
    }
}

/// A callback entered for a run of calls ([`Interp::call_callback_entered`]): its register
/// window and what leaving restores.
pub(crate) struct EnteredCall {
    base: usize,
    top: usize,
    /// Parameters bound from arguments (all of them: the window holds at least these).
    nparams: usize,
    /// The value of its `this` binding (the global object for a sloppy function).
    this: Value,
    saved_base: usize,
    saved_env: Option<Gc<Env>>,
    saved_this: Option<Value>,
    saved_strict: bool,
}

impl Interp {
    pub fn new(host: Box<dyn Host>) -> Interp {
        let (intrinsics, global) = Intrinsics::new();
        let mut interp = Interp {
            stack: Vec::with_capacity(4096),
            base: 0,
            env: None,
            this: Value::Undefined,
            ret: Value::Undefined,
            exception: Value::Undefined,
            arg_pool: Vec::new(),
            anon_fn_props: Default::default(),
            method_cache: Default::default(),
            intrinsics,
            global: global.clone(),
            host,
            uninit: Value::Symbol(Symbol::new(None)),
            depth: 0,
            stack_floor: stack_floor(),
            new_target: None,
            strict: false,
            interrupt: None,
            budget: Default::default(),
            queues: Default::default(),
            call_pos: u32::MAX,
            short_circuit: false,
            home: None,
            func: None,
            frames: Vec::new(),
            async_root: None,
            source: None,
            throw_pos: None,
            throw_text: None,
            sources: Vec::new(),
            held_exceptions: Vec::new(),
            global_lex: JsObject::ordinary(None),
            global_epoch: 1,
        };
        interp.this = Value::Object(global);
        crate::builtins::install(&mut interp);
        interp
    }

    /// Run a lowered script at top level (also from inside a running script, as `$262.evalScript`
    /// does: the caller's environment and `this` are restored afterwards). Returns the thrown
    /// value on an uncaught exception.
    pub fn run_script(&mut self, script: &Script) -> Result<(), Value> {
        self.run_script_completion(script).map(|_| ())
    }

    /// [`Interp::run_script`], returning the script's completion value as far as the engine
    /// tracks it: the value of the last top-level expression statement (`undefined` if none).
    /// Completion values of nested statements (`if (c) 1; else 2`) are not tracked yet.
    pub fn run_script_completion(&mut self, script: &Script) -> Result<Value, Value> {
        // GlobalDeclarationInstantiation: lexical names may not redeclare lexical names or
        // vars of earlier scripts (or restricted global properties), nor this script's vars.
        for (name, _) in script.lex_names.iter() {
            let key = PropertyKey::String(*name);
            let clash = self.global_lex.borrow().properties.contains_key(&key)
                || script.var_names.contains(name)
                || self
                    .global
                    .borrow()
                    .get_own_property(&key)
                    .is_some_and(|p| !p.attrs.configurable());
            if clash {
                let msg = format!(
                    "Identifier '{}' has already been declared",
                    name.to_js_string()
                );
                let p = self.intrinsics.syntax_error_proto.clone();
                self.throw_error(p, &msg);
                return Err(std::mem::take(&mut self.exception));
            }
        }
        for name in script.var_names.iter() {
            let key = PropertyKey::String(*name);
            if self.global_lex.borrow().properties.contains_key(&key) {
                let msg = format!(
                    "Identifier '{}' has already been declared",
                    name.to_js_string()
                );
                let p = self.intrinsics.syntax_error_proto.clone();
                self.throw_error(p, &msg);
                return Err(std::mem::take(&mut self.exception));
            }
        }
        if !script.lex_names.is_empty() {
            self.global_epoch += 1;
        }
        for (name, is_const) in script.lex_names.iter() {
            let attrs = if *is_const {
                crate::value::Attributes::NONE
            } else {
                crate::value::Attributes::WRITABLE
            };
            self.global_lex.borrow_mut().properties.insert(
                PropertyKey::String(*name),
                crate::value::Property::data(self.uninit.clone(), attrs),
            );
        }
        for name in script.var_names.iter() {
            let key = PropertyKey::String(*name);
            if !self.global.borrow().properties.contains_key(&key) {
                // CreateGlobalVarBinding: a non-configurable global property.
                self.global.borrow_mut().properties.insert(
                    key,
                    crate::value::property::Property::data(
                        Value::Undefined,
                        crate::value::property::Attributes::WRITABLE
                            .with(crate::value::property::Attributes::ENUMERABLE),
                    ),
                );
            }
        }
        let code = script.code.clone();
        let saved_strict = std::mem::replace(&mut self.strict, code.strict);
        let base = self.stack.len();
        self.stack
            .resize(base + code.registers as usize, Value::Undefined);
        let saved = std::mem::replace(&mut self.base, base);
        let saved_env = self.env.take();
        let saved_this = std::mem::replace(&mut self.this, Value::Object(self.global.clone()));
        let mut completion = Value::Undefined;
        self.push_frame(&code, stack::FrameKind::Script, None);
        let r = self.script_block(&code.body, &mut completion);
        self.pop_frame();
        self.base = saved;
        self.strict = saved_strict;
        self.env = saved_env;
        self.this = saved_this;
        self.stack.truncate(base);
        match r {
            Ok(_) => Ok(completion),
            Err(Throw) => Err(std::mem::take(&mut self.exception)),
        }
    }

    /// HostEnqueuePromiseJob / `queueMicrotask`: append a job to the microtask queue. The
    /// event loop (`crate::event_loop`) runs it after the current script, job or callback.
    #[inline]
    pub fn enqueue_job(&mut self, job: crate::jobs::Job) {
        if self.queues.trace.is_some() {
            crate::event_loop::trace_enqueue(self, &job);
        }
        self.queues.microtasks.push(job);
    }

    // ───────────── errors ─────────────

    /// Throw a new error of the given intrinsic constructor's prototype.
    pub fn throw_error(&mut self, proto: JsObject, message: &str) -> Throw {
        let err = crate::builtins::error::make_error(self, proto, message);
        self.exception = Value::Object(err);
        self.note_throw(None);
        Throw
    }

    pub fn throw_type_error(&mut self, message: &str) -> Throw {
        let p = self.intrinsics.type_error_proto.clone();
        self.throw_error(p, message)
    }

    pub fn throw_range_error(&mut self, message: &str) -> Throw {
        let p = self.intrinsics.range_error_proto.clone();
        self.throw_error(p, message)
    }

    pub fn throw_reference_error(&mut self, message: &str) -> Throw {
        let p = self.intrinsics.reference_error_proto.clone();
        self.throw_error(p, message)
    }

    // ───────────── bindings ─────────────

    /// `x op= v` on a binding without TDZ (out of line: keeps `expr`'s frame small).
    #[inline(never)]
    fn compound_place(
        &mut self,
        op: crate::parser::ast::BinaryOp,
        place: Place,
        value: &Expr,
    ) -> JsResult<Value> {
        if let Place::Reg(r) = place {
            // A register: no read_place/write_place round trips. The old value is read
            // before the right-hand side runs (it may assign the variable).
            let idx = self.base + r as usize;
            let old = self.stack[idx].clone();
            let rhs = self.expr(value)?;
            if let (Value::Number(x), Value::Number(y)) = (&old, &rhs) {
                if let Some(v) = ops::number_binary(op, *x, *y) {
                    // Numbers own nothing: no drop glue for the operands.
                    std::mem::forget(old);
                    std::mem::forget(rhs);
                    self.store_slot(idx, v.clone());
                    return Ok(v);
                }
            }
            let v = ops::binary(self, op, old, rhs)?;
            self.store_slot(idx, v.clone());
            return Ok(v);
        }
        let old = self.read_place(place, None)?;
        let r = self.expr(value)?;
        let v = ops::binary(self, op, old, r)?;
        self.write_place(place, v.clone());
        Ok(v)
    }

    /// `r op= e` on a register (`Expr::CompoundReg`): the number fast path, else the general
    /// `compound_place`.
    #[inline(always)]
    fn compound_reg(
        &mut self,
        op: crate::parser::ast::BinaryOp,
        reg: u32,
        value: &Expr,
    ) -> JsResult<Value> {
        let idx = self.base + reg as usize;
        // The old value is read before the right-hand side runs (it may assign the
        // variable).
        if let Value::Number(x) = self.stack[idx] {
            let r = self.expr(value)?;
            if let Value::Number(y) = r {
                if let Some(v) = ops::number_binary(op, x, y) {
                    std::mem::forget(r);
                    self.store_slot(idx, clone_value(&v));
                    return Ok(v);
                }
            }
            let v = ops::binary(self, op, Value::Number(x), r)?;
            self.store_slot(idx, v.clone());
            return Ok(v);
        }
        self.compound_place(op, Place::Reg(reg), value)
    }

    /// `compound_reg` out of line, for `expr` (whose frame every nested expression pays);
    /// statements and loop updates inline it.
    #[inline(never)]
    fn compound_reg_value(
        &mut self,
        op: crate::parser::ast::BinaryOp,
        reg: u32,
        value: &Expr,
    ) -> JsResult<Value> {
        self.compound_reg(op, reg, value)
    }

    // Always inlined (with the TDZ error out of line): the hottest read of the evaluator, whose
    // inlining must not depend on how big its callers grow.
    #[inline(always)]
    fn read_place(&mut self, place: Place, tdz: Option<Atom>) -> JsResult<Value> {
        let v = self.place_value(place);
        if let Some(name) = tdz {
            if self.is_uninit(&v) {
                return Err(self.tdz_error(name));
            }
        }
        Ok(v)
    }

    /// The value in `place` of the running code (no TDZ check).
    #[inline(always)]
    fn place_value(&self, place: Place) -> Value {
        match place {
            Place::Reg(r) => self.stack[self.base + r as usize].clone(),
            Place::Env { hops, slot } => {
                let env = self.env.as_ref().expect("lowered code has its env");
                Env::up(env, hops).get(slot as usize)
            }
        }
    }

    #[inline]
    fn is_uninit(&self, v: &Value) -> bool {
        matches!((v, &self.uninit), (Value::Symbol(a), Value::Symbol(b)) if Symbol::ptr_eq(a, b))
    }

    #[inline(always)]
    fn write_place(&mut self, place: Place, value: Value) {
        match place {
            Place::Reg(r) => self.stack[self.base + r as usize] = value,
            Place::Env { hops, slot } => {
                let env = self.env.as_ref().expect("lowered code has its env");
                Env::up(env, hops).set(slot as usize, value);
            }
        }
    }

    /// A script-level lexical binding: `Some(Ok(value))`, `Some(Err(()))` in TDZ, `None` if
    /// the name has no lexical binding.
    fn global_lex_get(&self, key: &PropertyKey) -> Option<Result<(Value, bool), ()>> {
        let data = self.global_lex.borrow();
        match data.properties.get(key)? {
            crate::value::property::PropertyRef::Data(v, attrs) => {
                if self.is_uninit(v) {
                    Some(Err(()))
                } else {
                    Some(Ok((v.clone(), attrs.writable())))
                }
            }
            _ => None,
        }
    }

    #[cold]
    #[inline(never)]
    fn tdz_error(&mut self, name: Atom) -> Throw {
        // `this` of a derived constructor before `super()` (no variable is named `this`).
        if name.to_js_string().to_std_string_lossy() == "this" {
            return self.throw_reference_error(
                "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
            );
        }
        let msg = format!(
            "Cannot access '{}' before initialization",
            name.to_js_string()
        );
        self.throw_reference_error(&msg)
    }

    /// Initialise a script-level `let`/`const`/`class` binding.
    pub(crate) fn init_global_lex(&mut self, name: Atom, v: Value) {
        let key = PropertyKey::String(name);
        let attrs = self
            .global_lex
            .borrow()
            .properties
            .get(&key)
            .map(|p| p.attrs())
            .unwrap_or(crate::value::Attributes::WRITABLE);
        self.global_lex
            .borrow_mut()
            .properties
            .insert(key, crate::value::Property::data(v, attrs));
    }

    #[inline]
    fn get_global(&mut self, g: &GlobalRef) -> JsResult<Value> {
        if let Some(d) = &g.dynamic {
            return self.dyn_get(g, d);
        }
        self.get_global_by_name(g)
    }

    /// The inline-cache hit of `get_global_by_name`, small enough to inline: a position in
    /// the global lexical record (`GLOBAL_LEX_BIT`) or in the global object, valid for the
    /// epoch it was filled in; the key is re-checked. `None`: take the full lookup.
    #[inline]
    fn get_global_cached(&self, g: &GlobalRef) -> Option<Value> {
        let slot = g.slot.get();
        if slot == u32::MAX || g.epoch.get() != self.global_epoch {
            return None;
        }
        let lex = slot & GLOBAL_LEX_BIT != 0;
        let holder = if lex { &self.global_lex } else { &self.global };
        // SAFETY: the reference ends with this function, which runs no code and borrows
        // nothing else (the hit clones a value).
        let data = unsafe { holder.peek() }?;
        let (k, p) = data
            .properties
            .named_at((slot & !GLOBAL_LEX_BIT) as usize)?;
        match (k, &p.slot) {
            (PropertyKey::String(name), crate::value::property::Slot::Data(v))
                if *name == g.name && !(lex && self.is_uninit(v)) =>
            {
                // Most global reads are functions and other objects: cloned inline.
                Some(match v {
                    Value::Object(o) => Value::Object(o.clone()),
                    v => clone_value(v),
                })
            }
            _ => None,
        }
    }

    /// The code and environment of a global name's value, when the inline cache holds it
    /// and it is a lean closure with a name (the frame then needs no function object): what a plain call `f(…)` needs, read from the global record without
    /// cloning the value (a later reassignment of the global cannot free the code or
    /// environment, which the call holds).
    #[inline(always)]
    fn global_lean_callee(&self, g: &GlobalRef) -> Option<(Rc<Code>, Option<Gc<Env>>)> {
        let slot = g.slot.get();
        if slot & GLOBAL_LEX_BIT != 0 || g.epoch.get() != self.global_epoch {
            // (A lexical global, or no cache: `u32::MAX` has the bit.)
            return None;
        }
        // SAFETY: both references end with this function, which runs no code and borrows
        // nothing else (the hit clones two handles).
        let data = unsafe { self.global.peek() }?;
        let (k, p) = data.properties.named_at(slot as usize)?;
        let (PropertyKey::String(name), crate::value::property::Slot::Data(Value::Object(f))) =
            (k, &p.slot)
        else {
            return None;
        };
        if *name != g.name {
            return None;
        }
        // SAFETY: as above.
        match &unsafe { f.peek() }?.kind {
            // (Named code only: the frame needs no function object.)
            ObjectKind::Closure(c) if c.code.lean && c.code.name != crate::value::atoms::EMPTY => {
                Some((c.code.clone(), c.env.clone()))
            }
            _ => None,
        }
    }

    /// A plain call of a lean closure taken apart by [`lean_callee`]: the arguments, then
    /// the call.
    #[inline(always)]
    fn call_lean_parts(
        &mut self,
        code: Rc<Code>,
        env: Option<Gc<Env>>,
        me: Option<JsObject>,
        args: &[Arg],
        span: Span,
    ) -> JsResult<Value> {
        let base = self.stack.len();
        if let Err(t) = self.push_args(args) {
            self.stack.truncate(base);
            return Err(t);
        }
        self.set_pos(span.start);
        self.call_lean_with(&code, env, Value::Undefined, base, me.as_ref())
    }

    /// A method call `o.m(…)` whose method the method cache took apart (a lean closure with
    /// named code on `o`'s prototype chain): the arguments, then the call with receiver `o`.
    #[inline(never)]
    fn call_lean_method(
        &mut self,
        code: Rc<Code>,
        env: Option<Gc<Env>>,
        this: Value,
        args: &[Arg],
        span: Span,
    ) -> JsResult<Value> {
        let base = self.stack.len();
        if let Err(t) = self.push_args(args) {
            self.stack.truncate(base);
            return Err(t);
        }
        self.set_pos(span.start);
        self.call_lean_with(&code, env, this, base, None)
    }

    /// GetValue of a global name reference (no `with`/eval interception): the inline cache,
    /// else the full lookup, which refills it.
    #[inline(always)]
    fn get_global_by_name(&mut self, g: &GlobalRef) -> JsResult<Value> {
        match self.get_global_cached(g) {
            Some(v) => Ok(v),
            None => self.get_global_uncached(g),
        }
    }

    #[inline(never)]
    fn get_global_uncached(&mut self, g: &GlobalRef) -> JsResult<Value> {
        let key = PropertyKey::String(g.name);
        if !self.global_lex.borrow().properties.is_empty() {
            match self.global_lex_get(&key) {
                Some(Ok((v, _))) => {
                    if let Some(pos) = self.global_lex.borrow().properties.named_position(&key) {
                        g.slot.set(pos as u32 | GLOBAL_LEX_BIT);
                        g.epoch.set(self.global_epoch);
                    }
                    return Ok(v);
                }
                Some(Err(())) => return Err(self.tdz_error(g.name)),
                None => {}
            }
        }
        let pos = self.global.borrow().properties.named_position(&key);
        if let Some(pos) = pos {
            let data = self.global.borrow();
            if let Some((_, p)) = data.properties.named_at(pos) {
                if let crate::value::property::Slot::Data(v) = &p.slot {
                    g.slot.set(pos as u32);
                    g.epoch.set(self.global_epoch);
                    return Ok(v.clone());
                }
            }
        }
        let global = Value::Object(self.global.clone());
        match props::lookup(self, &global, &key)? {
            Some(v) => Ok(v),
            None => {
                if g.pos != u32::MAX {
                    self.set_pos(g.pos);
                }
                let msg = format!("{} is not defined", g.name.to_js_string());
                Err(self.throw_reference_error(&msg))
            }
        }
    }

    /// PutValue to a global name (a failed write throws in strict code).
    fn set_global(&mut self, g: &GlobalRef, value: Value) -> JsResult<()> {
        if let Some(d) = &g.dynamic {
            let target = self.dyn_resolve(g, d)?;
            return self.dyn_put(target, g, value);
        }
        self.set_global_by_name(g, value)
    }

    fn set_global_by_name(&mut self, g: &GlobalRef, value: Value) -> JsResult<()> {
        let key = PropertyKey::String(g.name);
        match self.global_lex_get(&key) {
            Some(Ok((_, true))) => {
                self.global_lex.borrow_mut().properties.insert(
                    key,
                    crate::value::Property::data(value, crate::value::Attributes::WRITABLE),
                );
                return Ok(());
            }
            Some(Ok((_, false))) => {
                return Err(self.throw_type_error("Assignment to constant variable."))
            }
            Some(Err(())) => return Err(self.tdz_error(g.name)),
            None => {}
        }
        // Strict code may not create a global by assigning to an undeclared name (declarations
        // never come here: script-level `var`s exist before the script runs, lexical ones are
        // initialised by `InitGlobalLex`). The check is at PutValue time, so a binding deleted
        // between the read and the write of `x ^= 1` throws too (SetMutableBinding, S = true).
        if self.strict && !props::has_property(self, &Value::Object(self.global.clone()), &key)? {
            let msg = format!("{} is not defined", g.name.to_js_string());
            return Err(self.throw_reference_error(&msg));
        }
        let global = Value::Object(self.global.clone());
        props::put_value(self, &global, key, value)
    }

    /// A read-modify-write of `base[key]` on a null/undefined base: the key expression is
    /// evaluated but not converted (ToPropertyKey comes after RequireObjectCoercible in
    /// GetValue), then the TypeError.
    #[cold]
    fn nullish_base_error(&mut self, base: &Value, key: &Key) -> Throw {
        let shown = match key {
            Key::Computed(e) => match self.expr(e) {
                Ok(Value::String(s)) => Some(s.to_string()),
                Ok(Value::Number(n)) => Some(crate::value::number::to_rust_string(n)),
                Ok(_) => None,
                Err(t) => return t,
            },
            Key::Named(a) => Some(a.to_js_string().to_string()),
            Key::Private(_) => None,
        };
        let what = if matches!(base, Value::Null) {
            "null"
        } else {
            "undefined"
        };
        let msg = match shown {
            Some(k) => format!("Cannot read properties of {what} (reading '{k}')"),
            None => format!("Cannot read properties of {what}"),
        };
        self.throw_type_error(&msg)
    }

    // ───────────── statements ─────────────

    fn enter_env(&mut self, shape: &Option<EnvShape>) -> Option<Option<Gc<Env>>> {
        shape.as_ref().map(|shape| {
            let new = Env::new(shape, self.env.clone(), &self.uninit);
            self.env.replace(new)
        })
    }

    fn block(&mut self, block: &Block) -> JsResult<Flow> {
        // Most blocks (loop bodies, `if` arms) have nothing to set up.
        if block.env.is_none()
            && block.tdz_regs.is_empty()
            && block.functions.is_empty()
            && block.global_functions.is_empty()
        {
            for stmt in block.body.iter() {
                match self.stmt(stmt)? {
                    Flow::Normal => {}
                    other => return Ok(other),
                }
            }
            return Ok(Flow::Normal);
        }
        let saved = self.enter_env(&block.env);
        for &r in block.tdz_regs.iter() {
            self.stack[self.base + r as usize] = self.uninit.clone();
        }
        let result = self.block_inner(block);
        if let Some(env) = saved {
            self.env = env;
        }
        result
    }

    /// A script's top-level block, recording the value of top-level expression statements.
    fn script_block(&mut self, block: &Block, completion: &mut Value) -> JsResult<Flow> {
        let saved = self.enter_env(&block.env);
        for &r in block.tdz_regs.iter() {
            self.stack[self.base + r as usize] = self.uninit.clone();
        }
        let mut result = self.hoist_block(block).map(|()| Flow::Normal);
        if result.is_ok() {
            for stmt in block.body.iter() {
                let r = match stmt {
                    Stmt::Expr(e) => self.expr(e).map(|v| {
                        *completion = v;
                        Flow::Normal
                    }),
                    other => self.stmt(other),
                };
                match r {
                    Ok(Flow::Normal) => {}
                    other => {
                        result = other;
                        break;
                    }
                }
            }
        }
        if let Some(env) = saved {
            self.env = env;
        }
        result
    }

    fn block_inner(&mut self, block: &Block) -> JsResult<Flow> {
        self.hoist_block(block)?;
        for stmt in block.body.iter() {
            match self.stmt(stmt)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    /// A block's hoisted function declarations (and, at script level, global functions).
    fn hoist_block(&mut self, block: &Block) -> JsResult<()> {
        self.hoist_functions(&block.functions, &block.global_functions)
    }

    fn hoist_functions(
        &mut self,
        functions: &HoistedFunctions,
        global_functions: &[(Atom, Rc<Code>)],
    ) -> JsResult<()> {
        for (place, code) in functions.iter() {
            let f = self.make_closure(code);
            self.write_place(*place, f);
        }
        for (name, code) in global_functions.iter() {
            // CreateGlobalFunctionBinding.
            let f = self.make_closure(code);
            let key = PropertyKey::String(*name);
            let configurable = self
                .global
                .borrow()
                .get_own_property(&key)
                .is_none_or(|p| p.attrs.configurable());
            let desc = if configurable {
                props::PropertyDescriptor::data(f, true, true, false)
            } else {
                props::PropertyDescriptor {
                    value: Some(f),
                    ..Default::default()
                }
            };
            let global = self.global.clone();
            props::define_property_or_throw(self, &global, key, &desc)?;
        }
        Ok(())
    }

    fn stmt(&mut self, stmt: &Stmt) -> JsResult<Flow> {
        match stmt {
            // Assignments to registers as statements (most of a numeric loop body): no value
            // to return, one `expr` call fewer.
            Stmt::Expr(Expr::Set {
                place: Place::Reg(r),
                value,
                check: Some(ConstCheck::Initialized),
            }) => {
                let v = self.expr(value)?;
                self.store_slot(self.base + *r as usize, v);
            }
            Stmt::Expr(Expr::CompoundReg { op, reg, value }) => {
                self.compound_reg(*op, *reg, value)?.release();
            }
            Stmt::Expr(Expr::AssignMemberReg(a)) => self.assign_member_stmt(a)?,
            Stmt::Expr(Expr::SetMember { object, key, value }) => {
                self.set_member_stmt(object, key, value)?
            }
            Stmt::Expr(e) => self.expr(e)?.release(),
            Stmt::Init {
                place: Place::Reg(r),
                value,
            } => {
                let v = self.expr(value)?;
                self.store_slot(self.base + *r as usize, v);
            }
            Stmt::Init { place, value } => {
                let v = self.expr(value)?;
                self.write_place(*place, v);
            }
            Stmt::If { test, cons, alt } => {
                return if self.truthy(test)? {
                    self.stmt(cons)
                } else if let Some(alt) = alt {
                    self.stmt(alt)
                } else {
                    Ok(Flow::Normal)
                };
            }
            Stmt::Block(b) => return self.block(b),
            Stmt::Loop(l) => return self.run_loop(l),
            Stmt::ForIn(f) => return self.for_in(f),
            Stmt::Break(l) => return Ok(Flow::Break(l.unwrap_or(0))),
            Stmt::Continue(l) => return Ok(Flow::Continue(l.unwrap_or(0))),
            Stmt::Labeled { label, body } => {
                return match self.stmt(body)? {
                    Flow::Break(l) if l == *label => Ok(Flow::Normal),
                    other => Ok(other),
                };
            }
            Stmt::Return(e) => {
                self.ret = match e {
                    Some(e) => self.operand(e)?,
                    None => Value::Undefined,
                };
                return Ok(Flow::Return);
            }
            Stmt::Throw { value, span } => {
                self.exception = self.expr(value)?;
                self.note_throw(Some(span.start));
                return Err(Throw);
            }
            Stmt::Try(t) => return self.try_stmt(t),
            Stmt::Switch(s) => return self.switch(s),
            Stmt::ForOf(f) => return self.for_of(f),
            Stmt::InitGlobalLex { name, value } => {
                let v = self.expr(value)?;
                self.init_global_lex(*name, v);
            }
            Stmt::Bind { target, value } => {
                let v = self.expr(value)?;
                self.bind_target(target, v)?;
            }
            Stmt::Empty => {}
            Stmt::With { object, env, body } => return self.with_stmt(object, env, body),
        }
        Ok(Flow::Normal)
    }

    fn run_loop(&mut self, l: &Loop) -> JsResult<Flow> {
        let saved = self.enter_env(&l.head_env);
        let result = self.run_loop_inner(l);
        if let Some(env) = saved {
            self.env = env;
        }
        result
    }

    /// Per-iteration bindings: a captured `let` head gets a copy of its record each iteration
    /// (CreatePerIterationEnvironment), so closures see that iteration's value.
    fn copy_head_env(&mut self, l: &Loop) {
        if l.head_env.is_some() {
            let copy = self.env.as_ref().expect("entered").copy();
            self.env = Some(copy);
        }
    }

    fn run_loop_inner(&mut self, l: &Loop) -> JsResult<Flow> {
        if let Some(init) = &l.init {
            self.stmt(init)?;
        }
        self.copy_head_env(l);
        let mut first = true;
        loop {
            self.check_interrupt()?;
            if !(l.test_after && first) {
                if let Some(t) = &l.test {
                    if !self.truthy(t)? {
                        break;
                    }
                }
            }
            first = false;
            match self.stmt(&l.body)? {
                Flow::Normal => {}
                Flow::Break(id) if id == l.label => break,
                Flow::Continue(id) if id == l.label => {}
                other => return Ok(other),
            }
            self.copy_head_env(l);
            match &l.update {
                Some(Expr::CompoundReg { op, reg, value }) => {
                    self.compound_reg(*op, *reg, value)?.release();
                }
                Some(u) => self.expr(u)?.release(),
                None => {}
            }
        }
        Ok(Flow::Normal)
    }

    /// Enter a for-in/of head scope: a fresh record (if captured) and TDZ registers.
    fn enter_head(&mut self, shape: &Option<EnvShape>, tdz: &[u32]) {
        if let Some(shape) = shape {
            let parent = self.env.clone();
            self.env = Some(Env::new(shape, parent, &self.uninit));
        }
        for &r in tdz {
            self.stack[self.base + r as usize] = self.uninit.clone();
        }
    }

    /// Leave a head scope entered by `enter_head` (pop its record).
    fn leave_head(&mut self, shape: &Option<EnvShape>) {
        if shape.is_some() {
            let parent = self.env.as_ref().and_then(|e| e.parent.clone());
            self.env = parent;
        }
    }

    fn for_in(&mut self, f: &ForIn) -> JsResult<Flow> {
        self.enter_head(&f.head_env, &f.head_tdz);
        let object = self.expr(&f.object);
        self.leave_head(&f.head_env);
        let object = object?;
        let keys = match &object {
            Value::Undefined | Value::Null => return Ok(Flow::Normal),
            v => props::enumerable_string_keys(self, v)?,
        };
        for key in keys {
            // Keys deleted during the loop are skipped (EnumerateObjectProperties).
            if !props::has_property(self, &object, &key)? {
                continue;
            }
            let name = match &key {
                PropertyKey::Index(i) => Value::String(JsString::from(i.to_string())),
                other => other.to_value(),
            };
            self.enter_head(&f.head_env, &f.head_tdz);
            let r = match self.bind_target(&f.target, name) {
                Ok(()) => self.stmt(&f.body),
                Err(t) => Err(t),
            };
            self.leave_head(&f.head_env);
            match r? {
                Flow::Normal => {}
                Flow::Break(id) if id == f.label => break,
                Flow::Continue(id) if id == f.label => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    fn for_of(&mut self, f: &ForOf) -> JsResult<Flow> {
        self.enter_head(&f.head_env, &f.head_tdz);
        let iterable = self.expr(&f.iterable);
        self.leave_head(&f.head_env);
        let iterable = iterable?;
        let mut rec = iter::get_iterator(self, &iterable)?;
        loop {
            self.check_interrupt()?;
            let Some(v) = iter::step_value(self, &mut rec)? else {
                return Ok(Flow::Normal);
            };
            self.enter_head(&f.head_env, &f.head_tdz);
            let r = match self.bind_target(&f.target, v) {
                Ok(()) => self.stmt(&f.body),
                Err(t) => Err(t),
            };
            self.leave_head(&f.head_env);
            match r {
                Ok(Flow::Normal) => {}
                Ok(Flow::Continue(id)) if id == f.label => {}
                Ok(Flow::Break(id)) if id == f.label => {
                    iter::close(self, &rec, false)?;
                    return Ok(Flow::Normal);
                }
                Ok(other) => {
                    iter::close(self, &rec, false)?;
                    return Ok(other);
                }
                Err(Throw) => {
                    return iter::close(self, &rec, true).map(|_| Flow::Normal);
                }
            }
        }
    }

    fn try_stmt(&mut self, t: &Try) -> JsResult<Flow> {
        let depth = self.depth;
        let stack_len = self.stack.len();
        let env = self.env.clone();
        let mut result = self.block(&t.block);
        if result.is_err() && self.interrupted() {
            return result; // a termination skips catch and finally
        }
        if let (Err(Throw), Some((shape, param, body))) = (&result, &t.handler) {
            // Unwind what the throw skipped.
            self.depth = depth;
            self.stack.truncate(stack_len);
            self.env = env.clone();
            let exception = std::mem::take(&mut self.exception);
            let saved = self.enter_env(shape);
            result = match param {
                Some(p) => match self.bind_target(p, exception) {
                    Ok(()) => self.block(body),
                    Err(t) => Err(t),
                },
                None => self.block(body),
            };
            if let Some(e) = saved {
                self.env = e;
            }
        }
        if result.is_err() && self.interrupted() {
            return result;
        }
        if let Some(fin) = &t.finalizer {
            self.depth = depth;
            self.stack.truncate(stack_len.max(self.base));
            self.env = env;
            let pending_exception = std::mem::take(&mut self.exception);
            let pending_ret = std::mem::take(&mut self.ret);
            match self.block(fin)? {
                Flow::Normal => {
                    self.exception = pending_exception;
                    self.ret = pending_ret;
                }
                abrupt => return Ok(abrupt),
            }
        }
        result
    }

    fn switch(&mut self, s: &Switch) -> JsResult<Flow> {
        let d = self.expr(&s.discriminant)?;
        let saved = self.enter_env(&s.env);
        for &r in s.tdz_regs.iter() {
            self.stack[self.base + r as usize] = self.uninit.clone();
        }
        let result = (|| {
            self.hoist_functions(&s.functions, &s.global_functions)?;
            let mut matched = None;
            for (i, (test, _)) in s.cases.iter().enumerate() {
                if let Some(t) = test {
                    let v = self.expr(t)?;
                    if d.strict_equals(&v) {
                        matched = Some(i);
                        break;
                    }
                }
            }
            let start = match matched.or_else(|| s.cases.iter().position(|(t, _)| t.is_none())) {
                Some(i) => i,
                None => return Ok(Flow::Normal),
            };
            for (_, body) in s.cases[start..].iter() {
                for stmt in body.iter() {
                    match self.stmt(stmt)? {
                        Flow::Normal => {}
                        Flow::Break(id) if id == s.label => return Ok(Flow::Normal),
                        other => return Ok(other),
                    }
                }
            }
            Ok(Flow::Normal)
        })();
        if let Some(env) = saved {
            self.env = env;
        }
        result
    }

    // ───────────── expressions ─────────────

    /// `expr` for an operand: register reads, constants and calls are answered without an
    /// `expr` frame of their own (each costs ~40 instructions of prologue, dispatch and
    /// epilogue); the other forms go through `expr`. Used by the hot arms whose operands are
    /// most often those (binary operators, `?:`, `return`, lean bodies).
    #[inline(always)]
    pub(crate) fn operand(&mut self, e: &Expr) -> JsResult<Value> {
        match e {
            Expr::Get {
                place: Place::Reg(r),
                tdz: None,
            } => Ok(clone_value(&self.stack[self.base + *r as usize])),
            Expr::Call { callee, args, span } => self.eval_call(callee, args, *span),
            _ => self.expr(e),
        }
    }

    /// `operand` for a binary operator's operands, which are also often own data
    /// properties (`p.key - q.key`, `o.x * 2`): read inline, without an `expr` frame.
    #[inline(always)]
    fn binary_operand(&mut self, e: &Expr) -> JsResult<Value> {
        if let Expr::MemberReg { reg, key, .. } = e {
            if let Some((o, k)) = self.member_reg_parts(*reg, *key) {
                if let Some(v) = props::get_own_data(o, &k) {
                    return Ok(v);
                }
            }
        }
        self.operand(e)
    }

    /// A `MemberReg` node's object (when its register holds one) and key, for the inline
    /// reads of `p.x` (the key is built without a drop: atoms are not reference counted).
    #[inline(always)]
    fn member_reg_parts(
        &self,
        reg: u32,
        key: Atom,
    ) -> Option<(&JsObject, ManuallyDrop<PropertyKey>)> {
        match &self.stack[self.base + reg as usize] {
            Value::Object(o) => Some((o, ManuallyDrop::new(PropertyKey::String(key)))),
            _ => None,
        }
    }

    /// A number operand that needs no code run to read: a register or constant holding a
    /// number, or an own data property holding one (`p.x`).
    #[inline(always)]
    fn leaf_number(&self, e: &Expr) -> Option<f64> {
        match e {
            Expr::MemberReg { reg, key, .. } => {
                let (o, k) = self.member_reg_parts(*reg, *key)?;
                props::get_own_number(o, &k)
            }
            Expr::Get {
                place: Place::Reg(r),
                tdz: None,
            } => match self.stack[self.base + *r as usize] {
                Value::Number(n) => Some(n),
                _ => None,
            },
            Expr::Const(Value::Number(n)) => Some(*n),
            _ => None,
        }
    }

    /// `BinMember` whose operands are both `leaf_number`s (`p.key - q.key`): its value,
    /// with no code run (so a caller may try this first and fall back to evaluating `e`).
    #[inline(always)]
    fn member_numbers(&self, e: &Expr) -> Option<Value> {
        let Expr::BinMember { op, left, right } = e else {
            return None;
        };
        let x = self.leaf_number(left)?;
        let y = self.leaf_number(right)?;
        ops::number_binary(*op, x, y)
    }

    pub(crate) fn expr(&mut self, e: &Expr) -> JsResult<Value> {
        Ok(match e {
            Expr::Const(v) => v.clone(),
            // Registers without a TDZ check are most reads: no call.
            Expr::Get {
                place: Place::Reg(r),
                tdz: None,
            } => self.stack[self.base + *r as usize].clone(),
            Expr::Get { place, tdz } => self.read_place(*place, *tdz)?,
            Expr::Global(g) => self.get_global(g)?,
            Expr::Set {
                place: Place::Reg(r),
                value,
                check: Some(ConstCheck::Initialized),
            } => {
                let v = self.expr(value)?;
                self.store_slot(self.base + *r as usize, clone_value(&v));
                v
            }
            Expr::Set {
                place,
                value,
                check,
            } => {
                let v = self.expr(value)?;
                match check {
                    Some(ConstCheck::ThrowAfterTdz(name)) => {
                        let current = self.read_place(*place, None)?;
                        if self.is_uninit(&current) {
                            return Err(self.tdz_error(*name));
                        }
                        return Err(self.throw_type_error("Assignment to constant variable."));
                    }
                    Some(ConstCheck::Throw) => {
                        return Err(self.throw_type_error("Assignment to constant variable."))
                    }
                    Some(ConstCheck::Ignore) => return Ok(v),
                    Some(ConstCheck::Initialized) => {
                        self.write_place(*place, v.clone());
                        return Ok(v);
                    }
                    Some(ConstCheck::Tdz(_)) | None => {}
                }
                // Assigning a `let` in its TDZ throws.
                let current = self.read_place(*place, None)?;
                if self.is_uninit(&current) {
                    return Err(match check {
                        Some(ConstCheck::Tdz(name)) => self.tdz_error(*name),
                        _ => self.throw_reference_error(
                            "Cannot access a variable before initialization",
                        ),
                    });
                }
                self.write_place(*place, v.clone());
                v
            }
            Expr::BinRegConst { op, reg, rhs } => {
                let l = &self.stack[self.base + *reg as usize];
                if let Value::Number(x) = l {
                    if let Some(v) = ops::number_binary(*op, *x, *rhs) {
                        return Ok(v);
                    }
                }
                let l = l.clone();
                ops::binary(self, *op, l, Value::Number(*rhs))?
            }
            Expr::BinRegReg { op, a, b } => {
                let (a, b) = (self.base + *a as usize, self.base + *b as usize);
                if let (Value::Number(x), Value::Number(y)) = (&self.stack[a], &self.stack[b]) {
                    if let Some(v) = ops::number_binary(*op, *x, *y) {
                        return Ok(v);
                    }
                }
                let (l, r) = (self.stack[a].clone(), self.stack[b].clone());
                ops::binary(self, *op, l, r)?
            }
            Expr::BinExprConst { op, left, rhs } => {
                let l = self.expr(left)?;
                if let Value::Number(x) = l {
                    if let Some(v) = ops::number_binary(*op, x, *rhs) {
                        std::mem::forget(l);
                        return Ok(v);
                    }
                }
                ops::binary(self, *op, l, Value::Number(*rhs))?
            }
            Expr::BinConstExpr { op, lhs, right } => {
                let r = self.expr(right)?;
                if let Value::Number(y) = r {
                    if let Some(v) = ops::number_binary(*op, *lhs, y) {
                        std::mem::forget(r);
                        return Ok(v);
                    }
                }
                ops::binary(self, *op, Value::Number(*lhs), r)?
            }
            Expr::BinRegExpr { op, reg, right } => {
                let idx = self.base + *reg as usize;
                // The register is read first: `right` may assign it.
                let l = match &self.stack[idx] {
                    Value::Number(x) => {
                        let x = *x;
                        let r = self.expr(right)?;
                        if let Value::Number(y) = r {
                            if let Some(v) = ops::number_binary(*op, x, y) {
                                std::mem::forget(r);
                                return Ok(v);
                            }
                        }
                        return ops::binary(self, *op, Value::Number(x), r);
                    }
                    l => l.clone(),
                };
                let r = self.expr(right)?;
                ops::binary(self, *op, l, r)?
            }
            Expr::BinExprReg { op, left, reg } => {
                let l = self.expr(left)?;
                let r = &self.stack[self.base + *reg as usize];
                if let (Value::Number(x), Value::Number(y)) = (&l, r) {
                    if let Some(v) = ops::number_binary(*op, *x, *y) {
                        std::mem::forget(l);
                        return Ok(v);
                    }
                }
                let r = r.clone();
                ops::binary(self, *op, l, r)?
            }
            Expr::CompoundReg { op, reg, value } => self.compound_reg_value(*op, *reg, value)?,
            Expr::Binary { op, left, right } => {
                let l = self.operand(left)?;
                let r = self.operand(right)?;
                if let (Value::Number(x), Value::Number(y)) = (&l, &r) {
                    if let Some(v) = ops::number_binary(*op, *x, *y) {
                        // Numbers own nothing: no drop glue.
                        std::mem::forget(l);
                        std::mem::forget(r);
                        return Ok(v);
                    }
                }
                ops::binary(self, *op, l, r)?
            }
            Expr::BinMember { op, left, right } => {
                if let Some(v) = self.member_numbers(e) {
                    return Ok(v);
                }
                let l = self.binary_operand(left)?;
                let r = self.binary_operand(right)?;
                if let (Value::Number(x), Value::Number(y)) = (&l, &r) {
                    if let Some(v) = ops::number_binary(*op, *x, *y) {
                        // Numbers own nothing: no drop glue.
                        std::mem::forget(l);
                        std::mem::forget(r);
                        return Ok(v);
                    }
                }
                ops::binary(self, *op, l, r)?
            }
            Expr::Logical { op, left, right } => {
                // (`p.a - q.a || p.b - q.b`: field arithmetic answered in place.)
                let l = match self.member_numbers(left) {
                    Some(v) => v,
                    None => self.expr(left)?,
                };
                let short = match (op, &l) {
                    (LogicalOp::Or, Value::Number(n)) => !(*n == 0.0 || n.is_nan()),
                    (LogicalOp::And, Value::Number(n)) => *n == 0.0 || n.is_nan(),
                    (LogicalOp::And, _) => !l.to_boolean(),
                    (LogicalOp::Or, _) => l.to_boolean(),
                    (LogicalOp::Nullish, _) => !l.is_nullish(),
                };
                if short {
                    l
                } else {
                    l.release();
                    match self.member_numbers(right) {
                        Some(v) => v,
                        None => self.expr(right)?,
                    }
                }
            }
            Expr::UpdatePlace {
                op,
                prefix,
                place,
                tdz,
            } => {
                // `i++` on a number in a register (most loop counters): in place.
                if let (Place::Reg(r), None) = (place, tdz) {
                    if let Value::Number(n) = &mut self.stack[self.base + *r as usize] {
                        let old = *n;
                        let new = update(*op, old);
                        *n = new;
                        return Ok(Value::Number(if *prefix { new } else { old }));
                    }
                }
                let old = self.read_place(*place, *tdz)?;
                if let Value::Number(old) = old {
                    let new = update(*op, old);
                    self.write_place(*place, Value::Number(new));
                    return Ok(Value::Number(if *prefix { new } else { old }));
                }
                let (new, old) = ops::update(self, *op, &old)?;
                self.write_place(*place, new.clone());
                if *prefix {
                    new
                } else {
                    old
                }
            }
            Expr::CompoundPlace { op, place, value } => self.compound_place(*op, *place, value)?,
            Expr::Cond { test, cons, alt } => {
                if self.truthy(test)? {
                    self.operand(cons)?
                } else {
                    self.operand(alt)?
                }
            }
            Expr::Member { object, key, pos } => {
                let obj = self.expr(object)?;
                let key = match (&**key, &obj) {
                    (Key::Named(atom), Value::Object(o)) => {
                        let k = PropertyKey::String(*atom);
                        if let Some(v) = props::get_named_fast(o, &k) {
                            return Ok(v);
                        }
                        k
                    }
                    (Key::Computed(e), _) => {
                        let kv = self.expr(e)?;
                        match (&kv, &obj) {
                            (Value::Number(n), Value::Object(o)) => {
                                if let Some(v) = props::get_index_fast(o, *n) {
                                    return Ok(v);
                                }
                                ops::to_property_key(self, &kv)?
                            }
                            (Value::String(_), Value::Object(_)) => {
                                return self.member_string_key(&obj, &kv, *pos);
                            }
                            _ => ops::to_property_key(self, &kv)?,
                        }
                    }
                    (key, _) => self.key(key)?,
                };
                // A nullish base's TypeError and a getter's or proxy trap's call are
                // reported at the property.
                self.set_pos(*pos);
                self.get_member(&obj, &key)?
            }
            Expr::MemberReg { reg, key, pos } => {
                let k = PropertyKey::String(*key);
                if let Value::Object(o) = &self.stack[self.base + *reg as usize] {
                    if let Some(v) = props::get_named_fast(o, &k) {
                        return Ok(v);
                    }
                }
                let obj = self.stack[self.base + *reg as usize].clone();
                self.member_named_slow(&obj, k, *pos)?
            }
            Expr::MemberReg2 { reg, keys, pos } => {
                let k1 = PropertyKey::String(keys[0]);
                let k2 = PropertyKey::String(keys[1]);
                if let Value::Object(o) = &self.stack[self.base + *reg as usize] {
                    if let Some(v) = props::get_named_path2(o, &k1, &k2) {
                        return Ok(v);
                    }
                }
                let obj = self.stack[self.base + *reg as usize].clone();
                let mid = self.member_named(&obj, k1, pos[0])?;
                self.member_named(&mid, k2, pos[1])?
            }
            Expr::SetMember { object, key, value } => {
                let obj = self.expr(object)?;
                let key = self.key(key)?;
                let v = self.expr(value)?;
                self.member_put(&obj, key, v.clone())?;
                v
            }
            Expr::Call { callee, args, span } => self.eval_call(callee, args, *span)?,
            Expr::This => self.this.clone(),
            _ => self.expr_cold(e)?,
        })
    }

    /// The rarely hot expressions, out of line so `expr` keeps a small stack frame (each
    /// nested expression costs one `expr` frame).
    #[inline(never)]
    fn expr_cold(&mut self, e: &Expr) -> JsResult<Value> {
        Ok(match e {
            Expr::TypeofGlobal(g) if g.dynamic.is_some() => self.dyn_typeof(g)?,
            Expr::SetGlobal { global, value } if global.dynamic.is_some() => {
                self.dyn_assign(global, value)?
            }
            Expr::UpdateGlobal { op, prefix, global } if global.dynamic.is_some() => {
                self.dyn_update(global, *op, *prefix)?
            }
            Expr::CompoundGlobal { op, global, value } if global.dynamic.is_some() => {
                self.dyn_compound(*op, global, value)?
            }
            Expr::DeleteGlobal(g) if g.dynamic.is_some() => self.dyn_delete(g)?,
            Expr::DirectEval(d) => self.direct_eval(d)?,
            Expr::TypeofGlobal(g) => {
                match self.global_lex_get(&PropertyKey::String(g.name)) {
                    Some(Ok((v, _))) => return Ok(Value::String(v.type_of().to_js_string())),
                    Some(Err(())) => return Err(self.tdz_error(g.name)),
                    None => {}
                }
                let global = Value::Object(self.global.clone());
                match props::lookup(self, &global, &PropertyKey::String(g.name))? {
                    Some(v) => Value::String(v.type_of().to_js_string()),
                    None => Value::String(JsString::from("undefined")),
                }
            }
            Expr::SetGlobal { global, value } => {
                let v = self.expr(value)?;
                self.set_global(global, v.clone())?;
                v
            }
            Expr::Unary { op, arg } => {
                let v = self.expr(arg)?;
                match op {
                    UnaryOp::Not => Value::Bool(!v.to_boolean()),
                    UnaryOp::Minus => match v {
                        Value::Number(n) => Value::Number(-n),
                        v => ops::negate(self, &v)?,
                    },
                    UnaryOp::Plus => Value::Number(ops::to_number(self, &v)?),
                    UnaryOp::BitNot => match v {
                        Value::Number(n) => {
                            Value::Number(!crate::value::number::to_int32(n) as f64)
                        }
                        v => ops::bitwise_not(self, &v)?,
                    },
                    UnaryOp::TypeOf => Value::String(v.type_of().to_js_string()),
                    UnaryOp::Void => Value::Undefined,
                    UnaryOp::Delete => Value::Bool(true),
                }
            }
            Expr::UpdateGlobal { op, prefix, global } => {
                let old = self.get_global(global)?;
                let (new, old) = ops::update(self, *op, &old)?;
                self.set_global(global, new.clone())?;
                if *prefix {
                    new
                } else {
                    old
                }
            }
            Expr::UpdateMember {
                op,
                prefix,
                object,
                key,
            } => {
                let obj = self.expr(object)?;
                if obj.is_nullish() {
                    return Err(self.nullish_base_error(&obj, key));
                }
                let key = self.key(key)?;
                let old = self.member_get(&obj, &key)?;
                let (new, old) = ops::update(self, *op, &old)?;
                self.member_put(&obj, key, new.clone())?;
                if *prefix {
                    new
                } else {
                    old
                }
            }
            Expr::CompoundGlobal { op, global, value } => {
                let old = self.get_global(global)?;
                let r = self.expr(value)?;
                let v = ops::binary(self, *op, old, r)?;
                self.set_global(global, v.clone())?;
                v
            }
            Expr::CompoundMember {
                op,
                object,
                key,
                value,
            } => {
                let obj = self.expr(object)?;
                // `o.k op= v` on an object whose `k` is a data property (or absent) along
                // the chain: read without building a reference; the write below takes
                // `member_put`'s own fast path.
                let fast_old = match (&**key, &obj) {
                    (Key::Named(a), Value::Object(o)) => {
                        props::get_named_fast(o, &PropertyKey::String(*a))
                    }
                    _ => None,
                };
                let (key, old) = match fast_old {
                    Some(old) => {
                        let Key::Named(a) = &**key else {
                            unreachable!()
                        };
                        (PropertyKey::String(*a), old)
                    }
                    None => {
                        if obj.is_nullish() {
                            return Err(self.nullish_base_error(&obj, key));
                        }
                        let key = self.key(key)?;
                        let old = self.member_get(&obj, &key)?;
                        (key, old)
                    }
                };
                let r = self.expr(value)?;
                let v = match (&old, &r) {
                    (Value::Number(x), Value::Number(y)) => match ops::number_binary(*op, *x, *y) {
                        Some(v) => v,
                        None => ops::binary(self, *op, old, r)?,
                    },
                    _ => ops::binary(self, *op, old, r)?,
                };
                self.member_put(&obj, key, v.clone())?;
                v
            }
            Expr::New { callee, args, span } => {
                self.set_pos(span.start);
                let f = self.expr(callee)?;
                // `new Promise(arrow)`: the executor closure would be reachable from nothing
                // but the constructor's argument, so %Promise% runs the arrow's code itself.
                if let [Arg {
                    expr: Expr::Function(code),
                    spread: false,
                }] = &**args
                {
                    if code.lean
                        && code.this_mode == ThisMode::Lexical
                        && matches!(&f, Value::Object(o) if JsObject::ptr_eq(o, &self.intrinsics.promise_ctor))
                    {
                        self.set_pos(span.start);
                        // The depth level of the native constructor's call.
                        if self.depth >= self.budget.max_depth {
                            return Err(self.depth_exceeded());
                        }
                        self.depth += 1;
                        let r = crate::builtins::promise::construct_with_arrow(self, code);
                        self.depth -= 1;
                        return r;
                    }
                }
                let base = self.stack.len();
                if let Err(t) = self.push_args(args) {
                    self.stack.truncate(base);
                    return Err(t);
                }
                self.set_pos(span.start);
                if let Value::Object(o) = &f {
                    if let Some((code, env)) = function::lean_ctor(o) {
                        return self.construct_lean(&code, env, o, base, o);
                    }
                }
                let ctor = match &f {
                    Value::Object(o) => function::callable(o).filter(|(_, is_ctor)| *is_ctor),
                    _ => None,
                };
                match (ctor, &f) {
                    // A closure constructor takes its arguments where they are on the stack.
                    (Some((Callable::Closure(code, env, me), _)), Value::Object(o)) => {
                        if self.depth >= self.budget.max_depth {
                            self.stack.truncate(base);
                            return Err(self.depth_exceeded());
                        }
                        return self.construct_closure_at(&code, env, me, base, o);
                    }
                    (Some(_), _) => {}
                    (None, _) => {
                        self.stack.truncate(base);
                        let what = self.callee_text(*span).unwrap_or_else(|| {
                            crate::builtins::console::inspect_short(&f).to_string()
                        });
                        return Err(self.throw_type_error(&format!("{what} is not a constructor")));
                    }
                }
                let mut argv = self.take_arg_vec();
                argv.extend(self.stack.drain(base..));
                let r = self.construct(&f, &argv);
                self.give_arg_vec(argv);
                r?
            }
            Expr::Function(code) => self.make_closure(code),
            Expr::Array(elems) => {
                let mut values = Vec::with_capacity(elems.len());
                for el in elems.iter() {
                    match el {
                        None => values.push(None),
                        Some(Arg {
                            expr,
                            spread: false,
                        }) => values.push(Some(self.expr(expr)?)),
                        Some(Arg { expr, spread: true }) => {
                            let v = self.expr(expr)?;
                            for item in props::iterate_to_vec(self, &v)? {
                                values.push(Some(item));
                            }
                        }
                    }
                }
                Value::Object(self.new_array_with_holes(values))
            }
            Expr::AssignMemberReg(a) => self.assign_member_reg(a)?,
            Expr::ObjectLit(lit) => {
                let map = PropertyMap::try_from_distinct(&lit.keys, |i| {
                    self.leaf_operand(&lit.values[i])
                })?;
                Value::Object(JsObject::with_properties(
                    Some(self.intrinsics.object_proto.clone()),
                    map,
                    ObjectKind::Ordinary,
                ))
            }
            Expr::Object(ps) => {
                let obj = JsObject::ordinary(Some(self.intrinsics.object_proto.clone()));
                for p in ps.iter() {
                    match p {
                        ObjProp::Value { key, value } => {
                            let key = self.key(key)?;
                            let v = self.expr(value)?;
                            if let (Expr::Function(code), Value::Object(f)) = (value, &v) {
                                if code.uses_super {
                                    function::extra_mut(f, |x| x.home = Some(obj.clone()));
                                }
                            }
                            props::define_data(&obj, key, v);
                        }
                        ObjProp::Proto(value) => {
                            let v = self.expr(value)?;
                            match v {
                                Value::Object(p) => obj.borrow_mut().prototype = Some(p),
                                Value::Null => obj.borrow_mut().prototype = None,
                                _ => {}
                            }
                        }
                        ObjProp::Getter { key, func } => {
                            let key = self.key(key)?;
                            let f = self.make_closure(func);
                            if let (true, Value::Object(fo)) = (func.uses_super, &f) {
                                function::extra_mut(fo, |x| x.home = Some(obj.clone()));
                            }
                            props::define_accessor(&obj, key, f.as_object().cloned(), None);
                        }
                        ObjProp::Setter { key, func } => {
                            let key = self.key(key)?;
                            let f = self.make_closure(func);
                            if let (true, Value::Object(fo)) = (func.uses_super, &f) {
                                function::extra_mut(fo, |x| x.home = Some(obj.clone()));
                            }
                            props::define_accessor(&obj, key, None, f.as_object().cloned());
                        }
                        ObjProp::Spread(e) => {
                            let src = self.expr(e)?;
                            props::copy_data_properties(self, &obj, &src)?;
                        }
                    }
                }
                Value::Object(obj)
            }
            Expr::Template { quasis, exprs } => {
                let mut pieces = Vec::with_capacity(quasis.len() + exprs.len());
                for (i, q) in quasis.iter().enumerate() {
                    if let Value::String(s) = q {
                        pieces.push(s.clone());
                    }
                    if let Some(e) = exprs.get(i) {
                        let v = self.expr(e)?;
                        pieces.push(ops::to_string(self, &v)?);
                    }
                }
                match JsString::concat_all(&pieces) {
                    Ok(s) => Value::String(s),
                    Err(_) => return Err(self.throw_range_error("Invalid string length")),
                }
            }
            Expr::Seq(xs) => {
                let mut last = Value::Undefined;
                for x in xs.iter() {
                    last = self.expr(x)?;
                }
                last
            }
            Expr::DeleteMember { object, key } => {
                let obj = self.expr(object)?;
                let key = self.key(key)?;
                Value::Bool(props::delete_value(self, &obj, &key)?)
            }
            Expr::DeleteGlobal(g) => {
                let global = self.global.clone();
                Value::Bool(props::delete(self, &global, &PropertyKey::String(g.name))?)
            }
            Expr::Regex(lit) => crate::builtins::regexp::literal(self, lit)?,
            Expr::Destructure { pattern, value } => {
                let v = self.expr(value)?;
                self.destructure(pattern, v.clone())?;
                v
            }
            Expr::LogicalAssign { op, read, write } => {
                let l = self.expr(read)?;
                if logical_short(*op, &l) {
                    l
                } else {
                    self.expr(write)?
                }
            }
            Expr::LogicalMember {
                op,
                object,
                key,
                value,
            } => {
                let obj = self.expr(object)?;
                let key = self.key(key)?;
                let l = self.get_member(&obj, &key)?;
                if logical_short(*op, &l) {
                    l
                } else {
                    let v = self.expr(value)?;
                    self.put_member(&obj, key, v.clone())?;
                    v
                }
            }
            Expr::Class(c) => self.eval_class(c)?,
            Expr::SuperMember { this, key } => {
                let this = self.expr(this)?;
                let key = self.key(key)?;
                self.super_get(this, &key)?
            }
            Expr::SuperCall {
                args,
                this_place,
                new_target,
                ..
            } => {
                // GetNewTarget, GetSuperConstructor, then the arguments.
                let nt = self.expr(new_target)?;
                let Some(func) = self.func.clone() else {
                    return Err(self.throw_type_error("'super' keyword unexpected here"));
                };
                let parent = func.prototype();
                let base = self.stack.len();
                if let Err(t) = self.push_args(args) {
                    self.stack.truncate(base);
                    return Err(t);
                }
                self.super_call_at(func, parent, base, *this_place, nt)?
            }
            Expr::PrivateIn { name, object } => {
                let o = self.expr(object)?;
                self.private_in(name, &o)?
            }
            Expr::TaggedTemplate(t) => self.tagged_template(t)?,
            Expr::OptChain(inner) => match self.expr(inner) {
                Err(Throw) if self.short_circuit => {
                    self.short_circuit = false;
                    Value::Undefined
                }
                r => r?,
            },
            Expr::OptionalCheck(inner) => {
                let v = self.expr(inner)?;
                if v.is_nullish() {
                    self.short_circuit = true;
                    return Err(Throw);
                }
                v
            }
            _ => unreachable!("hot expressions are handled by expr"),
        })
    }

    #[inline(never)]
    fn eval_call(&mut self, site: &(Callee, Span), args: &[Arg], span: Span) -> JsResult<Value> {
        let callee = &site.0;
        // The call's position also covers errors while evaluating the callee (an undefined
        // global function); it is set again below, after the arguments' own calls.
        self.set_pos(span.start);
        match callee {
            Callee::Plain(Expr::Global(g)) => {
                if let Some((code, env)) = self.global_lean_callee(g) {
                    return self.call_lean_parts(code, env, None, args, span);
                }
            }
            Callee::Plain(Expr::Get {
                place: Place::Reg(r),
                tdz: None,
            }) => {
                if let Some((code, env, me)) = lean_callee(&self.stack[self.base + *r as usize]) {
                    return self.call_lean_parts(code, env, me, args, span);
                }
            }
            _ => {}
        }
        Ok({
            let (f, this) = match callee {
                Callee::Plain(Expr::Global(g)) => match &g.dynamic {
                    Some(_) => self.dyn_callee(g)?,
                    None => (self.get_global_by_name(g)?, Value::Undefined),
                },
                Callee::Plain(e) => (self.expr(e)?, Value::Undefined),
                Callee::Method { object, key } => {
                    // (A register receiver, `this.m()` included, or a call's result, without
                    // an `expr` frame.)
                    let obj = self.operand(object)?;
                    let fast = match (key, &obj) {
                        (Key::Named(atom), Value::Object(o)) => {
                            props::get_method_fast(&mut self.method_cache, o, *atom)
                        }
                        _ => None,
                    };
                    match fast {
                        Some(MethodHit::Lean((code, env))) => {
                            return self.call_lean_method(code, env, obj, args, span);
                        }
                        Some(MethodHit::Value(f)) => (f, obj),
                        None => {
                            let key = self.key(key)?;
                            (self.get_member(&obj, &key)?, obj)
                        }
                    }
                }
                Callee::CheckPlain(e) => (self.expr(e)?, Value::Undefined),
                Callee::Super { this, key } => {
                    let this = self.expr(this)?;
                    let key = self.key(key)?;
                    (self.super_get(this.clone(), &key)?, this)
                }
                Callee::CheckMethod { object, key } => {
                    let obj = self.expr(object)?;
                    let key = self.key(key)?;
                    (self.get_member(&obj, &key)?, obj)
                }
                Callee::Bound { func, this } => (self.expr(func)?, self.expr(this)?),
            };
            if matches!(callee, Callee::CheckPlain(_) | Callee::CheckMethod { .. })
                && f.is_nullish()
            {
                self.short_circuit = true;
                return Err(Throw);
            }
            let base = self.stack.len();
            if let Err(t) = self.push_args(args) {
                self.stack.truncate(base);
                return Err(t);
            }
            self.set_pos(span.start);
            self.call_from_stack(&f, this, base, span, site)?
        })
    }

    /// GetValue of a member reference whose key is already a property key: the named-key
    /// fast path of `props`, else `get_member`.
    #[inline]
    pub(crate) fn member_get(&mut self, obj: &Value, key: &PropertyKey) -> JsResult<Value> {
        if let (Value::Object(o), PropertyKey::String(_)) = (obj, key) {
            if let Some(v) = props::get_named_fast(o, key) {
                return Ok(v);
            }
        }
        self.get_member(obj, key)
    }

    /// `obj.key` for a named key (the `Member` node's semantics): fast path, then the
    /// general [[Get]] with a nullish base reported at `pos`.
    #[inline]
    fn member_named(&mut self, obj: &Value, key: PropertyKey, pos: u32) -> JsResult<Value> {
        if let Value::Object(o) = obj {
            if let Some(v) = props::get_named_fast(o, &key) {
                return Ok(v);
            }
        }
        self.member_named_slow(obj, key, pos)
    }

    /// `o[k]` with a string `k` (`dict[key]`): a named read unless `k` is an index.
    #[inline(never)]
    fn member_string_key(&mut self, obj: &Value, k: &Value, pos: u32) -> JsResult<Value> {
        let Value::String(s) = k else {
            unreachable!("a string key")
        };
        let key = PropertyKey::from_js_string(s);
        if let (PropertyKey::String(_), Value::Object(o)) = (&key, obj) {
            if let Some(v) = props::get_named_fast(o, &key) {
                return Ok(v);
            }
        }
        self.member_named_slow(obj, key, pos)
    }

    #[inline(never)]
    fn member_named_slow(&mut self, obj: &Value, key: PropertyKey, pos: u32) -> JsResult<Value> {
        // The TypeError get_member throws on a nullish base, and the call of a getter or a
        // proxy trap, are reported at the property (V8's position for both).
        self.set_pos(pos);
        self.get_member(obj, &key)
    }

    /// A value operand without an `expr` call for the leaves the member nodes make
    /// (`p.vel.x`, `p.x`, a register, a constant).
    #[inline(always)]
    fn leaf_operand(&mut self, e: &Expr) -> JsResult<Value> {
        if let Some(v) = self.pure_operand(e) {
            return Ok(v);
        }
        self.expr(e)
    }

    /// `operand` when it needs no general path: reads of own or inherited data properties,
    /// registers, constants. No JS runs and nothing changes, so a caller may evaluate it
    /// early (and drop the result) where the order of evaluation could not be observed.
    #[inline(always)]
    fn pure_operand(&self, e: &Expr) -> Option<Value> {
        match e {
            Expr::MemberReg2 { reg, keys, .. } => {
                if let Value::Object(o) = &self.stack[self.base + *reg as usize] {
                    let k1 = ManuallyDrop::new(PropertyKey::String(keys[0]));
                    let k2 = ManuallyDrop::new(PropertyKey::String(keys[1]));
                    if let Some(v) = props::get_own_data2(o, &k1, &k2) {
                        return Some(v);
                    }
                    return props::get_named_path2(o, &k1, &k2);
                }
                None
            }
            Expr::MemberReg { reg, key, .. } => {
                let (o, k) = self.member_reg_parts(*reg, *key)?;
                if let Some(v) = props::get_own_data(o, &k) {
                    return Some(v);
                }
                props::get_named_fast(o, &k)
            }
            Expr::Get {
                place: Place::Reg(r),
                tdz: None,
            } => Some(clone_value(&self.stack[self.base + *r as usize])),
            Expr::Const(v) => Some(clone_value(v)),
            _ => None,
        }
    }

    /// `Expr::AssignMemberReg`: `r.k (op)= v` or `r.a.k (op)= v`, evaluated as `SetMember` /
    /// `CompoundMember` would with `r` / `r.a` as the object expression.
    #[inline(never)]
    fn assign_member_reg(&mut self, a: &AssignMemberReg) -> JsResult<Value> {
        if let Some(op) = a.op {
            if let Some(v) = self.compound_member_in_place(op, a) {
                return Ok(v);
            }
        }
        let slot = self.base + a.reg as usize;
        let obj = match a.mid {
            None => self.stack[slot].clone(),
            Some((mid, pos)) => {
                let mid = PropertyKey::String(mid);
                let fast = match &self.stack[slot] {
                    Value::Object(o) => props::get_named_fast(o, &mid),
                    _ => None,
                };
                match fast {
                    Some(v) => v,
                    None => {
                        let base = self.stack[slot].clone();
                        self.member_named_slow(&base, mid, pos)?
                    }
                }
            }
        };
        let key = PropertyKey::String(a.key);
        let Some(op) = a.op else {
            let v = self.leaf_operand(&a.value)?;
            self.member_put(&obj, key, v.clone())?;
            return Ok(v);
        };
        let fast_old = match &obj {
            Value::Object(o) => props::get_named_fast(o, &key),
            _ => None,
        };
        let old = match fast_old {
            Some(v) => v,
            None => {
                if obj.is_nullish() {
                    return Err(self.nullish_base_error(&obj, &Key::Named(a.key)));
                }
                self.member_get(&obj, &key)?
            }
        };
        let r = self.leaf_operand(&a.value)?;
        let v = match (&old, &r) {
            (Value::Number(x), Value::Number(y)) => match ops::number_binary(op, *x, *y) {
                Some(v) => v,
                None => ops::binary(self, op, old, r)?,
            },
            _ => ops::binary(self, op, old, r)?,
        };
        self.member_put(&obj, key, v.clone())?;
        Ok(v)
    }

    /// `r.k = v;` as a statement (`this.x = x` in constructors): when `v` is a
    /// `pure_operand` and `r` holds an object, the object is used in place (no handle clone)
    /// and no result value is made. Reading `v` before `r` cannot be observed (neither runs
    /// code nor changes anything). Anything else: `assign_member_reg`.
    #[inline(always)]
    fn assign_member_stmt(&mut self, a: &AssignMemberReg) -> JsResult<()> {
        if a.op.is_none() && a.mid.is_none() && self.put_reg_member(a.reg, a.key, &a.value)? {
            return Ok(());
        }
        self.assign_member_reg(a)?.release();
        Ok(())
    }

    /// `r.k = v;` as a statement where `r` may be in its TDZ (`this.w = w` in a derived
    /// constructor after `super(...)`): as `assign_member_stmt` when `r` holds an object
    /// (an uninitialised binding holds a symbol); everything else takes `Expr::SetMember`.
    #[inline(always)]
    fn set_member_stmt(&mut self, object: &Expr, key: &Key, value: &Expr) -> JsResult<()> {
        if let (
            Expr::Get {
                place: Place::Reg(r),
                ..
            },
            Key::Named(k),
        ) = (object, key)
        {
            if self.put_reg_member(*r, *k, value)? {
                return Ok(());
            }
        }
        self.set_member_general(object, key, value)
    }

    /// `Expr::SetMember` as a statement, by the general steps (out of line: `stmt` keeps
    /// its frame).
    #[inline(never)]
    fn set_member_general(&mut self, object: &Expr, key: &Key, value: &Expr) -> JsResult<()> {
        let obj = self.expr(object)?;
        let key = self.key(key)?;
        let v = self.expr(value)?;
        self.member_put(&obj, key, v)
    }

    /// The shared step of `assign_member_stmt`/`set_member_stmt`: `Ok(true)` when the
    /// assignment was done (in place, or by the general [[Set]] once `v` was evaluated),
    /// `Ok(false)` when nothing was evaluated (not a pure operand, not an object). (Out
    /// of line: inlined, its operand reads grew `stmt`'s frame.)
    #[inline(never)]
    fn put_reg_member(&mut self, reg: u32, key: Atom, value: &Expr) -> JsResult<bool> {
        let slot = self.base + reg as usize;
        if !matches!(self.stack[slot], Value::Object(_)) {
            return Ok(false);
        }
        let Some(v) = self.pure_operand(value) else {
            return Ok(false);
        };
        let k = ManuallyDrop::new(PropertyKey::String(key));
        let Value::Object(o) = &self.stack[slot] else {
            unreachable!("checked above")
        };
        if let Err(v) = props::set_named_fast(o, &k, v) {
            self.put_reg_member_slow(slot, key, v)?;
        }
        Ok(true)
    }

    /// The general [[Set]] of `put_reg_member` (setters, read-only properties, exotic
    /// objects), `v` evaluated.
    #[cold]
    #[inline(never)]
    fn put_reg_member_slow(&mut self, slot: usize, key: Atom, v: Value) -> JsResult<()> {
        let obj = self.stack[slot].clone();
        self.put_member(&obj, PropertyKey::String(key), v)
    }

    /// `r.k op= v` / `r.a.k op= v` with numbers throughout (`p.pos.x += p.vel.x`): the
    /// target is an own writable data property holding a number (`r.a` an own data property
    /// holding an object), and `v` a `pure_operand` giving a number. `v` is evaluated first,
    /// which nothing can observe: it runs no code and changes nothing, and the target's
    /// read has no side effect either. `None`: nothing happened, take the general steps.
    #[inline(always)]
    fn compound_member_in_place(&self, op: BinaryOp, a: &AssignMemberReg) -> Option<Value> {
        let Value::Object(base) = &self.stack[self.base + a.reg as usize] else {
            return None;
        };
        // SAFETY: the reference is dropped before anything runs JS; the target's mutable
        // borrow below is of another object (checked).
        let outer = unsafe { base.peek() }?;
        let target = match a.mid {
            None => base,
            Some((mid, _)) => {
                let mid = ManuallyDrop::new(PropertyKey::String(mid));
                match outer.properties.named_property(&mid) {
                    Some(Property {
                        slot: Slot::Data(Value::Object(inner)),
                        ..
                    }) if !JsObject::ptr_eq(inner, base) => inner,
                    _ => return None,
                }
            }
        };
        let Value::Number(y) = self.pure_operand(&a.value)? else {
            return None;
        };
        let key = ManuallyDrop::new(PropertyKey::String(a.key));
        props::compound_own_number(target, &key, op, y)
    }

    /// PutValue of a member reference (same fast path as `member_get`).
    #[inline]
    fn member_put(&mut self, obj: &Value, key: PropertyKey, v: Value) -> JsResult<()> {
        if let (Value::Object(o), PropertyKey::String(_)) = (obj, &key) {
            return match props::set_named_fast(o, &key, v) {
                Ok(()) => Ok(()),
                Err(v) => self.put_member(obj, key, v),
            };
        }
        self.put_member(obj, key, v)
    }

    pub(crate) fn key(&mut self, key: &Key) -> JsResult<PropertyKey> {
        match key {
            Key::Named(a) => Ok(PropertyKey::String(*a)),
            Key::Private(s) => Ok(PropertyKey::Symbol(s.clone())),
            Key::Computed(e) => match self.expr(e)? {
                Value::String(s) => Ok(PropertyKey::from_js_string(&s)),
                v => ops::to_property_key(self, &v),
            },
        }
    }

    fn push_args(&mut self, args: &[Arg]) -> JsResult<()> {
        for a in args {
            // Register reads and `reg ± number` (`f(x)`, `fib(n - 1)`) need no `expr` call.
            let v = match &a.expr {
                Expr::Get {
                    place: Place::Reg(r),
                    tdz: None,
                } => clone_value(&self.stack[self.base + *r as usize]),
                Expr::BinRegConst { op, reg, rhs } => {
                    match (&self.stack[self.base + *reg as usize], op) {
                        (Value::Number(x), BinaryOp::Add) => Value::Number(x + rhs),
                        (Value::Number(x), BinaryOp::Sub) => Value::Number(x - rhs),
                        _ => self.expr(&a.expr)?,
                    }
                }
                e => self.expr(e)?,
            };
            if a.spread {
                let items = props::iterate_to_vec(self, &v)?;
                self.stack.extend(items);
            } else {
                self.stack.push(v);
            }
        }
        Ok(())
    }

    pub fn new_array(&mut self, values: Vec<Value>) -> JsObject {
        self.new_array_with_holes(values.into_iter().map(Some).collect())
    }

    fn new_array_with_holes(&mut self, values: Vec<Option<Value>>) -> JsObject {
        let arr = JsObject::new(
            Some(self.intrinsics.array_proto.clone()),
            ObjectKind::Array(ArrayData {
                length: values.len() as u32,
                length_writable: true,
            }),
        );
        {
            let mut data = arr.borrow_mut();
            for (i, v) in values.into_iter().enumerate() {
                if let Some(v) = v {
                    data.properties.insert(
                        PropertyKey::Index(i as u32),
                        crate::value::property::Property::data(
                            v,
                            crate::value::property::Attributes::DEFAULT,
                        ),
                    );
                }
            }
        }
        arr
    }

    // ───────────── calls ─────────────

    pub fn make_closure(&mut self, code: &Rc<Code>) -> Value {
        // Most closures (arrows, plain non-constructor functions): no record for their own
        // name, no `prototype`, no generator prototype, no `super`: what `make_closure_plain`
        // builds for them, without its tests.
        if code.name_env.is_none()
            && !code.is_constructor
            && code.machine.is_none()
            && !code.uses_super
        {
            use crate::value::property::PropertyMap;
            return Value::Object(JsObject::with_properties(
                Some(self.intrinsics.function_proto.clone()),
                PropertyMap::with_shared(function::code_length_and_name(code)),
                ObjectKind::Closure(function::ClosureData {
                    code: code.clone(),
                    env: self.closure_env(code),
                }),
            ));
        }
        let f = self.make_closure_plain(code);
        if code.uses_super && code.this_mode == ThisMode::Lexical {
            self.capture_super(&f);
        }
        f
    }

    /// The environment a new closure of `code` keeps: the current one, behind a record
    /// holding the current `this` for an arrow with its own copy (`Code::outer_this`).
    #[inline(always)]
    fn closure_env(&self, code: &Code) -> Option<Gc<Env>> {
        match code.outer_this {
            None => self.env.clone(),
            Some(place) => Some(self.this_record(place)),
        }
    }

    /// The record in front of the environment of an arrow's closure holding its copy of
    /// `this`, read from `place` ([`Interp::closure_env`]).
    #[cold]
    #[inline(never)]
    fn this_record(&self, place: Place) -> Gc<Env> {
        Env::holding(self.place_value(place), self.env.clone())
    }

    fn make_closure_plain(&mut self, code: &Rc<Code>) -> Value {
        // A named function expression whose name is captured gets a record holding itself.
        let env = match &code.name_env {
            Some((shape, _)) => Some(Env::new(shape, self.env.clone(), &self.uninit)),
            None => self.closure_env(code),
        };
        use crate::value::atoms;
        use crate::value::property::{Attributes, Property, PropertyMap};
        let length_and_name = function::code_length_and_name(code);
        // A constructor's `prototype` object: its `constructor` is filled in below, once the
        // function exists (in place: no reallocation).
        // (Ordinary functions get theirs on first use: `function::materialize_prototype`.)
        let proto = (code.is_constructor && !code.lazy_prototype()).then(|| {
            JsObject::with_properties(
                Some(self.intrinsics.object_proto.clone()),
                PropertyMap::with_entries(
                    None,
                    [(
                        PropertyKey::String(atoms::CONSTRUCTOR),
                        Property::data(Value::Undefined, Attributes::BUILTIN),
                    )],
                ),
                ObjectKind::Ordinary,
            )
        });
        // Built with its whole own property list, in V8's order: `length`, `name`
        // (SetFunctionLength, SetFunctionName: shared with every closure of this code unless
        // more follow), then for constructors V8's legacy `arguments`/`caller` (null, sloppy
        // plain functions only: they shadow Function.prototype's poisoned accessors) and
        // `prototype` (MakeConstructor).
        let properties = match &proto {
            None => PropertyMap::with_shared(length_and_name),
            Some(p) => {
                let prototype = (
                    PropertyKey::String(atoms::PROTOTYPE),
                    Property::data(Value::Object(p.clone()), Attributes::WRITABLE),
                );
                if code.this_mode == ThisMode::Sloppy && code.class_ctor.is_none() {
                    let legacy = |name| {
                        (
                            PropertyKey::String(name),
                            Property::data(Value::Null, Attributes::NONE),
                        )
                    };
                    PropertyMap::with_entries(
                        Some(length_and_name),
                        [legacy(atoms::ARGUMENTS), legacy(atoms::CALLER), prototype],
                    )
                } else {
                    PropertyMap::with_entries(Some(length_and_name), [prototype])
                }
            }
        };
        let f = JsObject::with_properties(
            Some(self.function_proto_for(code)),
            properties,
            ObjectKind::Closure(function::ClosureData {
                code: code.clone(),
                env: env.clone(),
            }),
        );
        if let (Some((_, slot)), Some(env)) = (&code.name_env, &env) {
            env.set(*slot as usize, Value::Object(f.clone()));
        }
        if let Some(p) = &proto {
            let mut data = p.borrow_mut();
            let constructor = data
                .properties
                .named_property_mut(&PropertyKey::String(atoms::CONSTRUCTOR))
                .expect("made above");
            constructor.slot = crate::value::property::Slot::Data(Value::Object(f.clone()));
        }
        self.machine_prototype_prop(code, &f);
        Value::Object(f)
    }

    /// A closure over the global environment (the `Function` constructor's functions).
    pub fn make_global_closure(&mut self, code: &Rc<Code>) -> Value {
        let saved = self.env.take();
        let f = self.make_closure(code);
        self.env = saved;
        f
    }

    /// Call with arguments already pushed on the stack from `base`.
    fn call_from_stack(
        &mut self,
        f: &Value,
        this: Value,
        base: usize,
        span: Span,
        site: &(Callee, Span),
    ) -> JsResult<Value> {
        let Value::Object(obj) = f else {
            self.stack.truncate(base);
            return Err(self.not_a_function(site));
        };
        match function::fast_call(obj) {
            function::FastCall::Lean(code, env) => {
                return self.call_lean(&code, env, this, base, obj);
            }
            function::FastCall::Native(f) => {
                self.call_pos = span.start;
                return self.call_native_from_stack(f, this, base);
            }
            function::FastCall::Other => {}
        }
        let Some((callable, _)) = function::callable(obj) else {
            self.stack.truncate(base);
            return Err(self.not_a_function(site));
        };
        match callable {
            Callable::Closure(code, env, me) => self.call_closure(&code, env, this, base, me, None),
            other => {
                self.call_pos = span.start;
                let mut args = self.take_arg_vec();
                args.extend(self.stack.drain(base..));
                let r = self.call_callable(other, this, &args);
                self.give_arg_vec(args);
                r
            }
        }
    }

    #[cold]
    fn not_a_function(&mut self, (callee, call_span): &(Callee, Span)) -> Throw {
        let what = self
            .callee_text(*call_span)
            .unwrap_or_else(|| match callee {
                Callee::Plain(Expr::Global(g)) => g.name.to_js_string().to_string(),
                Callee::Method {
                    key: Key::Named(k), ..
                } => format!("(intermediate value).{}", k.to_js_string()),
                _ => "expression".to_string(),
            });
        self.throw_type_error(&format!("{what} is not a function"))
    }

    /// V8's text for the callee of the call or `new` at `span` in the running code (see
    /// `call_printer`), for the "is not a function/constructor" messages.
    #[cold]
    fn callee_text(&self, span: Span) -> Option<String> {
        let source = &self.frames.last()?.code.source;
        let text = source.get(span.start as usize..span.end as usize)?;
        call_printer::callee_text(text)
    }

    /// Run a closure of lean code (`Code::lean`) whose arguments are on the stack from `base`:
    /// the general `call_closure` without the steps such code never needs (argument copies,
    /// implicit bindings, `super`, class-constructor checks, state machines). Behaviour is
    /// the same, including the frame record stack traces read.
    fn call_lean(
        &mut self,
        code: &Rc<Code>,
        env: Option<Gc<Env>>,
        this: Value,
        base: usize,
        me: &JsObject,
    ) -> JsResult<Value> {
        self.call_lean_with(code, env, this, base, Some(me))
    }

    /// Run lean arrow code (`Code::lean`, lexical `this`) on the current environment, as a
    /// call of the closure an arrow function expression evaluated here would make, without
    /// making it: for callers that own the only reference such a closure would have (the
    /// executor of `new Promise(arrow)`, `builtins::promise::construct_with_arrow`). Its
    /// stack frame is named by nothing but its position, so the frame needs no function
    /// object.
    pub(crate) fn call_arrow_code(&mut self, code: &Rc<Code>, args: &[Value]) -> JsResult<Value> {
        debug_assert!(code.lean && code.this_mode == ThisMode::Lexical);
        // An arrow with its own copy of `this` takes it from here, where its closure would.
        let arrow_this = match code.outer_this {
            Some(place) => Some(self.read_place(place, None)?),
            None => None,
        };
        let base = self.stack.len();
        self.stack.extend_from_slice(args);
        let env = self.env.clone();
        match arrow_this {
            Some(t) => self.call_lean_arrow(code, env, Value::Undefined, base, None, Some(t)),
            None => self.call_lean_with(code, env, Value::Undefined, base, None),
        }
    }

    #[inline(always)]
    fn call_lean_with(
        &mut self,
        code: &Rc<Code>,
        env: Option<Gc<Env>>,
        this: Value,
        base: usize,
        me: Option<&JsObject>,
    ) -> JsResult<Value> {
        // A sloppy function sees a primitive receiver wrapped, which names its stack frame
        // (`at String.f`): the general path does that.
        if code.this_mode == ThisMode::Sloppy
            && !matches!(this, Value::Object(_) | Value::Undefined | Value::Null)
        {
            return self.call_closure(code, env, this, base, me.cloned(), None);
        }
        // An arrow with its own copy of `this` finds it in front of its environment.
        if code.outer_this.is_some() {
            return self.call_lean_arrow(code, env, this, base, me, None);
        }
        self.lean_call_body(code, env, this, base, me, None)
    }

    /// [`Interp::call_lean_with`] for an arrow with its own copy of `this`: `arrow_this`,
    /// or (`None`) the one in front of the closure's environment `env`.
    #[cold]
    #[inline(never)]
    fn call_lean_arrow(
        &mut self,
        code: &Rc<Code>,
        env: Option<Gc<Env>>,
        this: Value,
        base: usize,
        me: Option<&JsObject>,
        arrow_this: Option<Value>,
    ) -> JsResult<Value> {
        let (t, env) = match arrow_this {
            Some(t) => (t, env),
            None => Env::split_this(env),
        };
        self.lean_call_body(code, env, this, base, me, Some(t))
    }

    #[inline(always)]
    fn lean_call_body(
        &mut self,
        code: &Rc<Code>,
        env: Option<Gc<Env>>,
        this: Value,
        base: usize,
        me: Option<&JsObject>,
        arrow_this: Option<Value>,
    ) -> JsResult<Value> {
        self.enter_closure(base)?;
        let (saved_base, saved_env) = self.enter_lean_registers(code, env, base);
        // OrdinaryCallBindThis into the function's `this` binding, when it reads `this`
        // (primitive receivers of sloppy functions took the general path above), or an
        // arrow's copy.
        if let Some(place) = code.this_place {
            let bound = match arrow_this {
                Some(t) => t,
                None => self.bound_this(code, &this),
            };
            self.write_place(place, bound);
        }
        let saved_this = self.enter_arrow_this(code);
        self.push_call_frame(code, this, me);
        let saved_strict = std::mem::replace(&mut self.strict, code.strict);
        self.depth += 1;
        let result = self.eval_lean_body(code);
        self.leave_lean(base, saved_base, saved_env, saved_this, saved_strict);
        result
    }

    /// OrdinaryCallBindThis's value for a lean call: a sloppy function's nullish receiver is
    /// the global object (primitive receivers of sloppy functions take the general path).
    #[inline(always)]
    fn bound_this(&self, code: &Code, this: &Value) -> Value {
        match this {
            Value::Undefined | Value::Null if code.this_mode == ThisMode::Sloppy => {
                Value::Object(self.global.clone())
            }
            _ => this.clone(),
        }
    }

    /// Undo a lean call's set-up (`call_lean_with`, entered callbacks): depth, strictness,
    /// the frame, an arrow's `this`, base and environment, the registers from `base`.
    #[inline(always)]
    fn leave_lean(
        &mut self,
        base: usize,
        saved_base: usize,
        saved_env: Option<Gc<Env>>,
        saved_this: Option<Value>,
        saved_strict: bool,
    ) {
        self.depth -= 1;
        self.strict = saved_strict;
        if let Some(frame) = self.frames.pop() {
            frame.this.release();
        }
        if let Some(t) = saved_this {
            self.this = t;
        }
        self.base = saved_base;
        self.env = saved_env;
        self.truncate_stack(base);
    }

    /// Recompute the native stack floor for the stack segment running now (the embedding
    /// `Runtime` runs JS on segments it maps); returns the previous one for
    /// [`Interp::restore_stack_floor`].
    pub(crate) fn refresh_stack_floor(&mut self) -> usize {
        std::mem::replace(&mut self.stack_floor, stack_floor())
    }

    pub(crate) fn restore_stack_floor(&mut self, floor: usize) {
        self.stack_floor = floor;
    }

    /// `self.this` is read only by a script-level arrow (the frame's `this`, the global
    /// object): only arrows set it, and only when it differs. Returns the value to put back.
    #[inline(always)]
    fn enter_arrow_this(&mut self, code: &Code) -> Option<Value> {
        if code.this_mode == ThisMode::Lexical && !self.this_is_global() {
            Some(std::mem::replace(
                &mut self.this,
                Value::Object(self.global.clone()),
            ))
        } else {
            None
        }
    }

    /// A lean body's completion value: an expression body's value, a block's `return`
    /// value, else undefined (`call_lean`, `construct_lean`).
    #[inline(always)]
    pub(crate) fn eval_lean_body(&mut self, code: &Code) -> JsResult<Value> {
        match &code.expr_body {
            Some(e) => self.expr(e),
            None => match self.block(&code.body) {
                Ok(Flow::Return) => Ok(std::mem::take(&mut self.ret)),
                Ok(_) => Ok(Value::Undefined),
                Err(t) => Err(t),
            },
        }
    }

    /// The register and environment set-up of lean calls and lean constructions (`call_lean`,
    /// `construct_lean`): extra arguments go, missing ones and the other registers start
    /// undefined, the function's own record is made and captured parameters move into it,
    /// TDZ registers are marked. Returns the caller's base and environment to restore.
    #[inline(always)]
    pub(crate) fn enter_lean_registers(
        &mut self,
        code: &Code,
        env: Option<Gc<Env>>,
        base: usize,
    ) -> (usize, Option<Gc<Env>>) {
        let nparams = code.params.len();
        if self.stack.len() > base + nparams {
            self.truncate_stack(base + nparams);
        }
        // (Captured parameters need no register of their own, but arrive in the first ones.)
        let top = base + (code.registers as usize).max(nparams);
        self.stack.reserve(top.saturating_sub(self.stack.len()));
        while self.stack.len() < top {
            self.stack.push(Value::Undefined);
        }
        let saved_base = std::mem::replace(&mut self.base, base);
        let saved_env = std::mem::replace(&mut self.env, env);
        if let Some(shape) = &code.env {
            self.env = Some(Env::new(shape, self.env.clone(), &self.uninit));
        }
        if !code.params_in_place {
            // Captured parameters (`Code::is_lean`: all in the function's own record): moved
            // there from their argument registers, in order (a repeated name keeps the last),
            // before those registers serve other bindings.
            for (i, p) in code.params.iter().enumerate() {
                let v = std::mem::take(&mut self.stack[base + i]);
                self.write_place(*p, v);
            }
        }
        for &r in code.tdz_regs.iter() {
            self.stack[base + r as usize] = self.uninit.clone();
        }
        (saved_base, saved_env)
    }

    /// The checks on entry to every closure call: the depth limit (a catchable RangeError)
    /// and the budget/interrupt tick. On failure the arguments from `base` are dropped.
    #[inline(always)]
    fn enter_closure(&mut self, base: usize) -> JsResult<()> {
        // The depth limit, and the native stack: deeply nested expressions in each of many
        // calls can use more stack per call than `ENGINE_STACK_BYTES` / `MAX_CALL_DEPTH`.
        if self.depth >= self.budget.max_depth || stack_position() < self.stack_floor {
            self.stack.truncate(base);
            return Err(self.depth_exceeded());
        }
        if let Err(t) = self.check_interrupt() {
            self.stack.truncate(base);
            return Err(t);
        }
        Ok(())
    }

    #[inline]
    fn this_is_global(&self) -> bool {
        matches!(&self.this, Value::Object(o) if JsObject::ptr_eq(o, &self.global))
    }

    /// Run a closure whose arguments are on the stack from `base`.
    fn call_closure(
        &mut self,
        code: &Rc<Code>,
        env: Option<Gc<Env>>,
        this: Value,
        base: usize,
        me: Option<JsObject>,
        new_target: Option<JsObject>,
    ) -> JsResult<Value> {
        self.enter_closure(base)?;
        if code.class_ctor.is_some() && new_target.is_none() {
            self.stack.truncate(base);
            let msg = format!(
                "Class constructor {} cannot be invoked without 'new'",
                code.name.to_js_string()
            );
            return Err(self.throw_type_error(&msg));
        }
        // Functions using `super` run with their home object and active function.
        let saved_super = if code.uses_super {
            let (home, func) = match &me {
                Some(f) => function::with_extra(f, |x| {
                    let home = x.and_then(|x| x.home.clone());
                    let func = if code.this_mode == ThisMode::Lexical {
                        x.and_then(|x| x.func.clone())
                    } else {
                        Some(f.clone())
                    };
                    (home, func)
                }),
                None => (None, None),
            };
            Some((
                std::mem::replace(&mut self.home, home),
                std::mem::replace(&mut self.func, func),
            ))
        } else {
            None
        };
        let argc = self.stack.len() - base;
        let nparams = code.params.len();
        let regs = code.registers as usize;
        // Every argument is kept (beyond the parameter registers) only for `arguments` and
        // for non-simple parameter lists (defaults, destructuring, rest).
        let all_args: Option<Vec<Value>> =
            if code.arguments_place.is_some() || code.param_init.is_some() {
                Some(self.stack[base..].to_vec())
            } else {
                None
            };
        if code.param_init.is_some() {
            self.stack.truncate(base);
        } else if argc > nparams {
            self.stack.truncate(base + nparams);
        }
        // Missing arguments and the other registers start undefined (a short loop: `resize`
        // goes through an out-of-line `extend_with`).
        let top = base + regs.max(nparams);
        self.stack.reserve(top.saturating_sub(self.stack.len()));
        while self.stack.len() < top {
            self.stack.push(Value::Undefined);
        }
        // An arrow with its own copy of `this` finds it in front of its environment.
        let (env, arrow_this) = if code.outer_this.is_some() {
            let (t, env) = Env::split_this(env);
            (env, Some(t))
        } else {
            (env, None)
        };
        let saved_base = std::mem::replace(&mut self.base, base);
        let saved_env = std::mem::replace(&mut self.env, env);
        // OrdinaryCallBindThis: sloppy functions see the global for undefined/null and a
        // wrapper object for other primitives.
        let this = match code.this_mode {
            // The global object only when something reads it: the function's `this` binding
            // (arrows and direct eval inside reach it through that binding too), a suspended
            // body or `super`. Frames never name the global object, so a plain call of a
            // function that ignores `this` keeps it undefined and skips a reference count.
            ThisMode::Sloppy if this.is_nullish() => {
                if code.this_place.is_none() && code.machine.is_none() && !code.uses_super {
                    Value::Undefined
                } else {
                    Value::Object(self.global.clone())
                }
            }
            ThisMode::Sloppy if !matches!(this, Value::Object(_)) => {
                Value::Object(crate::builtins::wrap_primitive(self, &this))
            }
            // An arrow ignores its receiver. Its `this` is lowered to a captured binding except
            // at script level, where it reads the frame's `this`: the global object.
            ThisMode::Lexical => Value::Object(self.global.clone()),
            _ => this,
        };
        let saved_this = std::mem::replace(&mut self.this, this);
        let saved_strict = std::mem::replace(&mut self.strict, code.strict);
        self.depth += 1;
        let kind = match new_target {
            Some(_) => stack::FrameKind::Construct,
            None => stack::FrameKind::Call,
        };
        self.push_frame(code, kind, me.as_ref());
        let result = self.run_body(code, all_args, new_target, me.as_ref(), arrow_this);
        self.pop_frame();
        self.depth -= 1;
        self.strict = saved_strict;
        if let Some((home, func)) = saved_super {
            self.home = home;
            self.func = func;
        }
        self.base = saved_base;
        self.env = saved_env;
        self.this = saved_this;
        self.truncate_stack(base);
        result
    }

    /// Drop the value stack down to `base`. Most slots hold numbers, booleans or undefined:
    /// the tag is checked inline so only heap values go through the drop glue (an
    /// out-of-line call per slot otherwise).
    #[inline(always)]
    fn truncate_stack(&mut self, base: usize) {
        while self.stack.len() > base {
            match self.stack.pop() {
                Some(v) => v.release(),
                None => break,
            }
        }
    }

    /// Store into a register, dropping the old value through the drop glue only when it
    /// holds a heap reference (most registers hold numbers: no out-of-line call).
    #[inline(always)]
    fn store_slot(&mut self, idx: usize, v: Value) {
        std::mem::replace(&mut self.stack[idx], v).release();
    }

    /// Evaluate a test: ToBoolean of the value (dropped without the glue when not a heap
    /// reference).
    /// A comparison of a register with a number or another register (most loop and `?:`
    /// tests) is answered here, without an `expr` call or a boolean `Value`.
    #[inline(always)]
    fn truthy(&mut self, e: &Expr) -> JsResult<bool> {
        match e {
            Expr::BinRegConst { op, reg, rhs } => {
                if let Value::Number(x) = self.stack[self.base + *reg as usize] {
                    if let Some(b) = ops::number_compare(*op, x, *rhs) {
                        return Ok(b);
                    }
                }
            }
            Expr::BinRegReg { op, a, b } => {
                if let (Value::Number(x), Value::Number(y)) = (
                    &self.stack[self.base + *a as usize],
                    &self.stack[self.base + *b as usize],
                ) {
                    if let Some(b) = ops::number_compare(*op, *x, *y) {
                        return Ok(b);
                    }
                }
            }
            _ => {}
        }
        self.truthy_general(e)
    }

    /// `truthy` past its register tests, out of line so those stay inlined in loops.
    #[inline(never)]
    fn truthy_general(&mut self, e: &Expr) -> JsResult<bool> {
        // ToBoolean(a || b) is ToBoolean(a) || ToBoolean(b), evaluated in the same order;
        // simple operands (`p.pos.x < 0 || p.pos.x > 1000`) are answered without a call.
        if let Expr::Logical {
            op: op @ (LogicalOp::And | LogicalOp::Or),
            left,
            right,
        } = e
        {
            let l = match self.test_leaf(left) {
                Some(r) => r?,
                None => self.truthy(left)?,
            };
            if l == (*op == LogicalOp::Or) {
                return Ok(l);
            }
            return match self.test_leaf(right) {
                Some(r) => r,
                None => self.truthy(right),
            };
        }
        if let Some(r) = self.test_leaf(e) {
            return r;
        }
        let v = self.expr(e)?;
        let b = v.to_boolean();
        v.release();
        Ok(b)
    }

    /// A test whose operands need no general evaluation: a register or a `pure_operand`
    /// compared with a number, two registers. `None`: nothing was evaluated.
    #[inline(always)]
    fn test_leaf(&mut self, e: &Expr) -> Option<JsResult<bool>> {
        let (l, op, rhs) = match e {
            Expr::BinRegConst { op, reg, rhs } => (
                clone_value(&self.stack[self.base + *reg as usize]),
                *op,
                *rhs,
            ),
            Expr::BinRegReg { op, a, b } => {
                let (x, y) = (
                    &self.stack[self.base + *a as usize],
                    &self.stack[self.base + *b as usize],
                );
                if let (Value::Number(x), Value::Number(y)) = (x, y) {
                    if let Some(b) = ops::number_compare(*op, *x, *y) {
                        return Some(Ok(b));
                    }
                }
                return None;
            }
            Expr::BinExprConst { op, left, rhs } => (self.pure_operand(left)?, *op, *rhs),
            _ => return None,
        };
        let l = match l {
            Value::Number(x) => match ops::number_compare(op, x, rhs) {
                Some(b) => return Some(Ok(b)),
                None => Value::Number(x),
            },
            l => l,
        };
        Some(ops::binary(self, op, l, Value::Number(rhs)).map(|v| {
            let b = v.to_boolean();
            v.release();
            b
        }))
    }

    fn run_body(
        &mut self,
        code: &Rc<Code>,
        all_args: Option<Vec<Value>>,
        new_target: Option<JsObject>,
        me: Option<&JsObject>,
        arrow_this: Option<Value>,
    ) -> JsResult<Value> {
        if let Some(shape) = &code.env {
            let new = Env::new(shape, self.env.clone(), &self.uninit);
            self.env = Some(new);
        }
        // Arguments arrive in registers 0..n; most functions read them right there.
        if !code.params_in_place && code.param_init.is_none() {
            let n = code.params.len();
            let mut args = self.take_arg_vec();
            args.extend((0..n).map(|i| std::mem::take(&mut self.stack[self.base + i])));
            for (p, v) in code.params.iter().zip(args.drain(..)) {
                self.write_place(*p, v);
            }
            self.give_arg_vec(args);
        }
        if let Some(place) = code.this_place {
            let this = if let Some(t) = arrow_this {
                t
            } else if code.class_ctor == Some(true) {
                self.uninit.clone()
            } else {
                self.this.clone()
            };
            self.write_place(place, this);
        }
        if let Some(place) = code.new_target_place {
            let nt = new_target.map(Value::Object).unwrap_or_default();
            self.write_place(place, nt);
        }
        if let (Some(place), Some(args)) = (code.arguments_place, &all_args) {
            let obj = arguments::create(self, code, args, me);
            self.write_place(place, Value::Object(obj));
        }
        for &r in code.tdz_regs.iter() {
            self.stack[self.base + r as usize] = self.uninit.clone();
        }
        if let (Some(init), Some(args)) = (&code.param_init, all_args) {
            if let Err(t) = self.bind_params(init, args) {
                return self.machine_param_error(code, t);
            }
        }
        if let Some(m) = &code.machine {
            return self.machine_start(code, m);
        }
        if let Some(e) = &code.expr_body {
            let r = self.expr(e)?;
            if code.class_ctor == Some(true) {
                return self.derived_result(code, r);
            }
            return Ok(r);
        }
        let r = match self.block(&code.body)? {
            Flow::Return => std::mem::take(&mut self.ret),
            _ => Value::Undefined,
        };
        if code.class_ctor == Some(true) {
            return self.derived_result(code, r);
        }
        Ok(r)
    }

    /// An empty vector for arguments, from the pool when one is spare.
    #[inline]
    fn take_arg_vec(&mut self) -> Vec<Value> {
        self.arg_pool.pop().unwrap_or_default()
    }

    /// Return an argument vector to the pool (emptied; small ones only, a few at most).
    #[inline]
    fn give_arg_vec(&mut self, mut v: Vec<Value>) {
        v.clear();
        if v.capacity() <= 64 && self.arg_pool.len() < 64 {
            self.arg_pool.push(v);
        }
    }

    /// Call a native function whose arguments are on the stack from `base`: up to three
    /// are moved into a buffer on the Rust stack (no argument vector from the pool, no
    /// drain), more take the pooled vector.
    #[inline]
    fn call_native_from_stack(
        &mut self,
        f: function::NativeFn,
        this: Value,
        base: usize,
    ) -> JsResult<Value> {
        let argc = self.stack.len() - base;
        if argc > 3 {
            let mut args = self.take_arg_vec();
            args.extend(self.stack.drain(base..));
            let r = self.call_native(f, &this, &args);
            self.give_arg_vec(args);
            this.release();
            return r;
        }
        let mut buf = [Value::Undefined, Value::Undefined, Value::Undefined];
        // SAFETY: `self.stack[base..]` holds `argc` ≤ 3 initialised values; they are moved
        // bitwise into the first `argc` slots of `buf` (whose undefined values own nothing, so
        // overwriting them leaks nothing), and `set_len(base)` forgets them on the stack: each
        // is owned exactly once. Nothing between the copy and `set_len` can panic.
        unsafe {
            let from = self.stack.as_ptr().add(base);
            let to = buf.as_mut_ptr();
            // Fixed-size copies (a variable-length one is a `memcpy` call).
            match argc {
                0 => {}
                1 => std::ptr::copy_nonoverlapping(from, to, 1),
                2 => std::ptr::copy_nonoverlapping(from, to, 2),
                _ => std::ptr::copy_nonoverlapping(from, to, 3),
            }
            self.stack.set_len(base);
        }
        let r = self.call_native(f, &this, &buf[..argc]);
        let [a, b, c] = buf;
        a.release();
        b.release();
        c.release();
        this.release();
        r
    }

    /// [[Call]] of a native function: the depth limit, then the function with no new.target.
    #[inline(always)]
    fn call_native(
        &mut self,
        f: function::NativeFn,
        this: &Value,
        args: &[Value],
    ) -> JsResult<Value> {
        if self.depth >= self.budget.max_depth {
            return Err(self.depth_exceeded());
        }
        self.new_target = None;
        self.depth += 1;
        let r = f(self, this, args);
        self.depth -= 1;
        r
    }

    fn call_callable(&mut self, c: Callable, this: Value, args: &[Value]) -> JsResult<Value> {
        match c {
            Callable::Closure(code, env, me) => {
                let base = self.stack.len();
                self.stack.extend_from_slice(args);
                self.call_closure(&code, env, this, base, me, None)
            }
            Callable::Native(f) => self.call_native(f, &this, args),
            Callable::NativeClosure(f, callee) => {
                if self.depth >= self.budget.max_depth {
                    return Err(self.depth_exceeded());
                }
                self.new_target = None;
                self.depth += 1;
                let r = f(self, &callee, &this, args);
                self.depth -= 1;
                r
            }
            Callable::Bound(target, bound_this, mut bound_args) => {
                bound_args.extend_from_slice(args);
                self.call(&Value::Object(target), bound_this, &bound_args)
            }
            Callable::Proxy(p) => proxy::call(self, &p, this, args),
        }
    }

    /// Call(F, thisValue, args).
    pub fn call(&mut self, f: &Value, this: Value, args: &[Value]) -> JsResult<Value> {
        if let Value::Object(obj) = f {
            match function::fast_call(obj) {
                function::FastCall::Lean(code, env) => {
                    let base = self.stack.len();
                    // (Jobs and callbacks often pass none: no iterator setup then.)
                    if !args.is_empty() {
                        self.stack.extend_from_slice(args);
                    }
                    return self.call_lean(&code, env, this, base, obj);
                }
                function::FastCall::Native(nf) => return self.call_native(nf, &this, args),
                function::FastCall::Other => {}
            }
        }
        let callable = match f {
            Value::Object(o) => function::callable(o),
            _ => None,
        };
        match callable {
            Some((c, _)) => self.call_callable(c, this, args),
            None => {
                let s = crate::builtins::console::inspect_short(f);
                Err(self.throw_type_error(&format!("{s} is not a function")))
            }
        }
    }

    /// Call(F, this, args) with the arguments moved in: a lean closure finds them on the
    /// stack with no clone of the argument list.
    pub fn call_owned<const N: usize>(
        &mut self,
        f: &Value,
        this: Value,
        args: [Value; N],
    ) -> JsResult<Value> {
        let cb = Callback::new(f);
        self.call_callback(&cb, this, args)
    }

    /// Calls a callback resolved once by [`Callback::new`] (the array methods' per-element
    /// calls: no lookup of the function's code per element), the arguments moved in.
    pub(crate) fn call_callback<const N: usize>(
        &mut self,
        cb: &Callback,
        this: Value,
        args: [Value; N],
    ) -> JsResult<Value> {
        match &cb.lean {
            Some((code, env, obj)) => {
                let base = self.stack.len();
                // Lean code has no `arguments` object: arguments past its parameters are
                // never seen, so they are dropped here instead of pushed.
                let n = code.params.len();
                self.stack.reserve(N);
                for (i, a) in args.into_iter().enumerate() {
                    if i < n {
                        self.stack.push(a);
                    }
                }
                self.call_lean(code, env.clone(), this, base, obj)
            }
            None => self.call(&cb.f, this, &args),
        }
    }

    /// Calls a callback many times in a row with no code of anyone else's running in between
    /// (the array methods' per-element calls): a lean closure without an environment record
    /// of its own is entered once ([`EnteredCall`]: its stack frame, register window,
    /// strictness and depth stay set up), and each call only rebinds the registers and runs
    /// the body. `this` must be the same value on every call of a run. `entered` must be
    /// handed to [`Interp::leave_callback`] before any other code can run (a getter, a
    /// proxy trap, a ToNumber/ToString of an object) and when the run ends; a throw from the
    /// callback leaves by itself. Anything else (not lean, an own record, a primitive
    /// receiver of a sloppy function) is a plain [`Interp::call_callback`].
    pub(crate) fn call_entered<const N: usize>(
        &mut self,
        cb: &Callback,
        entered: &mut Option<EnteredCall>,
        this: &Value,
        args: [&Value; N],
    ) -> JsResult<Value> {
        let Some((code, env, me)) = &cb.lean else {
            return self.call_callback(cb, this.clone(), args.map(Value::clone));
        };
        if let Some(e) = entered.as_ref() {
            // (Entered: the checks below passed for this callback and receiver.)
            if let Err(t) = self.check_interrupt() {
                self.leave_callback(entered);
                return Err(t);
            }
            let (base, top, nparams) = (e.base, e.top, e.nparams);
            self.rebind_entered(top);
            // The register window as a fresh lean call sees it: the arguments (extra ones
            // are never seen: lean code has no `arguments`), then undefined.
            let given = N.min(nparams);
            for (i, v) in args.iter().enumerate().take(given) {
                // The object already there (a sort comparator's operand that stayed, an
                // array argument): no clone and drop.
                if let (Value::Object(a), Value::Object(b)) = (&self.stack[base + i], v) {
                    if JsObject::ptr_eq(a, b) {
                        continue;
                    }
                }
                self.store_slot(base + i, clone_value(v));
            }
            for i in given..top - base {
                self.store_slot(base + i, Value::Undefined);
            }
            // (After the registers are reset: the binding may be one of them.)
            if let Some(place) = code.this_place {
                let bound = e.this.clone();
                self.write_place(place, bound);
            }
        } else {
            if code.env.is_some()
                || !code.params_in_place
                || !code.tdz_regs.is_empty()
                || (code.this_mode == ThisMode::Sloppy
                    && !matches!(this, Value::Object(_) | Value::Undefined | Value::Null))
            {
                return self.call_callback(cb, this.clone(), args.map(Value::clone));
            }
            // (The entry checks include this call's interrupt tick.)
            let e = self.enter_callback(code, env, me, this)?;
            let (base, nparams) = (e.base, e.nparams);
            if let Some(place) = code.this_place {
                let bound = e.this.clone();
                self.write_place(place, bound);
            }
            *entered = Some(e);
            for (i, v) in args.iter().enumerate().take(N.min(nparams)) {
                self.store_slot(base + i, clone_value(v));
            }
        }
        if let Some(f) = self.frames.last_mut() {
            f.pos = code.span.start;
        }
        match self.eval_lean_body(code) {
            Ok(v) => Ok(v),
            Err(t) => {
                self.leave_callback(entered);
                Err(t)
            }
        }
    }

    /// The entered register window back to its size (a body leaves it as it found it).
    #[inline(always)]
    fn rebind_entered(&mut self, top: usize) {
        if self.stack.len() != top {
            self.truncate_stack(top);
            self.stack.resize(top, Value::Undefined);
        }
    }

    /// [`Interp::call_entered`] with an undefined receiver and two arguments, returning
    /// ToNumber of the result (`Array.prototype.sort`'s comparator): a result that is not a
    /// number leaves first (its ToNumber may run code).
    pub(crate) fn call_callback_entered(
        &mut self,
        cb: &Callback,
        entered: &mut Option<EnteredCall>,
        a: &Value,
        b: &Value,
    ) -> JsResult<f64> {
        let v = self.call_entered(cb, entered, &Value::Undefined, [a, b])?;
        if let Value::Number(n) = v {
            return Ok(n);
        }
        self.leave_callback(entered);
        ops::to_number(self, &v)
    }

    /// The set-up of `call_lean_with` (receiver `this`), once for many calls.
    fn enter_callback(
        &mut self,
        code: &Rc<Code>,
        env: &Option<Gc<Env>>,
        me: &JsObject,
        this: &Value,
    ) -> JsResult<EnteredCall> {
        let base = self.stack.len();
        self.enter_closure(base)?;
        let top = base + (code.registers as usize).max(code.params.len());
        self.stack.reserve(top - base);
        while self.stack.len() < top {
            self.stack.push(Value::Undefined);
        }
        let saved_base = std::mem::replace(&mut self.base, base);
        // (An arrow with its own copy of `this` finds it in front of its environment.)
        let (bound, env) = if code.outer_this.is_some() {
            Env::split_this(env.clone())
        } else {
            (self.bound_this(code, this), env.clone())
        };
        let saved_env = std::mem::replace(&mut self.env, env);
        let saved_this = self.enter_arrow_this(code);
        self.push_call_frame(code, this.clone(), Some(me));
        let saved_strict = std::mem::replace(&mut self.strict, code.strict);
        self.depth += 1;
        Ok(EnteredCall {
            base,
            top,
            nparams: code.params.len(),
            this: bound,
            saved_base,
            saved_env,
            saved_this,
            saved_strict,
        })
    }

    /// Undoes [`Interp::call_callback_entered`]'s set-up (nothing if not entered).
    pub(crate) fn leave_callback(&mut self, entered: &mut Option<EnteredCall>) {
        let Some(e) = entered.take() else { return };
        self.leave_lean(
            e.base,
            e.saved_base,
            e.saved_env,
            e.saved_this,
            e.saved_strict,
        );
    }

    /// Construct(F, args): `new F(...args)`.
    pub fn construct(&mut self, f: &Value, args: &[Value]) -> JsResult<Value> {
        let nt = match f {
            Value::Object(o) => o.clone(),
            _ => {
                let s = crate::builtins::console::inspect_short(f);
                return Err(self.throw_type_error(&format!("{s} is not a constructor")));
            }
        };
        self.construct_with(f, args, &nt)
    }

    /// IsConstructor(v).
    pub fn is_constructor(v: &Value) -> bool {
        match v {
            Value::Object(o) => function::callable(o).is_some_and(|(_, c)| c),
            _ => false,
        }
    }

    /// Construct(F, args, newTarget) (`Reflect.construct`, `super(...)`).
    pub fn construct_with(
        &mut self,
        f: &Value,
        args: &[Value],
        new_target: &JsObject,
    ) -> JsResult<Value> {
        if let Value::Object(o) = f {
            if let Some((code, env)) = function::lean_ctor(o) {
                let base = self.stack.len();
                self.stack.extend_from_slice(args);
                return self.construct_lean(&code, env, o, base, new_target);
            }
        }
        let ctor = match f {
            Value::Object(o) => function::callable(o).filter(|(_, c)| *c),
            _ => None,
        };
        let Some((callable, _)) = ctor else {
            let s = crate::builtins::console::inspect_short(f);
            return Err(self.throw_type_error(&format!("{s} is not a constructor")));
        };
        if self.depth >= self.budget.max_depth {
            return Err(self.depth_exceeded());
        }
        match callable {
            Callable::Native(nf) => {
                self.depth += 1;
                self.new_target = Some(new_target.clone());
                let r = nf(self, &Value::Undefined, args);
                self.new_target = None;
                self.depth -= 1;
                r
            }
            Callable::NativeClosure(nf, callee) => {
                self.depth += 1;
                self.new_target = Some(new_target.clone());
                let r = nf(self, &callee, &Value::Undefined, args);
                self.new_target = None;
                self.depth -= 1;
                r
            }
            Callable::Bound(target, _, mut bound_args) => {
                bound_args.extend_from_slice(args);
                // If newTarget is the bound function itself, it becomes the target.
                let nt = match f {
                    Value::Object(o) if JsObject::ptr_eq(o, new_target) => target.clone(),
                    _ => new_target.clone(),
                };
                self.construct_with(&Value::Object(target), &bound_args, &nt)
            }
            Callable::Closure(code, env, me) => {
                self.construct_closure(&code, env, me, args, new_target)
            }
            Callable::Proxy(p) => proxy::construct(self, &p, args, new_target),
        }
    }

    /// GetPrototypeFromConstructor(constructor, intrinsicDefaultProto): `constructor.prototype`
    /// if it is an object, else the intrinsic chosen by `default`.
    pub fn get_prototype_from_constructor(
        &mut self,
        ctor: &JsObject,
        default: fn(&Intrinsics) -> &JsObject,
    ) -> JsResult<JsObject> {
        let key = PropertyKey::String(crate::value::atoms::PROTOTYPE);
        let p = match props::get_named_fast(ctor, &key) {
            Some(p) => p,
            None => props::get(self, &Value::Object(ctor.clone()), &key)?,
        };
        Ok(match p {
            Value::Object(p) => p,
            _ => {
                // GetFunctionRealm(constructor): a revoked proxy on the way throws.
                if reaches_revoked_proxy(ctor) {
                    return Err(self.throw_type_error(
                        "Cannot perform 'GetFunctionRealm' on a proxy that has been revoked",
                    ));
                }
                default(&self.intrinsics).clone()
            }
        })
    }

    /// OrdinaryCreateFromConstructor for natives: the new object's prototype comes from
    /// `interp.new_target` (taken) when constructing, else the intrinsic default. Returns
    /// `None` prototype-wise never; `kind` becomes the object's internal slots.
    pub fn create_from_new_target(
        &mut self,
        new_target: Option<JsObject>,
        default: fn(&Intrinsics) -> &JsObject,
        kind: ObjectKind,
    ) -> JsResult<JsObject> {
        let proto = match new_target {
            Some(nt) => self.get_prototype_from_constructor(&nt, default)?,
            None => default(&self.intrinsics).clone(),
        };
        Ok(JsObject::new(Some(proto), kind))
    }
}

/// Whether GetFunctionRealm(f) meets a revoked proxy (through proxy and bound targets).
fn reaches_revoked_proxy(f: &JsObject) -> bool {
    let mut c = f.clone();
    loop {
        let next = match &c.borrow().kind {
            ObjectKind::Proxy(p) => match &p.target {
                Some(t) => t.clone(),
                None => return true,
            },
            ObjectKind::Function(f) => match &**f {
                FunctionData::Bound(b) => b.target.clone(),
                _ => return false,
            },
            _ => return false,
        };
        c = next;
    }
}

/// Clone a value, copying numbers and booleans inline (the derived `clone` is an out-of-line
/// call).
/// What a plain call of a lean closure needs (`Interp::eval_call`): its code, its
/// environment, and the function object only when the code has no name (the frame is then
/// named by the object's `name` at run time). Reading these instead of cloning the callee
/// value lets the call skip the general dispatch.
type LeanCallee = (Rc<Code>, Option<Gc<Env>>, Option<JsObject>);

#[inline(always)]
fn lean_callee(v: &Value) -> Option<LeanCallee> {
    match v {
        Value::Object(f) => lean_closure_parts(f),
        _ => None,
    }
}

#[inline(always)]
fn lean_closure_parts(f: &JsObject) -> Option<LeanCallee> {
    // SAFETY: the record is only read here (handle clones run no code).
    match &unsafe { f.peek() }?.kind {
        ObjectKind::Closure(c) if c.code.lean => Some((
            c.code.clone(),
            c.env.clone(),
            (c.code.name == crate::value::atoms::EMPTY).then(|| f.clone()),
        )),
        _ => None,
    }
}

#[inline(always)]
pub(crate) fn clone_value(v: &Value) -> Value {
    match v {
        Value::Number(n) => Value::Number(*n),
        Value::Bool(b) => Value::Bool(*b),
        Value::Undefined => Value::Undefined,
        v => v.clone(),
    }
}

/// Whether `&&`/`||`/`??` short-circuits on left value `l`.
fn logical_short(op: LogicalOp, l: &Value) -> bool {
    match op {
        LogicalOp::And => !l.to_boolean(),
        LogicalOp::Or => l.to_boolean(),
        LogicalOp::Nullish => !l.is_nullish(),
    }
}

fn update(op: UpdateOp, x: f64) -> f64 {
    match op {
        UpdateOp::Inc => x + 1.0,
        UpdateOp::Dec => x - 1.0,
    }
}
#[cfg(test)]
mod tests;
