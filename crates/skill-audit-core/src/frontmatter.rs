//! Splitting a Markdown file into YAML frontmatter and body.

use crate::text::TextRange;
use crate::yaml::{self, YamlDocument, YamlLimits};

/// Where the frontmatter of a file is, if it has one.
#[derive(Debug, Clone)]
pub enum Split {
    /// The file does not start with a `---` line (after an optional BOM).
    Missing,
    /// An opening `---` with no closing `---` line.
    Unclosed {
        open: TextRange,
    },
    Closed(Fences),
}

#[derive(Debug, Clone, Copy)]
pub struct Fences {
    /// The opening `---` line (without its line ending).
    pub open: TextRange,
    /// The closing `---` line.
    pub close: TextRange,
    /// The YAML between the fences.
    pub yaml: TextRange,
    /// Where the body starts (after the closing fence's line ending).
    pub body_start: usize,
}

/// Length of a leading UTF-8 byte order mark.
pub fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        3
    } else {
        0
    }
}

fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\r', ' ', '\t']) == "---"
}

/// Find the frontmatter fences. Handles a BOM, CRLF line endings and trailing blanks on fences.
pub fn split(text: &str) -> Split {
    let start = bom_len(text);
    let rest = &text[start..];
    let first_end = rest.find('\n').unwrap_or(rest.len());
    if !is_fence(&rest[..first_end]) {
        return Split::Missing;
    }
    let open = TextRange::new(
        start,
        start + rest[..first_end].trim_end_matches('\r').len(),
    );
    let yaml_start = (start + first_end + 1).min(text.len());
    let mut pos = yaml_start;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = &text[pos..end];
        if is_fence(line) {
            let close = TextRange::new(pos, pos + line.trim_end_matches('\r').len());
            let yaml_end = if pos > yaml_start { pos } else { yaml_start };
            return Split::Closed(Fences {
                open,
                close,
                yaml: TextRange::new(yaml_start, yaml_end.max(yaml_start)),
                body_start: (end + 1).min(text.len()),
            });
        }
        pos = end + 1;
    }
    Split::Unclosed { open }
}

/// A file's parsed frontmatter.
#[derive(Debug, Clone)]
pub struct Frontmatter {
    pub fences: Fences,
    pub yaml: YamlDocument,
    /// Values rewritten before parsing because they held an unquoted `: ` (see
    /// [`parse_lenient`]); each range is the original value.
    pub repaired: Vec<TextRange>,
    /// The error a strict YAML parse gave when values had to be repaired.
    pub strict_error: Option<yaml::YamlError>,
}

/// Parse the YAML between the fences. Ranges in the document are offsets into `text`.
pub fn parse(text: &str, fences: Fences, limits: YamlLimits) -> Frontmatter {
    let src = text.get(fences.yaml.as_range()).unwrap_or("");
    Frontmatter {
        fences,
        yaml: yaml::parse(src, fences.yaml.start(), limits),
        repaired: Vec::new(),
        strict_error: None,
    }
}

/// Parse like [`parse`], but when the YAML fails on a plain value holding `: ` (the most common
/// frontmatter mistake, `description: Use when: ...`, which Claude Code's lenient loader
/// accepts), quote such values and parse again. The repaired values are listed so that a rule
/// can warn and offer the quoting as a fix. Offsets stay valid because the repair only ever
/// replaces a value line by a same-length-or-longer text *after* parsing spans are taken from
/// the original layout: we re-parse the repaired text and map spans through the edit list.
pub fn parse_lenient(text: &str, fences: Fences, limits: YamlLimits) -> Frontmatter {
    let strict = parse(text, fences, limits);
    if strict
        .yaml
        .error
        .as_ref()
        .is_none_or(|e| e.kind != yaml::YamlErrorKind::Syntax)
    {
        return strict;
    }
    let src = text.get(fences.yaml.as_range()).unwrap_or("");
    let mut repaired_src = String::with_capacity(src.len() + 16);
    let mut repaired = Vec::new();
    let mut shifts: Vec<(usize, usize)> = Vec::new(); // (original offset, extra bytes inserted before it)
    let mut offset = 0usize;
    for line in src.split_inclusive('\n') {
        if let Some((value_start, value_end)) = unquoted_colon_value(line) {
            let value = &line[value_start..value_end];
            repaired_src.push_str(&line[..value_start]);
            repaired_src.push('\'');
            shifts.push((offset + value_start, 1));
            repaired_src.push_str(&value.replace('\'', "''"));
            let quotes = value.matches('\'').count();
            shifts.push((offset + value_end, 1 + quotes));
            repaired_src.push('\'');
            repaired_src.push_str(&line[value_end..]);
            repaired.push(TextRange::new(
                fences.yaml.start() + offset + value_start,
                fences.yaml.start() + offset + value_end,
            ));
        } else {
            repaired_src.push_str(line);
        }
        offset += line.len();
    }
    if repaired.is_empty() {
        return strict;
    }
    let mut doc = yaml::parse(&repaired_src, 0, limits);
    if doc.error.is_some() {
        return strict;
    }
    // Map offsets in the repaired text back to the original text.
    let map = |o: usize| -> usize {
        let mut inserted = 0usize;
        for &(at, extra) in &shifts {
            if at + inserted < o {
                inserted += extra;
            } else {
                break;
            }
        }
        fences.yaml.start() + o.saturating_sub(inserted).min(src.len())
    };
    let remap = |r: TextRange| TextRange::new(map(r.start()), map(r.end()));
    if let Some(root) = doc.root.as_mut() {
        remap_node(root, &remap);
    }
    for d in &mut doc.duplicate_keys {
        d.first = remap(d.first);
        d.duplicate = remap(d.duplicate);
    }
    Frontmatter {
        fences,
        yaml: doc,
        repaired,
        strict_error: strict.yaml.error,
    }
}

fn remap_node(node: &mut yaml::YamlNode, f: &dyn Fn(TextRange) -> TextRange) {
    node.range = f(node.range);
    match &mut node.value {
        yaml::YamlValue::Scalar(_) => {}
        yaml::YamlValue::Seq(items) => items.iter_mut().for_each(|n| remap_node(n, f)),
        yaml::YamlValue::Map(entries) => {
            for e in entries {
                remap_node(&mut e.key, f);
                remap_node(&mut e.value, f);
            }
        }
    }
}

/// For a top-level `key: value` line whose plain value contains `: `, the value's byte range
/// within the line (trailing blanks and comments excluded).
pub fn unquoted_colon_value(line: &str) -> Option<(usize, usize)> {
    let content = line.trim_end_matches(['\n', '\r']);
    if content.starts_with([' ', '\t', '#', '-']) {
        return None;
    }
    let colon = content.find(": ")?;
    let key = &content[..colon];
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let after = &content[colon + 1..];
    let value_start = colon + 1 + (after.len() - after.trim_start().len());
    let value = content[value_start..].trim_end();
    if value.is_empty() || value.starts_with(['\'', '"', '[', '{', '|', '>', '&', '*', '!', '#']) {
        return None;
    }
    let value = value.split(" #").next().unwrap_or(value).trim_end();
    if !(value.contains(": ") || value.ends_with(':')) {
        return None;
    }
    Some((value_start, value_start + value.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_handles_bom_and_crlf() {
        let text = "\u{feff}---\r\nname: x\r\n---\r\nbody";
        let Split::Closed(f) = split(text) else {
            panic!("expected frontmatter")
        };
        assert_eq!(&text[f.yaml.as_range()], "name: x\r\n");
        assert_eq!(&text[f.body_start..], "body");
        assert_eq!(&text[f.open.as_range()], "---");
    }

    #[test]
    fn split_reports_missing_and_unclosed() {
        assert!(matches!(split("# title\n"), Split::Missing));
        assert!(matches!(split("\n---\nname: x\n---\n"), Split::Missing));
        assert!(matches!(split("---\nname: x\n"), Split::Unclosed { .. }));
        assert!(matches!(split("---\n---\n"), Split::Closed(_)));
    }

    #[test]
    fn lenient_parse_repairs_unquoted_colons() {
        let text = "---\nname: x\ndescription: Use when: the user asks\nlicense: MIT\n---\n";
        let Split::Closed(f) = split(text) else {
            panic!()
        };
        assert!(parse(text, f, YamlLimits::default()).yaml.error.is_some());
        let fm = parse_lenient(text, f, YamlLimits::default());
        assert!(fm.yaml.error.is_none(), "{:?}", fm.yaml.error);
        assert_eq!(fm.repaired.len(), 1);
        let root = fm.yaml.root.unwrap();
        let d = root.get("description").unwrap();
        assert_eq!(d.as_str(), Some("Use when: the user asks"));
        let lic = root.entry("license").unwrap();
        assert_eq!(&text[lic.key.range.as_range()], "license");
    }

    fn parsed(text: &str) -> Frontmatter {
        let Split::Closed(f) = split(text) else {
            panic!("no frontmatter in {text:?}")
        };
        parse_lenient(text, f, YamlLimits::default())
    }

    #[test]
    fn malformed_frontmatter_gives_positioned_errors() {
        // An unclosed quote: the error is inside the frontmatter, not at line 1.
        let text = "---\nname: x\ndescription: \"never closed\n---\nbody\n";
        let fm = parsed(text);
        let err = fm.yaml.error.expect("error");
        assert!(err.range.start() >= text.find("description").unwrap());
        // A tab used for indentation.
        let fm = parsed("---\nmetadata:\n\towner: x\n---\n");
        assert!(fm.yaml.error.is_some());
        // A stray closing bracket.
        let fm = parsed("---\nname: x]\n---\n");
        assert!(fm.yaml.error.is_none(), "a plain scalar may contain ]");
        let fm = parsed("---\nname: [x\n---\n");
        assert!(fm.yaml.error.is_some());
    }

    #[test]
    fn fences_tolerate_trailing_blanks_and_crlf_spans_map_back() {
        let text =
            "\u{feff}---  \r\nname: pdf-tools\r\ndescription: Reads PDFs\r\n---\t\r\n# Body\r\n";
        let fm = parsed(text);
        assert!(fm.yaml.error.is_none());
        let root = fm.yaml.root.unwrap();
        let name = root.get("name").unwrap();
        assert_eq!(&text[name.range.as_range()], "pdf-tools");
        assert_eq!(&text[fm.fences.body_start..], "# Body\r\n");
    }

    #[test]
    fn empty_and_degenerate_files() {
        assert!(matches!(split(""), Split::Missing));
        assert!(matches!(split("---"), Split::Unclosed { .. }));
        assert!(matches!(split("----\nname: x\n---\n"), Split::Missing));
        let fm = parsed("---\n---\n");
        assert!(fm.yaml.root.is_none() && fm.yaml.error.is_none());
    }

    #[test]
    fn non_utf8_replacement_characters_do_not_break_parsing() {
        let bytes = b"---\nname: caf\xe9\n---\n".to_vec();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let fm = parsed(&text);
        assert!(fm.yaml.error.is_none());
    }
}
