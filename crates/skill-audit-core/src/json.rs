//! JSON with a byte range for every key and value, for plugin manifests, marketplaces, hooks,
//! MCP, LSP and monitor configs.
//!
//! Parsing uses `jsonc-parser`, a maintained parser that keeps the range of every node and can
//! read JSON with comments and trailing commas. Claude Code reads these files with a strict
//! JSON parser, so a file is first parsed strictly; when that fails the syntax error is kept
//! (with its position) and the file is parsed again leniently, so that one stray comma does not
//! hide every other finding in it. Duplicate keys (which a strict parser accepts, keeping the
//! last) are collected too.
//!
//! `jsonc-parser` recurses once per nesting level, so input nested deeper than
//! [`MAX_DEPTH`] is refused by a linear pre-scan before it is handed over: deep nesting is a
//! diagnostic, never a stack overflow.

use jsonc_parser::ast;
use jsonc_parser::{CollectOptions, ParseOptions};

use crate::text::TextRange;

/// Deepest nesting of arrays and objects accepted (plugin files need a handful of levels).
pub const MAX_DEPTH: usize = 256;

/// A JSON value and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonValue {
    pub kind: JsonKind,
    pub range: TextRange,
}

#[derive(Debug, Clone, PartialEq)]
pub enum JsonKind {
    Null,
    Bool(bool),
    /// The number as written.
    Number(String),
    String(String),
    Array(Vec<JsonValue>),
    Object(Vec<JsonMember>),
}

/// One `"key": value` of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonMember {
    pub key: String,
    /// The key, quotes included.
    pub key_range: TextRange,
    pub value: JsonValue,
}

/// A syntax problem, at its position.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonProblem {
    pub range: TextRange,
    pub message: String,
}

/// A parsed file: the tree (when one could be built), the first syntax error of a strict parse,
/// and every duplicate key.
#[derive(Debug, Clone, Default)]
pub struct JsonDocument {
    pub root: Option<JsonValue>,
    pub syntax_error: Option<JsonProblem>,
    /// Later occurrences of a key already present in the same object (the key, the earlier one).
    pub duplicate_keys: Vec<(JsonMember, TextRange)>,
}

impl JsonValue {
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            JsonKind::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[JsonMember]> {
        match &self.kind {
            JsonKind::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[JsonValue]> {
        match &self.kind {
            JsonKind::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            JsonKind::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The member `key` of an object (the last one, as `JSON.parse` keeps).
    pub fn member(&self, key: &str) -> Option<&JsonMember> {
        self.as_object()?.iter().rev().find(|m| m.key == key)
    }

    /// The value of member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&JsonValue> {
        self.member(key).map(|m| &m.value)
    }

    /// `object`, `array`, `string`, ... as JSON Schema names them.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            JsonKind::Null => "null",
            JsonKind::Bool(_) => "boolean",
            JsonKind::Number(_) => "number",
            JsonKind::String(_) => "string",
            JsonKind::Array(_) => "array",
            JsonKind::Object(_) => "object",
        }
    }

    /// The number's value, when it is one.
    pub fn as_f64(&self) -> Option<f64> {
        match &self.kind {
            JsonKind::Number(n) => n.parse().ok(),
            _ => None,
        }
    }
}

/// Parse `text` (offsets in the tree are offsets into `text`), refusing nesting deeper than
/// [`MAX_DEPTH`].
pub fn parse(text: &str) -> JsonDocument {
    parse_with_depth(text, MAX_DEPTH)
}

/// Like [`parse`], with the nesting limit given (`[limits] json-max-depth`).
pub fn parse_with_depth(text: &str, max_depth: usize) -> JsonDocument {
    let mut doc = JsonDocument::default();
    if let Some(at) = too_deep(text, max_depth) {
        doc.syntax_error = Some(JsonProblem {
            range: TextRange::new(at, (at + 1).min(text.len())),
            message: format!(
                "nesting deeper than {max_depth} levels; the file was not read further"
            ),
        });
        return doc;
    }
    let collect = CollectOptions::default();
    let strict = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let value = match jsonc_parser::parse_to_ast(text, &collect, &strict) {
        Ok(r) => r.value,
        Err(e) => {
            let r = e.range();
            doc.syntax_error = Some(JsonProblem {
                range: TextRange::new(r.start.min(text.len()), r.end.min(text.len())),
                message: e.kind().to_string(),
            });
            jsonc_parser::parse_to_ast(text, &collect, &ParseOptions::default())
                .ok()
                .and_then(|r| r.value)
        }
    };
    if let Some(v) = value {
        doc.root = Some(convert(&v, &mut doc.duplicate_keys));
    } else if doc.syntax_error.is_none() {
        doc.syntax_error = Some(JsonProblem {
            range: TextRange::empty(0),
            message: "the file holds no JSON value".to_string(),
        });
    }
    doc
}

/// Offset of the first bracket that opens more than `limit` levels, skipping strings.
fn too_deep(text: &str, limit: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn range(r: jsonc_parser::common::Range) -> TextRange {
    TextRange::new(r.start, r.end)
}

fn convert(v: &ast::Value<'_>, dups: &mut Vec<(JsonMember, TextRange)>) -> JsonValue {
    match v {
        ast::Value::StringLit(s) => JsonValue {
            kind: JsonKind::String(s.value.to_string()),
            range: range(s.range),
        },
        ast::Value::NumberLit(n) => JsonValue {
            kind: JsonKind::Number(n.value.to_string()),
            range: range(n.range),
        },
        ast::Value::BooleanLit(b) => JsonValue {
            kind: JsonKind::Bool(b.value),
            range: range(b.range),
        },
        ast::Value::NullKeyword(n) => JsonValue {
            kind: JsonKind::Null,
            range: range(n.range),
        },
        ast::Value::Array(a) => JsonValue {
            kind: JsonKind::Array(a.elements.iter().map(|e| convert(e, dups)).collect()),
            range: range(a.range),
        },
        ast::Value::Object(o) => {
            let mut members: Vec<JsonMember> = Vec::with_capacity(o.properties.len());
            for p in &o.properties {
                let (key, key_range) = match &p.name {
                    ast::ObjectPropName::String(s) => (s.value.to_string(), range(s.range)),
                    ast::ObjectPropName::Word(w) => (w.value.to_string(), range(w.range)),
                };
                let member = JsonMember {
                    key,
                    key_range,
                    value: convert(&p.value, dups),
                };
                if let Some(first) = members.iter().find(|m| m.key == member.key) {
                    dups.push((member.clone(), first.key_range));
                }
                members.push(member);
            }
            JsonValue {
                kind: JsonKind::Object(members),
                range: range(o.range),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_at_keys_and_values() {
        let text = "{\n  \"name\": \"x\",\n  \"list\": [1, true, null]\n}";
        let doc = parse(text);
        assert!(doc.syntax_error.is_none());
        let root = doc.root.unwrap();
        let name = root.member("name").unwrap();
        assert_eq!(&text[name.key_range.as_range()], "\"name\"");
        assert_eq!(&text[name.value.range.as_range()], "\"x\"");
        assert_eq!(root.get("list").unwrap().as_array().unwrap().len(), 3);
    }

    #[test]
    fn trailing_commas_and_comments_are_errors_but_the_tree_is_kept() {
        let text = "{\n  // note\n  \"name\": \"x\",\n}";
        let doc = parse(text);
        let err = doc.syntax_error.expect("syntax error");
        assert_eq!(&text[err.range.start()..err.range.start() + 2], "//");
        assert_eq!(doc.root.unwrap().get("name").unwrap().as_str(), Some("x"));
        let doc = parse("{\"a\": 1,}");
        assert!(doc.syntax_error.is_some() && doc.root.is_some());
    }

    #[test]
    fn duplicate_keys_are_collected() {
        let doc = parse("{\"a\": 1, \"b\": 2, \"a\": 3}");
        assert_eq!(doc.duplicate_keys.len(), 1);
        assert_eq!(doc.duplicate_keys[0].0.key, "a");
        assert_eq!(doc.root.unwrap().get("a").unwrap().as_f64(), Some(3.0));
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let text = "[".repeat(100_000) + &"]".repeat(100_000);
        let doc = parse(&text);
        assert!(doc.root.is_none());
        assert!(doc.syntax_error.unwrap().message.contains("nesting"));
        let ok = "[".repeat(50) + &"]".repeat(50);
        assert!(parse(&ok).syntax_error.is_none());
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for text in [
            "",
            "{",
            "}",
            "[1,",
            "{\"a\" 1}",
            "\"\\u12",
            "nul",
            "{\"a\":}",
            "\u{feff}{}",
        ] {
            let doc = parse(text);
            assert!(doc.syntax_error.is_some() || doc.root.is_some(), "{text:?}");
        }
    }
}
