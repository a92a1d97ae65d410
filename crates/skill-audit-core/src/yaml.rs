//! YAML with a byte span on every node, built from `saphyr-parser`'s event stream.
//!
//! We build our own small tree instead of using a serde deserializer because rules need the
//! exact span of every key and value, the scalar style (to tell `"123"` from `123`), duplicate
//! keys (which serde-based loaders silently collapse) and a hard bound on alias expansion, so
//! that an alias bomb becomes a diagnostic instead of exhausting memory.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use crate::text::{LineIndex, TextRange};

/// Limits that keep a hostile document bounded.
#[derive(Debug, Clone, Copy)]
pub struct YamlLimits {
    /// Maximum number of nodes, counting every node an alias expands to.
    pub max_nodes: usize,
    /// Maximum nesting depth of sequences and mappings.
    pub max_depth: usize,
}

impl Default for YamlLimits {
    fn default() -> Self {
        Self {
            max_nodes: 100_000,
            max_depth: 128,
        }
    }
}

/// How a scalar or collection was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
    /// A `{...}` or `[...]` collection.
    Flow,
    /// An indented collection.
    Block,
}

#[derive(Debug, Clone, PartialEq)]
pub enum YamlValue {
    Scalar(String),
    Seq(Vec<YamlNode>),
    Map(Vec<YamlEntry>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct YamlEntry {
    pub key: YamlNode,
    pub value: YamlNode,
}

/// A node and where it is written (byte range in the file the YAML was taken from).
#[derive(Debug, Clone, PartialEq)]
pub struct YamlNode {
    pub value: YamlValue,
    pub range: TextRange,
    pub style: Style,
    pub tag: Option<Box<str>>,
    /// The node carries an `&anchor`.
    pub anchored: bool,
    /// The node was produced by expanding a `*alias`.
    pub from_alias: bool,
    /// Nodes in this subtree (for the alias budget; never above the budget, itself a
    /// `usize`, so the conversion saturates only for budgets past `u32::MAX`).
    size: u32,
}

/// The YAML 1.1/1.2 type a plain scalar resolves to in common loaders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarKind {
    Null,
    Bool,
    Int,
    Float,
    Str,
}

impl YamlNode {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            YamlValue::Scalar(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[YamlEntry]> {
        match &self.value {
            YamlValue::Map(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[YamlNode]> {
        match &self.value {
            YamlValue::Seq(s) => Some(s),
            _ => None,
        }
    }

    /// The value for `key` in a mapping (the first, if the key is duplicated).
    pub fn get(&self, key: &str) -> Option<&YamlNode> {
        self.entry(key).map(|e| &e.value)
    }

    pub fn entry(&self, key: &str) -> Option<&YamlEntry> {
        self.as_map()?.iter().find(|e| e.key.as_str() == Some(key))
    }

    /// What a YAML 1.1 loader (`PyYAML`, Claude Code's loader) would make of this scalar.
    pub fn scalar_kind(&self) -> Option<ScalarKind> {
        let YamlValue::Scalar(s) = &self.value else {
            return None;
        };
        if self.style != Style::Plain || self.tag.is_some() {
            return Some(ScalarKind::Str);
        }
        Some(plain_scalar_kind(s))
    }

    /// A scalar that loaders read as a string (quoted, block, or plain text that is not a
    /// number, boolean or null).
    pub fn is_string(&self) -> bool {
        self.scalar_kind() == Some(ScalarKind::Str)
    }

    /// A plain empty or `null`/`~` scalar.
    pub fn is_null(&self) -> bool {
        self.scalar_kind() == Some(ScalarKind::Null)
    }

    /// A short word for the node's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match &self.value {
            YamlValue::Seq(_) => "a list",
            YamlValue::Map(_) => "a mapping",
            YamlValue::Scalar(_) => match self.scalar_kind() {
                Some(ScalarKind::Null) => "null",
                Some(ScalarKind::Bool) => "a boolean",
                Some(ScalarKind::Int) => "an integer",
                Some(ScalarKind::Float) => "a number",
                _ => "a string",
            },
        }
    }

    /// Visit this node and every node below it.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a YamlNode)) {
        f(self);
        match &self.value {
            YamlValue::Scalar(_) => {}
            YamlValue::Seq(items) => items.iter().for_each(|n| n.walk(f)),
            YamlValue::Map(entries) => {
                for e in entries {
                    e.key.walk(f);
                    e.value.walk(f);
                }
            }
        }
    }
}

/// Resolve a plain scalar the way YAML 1.1 loaders do (the superset of YAML 1.2's core schema).
pub fn plain_scalar_kind(s: &str) -> ScalarKind {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return ScalarKind::Null,
        "true" | "True" | "TRUE" | "false" | "False" | "FALSE" | "yes" | "Yes" | "YES" | "no"
        | "No" | "NO" | "on" | "On" | "ON" | "off" | "Off" | "OFF" => return ScalarKind::Bool,
        ".inf" | ".Inf" | ".INF" | "-.inf" | "+.inf" | "-.Inf" | "+.Inf" | ".nan" | ".NaN"
        | ".NAN" => return ScalarKind::Float,
        _ => {}
    }
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    if body.is_empty() {
        return ScalarKind::Str;
    }
    let digits = body.replace('_', "");
    if digits.bytes().all(|b| b.is_ascii_digit())
        || digits
            .strip_prefix("0x")
            .is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()))
        || digits
            .strip_prefix("0o")
            .is_some_and(|h| !h.is_empty() && h.bytes().all(|b| (b'0'..=b'7').contains(&b)))
    {
        return ScalarKind::Int;
    }
    if is_float(&digits) {
        return ScalarKind::Float;
    }
    ScalarKind::Str
}

fn is_float(s: &str) -> bool {
    let (mantissa, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mut parts = mantissa.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    let int_ok = int.bytes().all(|b| b.is_ascii_digit());
    let frac_ok = frac.is_none_or(|f| f.bytes().all(|b| b.is_ascii_digit()));
    let has_digits = !int.is_empty() || frac.is_some_and(|f| !f.is_empty());
    let exp_ok = exp.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
    });
    int_ok && frac_ok && has_digits && exp_ok && (frac.is_some() || exp.is_some())
}

/// A YAML syntax error or a limit that was hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    pub range: TextRange,
    pub kind: YamlErrorKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlErrorKind {
    Syntax,
    AliasBudget,
    TooDeep,
    UnknownAlias,
}

/// A key written twice in one mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    pub key: String,
    pub first: TextRange,
    pub duplicate: TextRange,
}

/// The result of parsing one YAML text.
#[derive(Debug, Clone, Default)]
pub struct YamlDocument {
    /// The first document's root node; `None` for an empty document or a fatal error.
    pub root: Option<YamlNode>,
    pub error: Option<YamlError>,
    pub duplicate_keys: Vec<DuplicateKey>,
    /// The stream held more than one document.
    pub multiple_documents: bool,
}

enum Frame {
    Seq {
        start: usize,
        items: Vec<YamlNode>,
        anchor: usize,
        tag: Option<Box<str>>,
    },
    Map {
        start: usize,
        entries: Vec<YamlEntry>,
        pending_key: Option<YamlNode>,
        anchor: usize,
        tag: Option<Box<str>>,
    },
}

/// Parse `text`; node ranges are shifted by `base` (the offset of `text` in its file).
pub fn parse(text: &str, base: usize, limits: YamlLimits) -> YamlDocument {
    let index = LineIndex::new(text);
    let pos = |m: &saphyr_parser::Marker| index.offset_of_line_char(m.line(), m.col(), text);
    let span =
        |s: &Span| TextRange::new(pos(&s.start) + base, pos(&s.end).max(pos(&s.start)) + base);

    let mut doc = YamlDocument::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, YamlNode> = HashMap::new();
    let mut total_nodes = 0usize;
    let mut documents = 0usize;

    for item in Parser::new_from_str(text) {
        let (event, sp) = match item {
            Ok(ev) => ev,
            Err(e) => {
                let at = pos(e.marker()) + base;
                doc.error = Some(YamlError {
                    message: e.info().to_string(),
                    range: TextRange::new(at, at),
                    kind: YamlErrorKind::Syntax,
                });
                doc.root = None;
                return doc;
            }
        };
        let fail = |doc: &mut YamlDocument, kind, message: String, range| {
            doc.error = Some(YamlError {
                message,
                range,
                kind,
            });
            doc.root = None;
        };
        let node = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    doc.multiple_documents = true;
                    break;
                }
                continue;
            }
            Event::Scalar(value, style, anchor, tag) => {
                let style = match style {
                    ScalarStyle::SingleQuoted => Style::SingleQuoted,
                    ScalarStyle::DoubleQuoted => Style::DoubleQuoted,
                    ScalarStyle::Literal => Style::Literal,
                    ScalarStyle::Folded => Style::Folded,
                    ScalarStyle::Plain => Style::Plain,
                };
                // The scanner grows its strings as it reads; keep only what is used.
                let mut value = value.into_owned();
                value.shrink_to_fit();
                let node = YamlNode {
                    value: YamlValue::Scalar(value),
                    range: span(&sp),
                    style,
                    tag: tag.map(|t| format!("{}{}", t.handle, t.suffix).into_boxed_str()),
                    anchored: anchor > 0,
                    from_alias: false,
                    size: 1,
                };
                total_nodes += 1;
                if anchor > 0 {
                    anchors.insert(anchor, node.clone());
                }
                node
            }
            Event::Alias(id) => {
                let Some(target) = anchors.get(&id) else {
                    fail(
                        &mut doc,
                        YamlErrorKind::UnknownAlias,
                        "alias refers to an unknown anchor".into(),
                        span(&sp),
                    );
                    return doc;
                };
                total_nodes += target.size as usize;
                if total_nodes > limits.max_nodes {
                    fail(
                        &mut doc,
                        YamlErrorKind::AliasBudget,
                        format!(
                            "alias expansion exceeds the limit of {} YAML nodes (an alias bomb?)",
                            limits.max_nodes
                        ),
                        span(&sp),
                    );
                    return doc;
                }
                let mut node = target.clone();
                node.range = span(&sp);
                node.from_alias = true;
                node
            }
            ev @ (Event::SequenceStart(..) | Event::MappingStart(..)) => {
                let is_seq = matches!(ev, Event::SequenceStart(..));
                let (Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag)) = ev
                else {
                    continue;
                };
                if stack.len() >= limits.max_depth {
                    fail(
                        &mut doc,
                        YamlErrorKind::TooDeep,
                        format!(
                            "YAML nesting exceeds the limit of {} levels",
                            limits.max_depth
                        ),
                        span(&sp),
                    );
                    return doc;
                }
                let start = pos(&sp.start) + base;
                let tag = tag.map(|t| format!("{}{}", t.handle, t.suffix).into_boxed_str());
                stack.push(if is_seq {
                    Frame::Seq {
                        start,
                        items: Vec::new(),
                        anchor,
                        tag,
                    }
                } else {
                    Frame::Map {
                        start,
                        entries: Vec::new(),
                        pending_key: None,
                        anchor,
                        tag,
                    }
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let end = pos(&sp.end).max(pos(&sp.start)) + base;
                let Some(frame) = stack.pop() else { continue };
                let (start, value, anchor, tag) = match frame {
                    Frame::Seq {
                        start,
                        mut items,
                        anchor,
                        tag,
                    } => {
                        // The tree of every skill's frontmatter is kept for the whole run:
                        // no spare capacity (it was a third of a large library's memory).
                        items.shrink_to_fit();
                        (start, YamlValue::Seq(items), anchor, tag)
                    }
                    Frame::Map {
                        start,
                        mut entries,
                        anchor,
                        tag,
                        ..
                    } => {
                        entries.shrink_to_fit();
                        (start, YamlValue::Map(entries), anchor, tag)
                    }
                };
                let size = 1 + match &value {
                    YamlValue::Seq(items) => items.iter().map(|n| n.size as usize).sum::<usize>(),
                    YamlValue::Map(es) => es
                        .iter()
                        .map(|e| e.key.size as usize + e.value.size as usize)
                        .sum(),
                    YamlValue::Scalar(_) => 0,
                };
                total_nodes += 1;
                let flow = matches!(text.as_bytes().get(start - base), Some(b'{' | b'['));
                let node = YamlNode {
                    value,
                    range: TextRange::new(start, end.max(start)),
                    style: if flow { Style::Flow } else { Style::Block },
                    tag,
                    anchored: anchor > 0,
                    from_alias: false,
                    size: u32::try_from(size).unwrap_or(u32::MAX),
                };
                if anchor > 0 {
                    anchors.insert(anchor, node.clone());
                }
                node
            }
            Event::StreamEnd => break,
            _ => continue,
        };
        if total_nodes > limits.max_nodes {
            fail(
                &mut doc,
                YamlErrorKind::AliasBudget,
                format!(
                    "document exceeds the limit of {} YAML nodes",
                    limits.max_nodes
                ),
                node.range,
            );
            return doc;
        }
        match stack.last_mut() {
            None => {
                if doc.root.is_none() {
                    doc.root = Some(node);
                }
            }
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                pending_key,
                ..
            }) => match pending_key.take() {
                None => *pending_key = Some(node),
                Some(key) => {
                    if let Some(k) = key.as_str() {
                        if let Some(first) = entries.iter().find(|e| e.key.as_str() == Some(k)) {
                            doc.duplicate_keys.push(DuplicateKey {
                                key: k.to_string(),
                                first: first.key.range,
                                duplicate: key.range,
                            });
                        }
                    }
                    entries.push(YamlEntry { key, value: node });
                }
            },
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> YamlDocument {
        parse(s, 0, YamlLimits::default())
    }

    #[test]
    fn spans_point_at_keys_and_values() {
        let src = "name: pdf-tools\ndescription: \"Reads PDFs\"\nlist: [a, b]\n";
        let doc = p(src);
        let root = doc.root.unwrap();
        let e = root.entry("description").unwrap();
        assert_eq!(&src[e.key.range.as_range()], "description");
        assert_eq!(e.value.as_str(), Some("Reads PDFs"));
        assert!(src[e.value.range.as_range()].contains("Reads PDFs"));
        assert_eq!(root.get("list").unwrap().style, Style::Flow);
        assert_eq!(root.get("name").unwrap().style, Style::Plain);
    }

    #[test]
    fn duplicate_keys_are_reported() {
        let doc = p("a: 1\nb: 2\na: 3\n");
        assert_eq!(doc.duplicate_keys.len(), 1);
        assert_eq!(doc.duplicate_keys[0].key, "a");
    }

    #[test]
    fn alias_bomb_is_bounded() {
        let mut lines = vec!["a: &a [x, x, x, x, x, x, x, x, x]".to_string()];
        let mut prev = 'a';
        for c in ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] {
            let items = vec![format!("*{prev}"); 9].join(", ");
            lines.push(format!("{c}: &{c} [{items}]"));
            prev = c;
        }
        let s = lines.join("\n");
        let doc = p(&s);
        assert_eq!(doc.error.unwrap().kind, YamlErrorKind::AliasBudget);
    }

    #[test]
    fn syntax_errors_have_positions() {
        let src = "name: x\ndescription: a: b\n";
        let doc = p(src);
        let err = doc.error.unwrap();
        assert_eq!(err.kind, YamlErrorKind::Syntax);
        assert!(err.range.start() >= 8);
    }

    #[test]
    fn scalar_kinds() {
        assert_eq!(plain_scalar_kind("123"), ScalarKind::Int);
        assert_eq!(plain_scalar_kind("1.5"), ScalarKind::Float);
        assert_eq!(plain_scalar_kind("yes"), ScalarKind::Bool);
        assert_eq!(plain_scalar_kind(""), ScalarKind::Null);
        assert_eq!(plain_scalar_kind("1.0.0"), ScalarKind::Str);
        assert_eq!(plain_scalar_kind("pdf"), ScalarKind::Str);
        assert_eq!(plain_scalar_kind("."), ScalarKind::Str);
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let s = "[".repeat(10_000);
        let doc = p(&s);
        assert!(doc.error.is_some());
    }
}
