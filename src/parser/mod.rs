//! The one entry point of the front end: `parse(source, options)` turns source text into an
//! AST (`ast::Program`) or the list of syntax errors, each with a span.
//!
//! Behind this function: the logos lexer and its token adapter (`crate::lexer`), the LALRPOP
//! grammar (`grammar/js.lalrpop`, actions in `actions.rs`) driven by our own LR driver that does
//! automatic semicolon insertion (`driver.rs`), then the early-error pass (`early.rs`). Callers
//! never see any of these; the parser could be replaced without touching them.
//!
//! Not here: scope resolution for execution (that is `crate::lower`), anything about values.

pub mod actions;
pub mod ast;
pub mod driver;
pub mod early;

#[allow(
    clippy::all,
    clippy::pedantic,
    unused,
    non_snake_case,
    non_camel_case_types
)]
mod js {
    include!(concat!(env!("OUT_DIR"), "/js.rs"));
}

use crate::error::SyntaxError;

/// How to parse a source text.
#[derive(Clone, Debug, Default)]
pub struct ParseOptions {
    /// Parse as strict-mode code from the start (test262 `onlyStrict`), as if the file began with
    /// `"use strict"`.
    pub strict: bool,
    /// Parsing eval code (PerformEval): what the caller's context allows.
    pub eval: Option<EvalParse>,
}

/// The context-dependent early errors of eval code (ECMA-262 PerformEval steps 5–6): what the
/// code containing a direct eval allows. An indirect eval allows none of these.
#[derive(Clone, Debug, Default)]
pub struct EvalParse {
    pub new_target: bool,
    pub super_prop: bool,
    pub super_call: bool,
    /// Inside a class field initialiser: `arguments` is a SyntaxError.
    pub no_arguments: bool,
    /// Private names of the enclosing classes.
    pub privates: Vec<String>,
}

/// Parse a script. Returns every syntax error found (at least one on failure), in source order.
pub fn parse(source: &str, options: &ParseOptions) -> Result<ast::Program, Vec<SyntaxError>> {
    if source.len() > u32::MAX as usize - 1 {
        return Err(vec![SyntaxError::range_error(
            "Source text too large",
            crate::span::Span::default(),
        )]);
    }
    let body = driver::parse_script(source).map_err(|e| vec![e])?;
    let strict = options.strict || actions::has_use_strict(&body);
    let program = ast::Program {
        body,
        strict,
        span: crate::span::Span::new(0, source.len() as u32),
        source: source.into(),
    };
    // Early errors: everything that needs context (scopes, labels, strictness, classes).
    let errors = early::check(&program, source, options);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(program)
}
