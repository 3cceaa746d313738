//! The embedding API. Today: one entry point, `run_source`, that the CLI uses — parse, lower,
//! run a script to completion with a given `Host`, and report how it ended. `Runtime`, host
//! functions, the event loop driver and limits are issue 7's and come here.

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
    /// An exception nobody caught, formatted as console.log shows the thrown value.
    Uncaught(String),
}

/// Parse, lower and run `source` on the current thread. Deep JS recursion is bounded by the
/// interpreter's call-depth limit, which needs `ENGINE_STACK_BYTES` of stack: run this on a
/// thread with that much (the CLI does).
pub fn run_source(source: &str, host: Box<dyn Host>) -> Result<(), RunError> {
    let program = crate::parse(source, &Default::default()).map_err(RunError::Syntax)?;
    let script = crate::lower::lower_script(&program).map_err(RunError::Unsupported)?;
    let mut interp = crate::interp::Interp::new(host);
    interp.run_script(&script).map_err(|thrown| {
        let shown = crate::builtins::console::inspect(&mut interp, &thrown)
            .unwrap_or_else(|_| "exception".into());
        RunError::Uncaught(shown)
    })
}

/// Stack size for the thread that runs `run_source`.
pub const ENGINE_STACK_BYTES: usize = crate::interp::ENGINE_STACK_BYTES;
