//! Diagnostics: the `SyntaxError` the front end reports, and its rendering as a code frame the
//! way `node` shows it (`file.js:3:5`, the source line, a caret, then `SyntaxError: message`).
//!
//! This module knows nothing about runtime values; runtime exceptions live with the interpreter.

use crate::span::{LineIndex, Span};
use std::fmt;

/// What kind of early error this is. Almost everything is a `SyntaxError`; deep nesting that the
/// parser refuses to recurse into is reported as a `RangeError`, as engines do for stack limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    RangeError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::RangeError => "RangeError",
        }
    }
}

/// An error found before any code runs: lexing, parsing or an early error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub message: String,
    pub span: Span,
}

impl SyntaxError {
    pub fn new(message: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            message: message.into(),
            span,
        }
    }

    pub fn range_error(message: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::RangeError,
            message: message.into(),
            span,
        }
    }

    /// Render with file name, 1-based line:column and a code frame:
    ///
    /// ```text
    /// file.js:3:5
    /// foo(;
    ///     ^
    ///
    /// SyntaxError: Unexpected token ';'
    /// ```
    pub fn render(&self, file: &str, src: &str) -> String {
        let index = LineIndex::new(src);
        let (line, col) = index.line_col(src, self.span.start);
        let text = index.line_text(src, line);
        let mut out = String::new();
        out.push_str(&format!("{file}:{line}:{col}\n"));
        // Tabs keep their width in the caret line so the caret lines up in a terminal.
        let pad: String = text
            .chars()
            .take(col as usize - 1)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let width = {
            let (end_line, end_col) = index.line_col(src, self.span.end);
            if end_line == line && end_col > col {
                (end_col - col) as usize
            } else {
                1
            }
        };
        out.push_str(text);
        out.push('\n');
        out.push_str(&pad);
        out.push_str(&"^".repeat(width));
        out.push_str("\n\n");
        out.push_str(&format!("{}: {}", self.kind.name(), self.message));
        out
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for SyntaxError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_frame_points_at_the_token() {
        let src = "let a = 1;\nfoo(;\n";
        let e = SyntaxError::new("Unexpected token ';'", Span::new(15, 16));
        assert_eq!(
            e.render("t.js", src),
            "t.js:2:5\nfoo(;\n    ^\n\nSyntaxError: Unexpected token ';'"
        );
    }
}
