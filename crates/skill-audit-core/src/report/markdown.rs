//! A Markdown summary for `$GITHUB_STEP_SUMMARY` and pull-request comments.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::escape::markdown_cell;
use super::positions;
use crate::diagnostic::Severity;
use crate::rules::family_name;
use crate::runner::Report;
use crate::source::slash_path;

/// How many findings are listed individually.
pub const TOP: usize = 50;

pub fn render(report: &Report) -> String {
    let s = &report.summary;
    let mut out = String::from("## skill-audit\n\n");
    let verdict = if report.failed() {
        "❌ failed"
    } else {
        "✅ passed"
    };
    let n = |count: usize, one: &str, many: &str| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    let _ = writeln!(
        out,
        "**{verdict}**: {}, {}, {} in {}, {}, {} ({}).\n",
        n(s.errors, "error", "errors"),
        n(s.warnings, "warning", "warnings"),
        n(s.infos, "info", "infos"),
        n(s.skills, "skill", "skills"),
        n(s.plugins, "plugin", "plugins"),
        n(s.marketplaces, "marketplace", "marketplaces"),
        n(s.files, "file", "files"),
    );
    if report.diagnostics.is_empty() {
        return out;
    }
    let mut families: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for d in &report.diagnostics {
        let counts = families.entry(d.family().to_string()).or_default();
        counts[match d.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        }] += 1;
    }
    out.push_str("| family | errors | warnings | infos |\n|---|---:|---:|---:|\n");
    for (fam, c) in &families {
        let _ = writeln!(
            out,
            "| {fam} — {} | {} | {} | {} |",
            family_name(fam),
            c[0],
            c[1],
            c[2]
        );
    }
    // Top findings: most severe first, then in report order.
    let mut top: Vec<_> = report.diagnostics.iter().collect();
    top.sort_by_key(|d| std::cmp::Reverse(d.severity));
    let _ = writeln!(
        out,
        "\n### Top findings\n\n| severity | code | location | message |\n|---|---|---|---|"
    );
    for d in top.iter().take(TOP) {
        let (p, _) = positions(report, d);
        let _ = writeln!(
            out,
            "| {} | `{}` | `{}:{}` | {} |",
            d.severity,
            markdown_cell(&d.code),
            markdown_cell(&slash_path(&d.path)),
            p.line,
            markdown_cell(&d.message)
        );
    }
    if report.diagnostics.len() > TOP {
        let _ = writeln!(out, "\n…and {} more.", report.diagnostics.len() - TOP);
    }
    out
}
