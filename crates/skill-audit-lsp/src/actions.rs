//! Code actions: a rule's own fix, a suppression comment with a reason placeholder, and
//! "fix all safe problems in this file".

use std::collections::HashMap;
use std::path::Path;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, NumberOrString, Position, Range, TextEdit,
    Url, WorkspaceEdit,
};
use skill_audit::frontmatter::{self, Split};
use skill_audit::LineIndex;

use crate::convert::{FixData, SOURCE};

/// The kind of the fix-all action (matched by `source.fixAll` on save in VS Code).
pub const FIX_ALL: &str = "source.fixAll.skill-audit";

/// The placeholder a suppression comment gets for its required reason.
pub const REASON: &str = "TODO say why this finding is acceptable";

fn edit_action(
    title: String,
    uri: &Url,
    edits: Vec<TextEdit>,
    diag: Option<&lsp_types::Diagnostic>,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: diag.map(|d| vec![d.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        }),
        command: None,
        is_preferred: preferred.then_some(true),
        disabled: None,
        data: None,
    })
}

/// Quick fixes for the skill-audit diagnostics of a request.
pub fn quick_fixes(
    uri: &Url,
    path: &Path,
    text: &str,
    diagnostics: &[lsp_types::Diagnostic],
) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    for d in diagnostics
        .iter()
        .filter(|d| d.source.as_deref() == Some(SOURCE))
    {
        if let Some(fix) = d
            .data
            .clone()
            .and_then(|v| serde_json::from_value::<FixData>(v).ok())
        {
            let title = if fix.safe {
                fix.title
            } else {
                format!("{} (unsafe: review the result)", fix.title)
            };
            out.push(edit_action(title, uri, fix.edits, Some(d), fix.safe));
        }
        let Some(NumberOrString::String(code)) = &d.code else {
            continue;
        };
        // SA009/SA010 are about suppressions themselves and cannot be suppressed.
        if code == "SA009" || code == "SA010" {
            continue;
        }
        if let Some((title, edit)) = suppression(path, text, code, d.range.start.line as usize) {
            out.push(edit_action(title, uri, vec![edit], Some(d), false));
        }
    }
    out
}

fn comment_prefix(path: &Path) -> Option<&'static str> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "json" => None,
        "js" | "mjs" | "cjs" | "ts" | "mts" | "cts" | "go" | "rs" | "java" | "c" | "h" | "cpp"
        | "cs" | "kt" | "swift" | "php" | "scala" | "dart" => Some("//"),
        _ => Some("#"),
    }
}

fn line_text<'a>(index: &LineIndex, text: &'a str, line: usize) -> &'a str {
    text.get(index.line_range(line, text).as_range())
        .unwrap_or("")
}

fn indent_of(s: &str) -> &str {
    &s[..s.len() - s.trim_start().len()]
}

fn insert_before(line: usize, content: String) -> TextEdit {
    let at = Position::new(u32::try_from(line).unwrap_or(u32::MAX), 0);
    TextEdit::new(Range::new(at, at), content)
}

/// The first line of the Markdown block holding `line`: the opening fence of a fenced code
/// block, else the first line of its paragraph (suppression comments cover the block after them).
fn block_start(index: &LineIndex, text: &str, body_line: usize, line: usize) -> usize {
    let mut fence_open: Option<(usize, &str)> = None;
    for l in body_line..=line {
        let t = line_text(index, text, l).trim_start();
        match fence_open {
            Some((_, f)) if t.starts_with(f) => fence_open = None,
            None if t.starts_with("```") => fence_open = Some((l, "```")),
            None if t.starts_with("~~~") => fence_open = Some((l, "~~~")),
            _ => {}
        }
    }
    if let Some((open, _)) = fence_open {
        return open;
    }
    // The closing fence line itself belongs to the block that the opening fence starts.
    let mut l = line;
    while l > body_line && !line_text(index, text, l - 1).trim().is_empty() {
        l -= 1;
    }
    l
}

/// A comment suppressing `code` at 0-based `line` of the file, in the file's comment syntax.
pub fn suppression(path: &Path, text: &str, code: &str, line: usize) -> Option<(String, TextEdit)> {
    let index = LineIndex::new(text);
    let markdown = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "md" | "markdown" | "mdx"));
    if markdown {
        let (yaml_lines, body_line) = match frontmatter::split(text) {
            Split::Closed(f) => (
                Some((
                    index.line_of(f.open.start()),
                    index.line_of(f.close.start()),
                )),
                index.line_of(f.body_start.min(text.len())),
            ),
            Split::Unclosed { .. } => (None, index.line_count()),
            Split::Missing => (None, 0),
        };
        match yaml_lines {
            Some((open, close)) if line > open && line < close => {
                let indent = indent_of(line_text(&index, text, line)).to_string();
                return Some((
                    format!("Suppress {code} on this line"),
                    insert_before(
                        line,
                        format!("{indent}# skill-audit: ignore[{code}] {REASON}\n"),
                    ),
                ));
            }
            _ => {}
        }
        if line < body_line || line >= index.line_count() || (line == 0 && text.is_empty()) {
            // On a fence or where no comment can go before it: suppress in the whole file.
            let end = index.utf16_position(text.len(), text);
            let sep = if text.is_empty() || text.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            let at = Position::new(end.line, end.character);
            return Some((
                format!("Suppress {code} in this file"),
                TextEdit::new(
                    Range::new(at, at),
                    format!("{sep}<!-- skill-audit-ignore-file {code}: {REASON} -->\n"),
                ),
            ));
        }
        let start = block_start(&index, text, body_line, line);
        return Some((
            format!("Suppress {code} with a comment"),
            insert_before(
                start,
                format!("<!-- skill-audit-ignore {code}: {REASON} -->\n"),
            ),
        ));
    }
    let prefix = comment_prefix(path)?;
    if line == 0 && text.starts_with("#!") {
        // A comment cannot go above a shebang; trail it instead.
        let end = index.line_range(0, text).end();
        let p = index.utf16_position(end, text);
        let at = Position::new(p.line, p.character);
        return Some((
            format!("Suppress {code} on this line"),
            TextEdit::new(
                Range::new(at, at),
                format!("  {prefix} skill-audit: ignore[{code}] {REASON}"),
            ),
        ));
    }
    let indent = indent_of(line_text(&index, text, line)).to_string();
    Some((
        format!("Suppress {code} on this line"),
        insert_before(
            line,
            format!("{indent}{prefix} skill-audit: ignore[{code}] {REASON}\n"),
        ),
    ))
}

/// The fix-all action: the whole document replaced by `fixed`.
pub fn fix_all_action(uri: &Url, text: &str, fixed: String) -> CodeActionOrCommand {
    let index = LineIndex::new(text);
    let end = index.utf16_position(text.len(), text);
    let edit = TextEdit::new(
        Range::new(Position::new(0, 0), Position::new(end.line, end.character)),
        fixed,
    );
    CodeActionOrCommand::CodeAction(CodeAction {
        title: "Fix all safe problems in this file".into(),
        kind: Some(CodeActionKind::from(FIX_ALL)),
        diagnostics: None,
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
            ..WorkspaceEdit::default()
        }),
        command: None,
        is_preferred: None,
        disabled: None,
        data: None,
    })
}

/// Whether a request's `only` filter asks for (or allows) quick fixes / the fix-all action.
pub fn wants(only: Option<&Vec<CodeActionKind>>, kind: &str) -> bool {
    only.is_none_or(|kinds| {
        kinds
            .iter()
            .any(|k| kind == k.as_str() || kind.starts_with(&format!("{}.", k.as_str())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use skill_audit::fix::apply_edits;
    use skill_audit::source::SourceFile;
    use skill_audit::suppression;

    /// Apply a suppression and check the core's parser sees it covering `line` (shifted by one
    /// when the comment was inserted above).
    fn suppressed(path: &str, text: &str, code: &str, line: usize) -> String {
        let (_, edit) = suppression(Path::new(path), text, code, line).unwrap();
        let index = LineIndex::new(text);
        let start = crate::convert::offset(&index, text, edit.range.start);
        let after = apply_edits(
            text,
            &[skill_audit::Edit {
                range: skill_audit::TextRange::new(start, start),
                content: edit.new_text.clone(),
            }],
        )
        .0;
        let src = SourceFile::new(path, path, after.clone());
        let (found, invalid) = suppression::parse(&src, &|c| c.starts_with("SK"));
        assert!(invalid.is_empty(), "{invalid:?}\n{after}");
        let target = if edit.new_text.ends_with('\n') && !edit.new_text.contains("ignore-file") {
            line + 1
        } else {
            line
        };
        assert!(found.iter().any(|s| s.covers(code, target)), "{after}");
        after
    }

    #[test]
    fn suppressions_use_the_syntax_of_where_the_finding_is() {
        let md = "---\nname: x\n  nested: y\n---\n# Title\n\nfirst line\nsecond line\n\n```bash\nrun\n```\n";
        let out = suppressed("a/SKILL.md", md, "SK030", 2);
        assert!(out.contains("  # skill-audit: ignore[SK030] TODO"));
        let out = suppressed("a/SKILL.md", md, "SK041", 7);
        assert!(out.contains("\n<!-- skill-audit-ignore SK041: TODO say why this finding is acceptable -->\nfirst line\n"));
        let out = suppressed("a/SKILL.md", md, "SK041", 10);
        assert!(out.contains("-->\n```bash\n"));
        let out = suppressed("a/SKILL.md", md, "SK001", 0);
        assert!(out.ends_with(
            "<!-- skill-audit-ignore-file SK001: TODO say why this finding is acceptable -->\n"
        ));
        let out = suppressed("a/scripts/run.py", "import os\n    x = 1\n", "SK050", 1);
        assert!(out.contains("    # skill-audit: ignore[SK050]"));
        let out = suppressed("a/scripts/run.js", "let a;\nlet b;\n", "SK050", 1);
        assert!(out.contains("// skill-audit: ignore[SK050]"));
        assert!(suppression(Path::new("p/.claude-plugin/plugin.json"), "{}", "SK001", 0).is_none());
    }

    #[test]
    fn only_filters_follow_the_kind_hierarchy() {
        assert!(wants(None, FIX_ALL));
        assert!(wants(Some(&vec![CodeActionKind::SOURCE_FIX_ALL]), FIX_ALL));
        assert!(wants(Some(&vec![CodeActionKind::SOURCE]), FIX_ALL));
        assert!(!wants(Some(&vec![CodeActionKind::QUICKFIX]), FIX_ALL));
        assert!(wants(Some(&vec![CodeActionKind::QUICKFIX]), "quickfix"));
    }
}
