//! The CLI's script runner: `run_source` / `run_source_with` — parse, lower, run a script and
//! its event loop to completion with a given `Host` (Node's unhandled-rejection rule included),
//! and report how it ended. The embedding API for Rust hosts (`Runtime`, host functions, the
//! loop driver, limits) is `crate::runtime`.

pub use crate::host::{Host, StdHost, Stream, VirtualHost};

use crate::error::SyntaxError;
use crate::lower::LowerError;

/// How a script run ended badly.
#[derive(Debug)]
pub enum RunError {
    /// The source did not parse (every error found, in source order).
    Syntax(Vec<SyntaxError>),
    /// The script uses a construct the interpreter does not run yet.
    Unsupported(LowerError),
    /// An exception nobody caught, as it is to be printed: from `run_source*`, node's report
    /// (the throw point's file and line, its source line with a caret, then the value as
    /// `util.inspect` shows it: an error's stack); from the test262 host, `Name: message`.
    Uncaught(String),
    /// A promise rejected with no handler once the microtask queue drained (Node 20 rule):
    /// the message Node prints for it.
    UnhandledRejection(String),
}

/// How to run a script: the options of `tidejs FILE.js`.
#[derive(Default)]
pub struct RunOptions {
    /// `--trace`: the event-loop trace on stderr.
    pub trace: bool,
    /// The script's name in stack frames and error reports (node shows the absolute path);
    /// `<anonymous>` when not given.
    pub file_name: Option<String>,
}

/// Parse, lower and run `source` on the current thread, then run its event loop to completion
/// (microtasks, timers, host completions; `crate::event_loop::run_node`). Deep JS recursion is
/// bounded by the interpreter's call-depth limit, which needs `ENGINE_STACK_BYTES` of stack: run
/// this on a thread with that much (the CLI does).
pub fn run_source(source: &str, host: Box<dyn Host>) -> Result<(), RunError> {
    run_source_with(source, host, &RunOptions::default())
}

/// [`run_source`] with options.
pub fn run_source_with(
    source: &str,
    host: Box<dyn Host>,
    options: &RunOptions,
) -> Result<(), RunError> {
    let program = crate::parse(source, &Default::default()).map_err(RunError::Syntax)?;
    let script = crate::lower::lower_script(&program).map_err(RunError::Unsupported)?;
    let mut interp = crate::interp::Interp::new(host);
    let name = options.file_name.as_deref().unwrap_or("<anonymous>");
    interp.source = Some(crate::interp::stack::SourceInfo::new(name, source));
    if options.trace {
        interp.queues.trace = Some(Box::new(crate::jobs::Trace::new(source)));
    }
    if let Err(thrown) = interp.run_script(&script) {
        return Err(RunError::Uncaught(uncaught_report(
            &mut interp,
            &thrown,
            false,
        )));
    }
    match crate::event_loop::run_node(&mut interp) {
        Ok(()) => Ok(()),
        Err(crate::event_loop::Uncaught::Exception(v)) => {
            Err(RunError::Uncaught(uncaught_report(&mut interp, &v, false)))
        }
        Err(crate::event_loop::Uncaught::Rejection(v)) => Err(RunError::UnhandledRejection(
            unhandled_rejection_message(&mut interp, &v),
        )),
    }
}

/// node's report of an uncaught exception: `file:line`, the source line with a caret under
/// the position V8 gives the exception, then the value as `util.inspect` shows it (an error's
/// stack). A synchronous throw (script, timer callback) is placed at its throw point; an
/// exception V8 did not see thrown (`from_rejection`, or one escaping a microtask, where the
/// event loop leaves no throw point) at the error's creation (its first stack frame).
fn uncaught_report(
    interp: &mut crate::interp::Interp,
    v: &crate::value::Value,
    from_rejection: bool,
) -> String {
    use crate::value::Value;
    let error = match v {
        Value::Object(o) if crate::builtins::inspect::is_error(interp, o) => Some(o.clone()),
        _ => None,
    };
    // Before inspecting: a getter run by `inspect` may throw (and move the throw point).
    let location = match (&error, from_rejection) {
        (_, false) if interp.throw_pos.is_some() => interp.throw_location(),
        (Some(e), _) => interp.error_origin(e),
        (None, _) => None,
    };
    // node prints a thrown string as it is, anything else as `util.inspect` shows it.
    let text = match v {
        Value::String(s) => s.to_std_string_lossy(),
        _ => crate::builtins::console::inspect(interp, v).unwrap_or_else(|_| "exception".into()),
    };
    interp.uncaught_report(&text, error.is_some(), location)
}

/// What Node 20 prints for an unhandled rejection: the error itself when the reason is an
/// Error, else its `UnhandledPromiseRejection` error naming the reason.
fn unhandled_rejection_message(
    interp: &mut crate::interp::Interp,
    reason: &crate::value::Value,
) -> String {
    use crate::value::object::ObjectKind;
    use crate::value::Value;
    if let Value::Object(o) = reason {
        if matches!(o.borrow().kind, ObjectKind::Error) {
            return uncaught_report(interp, reason, true);
        }
    }
    // Node describes the reason without running user code (noSideEffectsToString).
    let described = match reason {
        Value::Object(o) if o.borrow().kind.is_callable() => "function".to_string(),
        Value::Object(_) => "#<Object>".to_string(),
        Value::String(s) => s.to_std_string_lossy(),
        Value::Symbol(s) => s.descriptive_string().to_std_string_lossy(),
        other => crate::builtins::console::inspect(interp, other).unwrap_or_default(),
    };
    format!(
        "UnhandledPromiseRejection: This error originated either by throwing inside of an async \
         function without a catch block, or by rejecting a promise which was not handled with \
         .catch(). The promise rejected with the reason \"{described}\".\n  code: 'ERR_UNHANDLED_REJECTION'"
    )
}

/// Stack size for the thread that runs `run_source`.
pub const ENGINE_STACK_BYTES: usize = crate::interp::ENGINE_STACK_BYTES;
