//! `JUnit` XML: one test case per checked file, one failure per finding.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::escape::xml;
use super::positions;
use crate::runner::Report;
use crate::source::slash_path;
use crate::Diagnostic;

pub fn render(report: &Report) -> String {
    let mut by_file: BTreeMap<String, Vec<&Diagnostic>> = BTreeMap::new();
    for p in &report.checked {
        by_file.entry(slash_path(p)).or_default();
    }
    for d in &report.diagnostics {
        by_file.entry(slash_path(&d.path)).or_default().push(d);
    }
    let failures: usize = by_file.values().filter(|v| !v.is_empty()).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"skill-audit\" tests=\"{}\" failures=\"{failures}\">",
        by_file.len()
    );
    let _ = writeln!(out, "  <testsuite name=\"skill-audit\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">", by_file.len());
    for (file, diags) in &by_file {
        let name = xml(file);
        if diags.is_empty() {
            let _ = writeln!(
                out,
                "    <testcase name=\"{name}\" classname=\"skill-audit\"/>"
            );
            continue;
        }
        let _ = writeln!(
            out,
            "    <testcase name=\"{name}\" classname=\"skill-audit\">"
        );
        for d in diags {
            let (s, _) = positions(report, d);
            let body = format!(
                "{file}:{}:{}: {} [{}] {}",
                s.line, s.column, d.code, d.severity, d.message
            );
            let _ = writeln!(
                out,
                "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                xml(&d.code),
                xml(&format!("{}: {}", d.code, d.message)),
                xml(&body)
            );
        }
        let _ = writeln!(out, "    </testcase>");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
