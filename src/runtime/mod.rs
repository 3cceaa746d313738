//! The embedding API for Rust hosts: a [`Runtime`] to evaluate scripts and call functions with
//! `Result` errors, Rust closures as JS functions (sync and async, promise-returning), host
//! classes carrying Rust values, value conversion ([`FromJs`]/[`IntoJs`]), the event loop driven
//! by the host (blocking, one step at a time, or as a future in any executor) and limits that
//! end a script cleanly (fuel, interrupt, heap, call depth, microtasks per turn, pending timers).
//!
//! Nothing touches the outside world except through the [`Host`] (console lines, the clock,
//! waiting): no file, network or process access exists unless the host registers a function
//! for it.
//!
//! ```
//! use tidejs::{Error, Limit, Runtime};
//! let mut rt = Runtime::builder().capture_console().fuel(100_000).build();
//! rt.register_fn("shout", |s: String| s.to_uppercase());
//! rt.eval("console.log(shout('hello'))", "hello.js").unwrap();
//! assert_eq!(rt.console_output(), vec!["HELLO"]);
//! assert_eq!(rt.eval("for (;;) {}", "spin.js").err(), Some(Error::Limit(Limit::Fuel)));
//! ```
//!
//! Not here: the CLI's script runner (`crate::api::run_source`), the engine internals the
//! `interp()` escape hatch exposes.

// The embedding API is the documented surface: a missing doc or a broken doc link here fails
// the build (`cargo doc` in CI checks the links).
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

mod convert;
mod error;
mod host_fn;
mod limits;
#[allow(clippy::module_inception)]
mod runtime;
#[cfg(feature = "serde")]
pub mod serde;
#[cfg(feature = "tokio")]
mod tokio;

pub use crate::host::{Host, StdHost, Stream, VirtualHost};
pub use crate::value::{JsObject, Value};
pub use convert::{FromJs, IntoJs};
pub use error::{Error, ExceptionRef, JsError, Limit, Position};
pub use host_fn::{
    HostRef, IntoAsyncHostFn, IntoHostCtor, IntoHostFn, IntoHostMethod, RawCtor, RawFn,
};
pub use limits::{CountingAlloc, InterruptHandle};
pub use runtime::{catch, Builder, ClassBuilder, ObjectBuilder, Runtime, Tick};
