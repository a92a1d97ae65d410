//! GitHub Actions workflow commands: one annotation per finding.

use std::fmt::Write as _;

use super::escape::{github_data, github_property};
use super::positions;
use crate::diagnostic::Severity;
use crate::runner::Report;
use crate::source::slash_path;

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let (s, e) = positions(report, d);
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = d.message.clone();
        if let Some(h) = &d.help {
            let _ = write!(message, "\nhelp: {h}");
        }
        let _ = writeln!(
            out,
            "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            github_property(&slash_path(&d.path)),
            s.line,
            s.column,
            e.line,
            e.column,
            github_property(&format!("{} {}", d.code, d.rule)),
            github_data(&message)
        );
    }
    out
}
