//! The vet report as one self-contained HTML page: inline CSS, no script, no font, no request
//! (a Content-Security-Policy of `default-src 'none'` makes sure), every value escaped. It reads
//! on screen and prints on A4 or Letter (`@media print`).

use std::fmt::Write as _;

use crate::report::escape::hidden_on_terminal;

use super::render::{counts_text, size_text, MAX_ROWS};
use super::{FamilyGroup, Finding, UnitReport, Verdict, VetReport};

/// Escape text for HTML content and quoted attribute values. Characters a reader cannot see
/// or that reorder the text (controls other than tab and newline, zero-width characters,
/// bidirectional overrides) and noncharacters are shown as `\u{..}`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control()
                || hidden_on_terminal(c)
                || (c as u32) & 0xFFFE == 0xFFFE
                || ('\u{FDD0}'..='\u{FDEF}').contains(&c) =>
            {
                out.push_str(&c.escape_unicode().to_string());
            }
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r"
:root{--fg:#1d2330;--muted:#5b6475;--line:#d9dee7;--bg:#ffffff;--soft:#f4f6fa;
--ok:#1a7f37;--ok-bg:#e6f4ea;--warn:#9a6700;--warn-bg:#fff4d6;--bad:#b42318;--bad-bg:#fde8e7;--info:#0b5cad;--info-bg:#e7f0fb}
*{box-sizing:border-box}
html{font-size:15px}
body{margin:0;background:var(--soft);color:var(--fg);font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;line-height:1.45}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:1.6rem;margin:0 0 4px}
h2{font-size:1.3rem;margin:0 0 12px;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
h3{font-size:1.05rem;margin:22px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h4{font-size:.95rem;margin:16px 0 6px}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,'Liberation Mono',monospace;font-size:.86em}
code{background:var(--soft);padding:1px 4px;border-radius:4px;overflow-wrap:anywhere}
.banner{border-radius:10px;padding:18px 22px;margin-bottom:20px;border:1px solid var(--line);background:var(--bg)}
.banner.approve{border-left:8px solid var(--ok)}
.banner.needs-changes{border-left:8px solid var(--warn)}
.banner.reject{border-left:8px solid var(--bad)}
.meta{color:var(--muted);font-size:.9rem;margin:6px 0 0}
.badge{display:inline-block;border-radius:999px;padding:2px 10px;font-size:.8rem;font-weight:600;letter-spacing:.02em;white-space:nowrap}
.badge.approve{color:var(--ok);background:var(--ok-bg)}
.badge.needs-changes{color:var(--warn);background:var(--warn-bg)}
.badge.reject{color:var(--bad);background:var(--bad-bg)}
.badge.kind{color:var(--muted);background:var(--soft);border:1px solid var(--line)}
.sev{display:inline-block;min-width:4.6em;text-align:center;border-radius:4px;padding:0 6px;font-size:.78rem;font-weight:600}
.sev.error{color:var(--bad);background:var(--bad-bg)}
.sev.warning{color:var(--warn);background:var(--warn-bg)}
.sev.info{color:var(--info);background:var(--info-bg)}
section.unit{background:var(--bg);border:1px solid var(--line);border-radius:10px;padding:20px 22px;margin:0 0 22px}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:.9rem}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word}
td code{overflow-wrap:break-word;word-break:break-word}
td.tight{white-space:nowrap}
th{background:var(--soft);font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
table.facts th{width:11em;background:none;color:var(--muted);font-weight:500}
table.components td.name{width:32%}
table.components td.name code{word-break:normal;overflow-wrap:anywhere}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:0 24px}
ul.plain{margin:4px 0 10px;padding-left:18px}
ul.plain li{margin:2px 0}
.none{color:var(--muted);font-style:italic}
.finding{border:1px solid var(--line);border-radius:8px;padding:8px 12px;margin:8px 0;break-inside:avoid;page-break-inside:avoid}
.finding .where{color:var(--muted);font-size:.85rem}
.finding .help{margin:4px 0 0;font-size:.9rem}
pre.excerpt,pre.diff{background:#f7f8fb;border:1px solid var(--line);border-radius:6px;padding:8px 10px;margin:6px 0 0;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere}
pre .ln{color:var(--muted);user-select:none}
pre mark{background:#ffe08a;color:inherit;border-radius:2px}
pre.diff .add{color:var(--ok)}
pre.diff .del{color:var(--bad)}
pre.diff .hunk{color:var(--info)}
nav ul{margin:6px 0 0;padding-left:18px}
footer{color:var(--muted);font-size:.8rem;text-align:center;margin:10px 0 30px}
@page{margin:14mm}
@media print{
 html{font-size:10.5pt}
 body{background:#fff}
 main{max-width:none;padding:0}
 section.unit,.banner{border-radius:0;border-color:#999;box-shadow:none}
 section.unit{break-before:page;page-break-before:always;padding:0;border:none}
 section.unit:first-of-type{break-before:auto;page-break-before:auto}
 h2,h3,h4{break-after:avoid;page-break-after:avoid}
 tr,pre,.finding{break-inside:avoid;page-break-inside:avoid}
 pre.excerpt,pre.diff{white-space:pre-wrap}
 .badge,.sev,pre mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 nav{display:none}
 a{color:inherit;text-decoration:none}
}
";

fn verdict_class(v: Verdict) -> &'static str {
    v.as_str()
}

fn badge(v: Verdict) -> String {
    let label = match v {
        Verdict::Approve => "✔ approve",
        Verdict::NeedsChanges => "▲ needs changes",
        Verdict::Reject => "✖ reject",
    };
    format!("<span class=\"badge {}\">{label}</span>", verdict_class(v))
}

fn code(s: &str) -> String {
    format!("<code>{}</code>", escape(s))
}

fn excerpt_html(out: &mut String, f: &Finding) {
    if f.excerpt.is_empty() {
        return;
    }
    let width = f.excerpt.last().map_or(1, |l| l.line.to_string().len());
    out.push_str("<pre class=\"excerpt\">");
    for l in &f.excerpt {
        let _ = write!(out, "<span class=\"ln\">{:>width$} │ </span>", l.line);
        match l.mark {
            Some((s, e)) => {
                let chars: Vec<char> = l.text.chars().collect();
                let part = |a: usize, b: usize| {
                    escape(
                        &chars[a.min(chars.len())..b.min(chars.len())]
                            .iter()
                            .collect::<String>(),
                    )
                };
                let _ = write!(
                    out,
                    "{}<mark>{}</mark>{}",
                    part(0, s),
                    part(s, e),
                    part(e, chars.len())
                );
            }
            None => out.push_str(&escape(&l.text)),
        }
        out.push('\n');
    }
    out.push_str("</pre>");
}

fn groups_html(out: &mut String, groups: &[FamilyGroup]) {
    for g in groups {
        let _ = write!(
            out,
            "<h4>{} — {} <span class=\"meta\">({})</span></h4>",
            escape(&g.family),
            escape(&g.name),
            g.findings.len()
        );
        for f in &g.findings {
            let _ = write!(
                out,
                "<div class=\"finding\"><div><span class=\"sev {sev}\">{sev}</span> <strong>{}</strong> <code>{}</code> {}</div><div class=\"where\">{}</div>",
                escape(&f.code),
                escape(&f.rule),
                escape(&f.message),
                escape(&format!("{}:{}:{}", f.path, f.line, f.column)),
                sev = f.severity.as_str(),
            );
            if let Some(h) = &f.help {
                let _ = write!(out, "<p class=\"help\">Help: {}</p>", escape(h));
            }
            excerpt_html(out, f);
            out.push_str("</div>");
        }
    }
}

fn diff_html(d: &str) -> String {
    let mut out = String::from("<pre class=\"diff\">");
    for line in d.lines() {
        let class = if line.starts_with("+++") || line.starts_with("---") {
            None
        } else if line.starts_with('+') {
            Some("add")
        } else if line.starts_with('-') {
            Some("del")
        } else if line.starts_with("@@") {
            Some("hunk")
        } else {
            None
        };
        match class {
            Some(c) => {
                let _ = writeln!(out, "<span class=\"{c}\">{}</span>", escape(line));
            }
            None => {
                let _ = writeln!(out, "{}", escape(line));
            }
        }
    }
    out.push_str("</pre>");
    out
}

fn list<T>(out: &mut String, title: &str, items: &[T], item: impl Fn(&T) -> String) {
    let _ = write!(out, "<h4>{}</h4>", escape(title));
    if items.is_empty() {
        out.push_str("<p class=\"none\">None.</p>");
        return;
    }
    out.push_str("<ul class=\"plain\">");
    for i in items {
        let _ = write!(out, "<li>{}</li>", item(i));
    }
    out.push_str("</ul>");
}

fn unit_html(out: &mut String, i: usize, u: &UnitReport) {
    let _ = write!(
        out,
        "<section class=\"unit\" id=\"unit-{i}\"><h2>{} <span class=\"badge kind\">{}</span> {}</h2>",
        escape(&u.name),
        u.kind.as_str(),
        badge(u.verdict)
    );
    out.push_str("<table class=\"facts\"><tbody>");
    let mut row = |k: &str, v: String| {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{v}</td></tr>",
            escape(k)
        );
    };
    let opt = |v: &Option<String>| {
        v.as_deref().map_or_else(
            || "<span class=\"none\">not given</span>".to_string(),
            escape,
        )
    };
    row(
        "Verdict",
        format!("<strong>{}</strong>: {}", u.verdict, escape(&u.reason)),
    );
    row("Path", code(&u.path));
    row("Description", opt(&u.description));
    row("Owner", opt(&u.owner));
    row("Version", opt(&u.version));
    row("License", opt(&u.license));
    row("Content hash", code(&u.content_hash));
    row(
        "Findings",
        escape(&counts_text(
            u.counts.errors,
            u.counts.warnings,
            u.counts.infos,
        )),
    );
    for (k, v) in &u.metadata {
        row(k, escape(v));
    }
    out.push_str("</tbody></table>");

    if let Some(c) = &u.changes {
        out.push_str("<h3>Changes since approval</h3>");
        match &c.approved {
            None => out.push_str("<p>Not in the lock: never approved, everything is new.</p>"),
            Some(a) => {
                let _ = write!(
                    out,
                    "<p>Approved as <strong>{}</strong> by {} on {} ({}).{}</p>",
                    a.verdict,
                    escape(&a.approver),
                    escape(&a.approved_at),
                    code(&a.hash),
                    if c.unchanged { " Nothing changed." } else { "" }
                );
            }
        }
        if !c.added.is_empty() || !c.removed.is_empty() || !c.changed.is_empty() {
            out.push_str("<ul class=\"plain\">");
            for p in &c.added {
                let _ = write!(out, "<li>Added {}</li>", code(p));
            }
            for p in &c.removed {
                let _ = write!(out, "<li>Removed {}</li>", code(p));
            }
            for f in &c.changed {
                let _ = write!(out, "<li>Changed {}", code(&f.path));
                if let Some(n) = &f.note {
                    let _ = write!(out, " <span class=\"meta\">({})</span>", escape(n));
                }
                if let Some(d) = &f.diff {
                    out.push_str(&diff_html(d));
                }
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
    }

    if u.changes.as_ref().is_some_and(|c| c.unchanged) {
        out.push_str("</section>");
        return;
    }
    // Re-review of an approved unit: the changes and their findings only.
    let rereview = u.changes.as_ref().is_some_and(|c| c.approved.is_some());
    if !rereview {
        inventory_html(out, &u.inventory);
    }
    out.push_str(if rereview {
        "<h3>Findings in the changed parts</h3>"
    } else {
        "<h3>Findings</h3>"
    });
    if u.findings.is_empty() {
        out.push_str("<p class=\"none\">None.</p>");
    }
    groups_html(out, &u.findings);
    out.push_str("</section>");
}

fn inventory_html(out: &mut String, inv: &super::extract::Inventory) {
    out.push_str("<h3>What it touches</h3><div class=\"grid\"><div>");
    list(out, "Tools asked for", &inv.tools, |t| {
        format!(
            "{} <span class=\"meta\">{}</span>: {}",
            code(&t.source),
            escape(&t.field),
            t.tools
                .iter()
                .map(|s| code(s))
                .collect::<Vec<_>>()
                .join(" ")
        )
    });
    list(out, "MCP servers", &inv.mcp_servers, |m| {
        let env = if m.env.is_empty() {
            String::new()
        } else {
            format!(
                "; sets {}",
                m.env.iter().map(|e| code(e)).collect::<Vec<_>>().join(" ")
            )
        };
        format!(
            "<strong>{}</strong> ({}) {} <span class=\"meta\">from {}</span>{env}",
            escape(&m.name),
            escape(&m.transport),
            code(&m.target),
            escape(&m.source)
        )
    });
    list(out, "Hooks", &inv.hooks, |h| {
        format!(
            "<strong>{}</strong>{} → {} {} <span class=\"meta\">from {}</span>",
            escape(&h.event),
            h.matcher
                .as_deref()
                .map_or_else(String::new, |m| format!(" on {}", code(m))),
            escape(&h.kind),
            code(&h.detail),
            escape(&h.source)
        )
    });
    out.push_str("</div><div>");
    list(out, "Scripts", &inv.scripts, |s| {
        format!(
            "{} <span class=\"meta\">{}, {} lines{}</span>",
            code(&s.path),
            escape(s.language),
            s.lines,
            if s.executable { ", executable" } else { "" }
        )
    });
    list(out, "External domains", &inv.domains, |d| {
        format!("{} <span class=\"meta\">×{}</span>", code(&d.host), d.count)
    });
    out.push_str("</div></div>");
    if !inv.urls.is_empty() {
        let _ = write!(
            out,
            "<h4>URLs ({})</h4><ul class=\"plain\">",
            inv.urls.len() + inv.urls_omitted
        );
        for url in inv.urls.iter().take(MAX_ROWS) {
            let _ = write!(out, "<li>{}</li>", code(url));
        }
        let more = inv.urls.len().saturating_sub(MAX_ROWS) + inv.urls_omitted;
        if more > 0 {
            let _ = write!(out, "<li class=\"none\">…and {more} more</li>");
        }
        out.push_str("</ul>");
    }
    if !inv.components.is_empty() {
        out.push_str("<h4>Components</h4><table class=\"components\"><thead><tr><th>kind</th><th>name and file</th><th>description</th></tr></thead><tbody>");
        for c in &inv.components {
            let _ = write!(
                out,
                "<tr><td class=\"tight\">{}</td><td class=\"name\"><strong>{}</strong><div class=\"meta\">{}</div></td><td>{}</td></tr>",
                escape(c.kind),
                escape(&c.name),
                code(&c.path),
                c.description.as_deref().map_or_else(String::new, escape)
            );
        }
        out.push_str("</tbody></table>");
    }
    let _ = write!(
        out,
        "<h4>Files ({}, {})</h4><table><thead><tr><th>file</th><th class=\"num\">size</th><th>type</th><th>sha256</th></tr></thead><tbody>",
        inv.files.len(),
        escape(&size_text(inv.total_bytes))
    );
    for f in inv.files.iter().take(MAX_ROWS) {
        let _ = write!(
            out,
            "<tr><td>{}{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
            code(&f.path),
            if f.executable {
                " <span class=\"meta\">executable</span>"
            } else {
                ""
            },
            escape(&size_text(f.size)),
            escape(f.language.unwrap_or(f.kind)),
            code(f.sha256.get(..12).unwrap_or("unreadable"))
        );
    }
    out.push_str("</tbody></table>");
    if inv.files.len() > MAX_ROWS {
        let _ = write!(
            out,
            "<p class=\"none\">…and {} more files (see the JSON report).</p>",
            inv.files.len() - MAX_ROWS
        );
    }
}

/// The report as one HTML page.
pub fn render(report: &VetReport) -> String {
    let title = match report.units.as_slice() {
        [one] => format!("{} {}", one.kind.as_str(), one.name),
        many => format!("{} skills and plugins", many.len()),
    };
    let mut out = String::with_capacity(32 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"skill-audit {}\">\n\
         <title>Vet: {} — {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        escape(&report.tool_version),
        escape(&title),
        report.verdict
    );
    let _ = writeln!(
        out,
        "<header class=\"banner {}\"><h1>Vet: {} {}</h1><p><strong>{}</strong>: {}</p>\
         <p class=\"meta\">Policy: reject on {}, needs changes on {}, reject codes {}. Reviewed {} with skill-audit {}.</p></header>",
        verdict_class(report.verdict),
        escape(&title),
        badge(report.verdict),
        report.verdict,
        escape(&report.reason),
        escape(&report.policy.reject_on),
        escape(&report.policy.needs_changes_on),
        if report.policy.reject_codes.is_empty() {
            "none".to_string()
        } else {
            report.policy.reject_codes.iter().map(|c| code(c)).collect::<Vec<_>>().join(" ")
        },
        escape(&report.date),
        escape(&report.tool_version)
    );
    if report.units.len() > 1 {
        out.push_str("<nav class=\"banner\"><strong>Contents</strong><ul>");
        for (i, u) in report.units.iter().enumerate() {
            let _ = write!(
                out,
                "<li><a href=\"#unit-{i}\">{}</a> {} {}</li>",
                escape(&u.path),
                badge(u.verdict),
                escape(&counts_text(
                    u.counts.errors,
                    u.counts.warnings,
                    u.counts.infos
                ))
            );
        }
        out.push_str("</ul></nav>\n");
    }
    for (i, u) in report.units.iter().enumerate() {
        unit_html(&mut out, i, u);
        out.push('\n');
    }
    if !report.other_findings.is_empty() {
        out.push_str("<section class=\"unit\"><h2>Findings outside any skill or plugin</h2>");
        groups_html(&mut out, &report.other_findings);
        out.push_str("</section>\n");
    }
    out.push_str("<footer>Generated by skill-audit vet. Secrets in excerpts, URLs and commands are masked.</footer>\n</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_controls() {
        assert_eq!(
            escape("<script>\"x\" & 'y'\u{1b}"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;\\u{1b}"
        );
        assert_eq!(
            escape("a\u{202e}b\u{200b}c\r"),
            "a\\u{202e}b\\u{200b}c\\u{d}"
        );
        assert_eq!(escape("\u{fdd0}\u{1fffe}é"), "\\u{fdd0}\\u{1fffe}é");
    }
}
