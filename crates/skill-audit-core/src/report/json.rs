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
    let s = &report.summary;
    json!({
        "version": JSON_VERSION,
        "tool": {"name": "skill-audit", "version": crate::VERSION},
        "diagnostics": report.diagnostics.iter().map(|d| diagnostic_json(report, d)).collect::<Vec<_>>(),
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

/// The whole report as pretty-printed JSON with a trailing newline.
pub fn render(report: &Report) -> String {
    let mut out =
        serde_json::to_string_pretty(&to_value(report)).unwrap_or_else(|_| "{}".to_string());
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
