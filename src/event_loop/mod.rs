//! The event loop driver (DESIGN §6), Node-compatible: after the script, drain every microtask;
//! then repeatedly run the timers that are due, in (deadline, insertion order), draining
//! microtasks after each callback; then settle host completions, each followed by a drain. The
//! loop ends when no timer, interval or host operation is pending. The clock and the waiting
//! come from the `Host` (`wait_until`): real time, or virtual time that jumps to the next
//! deadline with the same order.
//!
//! Public entry points (stable):
//! - [`run`]: run the queues to completion after `Interp::run_script`; the first uncaught
//!   exception (a throw in a timer callback or a `queueMicrotask` callback) ends it. Unhandled
//!   rejections are not errors here (test262 semantics).
//! - [`run_node`]: the same with Node 20's unhandled-rejection rule (CLI): a promise rejected
//!   without a handler when the microtask queue has drained ends the run.
//! - [`run_microtasks`]: one microtask checkpoint (drain to empty); [`run_one_microtask`]: one job.
//! - [`trace_line`] / `Interp::enqueue_job`: the `--trace` output.
//!
//! Not here: what the jobs do (`builtins::promise`), the queue data (`crate::jobs`), formatting
//! of the final error message (the CLI).

use crate::builtins::promise;
use crate::host::Stream;
use crate::interp::{Interp, Throw};
use crate::jobs::{Job, Origin};
use crate::value::object::{ObjectKind, ReactionCapability};
use crate::value::{JsObject, Value};

/// Why a run ended early.
#[derive(Debug)]
pub enum Uncaught {
    /// An exception nobody caught (timer or microtask callback).
    Exception(Value),
    /// A promise rejected with no handler at the end of a microtask checkpoint (Node 20's
    /// default `--unhandled-rejections=throw`): the rejection reason.
    Rejection(Value),
}

impl Uncaught {
    pub fn value(&self) -> &Value {
        match self {
            Uncaught::Exception(v) | Uncaught::Rejection(v) => v,
        }
    }
}

/// Run microtasks, timers and host completions until nothing is pending. The first uncaught
/// exception ends the run and is returned. Call after `Interp::run_script` succeeded.
pub fn run(interp: &mut Interp) -> Result<(), Value> {
    drive(interp, false).map_err(|u| match u {
        Uncaught::Exception(v) | Uncaught::Rejection(v) => v,
    })
}

/// [`run`] with Node's unhandled-rejection rule.
pub fn run_node(interp: &mut Interp) -> Result<(), Uncaught> {
    drive(interp, true)
}

/// Perform a microtask checkpoint: run jobs until the queue is empty (jobs queued by jobs run
/// in the same drain). A job that throws (only `queueMicrotask` callbacks and await handlers
/// can) stops the drain and returns its exception.
pub fn run_microtasks(interp: &mut Interp) -> Result<(), Value> {
    while let Some(r) = run_one_microtask(interp) {
        r?;
    }
    Ok(())
}

/// Run the oldest microtask, if any: `None` when the queue is empty, else the job's outcome
/// (`Err` with the exception when it threw). For drivers that count jobs (the embedding API's
/// microtask cap).
pub fn run_one_microtask(interp: &mut Interp) -> Option<Result<(), Value>> {
    let job = interp.queues.microtasks.pop()?;
    if interp.queues.trace.is_some() {
        trace_job(interp, "run", &job);
    }
    let r = match job {
        Job::Reaction(job) => promise::run_reaction_job(interp, job),
        Job::ResolveThenable {
            promise,
            thenable,
            then,
            ..
        } => promise::run_thenable_job(interp, &promise, thenable, then),
        Job::Callback { callback, .. } => interp
            .call(&Value::Object(callback), Value::Undefined, &[])
            .map(Value::release),
    };
    Some(r.map_err(|Throw| {
        // V8 reports an exception escaping a microtask at the error's own position, not at its
        // throw point (the microtask runner catches it): forget the throw point.
        interp.throw_pos = None;
        std::mem::take(&mut interp.exception)
    }))
}

/// A checkpoint followed by the unhandled-rejection check (when asked for).
fn checkpoint(interp: &mut Interp, rejections: bool) -> Result<(), Uncaught> {
    run_microtasks(interp).map_err(Uncaught::Exception)?;
    let candidates = std::mem::take(&mut interp.queues.maybe_unhandled);
    if !rejections {
        return Ok(());
    }
    for p in candidates {
        let data = p.borrow();
        if let ObjectKind::Promise(pd) = &data.kind {
            if !pd.is_handled() {
                if let crate::value::object::PromiseState::Rejected(reason, _) = &pd.state {
                    return Err(Uncaught::Rejection(reason.clone()));
                }
            }
        }
    }
    Ok(())
}

fn drive(interp: &mut Interp, rejections: bool) -> Result<(), Uncaught> {
    checkpoint(interp, rejections)?;
    loop {
        let now = interp.host.monotonic_ms().max(interp.queues.loop_now);
        interp.queues.loop_now = now;
        let mut ran = false;
        // Timers phase: everything due at the turn's `now`. Timers created meanwhile are due at
        // `now + 1` or later, so they wait for the next turn, as in libuv.
        while let Some(timer) = interp.queues.timers.pop_due(now) {
            ran = true;
            if interp.queues.trace.is_some() {
                trace_line(
                    interp,
                    &format!("fire timer {} (at {} ms)", timer.id, timer.deadline),
                    timer.origin,
                );
            }
            let callback = Value::Object(timer.callback.clone());
            let r = interp.call(&callback, Value::Undefined, &timer.args);
            interp.queues.timers.finish(timer, now);
            if r.is_err() {
                return Err(Uncaught::Exception(std::mem::take(&mut interp.exception)));
            }
            checkpoint(interp, rejections)?;
        }
        // Host completions (poll phase).
        while let Some(done) = interp.queues.host.pop() {
            ran = true;
            if interp.queues.trace.is_some() {
                trace_line(interp, "host completion", Origin::NONE);
            }
            let cap = done.capability;
            let (f, v) = match done.outcome {
                Ok(v) => (cap.resolve, v),
                Err(e) => (cap.reject, e),
            };
            if interp
                .call(&Value::Object(f), Value::Undefined, &[v])
                .is_err()
            {
                return Err(Uncaught::Exception(std::mem::take(&mut interp.exception)));
            }
            checkpoint(interp, rejections)?;
        }
        if ran {
            continue;
        }
        match interp.queues.timers.next_deadline() {
            Some(deadline) => interp.host.wait_until(deadline),
            // No timer: pending host operations would be waited for here by the embedding
            // API's host (issue 7); with none, the loop is done.
            None => return Ok(()),
        }
    }
}

// ───────────── --trace ─────────────

/// Write one trace line (`[loop] <what> (line N)`) to stderr through the host.
pub fn trace_line(interp: &mut Interp, what: &str, origin: Origin) {
    let Some(trace) = &interp.queues.trace else {
        return;
    };
    let line = format!("[loop] {what} ({})", trace.place(origin));
    interp.host.write_line(Stream::Stderr, &line);
}

fn promise_of(job: &Job) -> Option<JsObject> {
    match job {
        Job::Reaction(r) => match r.reaction.capability() {
            ReactionCapability::None | ReactionCapability::Await(_) => None,
            ReactionCapability::Intrinsic(p) => Some(p),
            ReactionCapability::Functions(c) => Some(c.promise),
        },
        Job::ResolveThenable { promise, .. } => Some(promise.clone()),
        Job::Callback { .. } => None,
    }
}

fn trace_job(interp: &mut Interp, verb: &str, job: &Job) {
    let target = promise_of(job);
    let Some(trace) = interp.queues.trace.as_mut() else {
        return;
    };
    let settles = match &target {
        Some(p) => format!(" -> settles promise {}", trace.promise_id(p)),
        None => String::new(),
    };
    let what = format!("{verb} {} job{settles}", job.kind_name());
    trace_line(interp, &what, job.origin());
}

/// Called by `Interp::enqueue_job` when tracing.
pub fn trace_enqueue(interp: &mut Interp, job: &Job) {
    trace_job(interp, "enqueue", job);
}
