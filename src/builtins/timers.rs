//! The host timer functions Node and browsers share: `setTimeout`, `setInterval`,
//! `clearTimeout`, `clearInterval`, `queueMicrotask`. They only enqueue (`crate::jobs`); the
//! event loop (`crate::event_loop`) runs the callbacks, draining microtasks after each one.
//!
//! Node's rules kept here: the callback must be a function (a TypeError otherwise), the delay is
//! `delay * 1` (ToNumber) clamped to 1 ms when below 1 or not a number, extra arguments are
//! passed to the callback, clearing an unknown or fired id is a no-op, and the two `clear`
//! functions are interchangeable. Timer handles are numbers (Node returns a `Timeout` object whose
//! primitive value is that number; `clearTimeout` accepts both in Node, numbers here).
//!
//! Not here: `setImmediate`, `process.nextTick` (Node-only, outside the corpus' API).

use super::{arg, global_value, native};
use crate::interp::function::is_callable;
use crate::interp::{ops, Interp, JsResult};
use crate::jobs::{Job, Origin};
use crate::value::Value;

fn callback_error(interp: &mut Interp, v: &Value) -> crate::interp::Throw {
    let shown = match v {
        Value::Undefined => "undefined".to_string(),
        Value::Null => "null".to_string(),
        Value::String(s) => format!("type string ('{s}')"),
        Value::Number(_) => format!(
            "type number ({})",
            super::console::inspect(interp, v).unwrap_or_default()
        ),
        Value::Bool(b) => format!("type boolean ({b})"),
        _ => "an instance of Object".to_string(),
    };
    interp.throw_type_error(&format!(
        "The \"callback\" argument must be of type function. Received {shown}"
    ))
}

fn schedule(interp: &mut Interp, args: &[Value], repeat: bool) -> JsResult<Value> {
    let callback = arg(args, 0);
    let Value::Object(cb) = &callback else {
        return Err(callback_error(interp, &callback));
    };
    if !is_callable(&callback) {
        return Err(callback_error(interp, &callback));
    }
    let delay = match args.get(1) {
        Some(Value::Number(n)) => *n,
        Some(d) => ops::to_number(interp, d)?,
        None => 1.0,
    };
    if let Some(max) = interp.budget.max_timers {
        // The embedder's cap on pending timers (`interp::limits`) ends the script.
        if interp.queues.timers.len() >= max {
            return Err(interp.terminate(crate::interp::limits::LimitKind::Timers));
        }
    }
    let extra = args.get(2..).map(<[Value]>::to_vec).unwrap_or_default();
    let origin = Origin(interp.call_pos);
    let now = interp.queues.loop_now;
    let id = interp
        .queues
        .timers
        .schedule(now, delay, repeat, cb.clone(), extra, origin);
    if interp.queues.trace.is_some() {
        let kind = if repeat { "interval" } else { "timeout" };
        crate::event_loop::trace_line(
            interp,
            &format!(
                "schedule {kind} {id} ({} ms, due at {} ms)",
                crate::jobs::clamp_delay(delay),
                now + crate::jobs::clamp_delay(delay)
            ),
            origin,
        );
    }
    Ok(Value::Number(f64::from(id)))
}

fn set_timeout(interp: &mut Interp, _this: &Value, args: &[Value]) -> JsResult<Value> {
    schedule(interp, args, false)
}

fn set_interval(interp: &mut Interp, _this: &Value, args: &[Value]) -> JsResult<Value> {
    schedule(interp, args, true)
}

/// `clearTimeout(id)` / `clearInterval(id)`: numbers and numeric strings name a timer, as in
/// Node; anything else is ignored.
fn clear(interp: &mut Interp, _this: &Value, args: &[Value]) -> JsResult<Value> {
    let id = match arg(args, 0) {
        Value::Number(n) => n,
        Value::String(s) => ops::to_number(interp, &Value::String(s))?,
        _ => return Ok(Value::Undefined),
    };
    if id.fract() == 0.0 && id >= 1.0 && id <= f64::from(u32::MAX) {
        let id = id as u32;
        if interp.queues.timers.cancel(id) && interp.queues.trace.is_some() {
            crate::event_loop::trace_line(
                interp,
                &format!("clear timer {id}"),
                Origin(interp.call_pos),
            );
        }
    }
    Ok(Value::Undefined)
}

/// `queueMicrotask(callback)`.
fn queue_microtask(interp: &mut Interp, _this: &Value, args: &[Value]) -> JsResult<Value> {
    match args.first() {
        Some(callback @ Value::Object(cb)) if is_callable(callback) => {
            let job = Job::Callback {
                callback: cb.clone(),
                origin: Origin(interp.call_pos),
            };
            interp.enqueue_job(job);
            Ok(Value::Undefined)
        }
        _ => {
            let callback = arg(args, 0);
            Err(callback_error(interp, &callback))
        }
    }
}

pub fn install(interp: &mut Interp) {
    for (name, len, f) in [
        (
            "setTimeout",
            2,
            set_timeout as crate::interp::function::NativeFn,
        ),
        ("setInterval", 2, set_interval),
        ("clearTimeout", 1, clear),
        ("clearInterval", 1, clear),
        ("queueMicrotask", 1, queue_microtask),
    ] {
        let func = native(interp, name, len, f, false);
        global_value(interp, name, Value::Object(func));
    }
}
