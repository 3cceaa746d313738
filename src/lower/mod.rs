//! Lowering: from the AST to the executable tree the interpreter runs.
//!
//! Step one, `scope`, resolves every identifier once and decides where each binding lives
//! (frame register vs captured heap environment vs global). The tree builder (next) turns the
//! AST into the executable form — resolved slots, interned property keys, pre-built literals,
//! specialised nodes (see ARCHITECTURE.md, "Evaluation strategy") — and lowers generators and
//! async functions into resumable state machines.
//!
//! `lower` is a pure function of the AST: no values, no heap.

pub mod build;
pub mod scope;
pub mod tree;

pub use build::machine;
pub use build::{lower_script, LowerError};
