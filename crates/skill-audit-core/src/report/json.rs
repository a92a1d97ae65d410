//! The JSON report: a stable, versioned contract (see `docs/json-output.md`).

use serde_json::{json, Value};

use crate::runner::Report;
use crate::source::{slash_path, SourceFile};
use crate::text::TextRange;
use crate::Diagnostic;

/// Version of the JSON contract; bumped only on a breaking change.
pub const JSON_VERSION: u32 = 1;

fn range_json(src: Option<&SourceFile>, range: TextRange) -> Value {
    let (s, e) = match src {
        Some(src) => (src.line_column(range.start()), src.line_column(range.end())),
        None => (
            crate::LineColumn { line: 1, column: 1 },
            crate::LineColumn { line: 1, column: 1 },
        ),
    };
    json!({
        "start": {"line": s.line, "column": s.column},
        "end": {"line": e.line, "column": e.column},
    })
}

/// One diagnostic as a JSON object (also used by the JSON-lines format).
pub fn diagnostic_json(report: &Report, d: &Diagnostic) -> Value {
    let src = report.source(&d.path).map(AsRef::as_ref);
    let fix = d.fix.as_ref().map(|f| {
        json!({
            "title": f.title,
            "applicability": f.applicability,
            "edits": f.edits.iter().map(|e| json!({"range": range_json(src, e.range), "content": e.content})).collect::<Vec<_>>(),
            "rename_folder": f.rename_folder,
        })
    });
    let related: Vec<Value> = d
        .related
        .iter()
        .map(|r| {
            let rsrc = report.source(&r.path).map(AsRef::as_ref);
            json!({"path": slash_path(&r.path), "range": range_json(rsrc, r.range), "message": r.message})
        })
        .collect();
    json!({
        "code": d.code,
        "rule": d.rule,
        "severity": d.severity,
        "message": d.message,
        "path": slash_path(&d.path),
        "range": range_json(src, d.range),
        "help": d.help,
        "fix": fix,
        "related": related,
        "fingerprint": d.fingerprint,
    })
}

/// The whole report as a JSON value.
pub fn to_value(report: &Report) -> Value {
    let mut v = envelope(report);
    v["diagnostics"] = Value::Array(
        report
            .diagnostics
            .iter()
            .map(|d| diagnostic_json(report, d))
            .collect(),
    );
    v
}

/// Everything of the report but its diagnostics (an empty array).
fn envelope(report: &Report) -> Value {
    let s = &report.summary;
    json!({
        "version": JSON_VERSION,
        "tool": {"name": "skill-audit", "version": crate::VERSION},
        "diagnostics": [],
        "summary": {
            "files": s.files,
            "skills": s.skills,
            "plugins": s.plugins,
            "marketplaces": s.marketplaces,
            "errors": s.errors,
            "warnings": s.warnings,
            "infos": s.infos,
            "elapsed_ms": s.elapsed_ms,
        },
    })
}

/// The whole report as pretty-printed JSON with a trailing newline: exactly
/// `serde_json::to_string_pretty(&to_value(report))`, but with the diagnostics (most of the
/// work in a large report) formatted in parallel and spliced into the envelope.
pub fn render(report: &Report) -> String {
    use rayon::prelude::*;
    let mut out =
        serde_json::to_string_pretty(&envelope(report)).unwrap_or_else(|_| "{}".to_string());
    if !report.diagnostics.is_empty() {
        let items: Vec<String> = report
            .diagnostics
            .par_iter()
            .map(|d| {
                let one = serde_json::to_string_pretty(&diagnostic_json(report, d))
                    .unwrap_or_else(|_| "{}".to_string());
                // Two levels deeper than a top-level value: four spaces on every line.
                let mut indented = String::with_capacity(one.len() + one.len() / 8);
                for (k, line) in one.split('\n').enumerate() {
                    if k > 0 {
                        indented.push('\n');
                    }
                    indented.push_str("    ");
                    indented.push_str(line);
                }
                indented
            })
            .collect();
        let list = format!("\"diagnostics\": [\n{}\n  ]", items.join(",\n"));
        // The envelope's only empty array is the diagnostics placeholder.
        out = out.replacen("\"diagnostics\": []", &list, 1);
    }
    out.push('\n');
    out
}

/// JSON lines: one compact diagnostic object per line, for streaming consumers.
pub fn render_lines(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        out.push_str(&serde_json::to_string(&diagnostic_json(report, d)).unwrap_or_default());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spliced_render_equals_plain_pretty_printing() {
        let tmp = std::env::temp_dir().join(format!("sa-json-{}", std::process::id()));
        let skill = tmp.join("Bad_Skill");
        std::fs::create_dir_all(&skill).unwrap();
        std::fs::write(
            skill.join("SKILL.md"),
            "---\nname: Bad_Skill\ndescription: I do things \"quoted\"\tand more\n---\n[x](missing.md)\n",
        )
        .unwrap();
        let report =
            crate::check(std::slice::from_ref(&tmp), &crate::CheckOptions::default()).unwrap();
        assert!(report.diagnostics.len() > 1);
        let plain = serde_json::to_string_pretty(&to_value(&report)).unwrap() + "\n";
        assert_eq!(render(&report), plain);
        let mut empty = report;
        empty.diagnostics.clear();
        let plain = serde_json::to_string_pretty(&to_value(&empty)).unwrap() + "\n";
        assert_eq!(render(&empty), plain);
        std::fs::remove_dir_all(&tmp).ok();
    }
}
