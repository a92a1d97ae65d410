//! SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::escape::uri_path;
use crate::diagnostic::{Diagnostic, Severity};
use crate::docs::rule_url;
use crate::runner::Report;
use crate::source::{slash_path, SourceFile};
use crate::text::TextRange;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn region(src: Option<&SourceFile>, range: TextRange) -> Value {
    match src {
        Some(src) => {
            let s = src.line_column(range.start());
            let e = src.line_column(range.end());
            json!({"startLine": s.line, "startColumn": s.column, "endLine": e.line, "endColumn": e.column})
        }
        None => json!({"startLine": 1}),
    }
}

/// An artifact location: relative paths against `%SRCROOT%` (the audited repository), absolute
/// ones (an audited path outside the working folder) as `file://` URIs without a base.
fn artifact_location(path: &std::path::Path) -> Value {
    let shown = slash_path(path);
    let bytes = shown.as_bytes();
    let windows_drive =
        bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    if shown.starts_with('/') {
        json!({"uri": format!("file://{}", uri_path(&shown))})
    } else if windows_drive {
        json!({"uri": format!("file:///{}:{}", &shown[..1], uri_path(&shown[2..]))})
    } else {
        json!({"uri": uri_path(&shown), "uriBaseId": "%SRCROOT%"})
    }
}

fn location(report: &Report, path: &std::path::Path, range: TextRange) -> Value {
    let src = report.source(path).map(AsRef::as_ref);
    json!({
        "physicalLocation": {
            "artifactLocation": artifact_location(path),
            "region": region(src, range),
        }
    })
}

fn result(report: &Report, d: &Diagnostic, rule_index: usize) -> Value {
    let mut text = d.message.clone();
    if let Some(h) = &d.help {
        text.push_str(". Help: ");
        text.push_str(h);
    }
    let mut r = json!({
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": level(d.severity),
        "message": {"text": text},
        "locations": [location(report, &d.path, d.range)],
        "partialFingerprints": {"skillAudit/v1": d.fingerprint},
    });
    if !d.related.is_empty() {
        r["relatedLocations"] = d
            .related
            .iter()
            .enumerate()
            .map(|(i, rel)| {
                let mut l = location(report, &rel.path, rel.range);
                l["id"] = json!(i + 1);
                l["message"] = json!({"text": rel.message});
                l
            })
            .collect();
    }
    // SARIF fixes are text replacements (at least one); a folder rename has no equivalent.
    if let Some(fix) = d.fix.as_ref().filter(|f| !f.edits.is_empty()) {
        let src = report.source(&d.path).map(AsRef::as_ref);
        r["fixes"] = json!([{
            "description": {"text": fix.title},
            "artifactChanges": [{
                "artifactLocation": artifact_location(&d.path),
                "replacements": fix.edits.iter().map(|e| json!({
                    "deletedRegion": region(src, e.range),
                    "insertedContent": {"text": e.content},
                })).collect::<Vec<_>>(),
            }],
        }]);
    }
    r
}

/// The report as a SARIF 2.1.0 log.
pub fn to_value(report: &Report) -> Value {
    // Every rule of the registry, plus any code only known at run time (data-driven packs).
    let mut rules: BTreeMap<String, Value> = BTreeMap::new();
    for m in crate::rules::metas() {
        rules.insert(
            m.code.to_string(),
            json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": {"text": m.summary},
                "fullDescription": {"text": m.description()},
                "help": {"text": m.doc_markdown(), "markdown": m.doc_markdown()},
                "helpUri": rule_url(m.code),
                "defaultConfiguration": {"level": level(m.severity)},
                "properties": {"tags": [m.family(), crate::rules::family_name(m.family())]},
            }),
        );
    }
    for d in &report.diagnostics {
        rules.entry(d.code.clone()).or_insert_with(|| {
            json!({
                "id": d.code,
                "name": d.rule,
                "shortDescription": {"text": d.rule},
                "fullDescription": {"text": d.rule},
                "helpUri": rule_url(&d.code),
                "defaultConfiguration": {"level": level(d.severity)},
            })
        });
    }
    let index: BTreeMap<&str, usize> = rules
        .keys()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| result(report, d, index.get(d.code.as_str()).copied().unwrap_or(0)))
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "skill-audit",
                "version": crate::VERSION,
                "semanticVersion": crate::VERSION,
                "informationUri": "https://github.com/skill-audit/skill-audit",
                "rules": rules.into_values().collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(&to_value(report)).unwrap_or_default();
    s.push('\n');
    s
}
