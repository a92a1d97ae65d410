//! The vet report as JSON and Markdown (HTML is in [`super::html`]).

use std::fmt::Write as _;

use super::{FamilyGroup, Finding, UnitReport, Verdict, VetReport};
use crate::report::escape::markdown_cell;

/// Rows of a file or URL table shown in Markdown and HTML at most (JSON lists all).
pub const MAX_ROWS: usize = 200;

/// The report as pretty JSON with a top-level `verdict`.
pub fn json(report: &VetReport) -> String {
    let mut s = serde_json::to_string_pretty(report).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

/// A verdict with its sign.
pub fn verdict_label(v: Verdict) -> &'static str {
    match v {
        Verdict::Approve => "✅ approve",
        Verdict::NeedsChanges => "⚠️ needs-changes",
        Verdict::Reject => "⛔ reject",
    }
}

/// `1 error, 2 warnings, 0 infos`.
pub fn counts_text(errors: usize, warnings: usize, infos: usize) -> String {
    let p = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {}, {}",
        p(errors, "error", "errors"),
        p(warnings, "warning", "warnings"),
        p(infos, "info", "infos")
    )
}

/// Human size: `812 B`, `4.2 KiB`, `1.3 MiB`.
pub fn size_text(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)]
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KiB", b / 1024.0)
    } else {
        format!("{:.1} MiB", b / (1024.0 * 1024.0))
    }
}

/// A fence longer than any backtick run in `text`.
fn fence(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    "`".repeat((longest + 1).max(3))
}

fn code(s: &str) -> String {
    format!("`{}`", markdown_cell(s))
}

fn finding_md(out: &mut String, f: &Finding) {
    let _ = writeln!(
        out,
        "- **{}** {} `{}` at {}: {}",
        f.severity,
        code(&f.code),
        markdown_cell(&f.rule),
        code(&format!("{}:{}:{}", f.path, f.line, f.column)),
        markdown_cell(&f.message)
    );
    if let Some(h) = &f.help {
        let _ = writeln!(out, "  - help: {}", markdown_cell(h));
    }
    if !f.excerpt.is_empty() {
        let width = f.excerpt.last().map_or(1, |l| l.line.to_string().len());
        let body: String = f.excerpt.iter().fold(String::new(), |mut s, l| {
            let _ = writeln!(
                s,
                "{:>width$} | {}",
                l.line,
                crate::report::escape::one_line(&l.text)
            );
            s
        });
        let fence = fence(&body);
        let _ = writeln!(out, "\n  {fence}text");
        for line in body.lines() {
            let _ = writeln!(out, "  {line}");
        }
        let _ = writeln!(out, "  {fence}\n");
    }
}

fn groups_md(out: &mut String, groups: &[FamilyGroup]) {
    for g in groups {
        let _ = writeln!(
            out,
            "\n#### {} — {} ({})\n",
            g.family,
            markdown_cell(&g.name),
            g.findings.len()
        );
        for f in &g.findings {
            finding_md(out, f);
        }
    }
}

fn unit_md(out: &mut String, u: &UnitReport) {
    let _ = writeln!(
        out,
        "\n## {} {} — {}\n",
        u.kind.as_str(),
        code(&u.name),
        verdict_label(u.verdict)
    );
    let _ = writeln!(out, "| | |\n|---|---|");
    let row = |out: &mut String, k: &str, v: &str| {
        let _ = writeln!(out, "| {k} | {v} |");
    };
    row(
        out,
        "Verdict",
        &format!("**{}**: {}", u.verdict, markdown_cell(&u.reason)),
    );
    row(out, "Path", &code(&u.path));
    let opt = |v: &Option<String>| v.as_deref().map_or_else(|| "—".to_string(), markdown_cell);
    row(out, "Description", &opt(&u.description));
    row(out, "Owner", &opt(&u.owner));
    row(out, "Version", &opt(&u.version));
    row(out, "License", &opt(&u.license));
    row(out, "Content hash", &code(&u.content_hash));
    row(
        out,
        "Findings",
        &counts_text(u.counts.errors, u.counts.warnings, u.counts.infos),
    );
    for (k, v) in &u.metadata {
        row(out, &markdown_cell(k), &markdown_cell(v));
    }

    if let Some(c) = &u.changes {
        let _ = writeln!(out, "\n### Changes since approval\n");
        match &c.approved {
            None => {
                let _ = writeln!(out, "Not in the lock: never approved, everything is new.");
            }
            Some(a) => {
                let _ = writeln!(
                    out,
                    "Approved as {} by {} on {} ({}).",
                    a.verdict,
                    markdown_cell(&a.approver),
                    markdown_cell(&a.approved_at),
                    code(&a.hash)
                );
                if c.unchanged {
                    let _ = writeln!(out, "\nNothing changed.");
                }
            }
        }
        for (label, list) in [("Added", &c.added), ("Removed", &c.removed)] {
            for p in list {
                let _ = writeln!(out, "- {label}: {}", code(p));
            }
        }
        for f in &c.changed {
            let _ = writeln!(out, "- Changed: {}", code(&f.path));
            if let Some(n) = &f.note {
                let _ = writeln!(out, "  - {}", markdown_cell(n));
            }
            if let Some(d) = &f.diff {
                let fence = fence(d);
                let _ = writeln!(out, "\n{fence}diff\n{d}{fence}");
            }
        }
    }

    if u.changes.as_ref().is_some_and(|c| c.unchanged) {
        return;
    }
    // Re-review of an approved unit: the changes and their findings only.
    let rereview = u.changes.as_ref().is_some_and(|c| c.approved.is_some());
    if !rereview {
        inventory_md(out, &u.inventory);
    }
    let _ = writeln!(
        out,
        "\n### {}",
        if rereview {
            "Findings in the changed parts"
        } else {
            "Findings"
        }
    );
    if u.findings.is_empty() {
        let _ = writeln!(out, "\nNone.");
    }
    groups_md(out, &u.findings);
}

fn inventory_md(out: &mut String, inv: &super::extract::Inventory) {
    let _ = writeln!(
        out,
        "\n### Inventory\n\n**Files** ({}, {})\n\n| file | size | language | sha256 |\n|---|---:|---|---|",
        inv.files.len(),
        size_text(inv.total_bytes)
    );
    for f in inv.files.iter().take(MAX_ROWS) {
        let _ = writeln!(
            out,
            "| {}{} | {} | {} | {} |",
            code(&f.path),
            if f.executable { " (executable)" } else { "" },
            size_text(f.size),
            f.language.unwrap_or(f.kind),
            code(f.sha256.get(..12).unwrap_or("unreadable"))
        );
    }
    if inv.files.len() > MAX_ROWS {
        let _ = writeln!(
            out,
            "\n…and {} more files (see the JSON report).",
            inv.files.len() - MAX_ROWS
        );
    }
    if !inv.components.is_empty() {
        let _ = writeln!(
            out,
            "\n**Components**\n\n| kind | name | path | description |\n|---|---|---|---|"
        );
        for c in &inv.components {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                c.kind,
                markdown_cell(&c.name),
                code(&c.path),
                c.description
                    .as_deref()
                    .map_or_else(String::new, markdown_cell)
            );
        }
    }
    let _ = writeln!(
        out,
        "\n**Scripts**:{}",
        if inv.scripts.is_empty() { " none" } else { "" }
    );
    for s in &inv.scripts {
        let _ = writeln!(
            out,
            "- {} ({}, {} lines{})",
            code(&s.path),
            s.language,
            s.lines,
            if s.executable { ", executable" } else { "" }
        );
    }
    let _ = writeln!(
        out,
        "\n**Tools asked for**:{}",
        if inv.tools.is_empty() { " none" } else { "" }
    );
    for t in &inv.tools {
        let tools: Vec<String> = t.tools.iter().map(|s| code(s)).collect();
        let _ = writeln!(
            out,
            "- {} `{}`: {}",
            code(&t.source),
            t.field,
            tools.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "\n**MCP servers**:{}",
        if inv.mcp_servers.is_empty() {
            " none"
        } else {
            ""
        }
    );
    for m in &inv.mcp_servers {
        let _ = writeln!(
            out,
            "- {} ({}) {} from {}{}",
            code(&m.name),
            markdown_cell(&m.transport),
            code(&m.target),
            code(&m.source),
            if m.env.is_empty() {
                String::new()
            } else {
                format!(
                    "; sets {}",
                    m.env.iter().map(|e| code(e)).collect::<Vec<_>>().join(", ")
                )
            }
        );
    }
    let _ = writeln!(
        out,
        "\n**Hooks**:{}",
        if inv.hooks.is_empty() { " none" } else { "" }
    );
    for h in &inv.hooks {
        let _ = writeln!(
            out,
            "- {}{} → {} {} (from {})",
            code(&h.event),
            h.matcher
                .as_deref()
                .map_or_else(String::new, |m| format!(" on {}", code(m))),
            markdown_cell(&h.kind),
            code(&h.detail),
            code(&h.source)
        );
    }
    let _ = writeln!(
        out,
        "\n**External domains**:{}",
        if inv.domains.is_empty() { " none" } else { "" }
    );
    for d in &inv.domains {
        let _ = writeln!(out, "- {} ({})", code(&d.host), d.count);
    }
    if !inv.urls.is_empty() {
        let _ = writeln!(
            out,
            "\n<details><summary>{} URLs</summary>\n",
            inv.urls.len() + inv.urls_omitted
        );
        for url in inv.urls.iter().take(MAX_ROWS) {
            let _ = writeln!(out, "- {}", code(url));
        }
        let more = inv.urls.len().saturating_sub(MAX_ROWS) + inv.urls_omitted;
        if more > 0 {
            let _ = writeln!(out, "- …and {more} more");
        }
        let _ = writeln!(out, "\n</details>");
    }
}

/// The report as Markdown (for a pull-request comment or a ticket).
pub fn markdown(report: &VetReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# skill-audit vet: {}\n\n**Verdict: {}**: {}\n",
        verdict_label(report.verdict),
        report.verdict,
        markdown_cell(&report.reason)
    );
    let _ = writeln!(
        out,
        "Policy: reject on {}, needs changes on {}, reject codes {}. Reviewed {} with skill-audit {}.",
        report.policy.reject_on,
        report.policy.needs_changes_on,
        if report.policy.reject_codes.is_empty() {
            "none".to_string()
        } else {
            report.policy.reject_codes.iter().map(|c| code(c)).collect::<Vec<_>>().join(", ")
        },
        report.date,
        report.tool_version
    );
    if report.units.len() > 1 {
        let _ = writeln!(
            out,
            "\n| unit | kind | verdict | findings |\n|---|---|---|---|"
        );
        for u in &report.units {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                code(&u.path),
                u.kind.as_str(),
                verdict_label(u.verdict),
                counts_text(u.counts.errors, u.counts.warnings, u.counts.infos)
            );
        }
    }
    for u in &report.units {
        unit_md(&mut out, u);
    }
    if !report.other_findings.is_empty() {
        let _ = writeln!(out, "\n## Findings outside any skill or plugin");
        groups_md(&mut out, &report.other_findings);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_outgrow_backticks() {
        assert_eq!(fence("a ``` b"), "````");
        assert_eq!(fence("plain"), "```");
    }

    #[test]
    fn sizes() {
        assert_eq!(size_text(812), "812 B");
        assert_eq!(size_text(4300), "4.2 KiB");
    }
}
