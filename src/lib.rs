//! tidejs: an embeddable JavaScript-subset interpreter with a spec-exact event loop.
//!
//! See `ARCHITECTURE.md` for the bird's-eye view. Layers, bottom up: `span`/`error` → `host` →
//! `lexer` → `parser` → `value` → `lower` → (next) `interp` → `builtins` → `event_loop` → `runtime` (the embedding API) / `api`.

pub mod api;
pub mod builtins;
pub mod error;
pub mod event_loop;
pub mod host;
pub mod interp;
pub mod jobs;
pub mod lexer;
pub mod lower;
pub mod parser;
pub mod runtime;
pub mod span;
pub mod test262;
pub mod value;

pub use error::SyntaxError;
pub use parser::{parse, ParseOptions};
pub use runtime::{
    Builder, CountingAlloc, Error, FromJs, HostRef, InterruptHandle, IntoJs, JsError, JsObject,
    Limit, Runtime, Tick, Value,
};
