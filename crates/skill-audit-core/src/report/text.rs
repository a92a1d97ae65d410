//! Human output: the source line, a caret under the exact span, the help, and a summary.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor::Buffer, Config};

use crate::runner::Report;
use crate::source::slash_path;
use crate::Severity;

/// Adapter giving codespan our files and line indexes; a file's text is copied only when it
/// holds characters that must not reach a terminal (see [`super::escape::terminal_text`]).
struct ReportFiles<'a> {
    report: &'a Report,
    names: Vec<(String, Option<&'a crate::SourceFile>, Cow<'a, str>)>,
    /// Secret ranges per file, masked in every source line shown.
    secrets: std::collections::HashMap<&'a std::path::Path, Vec<crate::TextRange>>,
}

impl<'a> Files<'a> for ReportFiles<'a> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, FilesError> {
        self.names
            .get(id)
            .map(|(n, _, _)| n.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, FilesError> {
        Ok(self.names.get(id).map_or("", |(_, _, text)| text.as_ref()))
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, FilesError> {
        let (_, src, _) = self.names.get(id).ok_or(FilesError::FileMissing)?;
        Ok(src.map_or(0, |s| s.index.line_of(byte_index)))
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, FilesError> {
        let (_, src, _) = self.names.get(id).ok_or(FilesError::FileMissing)?;
        match src {
            None => Ok(0..0),
            Some(s) => {
                if line_index >= s.index.line_count() {
                    return Err(FilesError::LineTooLarge {
                        given: line_index,
                        max: s.index.line_count() - 1,
                    });
                }
                let start = s.index.line_start(line_index);
                let end = s.index.line_start(line_index + 1).min(s.text.len());
                Ok(start..end)
            }
        }
    }
}

impl ReportFiles<'_> {
    fn id(&mut self, path: &std::path::Path) -> usize {
        // Control characters in a file name must not reach the terminal.
        let name = super::escape::one_line(&slash_path(path));
        if let Some(i) = self.names.iter().position(|(n, _, _)| *n == name) {
            return i;
        }
        let src: Option<&crate::SourceFile> = self.report.source(path).map(AsRef::as_ref);
        let secrets = self.secrets.get(path).map_or(&[][..], Vec::as_slice);
        let text = src.map_or(Cow::Borrowed(""), |s| {
            super::escape::mask_secrets(super::escape::terminal_text(&s.text), secrets)
        });
        self.names.push((name, src, text));
        self.names.len() - 1
    }
}

/// Render the report as text; `color` adds ANSI colors.
pub fn render(report: &Report, color: bool) -> String {
    let mut secrets: std::collections::HashMap<&std::path::Path, Vec<crate::TextRange>> =
        std::collections::HashMap::new();
    for d in &report.diagnostics {
        if let Some(r) = d.secret {
            secrets.entry(d.path.as_path()).or_default().push(r);
        }
    }
    let mut files = ReportFiles {
        report,
        names: Vec::new(),
        secrets,
    };
    let mut buffer = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let config = Config::default();
    for d in &report.diagnostics {
        let id = files.id(&d.path);
        let has_text = report.source(&d.path).is_some();
        let severity = match d.severity {
            Severity::Error => CsSeverity::Error,
            Severity::Warning => CsSeverity::Warning,
            Severity::Info => CsSeverity::Note,
        };
        let mut labels = Vec::new();
        if has_text {
            labels.push(Label::primary(id, d.range.as_range()));
        }
        let related_ids: Vec<_> = d.related.iter().map(|r| (files.id(&r.path), r)).collect();
        for (rid, r) in related_ids {
            if report.source(&r.path).is_some() {
                labels.push(
                    Label::secondary(rid, r.range.as_range())
                        .with_message(super::escape::one_line(&r.message)),
                );
            }
        }
        let mut notes = Vec::new();
        if !has_text {
            notes.push(format!("in {}", slash_path(&d.path)));
        }
        if let Some(h) = &d.help {
            notes.push(format!("help: {}", super::escape::one_line(h)));
        }
        if let Some(f) = &d.fix {
            let kind = match f.applicability {
                crate::Applicability::Safe => "fix",
                crate::Applicability::Unsafe => "unsafe fix",
            };
            notes.push(format!("{kind} available: {}", f.title));
        }
        notes.push(format!(
            "rule: {} (see `skill-audit rule {}`)",
            d.rule, d.code
        ));
        let cs = CsDiagnostic::new(severity)
            .with_code(d.code.clone())
            .with_message(super::escape::one_line(&d.message))
            .with_labels(labels)
            .with_notes(notes);
        if term::emit_to_write_style(&mut buffer, &config, &files, &cs).is_err() {
            // A span that no longer fits its file: fall back to one plain line.
            let line = format!(
                "{}[{}]: {} ({})\n",
                d.severity,
                d.code,
                super::escape::one_line(&d.message),
                super::escape::one_line(&slash_path(&d.path))
            );
            let _ = std::io::Write::write_all(&mut buffer, line.as_bytes());
        }
    }
    let mut out = String::from_utf8_lossy(buffer.as_slice()).into_owned();
    out.push_str(&summary_line(report));
    out
}

/// `Found 2 errors, 1 warning and 0 infos in 12 skills (140 files, 2 plugins, 1 marketplace).`
pub fn summary_line(report: &Report) -> String {
    let s = &report.summary;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let problems = if s.errors + s.warnings + s.infos == 0 {
        "No problems found".to_string()
    } else {
        format!(
            "Found {}, {} and {}",
            plural(s.errors, "error", "errors"),
            plural(s.warnings, "warning", "warnings"),
            plural(s.infos, "info", "infos")
        )
    };
    format!(
        "{problems} in {} ({}, {}, {}).\n",
        plural(s.skills, "skill", "skills"),
        plural(s.files, "file", "files"),
        plural(s.plugins, "plugin", "plugins"),
        plural(s.marketplaces, "marketplace", "marketplaces"),
    )
}

/// One line per finding: `path:line:col: CODE [severity] message`, then the summary.
pub fn render_concise(report: &Report, summary: bool) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let (s, _) = super::positions(report, d);
        let _ = writeln!(
            out,
            "{}:{}:{}: {} [{}] {}",
            super::escape::one_line(&slash_path(&d.path)),
            s.line,
            s.column,
            d.code,
            d.severity,
            super::escape::one_line(&d.message)
        );
    }
    if summary {
        out.push_str(&summary_line(report));
    }
    out
}

/// Counts per code, most frequent first (like `ruff --statistics`).
pub fn render_statistics(report: &Report) -> String {
    let mut counts: std::collections::BTreeMap<(&str, &str), (usize, Severity)> =
        std::collections::BTreeMap::new();
    for d in &report.diagnostics {
        let e = counts
            .entry((d.code.as_str(), d.rule.as_str()))
            .or_insert((0, d.severity));
        e.0 += 1;
        e.1 = e.1.max(d.severity);
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    let mut out = String::new();
    for ((code, rule), (n, sev)) in rows {
        let _ = writeln!(out, "{n:>7}  {code:<6} {:<8} {rule}", sev.as_str());
    }
    out.push_str(&summary_line(report));
    out
}
