//! Helpers shared by the SE rules: frontmatter of agents and commands, MCP servers and hooks
//! read from JSON manifests (raw text plus `serde_json`, each value located in the text for a
//! span).

use serde_json::Value;

use crate::frontmatter::{self, Split};
use crate::source::SourceFile;
use crate::text::TextRange;
use crate::yaml::{self, YamlLimits, YamlNode};

/// Whether a Markdown file is a subagent definition (`agents/*.md`).
pub fn is_agent_file(src: &SourceFile) -> bool {
    src.is_markdown()
        && src
            .path
            .parent()
            .and_then(|p| p.file_name())
            .is_some_and(|n| n == "agents")
}

/// Whether a Markdown file is a slash command (`commands/*.md`).
pub fn is_command_file(src: &SourceFile) -> bool {
    src.is_markdown() && src.path.components().any(|c| c.as_os_str() == "commands")
}

/// The frontmatter root mapping of a Markdown file.
pub fn frontmatter_root(src: &SourceFile) -> Option<YamlNode> {
    let Split::Closed(f) = frontmatter::split(&src.text) else {
        return None;
    };
    let text = src.text.get(f.yaml.as_range())?;
    let doc = yaml::parse(text, f.yaml.start(), YamlLimits::default());
    doc.root.filter(|r| r.as_map().is_some())
}

/// Tool names in an `allowed-tools` / `tools` value: a space- or comma-separated string (commas
/// and spaces inside parentheses kept) or a list; each with its range.
pub fn tool_list(node: &YamlNode) -> Vec<(String, TextRange)> {
    if let Some(items) = node.as_seq() {
        return items
            .iter()
            .filter_map(|i| i.as_str().map(|s| (s.trim().to_string(), i.range)))
            .collect();
    }
    let Some(s) = node.as_str() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = None;
    let push = |out: &mut Vec<(String, TextRange)>, a: usize, b: usize| {
        let t = s[a..b].trim();
        if !t.is_empty() {
            out.push((t.to_string(), node.range));
        }
    };
    for (i, c) in s.char_indices() {
        match c {
            '(' => {
                depth += 1;
                start.get_or_insert(i);
            }
            ')' => depth -= 1,
            ' ' | ',' | '\t' | '\n' if depth <= 0 => {
                if let Some(a) = start.take() {
                    push(&mut out, a, i);
                }
            }
            _ => {
                start.get_or_insert(i);
            }
        }
    }
    if let Some(a) = start {
        push(&mut out, a, s.len());
    }
    out
}

/// The manifest kinds whose JSON the SE rules read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Manifest {
    /// `.mcp.json`
    Mcp,
    /// `.claude-plugin/plugin.json`
    Plugin,
    /// `hooks/hooks.json`
    Hooks,
    /// `.claude/settings.json`, `settings.local.json`
    Settings,
}

pub fn manifest_kind(src: &SourceFile) -> Option<Manifest> {
    let name = src.file_name();
    let parent = src
        .path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .unwrap_or("");
    match name {
        ".mcp.json" => Some(Manifest::Mcp),
        "plugin.json" if parent == ".claude-plugin" => Some(Manifest::Plugin),
        "hooks.json" => Some(Manifest::Hooks),
        "settings.json" | "settings.local.json" if parent == ".claude" => Some(Manifest::Settings),
        _ => None,
    }
}

pub fn parse_json(src: &SourceFile) -> Option<Value> {
    serde_json::from_str(&src.text).ok()
}

/// The range of a JSON string value in the text (its first occurrence after `from`), or an
/// empty range at `from`.
pub fn locate(src: &SourceFile, value: &str, from: usize) -> TextRange {
    let encoded = serde_json::to_string(value).unwrap_or_default();
    let inner = encoded
        .strip_prefix('"')
        .and_then(|e| e.strip_suffix('"'))
        .unwrap_or(&encoded);
    if inner.is_empty() {
        return TextRange::empty(from.min(src.text.len()));
    }
    src.text
        .get(from..)
        .and_then(|t| t.find(inner))
        .map_or(TextRange::empty(from.min(src.text.len())), |i| {
            TextRange::new(from + i, from + i + inner.len())
        })
}

/// Offset of a JSON object key `"name"` in the text (for anchoring searches), or 0.
pub fn key_offset(src: &SourceFile, key: &str) -> usize {
    let quoted = format!("\"{key}\"");
    src.text.find(&quoted).unwrap_or(0)
}

/// One MCP server definition.
pub struct McpServer<'a> {
    pub name: &'a str,
    pub config: &'a Value,
}

/// The MCP servers a manifest defines inline.
pub fn mcp_servers(kind: Manifest, json: &Value) -> Vec<McpServer<'_>> {
    let map = match kind {
        Manifest::Mcp => json
            .get("mcpServers")
            .and_then(Value::as_object)
            .or_else(|| json.as_object().filter(|o| !o.contains_key("mcpServers"))),
        Manifest::Plugin | Manifest::Settings => json.get("mcpServers").and_then(Value::as_object),
        Manifest::Hooks => None,
    };
    map.into_iter()
        .flatten()
        .filter(|(_, v)| v.is_object())
        .map(|(name, config)| McpServer { name, config })
        .collect()
}

/// One hook handler.
pub struct Hook<'a> {
    pub event: &'a str,
    /// `None` when the matcher is absent.
    pub matcher: Option<&'a str>,
    pub kind: &'a str,
    /// The command (command hooks) or URL (http hooks).
    pub target: &'a str,
}

impl Hook<'_> {
    /// Whether the hook fires on every tool (a tool event with `*`, empty or no matcher).
    pub fn every_tool(&self) -> bool {
        const TOOL_EVENTS: &[&str] = &[
            "PreToolUse",
            "PostToolUse",
            "PostToolUseFailure",
            "PostToolBatch",
            "PermissionRequest",
            "PermissionDenied",
        ];
        TOOL_EVENTS.contains(&self.event)
            && self
                .matcher
                .is_none_or(|m| matches!(m.trim(), "" | "*" | ".*" | ".+"))
    }
}

/// The hooks a manifest defines inline.
pub fn hooks(kind: Manifest, json: &Value) -> Vec<Hook<'_>> {
    let events = match kind {
        Manifest::Hooks => json
            .get("hooks")
            .and_then(Value::as_object)
            .or_else(|| json.as_object().filter(|o| !o.contains_key("hooks"))),
        Manifest::Plugin | Manifest::Settings => json.get("hooks").and_then(Value::as_object),
        Manifest::Mcp => None,
    };
    let mut out = Vec::new();
    for (event, groups) in events.into_iter().flatten() {
        for group in groups.as_array().into_iter().flatten() {
            let matcher = group.get("matcher").and_then(Value::as_str);
            for h in group
                .get("hooks")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let kind = h.get("type").and_then(Value::as_str).unwrap_or("command");
                let target = h
                    .get("command")
                    .or_else(|| h.get("url"))
                    .and_then(Value::as_str)
                    .unwrap_or("");
                out.push(Hook {
                    event,
                    matcher,
                    kind,
                    target,
                });
            }
        }
    }
    out
}
