//! Hover (field docs, rule docs) and completion (frontmatter keys and enumerated values).

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, Hover, HoverContents,
    MarkupContent, MarkupKind, NumberOrString, Position, Range, TextEdit,
};
use skill_audit::frontmatter::{self, Split};
use skill_audit::{docs, rules, LineIndex, Profile};

use crate::convert;
use crate::fields::{self, FileKind};

/// The 0-based lines strictly between the frontmatter fences, if the file has closed ones.
fn yaml_lines(index: &LineIndex, text: &str) -> Option<(usize, usize)> {
    match frontmatter::split(text) {
        Split::Closed(f) => Some((
            index.line_of(f.open.start()) + 1,
            index.line_of(f.close.start()),
        )),
        _ => None,
    }
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// The top-level YAML key at the start of `line`, with its byte span in the line.
fn yaml_key(line: &str) -> Option<(&str, usize, usize)> {
    let end = line.find(|c: char| !is_key_char(c))?;
    (end > 0 && line[end..].trim_start().starts_with(':')).then(|| (&line[..end], 0, end))
}

/// The JSON key (`"key":`) around byte `col` of `line`.
fn json_key(line: &str, col: usize) -> Option<(&str, usize, usize)> {
    let mut search = 0;
    while let Some(open) = line[search..].find('"').map(|i| search + i) {
        let close = line[open + 1..].find('"').map(|i| open + 1 + i)?;
        let is_key = line[close + 1..].trim_start().starts_with(':');
        if is_key && open <= col && col <= close {
            return Some((&line[open + 1..close], open, close + 1));
        }
        search = close + 1;
    }
    None
}

/// Hover at `pos`: the docs of the rules whose diagnostics cover it, then the key's docs.
pub fn hover(
    kind: FileKind,
    profile: Profile,
    text: &str,
    pos: Position,
    diagnostics: &[lsp_types::Diagnostic],
) -> Option<Hover> {
    let mut parts: Vec<String> = Vec::new();
    let mut codes: Vec<&str> = Vec::new();
    for d in diagnostics {
        let inside = d.range.start <= pos && pos <= d.range.end;
        if let (true, Some(NumberOrString::String(code))) = (inside, &d.code) {
            if !codes.contains(&code.as_str()) {
                codes.push(code);
                if let Some(meta) = rules::find(code) {
                    parts.push(format!(
                        "{}\n[Rule page]({})",
                        docs::rule_page(meta).trim_end(),
                        docs::rule_url(meta.code)
                    ));
                }
            }
        }
    }
    let index = LineIndex::new(text);
    let line = pos.line as usize;
    let offset = convert::offset(&index, text, pos);
    let line_start = index.line_start(line);
    let line_text = text
        .get(index.line_range(line, text).as_range())
        .unwrap_or("");
    let col = offset.saturating_sub(line_start);
    let key = if kind.is_markdown() {
        yaml_lines(&index, text)
            .filter(|(a, b)| (*a..*b).contains(&line))
            .and_then(|_| yaml_key(line_text))
            .filter(|(_, s, e)| (*s..=*e).contains(&col))
    } else {
        json_key(line_text, col)
    };
    let mut range = None;
    if let Some((key, s, e)) = key {
        if let Some(field) = kind.field(key) {
            parts.push(fields::hover_text(kind, field, profile));
            range = Some(convert::range(
                &index,
                text,
                skill_audit::TextRange::new(line_start + s, line_start + e),
            ));
        }
    }
    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range,
    })
}

/// Completion at `pos` in the frontmatter: keys at the start of a line, values after `key: `.
pub fn complete(
    kind: FileKind,
    profile: Profile,
    text: &str,
    pos: Position,
) -> Vec<CompletionItem> {
    if !kind.is_markdown() {
        return Vec::new();
    }
    let index = LineIndex::new(text);
    let line = pos.line as usize;
    let Some((first, close)) = yaml_lines(&index, text) else {
        return Vec::new();
    };
    if !(first..close).contains(&line) {
        return Vec::new();
    }
    let offset = convert::offset(&index, text, pos);
    let line_start = index.line_start(line);
    let prefix = text.get(line_start..offset).unwrap_or("");
    let replace = |from: usize| {
        convert::range(
            &index,
            text,
            skill_audit::TextRange::new(line_start + from, offset),
        )
    };
    let doc = |f: &fields::Field| {
        Some(Documentation::MarkupContent(MarkupContent {
            kind: MarkupKind::Markdown,
            value: fields::hover_text(kind, f, profile),
        }))
    };
    if prefix.chars().all(is_key_char) {
        let present: Vec<&str> = (first..close)
            .filter(|&l| l != line)
            .filter_map(|l| text.get(index.line_range(l, text).as_range()))
            .filter_map(|t| yaml_key(t).map(|(k, _, _)| k))
            .collect();
        let range: Range = replace(0);
        return kind
            .fields(profile)
            .into_iter()
            .filter(|f| !present.contains(&f.key))
            .map(|f| CompletionItem {
                label: f.key.to_string(),
                kind: Some(CompletionItemKind::PROPERTY),
                detail: Some(
                    if f.portable {
                        "Agent Skills spec"
                    } else {
                        "Claude Code"
                    }
                    .to_string(),
                ),
                documentation: doc(f),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                    range,
                    format!("{}: ", f.key),
                ))),
                ..CompletionItem::default()
            })
            .collect();
    }
    let Some((key, _, end)) = yaml_key(prefix) else {
        return Vec::new();
    };
    let Some(field) = kind.field(key) else {
        return Vec::new();
    };
    let rest = &prefix[end..];
    let value_start = end + rest.find(':').map_or(0, |i| i + 1);
    let typed = &prefix[value_start..];
    let lead = typed.len() - typed.trim_start().len();
    if typed.trim_start().contains(char::is_whitespace) {
        return Vec::new();
    }
    let range = replace(value_start + lead);
    let space = if lead == 0 { " " } else { "" };
    field
        .values
        .iter()
        .map(|v| CompletionItem {
            label: (*v).to_string(),
            kind: Some(CompletionItemKind::ENUM_MEMBER),
            detail: Some(format!("{key} value")),
            documentation: doc(field),
            filter_text: Some((*v).to_string()),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                range,
                format!("{space}{v}"),
            ))),
            ..CompletionItem::default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SKILL: &str = "---\nname: pdf\ndescription: Reads PDFs.\neff\ncontext: f\n---\n# Body\n";

    fn labels(items: &[CompletionItem]) -> Vec<&str> {
        items.iter().map(|i| i.label.as_str()).collect()
    }

    #[test]
    fn keys_complete_per_profile_without_those_present() {
        let cc = complete(
            FileKind::Skill,
            Profile::ClaudeCode,
            SKILL,
            Position::new(3, 3),
        );
        let l = labels(&cc);
        assert!(l.contains(&"effort") && l.contains(&"license"));
        assert!(!l.contains(&"name"));
        let spec = complete(
            FileKind::Skill,
            Profile::Agentskills,
            SKILL,
            Position::new(3, 3),
        );
        assert!(!labels(&spec).contains(&"effort"));
        // Not in the body.
        assert!(complete(
            FileKind::Skill,
            Profile::ClaudeCode,
            SKILL,
            Position::new(6, 1)
        )
        .is_empty());
    }

    #[test]
    fn enumerated_values_complete_after_the_colon() {
        let items = complete(
            FileKind::Skill,
            Profile::ClaudeCode,
            SKILL,
            Position::new(4, 10),
        );
        assert_eq!(labels(&items), ["fork"]);
        let Some(CompletionTextEdit::Edit(e)) = &items[0].text_edit else {
            panic!("no edit")
        };
        assert_eq!(e.range.start, Position::new(4, 9));
        assert_eq!(e.new_text, "fork");
        assert!(complete(
            FileKind::Skill,
            Profile::ClaudeCode,
            SKILL,
            Position::new(1, 8)
        )
        .is_empty());
    }

    #[test]
    fn hover_shows_key_docs_and_rule_docs() {
        let h = hover(
            FileKind::Skill,
            Profile::ClaudeCode,
            SKILL,
            Position::new(2, 3),
            &[],
        )
        .unwrap();
        let HoverContents::Markup(m) = h.contents else {
            panic!()
        };
        assert!(m.value.contains("**`description`**"), "{}", m.value);
        assert!(hover(
            FileKind::Skill,
            Profile::ClaudeCode,
            SKILL,
            Position::new(6, 3),
            &[]
        )
        .is_none());
        let d = lsp_types::Diagnostic {
            range: Range::new(Position::new(6, 0), Position::new(6, 6)),
            code: Some(NumberOrString::String("SK030".into())),
            ..lsp_types::Diagnostic::default()
        };
        let h = hover(
            FileKind::Skill,
            Profile::ClaudeCode,
            SKILL,
            Position::new(6, 3),
            &[d],
        )
        .unwrap();
        let HoverContents::Markup(m) = h.contents else {
            panic!()
        };
        assert!(m.value.starts_with("# SK030"), "{}", m.value);
        let json = "{\n  \"name\": \"x\",\n  \"version\": \"1\"\n}\n";
        let h = hover(
            FileKind::Plugin,
            Profile::ClaudeCode,
            json,
            Position::new(2, 5),
            &[],
        )
        .unwrap();
        let HoverContents::Markup(m) = h.contents else {
            panic!()
        };
        assert!(m.value.contains("**`version`**"));
    }
}
