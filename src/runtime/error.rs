//! The embedding API's error type: how a script, a call or a loop turn ended badly, as a value
//! the host can match (`Error::Limit(Limit::Fuel)`), print (`Display`) or send to another thread
//! (`Send + Sync`: it holds strings, never JS values).
//!
//! Not here: turning a thrown JS value into these fields (that needs the interpreter:
//! `runtime::Runtime`), exceptions inside the engine (`interp::Throw`).

use std::fmt;

/// A line/column position in a named source (both 1-based; columns count UTF-16 code units as
/// the engine's `LineIndex` does).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    /// The source name given to `eval` (a file name, `"<eval>"`…).
    pub source: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.source, self.line, self.column)
    }
}

/// Which thrown JS value a [`JsError`] stands for, while its runtime still holds the value
/// (the few most recent errors it reported). Returning the error from a host function rethrows
/// that very value in JS (`e === original` holds in the script's `catch`), instead of a new
/// `Error` with the same name and message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExceptionRef(pub(crate) std::num::NonZeroU64);

/// A JS exception as the host sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsError {
    /// The error's `name` (`"TypeError"`…) when the thrown value is an object with a string
    /// `name`; `"Uncaught"` for thrown primitives.
    pub name: String,
    /// The error's `message`, or the thrown value as `console.log` prints it.
    pub message: String,
    /// The error's `stack` as reading it in JS would give (V8's format: `Name: message` then
    /// `    at f (file.js:3:9)` lines, innermost first, file names as given to `eval`), read
    /// without running user code; `None` for thrown primitives and objects without a string
    /// `stack`.
    pub stack: Option<String>,
    /// Where it happened. Syntax errors: the offending token. An exception thrown while the
    /// host called in (`eval`, `call`, a timer callback): its throw point, where node's
    /// uncaught-exception report puts its caret (a `throw` statement; for an engine error such
    /// as `null.x`, the failing operation, else the innermost call). A rejection reason or an
    /// exception escaping a microtask (whose throw point node does not report either): where
    /// the error was created, its first stack frame. `None` when unknown: a rejection with a
    /// primitive reason, code from `eval`/`new Function`, an error created in a generator or
    /// async function resumed after its first `yield`/`await` (the engine records no frame for
    /// resumed code yet).
    pub position: Option<Position>,
    /// The thrown value itself, when the runtime reported this error (`None` in errors the host
    /// builds: those are thrown as a new `Error` of the same name and message).
    pub exception: Option<ExceptionRef>,
}

impl JsError {
    /// An error to throw from a host function: `name` picks the constructor (`TypeError`,
    /// `RangeError`, `SyntaxError`, `ReferenceError`, else `Error`).
    pub fn new(name: impl Into<String>, message: impl Into<String>) -> JsError {
        JsError {
            name: name.into(),
            message: message.into(),
            stack: None,
            position: None,
            exception: None,
        }
    }
}

impl fmt::Display for JsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.name == "Uncaught" {
            write!(f, "Uncaught {}", self.message)?;
        } else if self.message.is_empty() {
            write!(f, "{}", self.name)?;
        } else {
            write!(f, "{}: {}", self.name, self.message)?;
        }
        if let Some(p) = &self.position {
            write!(f, " (at {p})")?;
        }
        Ok(())
    }
}

/// Which limit ended a script (see `Builder` for how each is configured).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Limit {
    /// `InterruptHandle::interrupt` was called.
    Interrupted,
    /// The instruction budget (`Builder::fuel`, `Runtime::set_fuel`) ran out.
    Fuel,
    /// The heap budget (`Builder::heap_limit`) was exceeded after a collection.
    Heap,
    /// The JS call depth (`Builder::max_call_depth`) was exceeded.
    CallDepth,
    /// One microtask checkpoint ran more jobs than `Builder::max_microtasks_per_turn`.
    Microtasks,
    /// A script tried to have more than `Builder::max_pending_timers` timers pending.
    Timers,
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Limit::Interrupted => "interrupted",
            Limit::Fuel => "instruction budget exhausted",
            Limit::Heap => "heap limit exceeded",
            Limit::CallDepth => "maximum call depth exceeded",
            Limit::Microtasks => "too many microtasks in one turn",
            Limit::Timers => "too many pending timers",
        })
    }
}

impl From<crate::interp::limits::LimitKind> for Limit {
    fn from(k: crate::interp::limits::LimitKind) -> Limit {
        use crate::interp::limits::LimitKind as K;
        match k {
            K::Interrupted => Limit::Interrupted,
            K::Fuel => Limit::Fuel,
            K::Heap => Limit::Heap,
            K::CallDepth => Limit::CallDepth,
            K::Microtasks => Limit::Microtasks,
            K::Timers => Limit::Timers,
        }
    }
}

/// Everything the embedding API can fail with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The source did not parse (or uses a construct the engine does not run yet): the first
    /// error, with its position; `name` is `"SyntaxError"`.
    Syntax(JsError),
    /// An exception nobody caught (in the script, a called function, a timer or a job).
    Uncaught(JsError),
    /// A promise was rejected and no handler was attached by the end of the microtask
    /// checkpoint (node's rule; see `Builder::on_unhandled_rejection`): its reason, positioned
    /// where the error was created. The runtime stays usable.
    UnhandledRejection(JsError),
    /// A limit ended the script; the runtime stays usable.
    Limit(Limit),
    /// The host failed: a host function's error (it reaches JS as an `Error` with this
    /// message), a file that could not be read, a promise that can never settle.
    Host(String),
    /// A value did not convert to the Rust type asked for (in a host function this becomes a
    /// `TypeError` thrown in JS).
    Type(String),
}

impl Error {
    /// A host error from anything printable.
    pub fn host(message: impl fmt::Display) -> Error {
        Error::Host(message.to_string())
    }

    /// The limit that ended the script, if that is what happened.
    pub fn limit(&self) -> Option<Limit> {
        match self {
            Error::Limit(l) => Some(*l),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Syntax(e) | Error::Uncaught(e) => e.fmt(f),
            // deno's wording; a primitive reason is shown as it is (not `Uncaught 2`).
            Error::UnhandledRejection(e) if e.name == "Uncaught" => {
                write!(f, "Uncaught (in promise) {}", e.message)?;
                match &e.position {
                    Some(p) => write!(f, " (at {p})"),
                    None => Ok(()),
                }
            }
            Error::UnhandledRejection(e) => write!(f, "Uncaught (in promise) {e}"),
            Error::Limit(l) => write!(f, "limit: {l}"),
            Error::Host(m) => write!(f, "host error: {m}"),
            Error::Type(m) => write!(f, "TypeError: {m}"),
        }
    }
}

impl std::error::Error for Error {}
