//! tidejs: an embeddable JavaScript-subset interpreter with a spec-exact event loop.
//!
//! See `ARCHITECTURE.md` for the bird's-eye view. Layers, bottom up: `span`/`error` → `host` →
//! `lexer` → `parser` → `value` → `lower` → (next) `interp` → `builtins` → `event_loop` → `api`.

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
pub mod span;
pub mod test262;
pub mod value;

pub use error::SyntaxError;
pub use parser::{parse, ParseOptions};
