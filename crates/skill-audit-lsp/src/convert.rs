//! Core diagnostics to LSP diagnostics: byte ranges to UTF-16 positions, codes, doc links, fixes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, Range, TextEdit, Url,
};
use serde::{Deserialize, Serialize};
use skill_audit::docs::rule_url;
use skill_audit::text::Utf16Position;
use skill_audit::{Applicability, Diagnostic, LineIndex, Severity, SourceFile, TextRange};

/// The `source` of every diagnostic the server publishes.
pub const SOURCE: &str = "skill-audit";

/// A rule's fix, carried in the LSP diagnostic's `data` so code actions need no lookup.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct FixData {
    pub title: String,
    pub safe: bool,
    pub edits: Vec<TextEdit>,
}

/// The LSP range of a byte range of `text`.
pub fn range(index: &LineIndex, text: &str, r: TextRange) -> Range {
    let pos = |o: usize| {
        let p = index.utf16_position(o, text);
        Position::new(p.line, p.character)
    };
    Range::new(pos(r.start()), pos(r.end()))
}

/// The byte offset of an LSP position in `text`.
pub fn offset(index: &LineIndex, text: &str, p: Position) -> usize {
    index.offset_of_utf16(
        Utf16Position {
            line: p.line,
            character: p.character,
        },
        text,
    )
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// Where a report's shown path is on disk.
pub fn abs_path(shown: &Path, sources: &HashMap<PathBuf, Arc<SourceFile>>, cwd: &Path) -> PathBuf {
    match sources.get(shown) {
        Some(src) => src.abs_path.clone(),
        None if shown.is_absolute() => shown.to_path_buf(),
        None => cwd.join(shown),
    }
}

/// Convert one core diagnostic. `src` is the text it points into (None: the file has no text,
/// the range is then the start of the file); `uri_of` names related locations.
pub fn diagnostic(
    d: &Diagnostic,
    src: Option<&SourceFile>,
    sources: &HashMap<PathBuf, Arc<SourceFile>>,
    uri_of: &dyn Fn(&Path) -> Option<Url>,
    cwd: &Path,
) -> lsp_types::Diagnostic {
    let to_range = |s: Option<&SourceFile>, r: TextRange| {
        s.map_or_else(Range::default, |s| range(&s.index, &s.text, r))
    };
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|rel| {
            let rsrc = sources.get(&rel.path).map(AsRef::as_ref);
            let uri = uri_of(&abs_path(&rel.path, sources, cwd))?;
            Some(DiagnosticRelatedInformation {
                location: Location::new(uri, to_range(rsrc, rel.range)),
                message: rel.message.clone(),
            })
        })
        .collect();
    let data = match (&d.fix, src) {
        (Some(fix), Some(s)) => serde_json::to_value(FixData {
            title: fix.title.clone(),
            safe: fix.applicability == Applicability::Safe,
            edits: fix
                .edits
                .iter()
                .map(|e| TextEdit::new(range(&s.index, &s.text, e.range), e.content.clone()))
                .collect(),
        })
        .ok(),
        _ => None,
    };
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    lsp_types::Diagnostic {
        range: to_range(src, d.range),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.code.clone())),
        code_description: Url::parse(&rule_url(&d.code))
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data,
    }
}

/// Group a report's diagnostics by the file they are in (absolute path).
pub fn by_file(
    diagnostics: &[Diagnostic],
    sources: &HashMap<PathBuf, Arc<SourceFile>>,
    uri_of: &dyn Fn(&Path) -> Option<Url>,
    cwd: &Path,
) -> HashMap<PathBuf, Vec<lsp_types::Diagnostic>> {
    let mut out: HashMap<PathBuf, Vec<lsp_types::Diagnostic>> = HashMap::new();
    for d in diagnostics {
        let src = sources.get(&d.path).map(AsRef::as_ref);
        let abs = abs_path(&d.path, sources, cwd);
        out.entry(abs)
            .or_default()
            .push(diagnostic(d, src, sources, uri_of, cwd));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_utf16_and_carry_code_link_and_fix() {
        let text = "---\nname: é𝄞x\n---\n";
        let src = SourceFile::new("a/SKILL.md", "/w/a/SKILL.md", text.to_string());
        let x = text.find('x').unwrap();
        let mut d = Diagnostic::new(
            "SK007",
            "unquoted-colon",
            Severity::Warning,
            "a/SKILL.md",
            TextRange::new(x, x + 1),
            "bad",
        )
        .with_help("quote it");
        d.set_fix(skill_audit::Fix::safe(
            "Quote",
            vec![skill_audit::Edit {
                range: TextRange::new(x, x + 1),
                content: "\"x\"".into(),
            }],
        ));
        let sources = HashMap::from([(PathBuf::from("a/SKILL.md"), Arc::clone(&src))]);
        let l = diagnostic(
            &d,
            Some(&src),
            &sources,
            &|p| Url::from_file_path(p).ok(),
            Path::new("/w"),
        );
        // `é` is one UTF-16 unit, `𝄞` two: `x` is at character 6 + 3.
        assert_eq!(l.range.start, Position::new(1, 9));
        assert_eq!(l.range.end, Position::new(1, 10));
        assert_eq!(l.code, Some(NumberOrString::String("SK007".into())));
        assert!(l
            .code_description
            .unwrap()
            .href
            .as_str()
            .ends_with("/SK007.md"));
        assert_eq!(l.message, "bad\nhelp: quote it");
        let fix: FixData = serde_json::from_value(l.data.unwrap()).unwrap();
        assert!(fix.safe);
        assert_eq!(fix.edits[0].new_text, "\"x\"");
        assert_eq!(fix.edits[0].range.start, Position::new(1, 9));
    }
}
