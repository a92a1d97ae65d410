//! Reporters: every output format renders the one sorted diagnostic list of a [`Report`].

pub mod escape;
pub mod github;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod text;

use crate::runner::Report;
use crate::text::LineColumn;
use crate::Diagnostic;

/// Start and end (1-based line, column in characters) of a diagnostic; `1:1` when the file
/// has no text.
pub fn positions(report: &Report, d: &Diagnostic) -> (LineColumn, LineColumn) {
    if let Some(src) = report.source(&d.path) {
        (
            src.line_column(d.range.start()),
            src.line_column(d.range.end()),
        )
    } else {
        let one = LineColumn { line: 1, column: 1 };
        (one, one)
    }
}
