//! [`Runtime`]: one JS realm with its event loop, owned by the host thread that built it, and its
//! [`Builder`]. Evaluation and calls return `Result<_, Error>`; the loop is driven by the host
//! (`run_until_idle`, `run_until`, `try_tick`, `poll_event_loop`/`run_event_loop`,
//! `advance_time`); async host functions are futures polled by the runtime itself (any executor
//! can drive it: the waker only flags the future and wakes whoever waits).
//!
//! Not here: the conversions (`convert`), the host-function glue (`host_fn`), the checks on the
//! interpreter's hot path (`interp::limits`).

use super::convert::{FromJs, IntoJs};
use super::error::{Error, ExceptionRef, JsError, Limit, Position};
use super::host_fn::{
    self, HostFuture, IntoAsyncHostFn, IntoHostCtor, IntoHostFn, IntoHostMethod, RawFn,
};
use super::limits::InterruptHandle;
use crate::host::{Host, StdHost, Stream};
use crate::interp::limits::LimitKind;
use crate::interp::{props, Interp, Throw};
use crate::jobs::HostCompletion;
use crate::value::object::{ObjectKind, PromiseCapability, PromiseState};
use crate::value::{JsObject, PropertyKey, Value};
use std::any::TypeId;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::time::{Duration, Instant};

/// Rust stack one level of JS call depth may use: the runtime makes sure this much times the
/// depth limit is available before it runs JS, growing the stack (`stacker`, a fresh mapped
/// segment) when the thread has less. Measured in a release build with `examples/stack_probe.rs`:
/// 2.3 KiB per level for a plain call, 4.6 KiB for the worst shape probed (`new F()` recursion);
/// 16 KiB leaves 3x margin. Debug builds use far bigger frames.
const STACK_PER_DEPTH: usize = if cfg!(debug_assertions) {
    96 << 10
} else {
    16 << 10
};

/// How the runtime's clock moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Clock {
    /// The host's clock (real time with the default host), plus `advance_time` offsets.
    Host,
    /// Virtual: waiting for a timer jumps straight to its deadline.
    Virtual,
    /// Manual: only `advance_time` moves it.
    Manual,
}

/// State shared between the runtime and its host wrapper.
struct Shared {
    clock: Clock,
    /// Virtual/manual: the clock itself; host clock: the offset added by `advance_time`.
    offset: Cell<f64>,
    epoch_ms: f64,
    /// Captured console lines (`Builder::capture_console`).
    captured: Option<RefCell<Vec<String>>>,
}

/// The `Host` the interpreter sees: the embedder's host plus capture and the clock modes.
struct RtHost {
    inner: Box<dyn Host>,
    shared: Rc<Shared>,
}

impl Host for RtHost {
    fn write_line(&mut self, stream: Stream, line: &str) {
        match &self.shared.captured {
            Some(c) => c.borrow_mut().push(line.to_string()),
            None => self.inner.write_line(stream, line),
        }
    }

    fn now_ms(&mut self) -> f64 {
        match self.shared.clock {
            Clock::Host => self.inner.now_ms() + self.shared.offset.get().floor(),
            _ => self.shared.epoch_ms + self.shared.offset.get().floor(),
        }
    }

    fn monotonic_ms(&mut self) -> f64 {
        match self.shared.clock {
            Clock::Host => self.inner.monotonic_ms() + self.shared.offset.get(),
            _ => self.shared.offset.get(),
        }
    }

    fn wait_until(&mut self, deadline_ms: f64) {
        match self.shared.clock {
            Clock::Host => self
                .inner
                .wait_until(deadline_ms - self.shared.offset.get()),
            Clock::Virtual => {
                let o = &self.shared.offset;
                o.set(o.get().max(deadline_ms));
            }
            Clock::Manual => {}
        }
    }
}

/// Configures a [`Runtime`].
///
/// ```
/// use tidejs::Runtime;
/// let mut rt = Runtime::builder()
///     .capture_console()
///     .fuel(1_000_000)
///     .max_call_depth(500)
///     .build();
/// rt.eval("console.log('hi')", "<eval>").unwrap();
/// assert_eq!(rt.console_output(), vec!["hi".to_string()]);
/// ```
pub struct Builder {
    host: Option<Box<dyn Host>>,
    clock: Clock,
    capture: bool,
    fuel: Option<u64>,
    heap_limit: Option<usize>,
    max_depth: Option<u32>,
    max_microtasks: Option<usize>,
    max_timers: Option<usize>,
    on_rejection: Option<RejectionHandler>,
}

/// What [`Builder::on_unhandled_rejection`] installs.
type RejectionHandler = Box<dyn FnMut(&JsError) -> Result<(), Error>>;

impl Builder {
    /// Use `host` for console output, the clock and waiting (default: stdout/stderr and real
    /// time).
    pub fn host(mut self, host: Box<dyn Host>) -> Builder {
        self.host = Some(host);
        self
    }

    /// Keep console lines (every stream) in memory instead of printing them: read them with
    /// [`Runtime::console_output`] / [`Runtime::take_console_output`].
    pub fn capture_console(mut self) -> Builder {
        self.capture = true;
        self
    }

    /// Virtual time: the clock starts at 0 and waiting for a timer jumps to its deadline
    /// (same order as real time, no sleeping). `advance_time` moves it too.
    pub fn virtual_time(mut self) -> Builder {
        self.clock = Clock::Virtual;
        self
    }

    /// Manual time: the clock starts at 0 and moves only by [`Runtime::advance_time`]; the loop
    /// never waits for a timer (run_until_idle returns when only future timers remain).
    pub fn manual_time(mut self) -> Builder {
        self.clock = Clock::Manual;
        self
    }

    /// Instruction budget: loop iterations plus calls. When it runs out, the script ends with
    /// `Error::Limit(Limit::Fuel)`. Refill with [`Runtime::set_fuel`].
    pub fn fuel(mut self, ticks: u64) -> Builder {
        self.fuel = Some(ticks);
        self
    }

    /// Heap budget in bytes: exceeding it (after a collection) ends the script with
    /// `Error::Limit(Limit::Heap)`. Measured as the GC heap, or every allocation of the thread
    /// when [`CountingAlloc`](super::CountingAlloc) is the global allocator. Checked at least
    /// every 1024 loop iterations or calls.
    pub fn heap_limit(mut self, bytes: usize) -> Builder {
        self.heap_limit = Some(bytes);
        self
    }

    /// JS call depth limit: exceeding it ends the script with `Error::Limit(Limit::CallDepth)`
    /// (not catchable by the script). Without it, the engine's default depth (10,000) throws a
    /// catchable `RangeError`, as engines do. The runtime provides the Rust stack the depth
    /// needs (16 KiB per level in release builds): on a thread with less, each entry into JS
    /// runs on a freshly mapped stack segment (`stacker`, some microseconds per entry); a
    /// thread with `depth × 16 KiB` of stack avoids that.
    pub fn max_call_depth(mut self, depth: u32) -> Builder {
        self.max_depth = Some(depth.max(1));
        self
    }

    /// At most `n` microtasks (promise jobs, `queueMicrotask`) per checkpoint: a promise loop
    /// that never yields to the event loop ends with `Error::Limit(Limit::Microtasks)` and the
    /// microtask queue is cleared.
    pub fn max_microtasks_per_turn(mut self, n: usize) -> Builder {
        self.max_microtasks = Some(n);
        self
    }

    /// At most `n` pending timers: `setTimeout`/`setInterval` beyond that ends the script with
    /// `Error::Limit(Limit::Timers)`.
    pub fn max_pending_timers(mut self, n: usize) -> Builder {
        self.max_timers = Some(n);
        self
    }

    /// What to do with a promise rejected with no handler. The runtime follows node's rule:
    /// after each microtask checkpoint (the queue drained: after a loop turn's jobs, after each
    /// timer callback and host completion, in [`Runtime::run_microtasks`]), every promise
    /// rejected since the previous checkpoint that still has no handler is reported; one
    /// that got a handler within the same checkpoint (`p.catch(…)` attached later in the
    /// same turn) is not. A promise passed to [`Runtime::run_until`] counts as handled.
    ///
    /// By default (as node and deno do), the loop-driving call that found it (`run_until_idle`,
    /// `run_until`, `try_tick`, `run_microtasks`, `advance_time`, `poll_event_loop`) returns
    /// `Err(Error::UnhandledRejection(e))`, `e` describing the reason (its position: where the
    /// error was created); the runtime stays usable and the next call goes on with the loop.
    /// With a handler, each one is passed to `f` instead: `Ok(())` goes on (to log them, or
    /// ignore them with `|_| Ok(())`), `Err(e)` ends the call with `e`.
    ///
    /// ```
    /// use tidejs::{Error, Runtime};
    /// // Default: an error.
    /// let mut rt = Runtime::new();
    /// rt.eval("Promise.reject(new TypeError('nobody listens'))", "r.js").unwrap();
    /// match rt.run_until_idle() {
    ///     Err(Error::UnhandledRejection(e)) => assert_eq!(e.message, "nobody listens"),
    ///     other => panic!("{other:?}"),
    /// }
    /// // A handler that logs and goes on.
    /// let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    /// let log = seen.clone();
    /// let mut rt = Runtime::builder()
    ///     .on_unhandled_rejection(move |e| {
    ///         log.borrow_mut().push(e.to_string());
    ///         Ok(())
    ///     })
    ///     .build();
    /// rt.eval("Promise.reject(new RangeError('one')); Promise.reject(2)", "r.js").unwrap();
    /// rt.run_until_idle().unwrap();
    /// assert_eq!(seen.borrow().len(), 2);
    /// ```
    pub fn on_unhandled_rejection(
        mut self,
        f: impl FnMut(&JsError) -> Result<(), Error> + 'static,
    ) -> Builder {
        self.on_rejection = Some(Box::new(f));
        self
    }

    /// Build the runtime (a fresh realm with the standard builtins and timers).
    pub fn build(self) -> Runtime {
        let mut inner = self.host.unwrap_or_else(|| Box::new(StdHost::default()));
        let epoch_ms = inner.now_ms();
        let shared = Rc::new(Shared {
            clock: self.clock,
            offset: Cell::new(0.0),
            epoch_ms,
            captured: self.capture.then(|| RefCell::new(Vec::new())),
        });
        let host = RtHost {
            inner,
            shared: shared.clone(),
        };
        let flag = Arc::new(AtomicBool::new(false));
        let mut interp = Interp::new(Box::new(host));
        interp.interrupt = Some(flag.clone());
        interp.budget.set_fuel(self.fuel);
        if let Some(d) = self.max_depth {
            interp.budget.max_depth = d;
            interp.budget.depth_terminates = true;
        }
        interp.budget.max_timers = self.max_timers;
        if let Some(bytes) = self.heap_limit {
            super::limits::BASELINE.with(|b| b.set(super::CountingAlloc::thread_net_bytes()));
            interp.budget.heap = Some((bytes, super::limits::heap_usage));
        }
        interp.queues.loop_now = interp.host.monotonic_ms();
        let ready = Arc::new(ReadyQueue::default());
        Runtime {
            interp,
            shared,
            flag,
            pending: Rc::new(RefCell::new(Pending {
                slots: Vec::new(),
                free: Vec::new(),
                ready: ready.clone(),
            })),
            ready,
            classes: HashMap::new(),
            max_microtasks: self.max_microtasks,
            timer_thread: None,
            on_rejection: self.on_rejection,
        }
    }
}

/// Woken async host futures, and who to wake when one is.
#[derive(Default)]
struct ReadyQueue {
    ids: Mutex<Vec<usize>>,
    /// The thread blocked in `run_until_idle`/`run_until`, if any.
    thread: Mutex<Option<std::thread::Thread>>,
    /// The task polling `poll_event_loop`, if any.
    outer: Mutex<Option<Waker>>,
}

impl ReadyQueue {
    fn push(&self, id: usize) {
        if let Ok(mut ids) = self.ids.lock() {
            ids.push(id);
        }
        self.notify();
    }

    fn notify(&self) {
        if let Ok(t) = self.thread.lock() {
            if let Some(t) = &*t {
                t.unpark();
            }
        }
        if let Ok(w) = self.outer.lock() {
            if let Some(w) = &*w {
                w.wake_by_ref();
            }
        }
    }

    fn take(&self) -> Vec<usize> {
        self.ids
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default()
    }

    fn is_empty(&self) -> bool {
        self.ids.lock().map(|v| v.is_empty()).unwrap_or(true)
    }
}

/// The waker of one pending host future.
struct FutureWaker {
    id: usize,
    queue: Arc<ReadyQueue>,
}

impl Wake for FutureWaker {
    fn wake(self: Arc<Self>) {
        self.queue.push(self.id);
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.queue.push(self.id);
    }
}

struct Entry {
    future: HostFuture,
    capability: PromiseCapability,
    waker: Waker,
}

/// Async host operations in flight (slots reused through `free`).
struct Pending {
    slots: Vec<Option<Entry>>,
    free: Vec<usize>,
    ready: Arc<ReadyQueue>,
}

impl Pending {
    fn insert(&mut self, future: HostFuture, capability: PromiseCapability) {
        let id = self.free.pop().unwrap_or_else(|| {
            self.slots.push(None);
            self.slots.len() - 1
        });
        let waker = Waker::from(Arc::new(FutureWaker {
            id,
            queue: self.ready.clone(),
        }));
        self.slots[id] = Some(Entry {
            future,
            capability,
            waker,
        });
        // A new future is polled on the next turn.
        self.ready.push(id);
    }

    fn count(&self) -> usize {
        self.slots.len() - self.free.len()
    }
}

/// What one [`Runtime::try_tick`] found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tick {
    /// Some work ran (microtasks, timers, host completions); call again.
    Ran,
    /// Nothing runs now, but timers or host operations are pending: the next timer is due at
    /// this loop time (ms), and this many async host operations are in flight.
    Waiting {
        /// Loop time (ms, the runtime clock) of the earliest timer, if any.
        next_timer_ms: Option<f64>,
        /// Async host operations in flight.
        pending_host_ops: usize,
    },
    /// Nothing is pending at all.
    Idle,
}

/// A JavaScript runtime: one realm (global object and builtins), its event loop, its host
/// functions and limits. Single-threaded: build it on the thread that uses it (values are
/// `!Send`); use an [`InterruptHandle`] to stop it from elsewhere.
///
/// ```
/// use tidejs::Runtime;
/// let mut rt = Runtime::new();
/// rt.register_fn("add", |a: f64, b: f64| a + b);
/// assert_eq!(rt.eval_as::<f64>("add(2, 3)").unwrap(), 5.0);
/// ```
pub struct Runtime {
    interp: Interp,
    shared: Rc<Shared>,
    flag: Arc<AtomicBool>,
    pending: Rc<RefCell<Pending>>,
    ready: Arc<ReadyQueue>,
    classes: HashMap<TypeId, JsObject>,
    max_microtasks: Option<usize>,
    timer_thread: Option<TimerThread>,
    on_rejection: Option<RejectionHandler>,
}

impl Default for Runtime {
    fn default() -> Self {
        Runtime::new()
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        // Cancellation: dropping the futures cancels the host operations they stand for.
        let entries: Vec<Entry> = self
            .pending
            .borrow_mut()
            .slots
            .drain(..)
            .flatten()
            .collect();
        drop(entries);
    }
}

/// Take the pending exception of `cx` as an [`Error`] (a termination becomes `Error::Limit`).
/// The exception was thrown synchronously: its position is the throw point.
pub(crate) fn take_exception(cx: &mut Interp) -> Error {
    let v = std::mem::take(&mut cx.exception);
    if let Some(kind) = cx.budget.terminated {
        return Error::Limit(kind.into());
    }
    Error::Uncaught(describe(cx, &v, true))
}

/// The exception a failed engine operation left pending in `cx` (after `Err(Throw)` from
/// `cx.call(…)`, `props::get(…)`…), as an [`Error`]: `Error::Uncaught` with its name, message,
/// stack and throw position, or `Error::Limit` when a limit is ending the script. For raw host
/// functions that call back into JS: returning this error from the host function rethrows the
/// same JS value (not a copy), so a script's `catch` sees what the callback threw.
///
/// ```
/// use tidejs::{runtime, Runtime, Value};
/// let mut rt = Runtime::new();
/// rt.register_fn_raw("invoke", 1, |cx, _this, args| {
///     let f = args.first().cloned().unwrap_or_default();
///     cx.call(&f, Value::Undefined, &[]).map_err(|_| runtime::catch(cx))
/// });
/// let same = rt.eval_as::<bool>(
///     "const thrown = { code: 7 }; let same;
///      try { invoke(() => { throw thrown }) } catch (e) { same = e === thrown }
///      same",
/// );
/// assert!(same.unwrap());
/// ```
pub fn catch(cx: &mut Interp) -> Error {
    take_exception(cx)
}

/// How many reported exceptions a runtime keeps for rethrowing ([`ExceptionRef`]).
const HELD_EXCEPTIONS: usize = 8;

/// Keep `v` (thrown at the current throw point) so that an error reporting it can rethrow it.
fn hold(cx: &mut Interp, v: &Value) -> ExceptionRef {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    if cx.held_exceptions.len() >= HELD_EXCEPTIONS {
        cx.held_exceptions.remove(0);
    }
    cx.held_exceptions
        .push((id, v.clone(), cx.throw_pos, cx.throw_text.clone()));
    ExceptionRef(std::num::NonZeroU64::new(id).unwrap_or(std::num::NonZeroU64::MIN))
}

/// Throw again the value `r` stands for, if this runtime still holds it.
pub(crate) fn rethrow(cx: &mut Interp, r: ExceptionRef) -> Option<Throw> {
    let (_, v, pos, text) = cx
        .held_exceptions
        .iter()
        .find(|h| h.0 == r.0.get())?
        .clone();
    cx.exception = v;
    cx.throw_pos = pos;
    cx.throw_text = text;
    Some(Throw)
}

/// The host's view of a thrown value. `thrown`: the value was thrown synchronously, so its
/// position is the engine's latest throw point (where node puts the caret of an uncaught
/// exception); otherwise (a rejection reason, an exception escaping a microtask, for which
/// the loop forgets the throw point) an error's position is where it was created (its first
/// stack frame), as node places an unhandled rejection.
fn describe(cx: &mut Interp, v: &Value, thrown: bool) -> JsError {
    let error = match v {
        Value::Object(o) => Some(o.clone()),
        _ => None,
    };
    // Read before anything that could run user code (and move the throw point).
    let position = match (&error, thrown) {
        (_, true) if cx.throw_pos.is_some() => {
            cx.throw_point().map(|(file, line, column)| Position {
                source: file.to_string(),
                line,
                column,
            })
        }
        (Some(o), _) => {
            crate::interp::stack::error_first_frame(o).map(|(source, line, column)| Position {
                source,
                line,
                column,
            })
        }
        _ => None,
    };
    if let Some(o) = &error {
        let own_string = |key: &str| match o.get_own_data(&PropertyKey::from_str_key(key)) {
            Some(Value::String(s)) => Some(s.to_std_string_lossy()),
            _ => None,
        };
        // `name` usually comes from the prototype: read it without running getters.
        let mut name = None;
        let mut cur = Some(o.clone());
        let mut hops = 0;
        while let (Some(c), true) = (cur, hops < 64) {
            if let Some(Value::String(s)) = c.get_own_data(&PropertyKey::from_str_key("name")) {
                name = Some(s.to_std_string_lossy());
                break;
            }
            cur = c.prototype();
            hops += 1;
        }
        let is_error = matches!(o.borrow().kind, ObjectKind::Error);
        if is_error || name.is_some() && own_string("message").is_some() {
            let name = name.unwrap_or_else(|| "Error".into());
            let message = own_string("message").unwrap_or_default();
            let stack = stack_string(o, &name, &message);
            let exception = Some(hold(cx, v));
            return JsError {
                name,
                message,
                stack,
                position,
                exception,
            };
        }
    }
    let exception = Some(hold(cx, v));
    // As `console.log` shows it: a string as it is, anything else inspected.
    let message = match v {
        Value::String(s) => s.to_std_string_lossy(),
        _ => crate::builtins::console::inspect(cx, v).unwrap_or_else(|_| "exception".into()),
    };
    JsError {
        name: "Uncaught".into(),
        message,
        stack: None,
        position,
        exception,
    }
}

/// An error's `stack` as reading it would give, without running user code: a string data
/// property as it is; the engine's lazy accessor as V8 formats it (`Name: message` and the
/// frames captured at creation).
fn stack_string(o: &JsObject, name: &str, message: &str) -> Option<String> {
    use crate::value::property::Slot;
    let prop = o
        .borrow()
        .get_own_property(&PropertyKey::from_str_key("stack"))?;
    match prop.slot {
        Slot::Data(Value::String(s)) => Some(s.to_std_string_lossy()),
        Slot::Accessor(_) => {
            let frames = crate::builtins::error::stack_text_raw(o)?;
            // ErrorUtils::ToString, as the accessor's header.
            let header = match (name.is_empty(), message.is_empty()) {
                (true, _) => message.to_string(),
                (false, true) => name.to_string(),
                (false, false) => format!("{name}: {message}"),
            };
            Some(header + &frames)
        }
        _ => None,
    }
}

impl Runtime {
    /// A runtime with the default settings: console to stdout/stderr, real time, no limits
    /// beyond the engine's catchable call-depth `RangeError`.
    pub fn new() -> Runtime {
        Runtime::builder().build()
    }

    /// Configure a runtime.
    pub fn builder() -> Builder {
        Builder {
            host: None,
            clock: Clock::Host,
            capture: false,
            fuel: None,
            heap_limit: None,
            max_depth: None,
            max_microtasks: None,
            max_timers: None,
            on_rejection: None,
        }
    }

    /// The interpreter, for what this API does not wrap (creating objects, `interp::props`).
    /// Values it returns are valid for this runtime only.
    pub fn interp(&mut self) -> &mut Interp {
        &mut self.interp
    }

    // ───────────── running code ─────────────

    /// Run `f` with the Rust stack the depth limit needs.
    fn with_stack<R>(&mut self, f: impl FnOnce(&mut Runtime) -> R) -> R {
        let need = self.interp.budget.max_depth as usize * STACK_PER_DEPTH + (256 << 10);
        stacker::maybe_grow(need, need + (1 << 20), || {
            // The native stack check must measure the segment JS runs on now.
            let saved = self.interp.refresh_stack_floor();
            let r = f(self);
            self.interp.restore_stack_floor(saved);
            r
        })
    }

    /// After running JS: report a termination as `Error::Limit` and make the runtime usable
    /// again.
    fn finish<T>(&mut self, r: Result<T, Error>) -> Result<T, Error> {
        if let Some(kind) = self.interp.budget.terminated {
            self.interp.budget.reset();
            self.flag.store(false, Ordering::Relaxed);
            self.interp.exception = Value::Undefined;
            if kind == LimitKind::Microtasks {
                self.interp.queues.microtasks = Default::default();
            }
            return Err(Error::Limit(kind.into()));
        }
        r
    }

    /// Parse and run a script; its completion value is the value of its last top-level
    /// expression statement (`undefined` when there is none). Microtasks it queued run at the
    /// next loop step (`run_microtasks`, `run_until_idle`…), not here.
    ///
    /// ```
    /// use tidejs::{Error, Runtime};
    /// let mut rt = Runtime::new();
    /// let v = rt.eval("let x = 20; x + 22", "answer.js").unwrap();
    /// assert_eq!(rt.convert::<f64>(&v).unwrap(), 42.0);
    /// match rt.eval("x +", "bad.js") {
    ///     Err(Error::Syntax(e)) => assert_eq!(e.position.unwrap().line, 1),
    ///     other => panic!("{other:?}"),
    /// }
    /// ```
    pub fn eval(&mut self, source: &str, name: &str) -> Result<Value, Error> {
        let program = crate::parse(source, &Default::default()).map_err(|errors| {
            let e = &errors[0];
            Error::Syntax(syntax_error(
                "SyntaxError",
                &e.message,
                source,
                name,
                e.span.start,
            ))
        })?;
        let script = crate::lower::lower_script(&program).map_err(|e| {
            let msg = format!("not supported yet: {}", e.message);
            Error::Syntax(syntax_error(
                "SyntaxError",
                &msg,
                source,
                name,
                e.span.start,
            ))
        })?;
        self.interp.register_source(name, &script.code.source);
        self.interp.throw_pos = None;
        let r = self.with_stack(|rt| {
            rt.interp.run_script_completion(&script).map_err(|v| {
                rt.interp.exception = v;
                take_exception(&mut rt.interp)
            })
        });
        self.finish(r)
    }

    /// [`Runtime::eval`] converting the completion value (source name `<eval>`).
    pub fn eval_as<T: FromJs>(&mut self, source: &str) -> Result<T, Error> {
        let v = self.eval(source, "<eval>")?;
        self.convert(&v)
    }

    /// Read and run a script file (its path is the source name).
    pub fn eval_file(&mut self, path: impl AsRef<std::path::Path>) -> Result<Value, Error> {
        let path = path.as_ref();
        let source = std::fs::read_to_string(path)
            .map_err(|e| Error::Host(format!("cannot read {}: {e}", path.display())))?;
        self.eval(&source, &path.display().to_string())
    }

    /// Call a JS function with `this` and arguments.
    ///
    /// ```
    /// use tidejs::{Runtime, Value};
    /// let mut rt = Runtime::new();
    /// let f = rt.eval("(function (a, b) { return this.k + a * b; })", "f.js").unwrap();
    /// let this = rt.eval("({ k: 1 })", "o.js").unwrap();
    /// let r = rt.call(&f, this, &[Value::from(6.0), Value::from(7.0)]).unwrap();
    /// assert_eq!(rt.convert::<f64>(&r).unwrap(), 43.0);
    /// ```
    pub fn call(&mut self, function: &Value, this: Value, args: &[Value]) -> Result<Value, Error> {
        self.interp.throw_pos = None;
        let r = self.with_stack(|rt| {
            rt.interp
                .call(function, this, args)
                .map_err(|_| take_exception(&mut rt.interp))
        });
        self.finish(r)
    }

    /// The global object.
    pub fn global(&self) -> JsObject {
        self.interp.global.clone()
    }

    /// Read a global variable (a property of the global object; script `let`/`const` bindings
    /// are not properties and read as `undefined`).
    pub fn get_global(&mut self, name: &str) -> Result<Value, Error> {
        let g = Value::Object(self.interp.global.clone());
        let r = props::get(&mut self.interp, &g, &PropertyKey::from_str_key(name))
            .map_err(|_| take_exception(&mut self.interp));
        self.finish(r)
    }

    /// Set a global variable (an ordinary writable property of the global object).
    pub fn set_global(&mut self, name: &str, value: impl IntoJs) -> Result<(), Error> {
        let v = value.into_js(&mut self.interp)?;
        let g = Value::Object(self.interp.global.clone());
        let r = props::set(&mut self.interp, &g, PropertyKey::from_str_key(name), v)
            .map_err(|_| take_exception(&mut self.interp));
        self.finish(r)
    }

    /// Convert a JS value to a Rust value ([`FromJs`]).
    pub fn convert<T: FromJs>(&mut self, v: &Value) -> Result<T, Error> {
        let r = T::from_js(&mut self.interp, v);
        self.finish(r)
    }

    /// Convert a Rust value to a JS value ([`IntoJs`]).
    pub fn to_js(&mut self, v: impl IntoJs) -> Result<Value, Error> {
        v.into_js(&mut self.interp)
    }

    // ───────────── host functions ─────────────

    /// Register a Rust closure as a global function. Parameters convert with [`FromJs`]
    /// (a wrong type throws `TypeError: name: argument N: expected …`; a missing argument is
    /// `undefined`, which `Option<T>` accepts), the result with [`IntoJs`] (`Err(e)` throws an
    /// `Error` with `e`'s text).
    ///
    /// ```
    /// use tidejs::Runtime;
    /// let mut rt = Runtime::new();
    /// rt.register_fn("greet", |name: String, times: Option<u32>| {
    ///     format!("hello {name}").repeat(times.unwrap_or(1) as usize)
    /// });
    /// assert_eq!(rt.eval_as::<String>("greet('js', 2)").unwrap(), "hello jshello js");
    /// let msg = rt.eval_as::<String>("let m; try { greet(1) } catch (e) { m = `${e.name}: ${e.message}` } m");
    /// assert_eq!(msg.unwrap(), "TypeError: greet: argument 1: expected a string, got number");
    /// ```
    pub fn register_fn<Args, F: IntoHostFn<Args>>(&mut self, name: &str, f: F) -> JsObject {
        let func = self.host_function(name, f);
        crate::builtins::global_value(&self.interp, name, Value::Object(func.clone()));
        func
    }

    /// A host function object, not registered anywhere (pass it to JS, or set it as a
    /// property).
    pub fn host_function<Args, F: IntoHostFn<Args>>(&mut self, name: &str, f: F) -> JsObject {
        let raw = f.into_raw(Rc::from(name));
        host_fn::make_function(&self.interp, name, F::LENGTH, raw, false)
    }

    /// Register a global function with full access: the engine, `this` and the raw arguments.
    ///
    /// ```
    /// use tidejs::{Runtime, Value};
    /// let mut rt = Runtime::new();
    /// rt.register_fn_raw("argc", 0, |_cx, _this, args| Ok(Value::from(args.len() as f64)));
    /// assert_eq!(rt.eval_as::<f64>("argc(1, 2, 3)").unwrap(), 3.0);
    /// ```
    pub fn register_fn_raw(
        &mut self,
        name: &str,
        length: u32,
        f: impl Fn(&mut Interp, &Value, &[Value]) -> Result<Value, Error> + 'static,
    ) -> JsObject {
        let raw: Rc<RawFn> = Rc::new(f);
        let func = host_fn::make_function(&self.interp, name, length, raw, false);
        crate::builtins::global_value(&self.interp, name, Value::Object(func.clone()));
        func
    }

    /// Register an async host function: calling it from JS returns a promise; the closure's
    /// future is polled by the runtime's loop and its output settles the promise (an `Err`
    /// or an argument of the wrong type rejects it with an `Error`/`TypeError`). Futures run
    /// concurrently; dropping the runtime drops (cancels) those still pending. Any future
    /// works (the runtime polls it with its own waker); futures that need a reactor (tokio
    /// timers, sockets) must be polled inside it: drive the loop with
    /// [`Runtime::run_event_loop`] from that executor.
    ///
    /// ```
    /// use tidejs::Runtime;
    /// let mut rt = Runtime::new();
    /// rt.register_async_fn("double", |x: f64| async move { x * 2.0 });
    /// let p = rt.eval("double(21).then(v => v + 0.5)", "a.js").unwrap();
    /// let v = rt.run_until(&p).unwrap();
    /// assert_eq!(rt.convert::<f64>(&v).unwrap(), 42.5);
    /// ```
    pub fn register_async_fn<Args, F: IntoAsyncHostFn<Args>>(
        &mut self,
        name: &str,
        f: F,
    ) -> JsObject {
        let raw_async = f.into_raw_async(Rc::from(name));
        let pending = self.pending.clone();
        let raw: Rc<RawFn> = Rc::new(move |cx: &mut Interp, _this: &Value, args: &[Value]| {
            let promise = crate::builtins::promise::new_promise(cx);
            let (resolve, reject) =
                crate::builtins::promise::create_resolving_functions(cx, &promise);
            match raw_async(cx, args) {
                Ok(future) => {
                    cx.queues.host.started();
                    pending.borrow_mut().insert(
                        future,
                        PromiseCapability {
                            promise: promise.clone(),
                            resolve,
                            reject,
                        },
                    );
                }
                Err(e) => {
                    if cx.interrupted() {
                        return Err(e);
                    }
                    let reason = host_fn::error_value(cx, e);
                    crate::builtins::promise::reject_promise(cx, &promise, reason);
                }
            }
            Ok(Value::Object(promise))
        });
        let func = host_fn::make_function(&self.interp, name, F::LENGTH, raw, false);
        crate::builtins::global_value(&self.interp, name, Value::Object(func.clone()));
        func
    }

    /// Start building a global object with host methods (`name.method(...)`).
    ///
    /// ```
    /// use tidejs::Runtime;
    /// let mut rt = Runtime::new();
    /// rt.register_object("geometry")
    ///     .method("area", |w: f64, h: f64| w * h)
    ///     .value("unit", "cm")
    ///     .build();
    /// assert_eq!(rt.eval_as::<String>("geometry.area(2, 3) + geometry.unit").unwrap(), "6cm");
    /// ```
    pub fn register_object(&mut self, name: &str) -> ObjectBuilder<'_> {
        let obj = JsObject::ordinary(Some(self.interp.intrinsics.object_proto.clone()));
        ObjectBuilder {
            rt: self,
            name: name.to_string(),
            obj,
        }
    }

    /// Start building a host class: a JS constructor creating objects that carry a `T`, with
    /// methods borrowing it.
    ///
    /// ```
    /// use tidejs::Runtime;
    /// struct Counter { n: f64 }
    /// let mut rt = Runtime::new();
    /// rt.register_class::<Counter>("Counter")
    ///     .constructor(|start: f64| Counter { n: start })
    ///     .method("inc", |c: &mut Counter, by: f64| { c.n += by; c.n })
    ///     .build();
    /// assert_eq!(rt.eval_as::<f64>("const c = new Counter(1); c.inc(2); c.inc(3)").unwrap(), 6.0);
    /// ```
    pub fn register_class<T: 'static>(&mut self, name: &str) -> ClassBuilder<'_, T> {
        let proto = JsObject::ordinary(Some(self.interp.intrinsics.object_proto.clone()));
        ClassBuilder {
            rt: self,
            name: name.to_string(),
            proto,
            ctor: None,
        }
    }

    /// A JS object carrying `value` (with `T`'s host class prototype if one is registered,
    /// else a plain object). Host functions receive it back as [`HostRef<T>`](super::HostRef).
    pub fn wrap<T: 'static>(&mut self, value: T) -> Value {
        let proto = self
            .classes
            .get(&TypeId::of::<T>())
            .cloned()
            .unwrap_or_else(|| self.interp.intrinsics.object_proto.clone());
        Value::Object(host_fn::wrap_value(proto, value))
    }

    /// Borrow the `T` inside a host object (`None` if `v` carries no `T`).
    pub fn with_host_value<T: 'static, R>(
        &self,
        v: &Value,
        f: impl FnOnce(&mut T) -> R,
    ) -> Option<R> {
        let cell = host_fn::host_value::<T>(v)?;
        let mut t = cell.borrow_mut();
        Some(f(&mut t))
    }

    // ───────────── limits ─────────────

    /// A handle that stops the running script from another thread.
    pub fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle {
            flag: self.flag.clone(),
        }
    }

    /// Set (or, with `None`, remove) the instruction budget.
    pub fn set_fuel(&mut self, fuel: Option<u64>) {
        self.interp.budget.set_fuel(fuel);
    }

    /// Fuel left (`None`: unlimited).
    pub fn fuel_left(&self) -> Option<u64> {
        self.interp.budget.fuel_left()
    }

    // ───────────── console and clock ─────────────

    /// Console lines captured so far (with [`Builder::capture_console`]; empty otherwise).
    pub fn console_output(&self) -> Vec<String> {
        self.shared
            .captured
            .as_ref()
            .map(|c| c.borrow().clone())
            .unwrap_or_default()
    }

    /// Take the captured console lines, leaving the buffer empty.
    pub fn take_console_output(&mut self) -> Vec<String> {
        self.shared
            .captured
            .as_ref()
            .map(|c| std::mem::take(&mut *c.borrow_mut()))
            .unwrap_or_default()
    }

    /// The runtime clock (ms): what timer deadlines are measured in.
    pub fn now_ms(&mut self) -> f64 {
        self.interp.host.monotonic_ms()
    }

    /// Move the clock forward by `ms` and run what falls due, in order (each timer at its own
    /// deadline, microtasks after each), as far as it is runnable without waiting.
    ///
    /// ```
    /// use tidejs::Runtime;
    /// let mut rt = Runtime::builder().manual_time().capture_console().build();
    /// rt.eval("setTimeout(() => console.log('later'), 100)", "t.js").unwrap();
    /// rt.advance_time(99.0).unwrap();
    /// assert!(rt.console_output().is_empty());
    /// rt.advance_time(1.0).unwrap();
    /// assert_eq!(rt.console_output(), vec!["later"]);
    /// ```
    pub fn advance_time(&mut self, ms: f64) -> Result<(), Error> {
        let target = self.now_ms() + ms.max(0.0);
        loop {
            self.drain_ready()?;
            let next = self.interp.queues.timers.next_deadline();
            match next {
                Some(d) if d <= target => {
                    let now = self.now_ms();
                    if d > now {
                        self.set_clock(d);
                    }
                    self.turn()?;
                }
                _ => break,
            }
        }
        let now = self.now_ms();
        if target > now {
            self.set_clock(target);
        }
        self.drain_ready()
    }

    fn set_clock(&mut self, ms: f64) {
        let now = self.now_ms();
        let o = &self.shared.offset;
        o.set(o.get() + (ms - now));
    }

    /// Run everything runnable now without waiting (a turn until nothing ran).
    fn drain_ready(&mut self) -> Result<(), Error> {
        while self.turn()? {}
        Ok(())
    }

    // ───────────── the event loop ─────────────

    /// Perform a microtask checkpoint: run promise jobs and `queueMicrotask` callbacks until
    /// the queue is empty.
    pub fn run_microtasks(&mut self) -> Result<(), Error> {
        let r = self.with_stack(|rt| rt.checkpoint());
        self.finish(r)
    }

    fn checkpoint(&mut self) -> Result<(), Error> {
        let mut n = 0usize;
        loop {
            if self.interp.budget.terminated.is_some() {
                return Err(Error::Limit(Limit::Interrupted)); // replaced by `finish`
            }
            if let Some(max) = self.max_microtasks {
                if n >= max && !self.interp.queues.microtasks.is_empty() {
                    self.interp.budget.terminated = Some(LimitKind::Microtasks);
                    return Err(Error::Limit(Limit::Microtasks));
                }
            }
            match crate::event_loop::run_one_microtask(&mut self.interp) {
                None => break,
                Some(Ok(())) => n += 1,
                Some(Err(v)) => {
                    self.interp.exception = v;
                    return Err(take_exception(&mut self.interp));
                }
            }
        }
        self.report_rejections()
    }

    /// Node's unhandled-rejection rule, after a checkpoint (see
    /// [`Builder::on_unhandled_rejection`]).
    fn report_rejections(&mut self) -> Result<(), Error> {
        let mut candidates = std::mem::take(&mut self.interp.queues.maybe_unhandled).into_iter();
        while let Some(p) = candidates.next() {
            let reason = match &p.borrow().kind {
                ObjectKind::Promise(d) if !d.is_handled() => match &d.state {
                    PromiseState::Rejected(v, _) => v.clone(),
                    _ => continue,
                },
                _ => continue,
            };
            let e = describe(&mut self.interp, &reason, false);
            let r = match &mut self.on_rejection {
                Some(f) => f(&e),
                None => Err(Error::UnhandledRejection(e)),
            };
            if let Err(e) = r {
                // The rest are reported at the next checkpoint.
                let rest: Vec<JsObject> = candidates.collect();
                self.interp.queues.maybe_unhandled.splice(0..0, rest);
                return Err(e);
            }
        }
        Ok(())
    }

    /// Poll the woken host futures; completed ones queue their settlement.
    fn poll_futures(&mut self) -> bool {
        let ids = self.ready.take();
        let mut any = false;
        for id in ids {
            let entry = self
                .pending
                .borrow_mut()
                .slots
                .get_mut(id)
                .and_then(Option::take);
            let Some(mut entry) = entry else { continue };
            let mut cx = Context::from_waker(&entry.waker);
            match entry.future.as_mut().poll(&mut cx) {
                Poll::Pending => {
                    self.pending.borrow_mut().slots[id] = Some(entry);
                }
                Poll::Ready(settle) => {
                    self.pending.borrow_mut().free.push(id);
                    let outcome = settle(&mut self.interp)
                        .map_err(|e| host_fn::error_value(&mut self.interp, e));
                    self.interp.queues.host.complete(HostCompletion {
                        capability: entry.capability,
                        outcome,
                    });
                    any = true;
                }
            }
        }
        any
    }

    /// One loop turn: poll woken futures, microtasks, due timers (each followed by a
    /// checkpoint), host completions (each followed by a checkpoint). Whether anything ran.
    fn turn(&mut self) -> Result<bool, Error> {
        let r = self.with_stack(|rt| rt.turn_inner());
        self.finish(r)
    }

    fn turn_inner(&mut self) -> Result<bool, Error> {
        let mut ran = self.poll_futures();
        ran |= !self.interp.queues.microtasks.is_empty();
        self.checkpoint()?;
        let now = self
            .interp
            .host
            .monotonic_ms()
            .max(self.interp.queues.loop_now);
        self.interp.queues.loop_now = now;
        while let Some(timer) = self.interp.queues.timers.pop_due(now) {
            ran = true;
            let callback = Value::Object(timer.callback.clone());
            let r = self.interp.call(&callback, Value::Undefined, &timer.args);
            self.interp.queues.timers.finish(timer, now);
            if r.is_err() {
                return Err(take_exception(&mut self.interp));
            }
            self.checkpoint()?;
        }
        while let Some(done) = self.interp.queues.host.pop() {
            ran = true;
            let cap = done.capability;
            let (f, v) = match done.outcome {
                Ok(v) => (cap.resolve, v),
                Err(e) => (cap.reject, e),
            };
            if self
                .interp
                .call(&Value::Object(f), Value::Undefined, &[v])
                .is_err()
            {
                return Err(take_exception(&mut self.interp));
            }
            self.checkpoint()?;
        }
        Ok(ran)
    }

    fn status(&mut self) -> Tick {
        let next_timer_ms = self.interp.queues.timers.next_deadline();
        let pending_host_ops = self.pending.borrow().count();
        if next_timer_ms.is_none() && pending_host_ops == 0 {
            Tick::Idle
        } else {
            Tick::Waiting {
                next_timer_ms,
                pending_host_ops,
            }
        }
    }

    /// One step of the event loop without blocking, for hosts with their own loop (a GUI
    /// frame, a game tick): runs what is runnable now and says what remains.
    ///
    /// ```
    /// use tidejs::{Runtime, Tick};
    /// let mut rt = Runtime::builder().manual_time().capture_console().build();
    /// rt.eval("Promise.resolve().then(() => console.log('job')); setTimeout(() => {}, 5)", "t.js").unwrap();
    /// assert_eq!(rt.try_tick().unwrap(), Tick::Ran);
    /// assert_eq!(rt.console_output(), vec!["job"]);
    /// assert!(matches!(rt.try_tick().unwrap(), Tick::Waiting { next_timer_ms: Some(_), .. }));
    /// ```
    pub fn try_tick(&mut self) -> Result<Tick, Error> {
        if self.turn()? {
            return Ok(Tick::Ran);
        }
        Ok(self.status())
    }

    /// Block until nothing is pending: microtasks, timers (waiting for them, or jumping with
    /// virtual time; with manual time, returns when only future timers remain) and async host
    /// operations (parking the thread until one wakes). The first uncaught exception of a
    /// callback or job ends it (the loop can be resumed by calling again).
    pub fn run_until_idle(&mut self) -> Result<(), Error> {
        self.run_blocking(|_| false).map(|_| ())
    }

    /// Run the loop until `promise` settles: its value, or `Error::Uncaught` with its rejection
    /// reason (`promise` counts as handled: its rejection is never an unhandled one). A non-promise value is returned as is. Fails with `Error::Host` if the loop goes
    /// idle with the promise still pending.
    ///
    /// ```
    /// use tidejs::{Error, Runtime};
    /// let mut rt = Runtime::builder().virtual_time().build();
    /// let p = rt.eval("new Promise((_, no) => setTimeout(() => no(new RangeError('late')), 50))", "p.js").unwrap();
    /// match rt.run_until(&p) {
    ///     Err(Error::Uncaught(e)) => assert_eq!((e.name.as_str(), e.message.as_str()), ("RangeError", "late")),
    ///     other => panic!("{other:?}"),
    /// }
    /// ```
    pub fn run_until(&mut self, promise: &Value) -> Result<Value, Error> {
        let Value::Object(p) = promise else {
            return Ok(promise.clone());
        };
        if !matches!(p.borrow().kind, ObjectKind::Promise(_)) {
            return Ok(promise.clone());
        }
        let p = p.clone();
        // The host awaits it: its rejection is handled (not an unhandled rejection).
        if let ObjectKind::Promise(d) = &mut p.borrow_mut().kind {
            d.set_handled();
        }
        let settled = |p: &JsObject| match &p.borrow().kind {
            ObjectKind::Promise(d) => !matches!(d.state, PromiseState::Pending { .. }),
            _ => true,
        };
        self.run_blocking(|_| settled(&p))?;
        let mut data = p.borrow_mut();
        let ObjectKind::Promise(d) = &mut data.kind else {
            return Err(Error::Host("not a promise".into()));
        };
        match &d.state {
            PromiseState::Fulfilled(v) => Ok(v.clone()),
            PromiseState::Rejected(v, _) => {
                let v = v.clone();
                drop(data);
                Err(Error::Uncaught(describe(&mut self.interp, &v, false)))
            }
            PromiseState::Pending { .. } => Err(Error::Host(
                "the promise can never settle: the event loop is idle".into(),
            )),
        }
    }

    /// Drive the loop until `done` or idle; `Ok(true)` if `done`.
    fn run_blocking(&mut self, done: impl Fn(&mut Runtime) -> bool) -> Result<bool, Error> {
        loop {
            while self.turn()? {
                if done(self) {
                    return Ok(true);
                }
            }
            if done(self) {
                return Ok(true);
            }
            match self.status() {
                Tick::Idle => return Ok(false),
                Tick::Ran => {}
                Tick::Waiting {
                    next_timer_ms,
                    pending_host_ops,
                } => {
                    if !self.wait(next_timer_ms, pending_host_ops) {
                        return Ok(false);
                    }
                }
            }
        }
    }

    /// Wait for the next timer or a woken future; `false` when nothing can ever arrive
    /// (manual clock, no host operation).
    fn wait(&mut self, next_timer: Option<f64>, pending_ops: usize) -> bool {
        if let Ok(mut t) = self.ready.thread.lock() {
            *t = Some(std::thread::current());
        }
        let r = self.wait_inner(next_timer, pending_ops);
        if let Ok(mut t) = self.ready.thread.lock() {
            *t = None;
        }
        r
    }

    fn wait_inner(&mut self, next_timer: Option<f64>, pending_ops: usize) -> bool {
        if !self.ready.is_empty() {
            return true;
        }
        match (self.shared.clock, next_timer) {
            (Clock::Virtual, Some(d)) => {
                self.interp.host.wait_until(d);
                true
            }
            (Clock::Host, Some(d)) if pending_ops == 0 => {
                self.interp.host.wait_until(d);
                true
            }
            (Clock::Host, Some(d)) => {
                let now = self.now_ms();
                if d > now {
                    std::thread::park_timeout(Duration::from_secs_f64((d - now) / 1000.0));
                }
                true
            }
            (_, _) if pending_ops > 0 => {
                std::thread::park();
                true
            }
            _ => false,
        }
    }

    /// Poll the event loop from any executor: runs what is runnable, then returns
    /// `Ready(Ok(()))` when nothing is pending (with a manual clock: when only future timers
    /// remain), `Ready(Err(_))` on an uncaught exception or a limit, else `Pending` with `cx`'s
    /// waker registered for woken host futures and the next timer.
    pub fn poll_event_loop(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        if let Ok(mut w) = self.ready.outer.lock() {
            *w = Some(cx.waker().clone());
        }
        loop {
            match self.turn() {
                Err(e) => return Poll::Ready(Err(e)),
                Ok(true) => continue,
                Ok(false) => {}
            }
            match self.status() {
                Tick::Idle => return Poll::Ready(Ok(())),
                Tick::Ran => continue,
                Tick::Waiting {
                    next_timer_ms,
                    pending_host_ops,
                } => {
                    if !self.ready.is_empty() {
                        continue;
                    }
                    match (self.shared.clock, next_timer_ms) {
                        (Clock::Virtual, Some(d)) => {
                            self.interp.host.wait_until(d);
                            continue;
                        }
                        (Clock::Host, Some(d)) => {
                            let now = self.now_ms();
                            let at = Instant::now()
                                + Duration::from_secs_f64((d - now).max(0.0) / 1000.0);
                            self.timer_thread
                                .get_or_insert_with(TimerThread::spawn)
                                .wake_at(at, cx.waker().clone());
                            return Poll::Pending;
                        }
                        _ if pending_host_ops > 0 => return Poll::Pending,
                        _ => return Poll::Ready(Ok(())),
                    }
                }
            }
        }
    }

    /// [`Runtime::poll_event_loop`] as a future: `rt.run_event_loop().await` inside any async
    /// executor runs the loop to idle, with host futures polled in that executor's context.
    pub fn run_event_loop(&mut self) -> impl Future<Output = Result<(), Error>> + '_ {
        std::future::poll_fn(move |cx| self.poll_event_loop(cx))
    }
}

/// A syntax error's host view.
fn syntax_error(kind: &str, message: &str, source: &str, name: &str, offset: u32) -> JsError {
    let index = crate::span::LineIndex::new(source);
    let (line, column) = index.line_col(source, offset);
    JsError {
        name: kind.to_string(),
        message: message.to_string(),
        stack: None,
        position: Some(Position {
            source: name.to_string(),
            line,
            column,
        }),
        exception: None,
    }
}

/// Builds a global object of host methods and values (see [`Runtime::register_object`]).
pub struct ObjectBuilder<'a> {
    rt: &'a mut Runtime,
    name: String,
    obj: JsObject,
}

impl ObjectBuilder<'_> {
    /// Add a method (`obj.name(...)`), converted as for [`Runtime::register_fn`].
    pub fn method<Args, F: IntoHostFn<Args>>(self, name: &str, f: F) -> Self {
        let full = format!("{}.{name}", self.name);
        let raw = f.into_raw(Rc::from(full.as_str()));
        let func = host_fn::make_function(&self.rt.interp, name, F::LENGTH, raw, false);
        props::define_hidden(
            &self.obj,
            PropertyKey::from_str_key(name),
            Value::Object(func),
        );
        self
    }

    /// Add a data property.
    pub fn value(self, name: &str, v: impl IntoJs) -> Self {
        if let Ok(v) = v.into_js(&mut self.rt.interp) {
            props::define_data(&self.obj, PropertyKey::from_str_key(name), v);
        }
        self
    }

    /// Install the object as a global and return it.
    pub fn build(self) -> JsObject {
        crate::builtins::global_value(&self.rt.interp, &self.name, Value::Object(self.obj.clone()));
        self.obj
    }
}

/// Builds a host class (see [`Runtime::register_class`]).
pub struct ClassBuilder<'a, T: 'static> {
    rt: &'a mut Runtime,
    name: String,
    proto: JsObject,
    ctor: Option<Rc<host_fn::RawCtor<T>>>,
}

impl<T: 'static> ClassBuilder<'_, T> {
    /// How `new Name(...)` builds the `T` (without a constructor, `new` throws a TypeError:
    /// instances then come only from [`Runtime::wrap`]).
    pub fn constructor<Args, F: IntoHostCtor<T, Args>>(mut self, f: F) -> Self {
        self.ctor = Some(f.into_raw_ctor(Rc::from(self.name.as_str())));
        self
    }

    /// Add a method on the prototype: `f(&mut T, args…)`; called on an object that does not
    /// carry a `T`, it throws a TypeError.
    pub fn method<Args, F: IntoHostMethod<T, Args>>(self, name: &str, f: F) -> Self {
        let full = format!("{}.prototype.{name}", self.name);
        let raw = f.into_raw_method(Rc::from(full.as_str()));
        let func = host_fn::make_function(&self.rt.interp, name, F::LENGTH, raw, false);
        props::define_hidden(
            &self.proto,
            PropertyKey::from_str_key(name),
            Value::Object(func),
        );
        self
    }

    /// Install the constructor as a global and return it.
    pub fn build(self) -> JsObject {
        let ctor_fn = self.ctor;
        let name = self.name.clone();
        let raw: Rc<RawFn> = Rc::new(move |cx: &mut Interp, _this: &Value, args: &[Value]| {
            let Some(nt) = cx.new_target.take() else {
                return Err(Error::Type(format!(
                    "Class constructor {name} cannot be invoked without 'new'"
                )));
            };
            let Some(make) = &ctor_fn else {
                return Err(Error::Type(format!("{name} has no constructor")));
            };
            let proto = cx
                .get_prototype_from_constructor(&nt, |i| &i.object_proto)
                .map_err(|_| take_exception(cx))?;
            let value = make(cx, args)?;
            Ok(Value::Object(host_fn::wrap_value(proto, value)))
        });
        let ctor = host_fn::make_function(&self.rt.interp, &self.name, 0, raw, true);
        props::define_prototype(&ctor, Value::Object(self.proto.clone()));
        props::define_hidden(
            &self.proto,
            PropertyKey::from_str_key("constructor"),
            Value::Object(ctor.clone()),
        );
        self.rt
            .classes
            .insert(TypeId::of::<T>(), self.proto.clone());
        crate::builtins::global_value(&self.rt.interp, &self.name, Value::Object(ctor.clone()));
        ctor
    }
}

/// One helper thread per runtime that wakes `poll_event_loop`'s task when a timer is due.
struct TimerThread {
    tx: std::sync::mpsc::Sender<(Instant, Waker)>,
}

impl TimerThread {
    fn spawn() -> TimerThread {
        let (tx, rx) = std::sync::mpsc::channel::<(Instant, Waker)>();
        std::thread::spawn(move || {
            let mut next: Option<(Instant, Waker)> = None;
            loop {
                let msg = match &next {
                    Some((at, _)) => {
                        let now = Instant::now();
                        if *at <= now {
                            if let Some((_, w)) = next.take() {
                                w.wake();
                            }
                            continue;
                        }
                        match rx.recv_timeout(*at - now) {
                            Ok(m) => Some(m),
                            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => continue,
                            Err(_) => return,
                        }
                    }
                    None => match rx.recv() {
                        Ok(m) => Some(m),
                        Err(_) => return,
                    },
                };
                if let Some((at, w)) = msg {
                    // The latest request replaces the earlier one (one waiting task).
                    next = Some((at, w));
                }
            }
        });
        TimerThread { tx }
    }

    fn wake_at(&self, at: Instant, waker: Waker) {
        let _ = self.tx.send((at, waker));
    }
}
