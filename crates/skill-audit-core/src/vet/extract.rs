//! What a skill or plugin is and what it touches, read from its files without running anything.
//!
//! Manifests and JSON components (`plugin.json`, `.mcp.json`, `hooks/hooks.json`) are read with
//! `serde_json`; Markdown components with the frontmatter parser. Every string that could hold a
//! secret (URLs, commands) goes through [`super::redact`] before it is stored.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;
use serde_json::Value;
use skill_audit_patterns::PackSet;

use super::{hash, redact, Unit, UnitKind};
use crate::library::{metadata_value, skill_name};
use crate::workspace::{parse_skill_file, FrontmatterState, Unread, Workspace};
use crate::yaml::{YamlLimits, YamlNode, YamlValue};

/// URLs listed per unit at most (domains are always complete).
pub const MAX_URLS: usize = 300;
/// Characters of a command or prompt shown at most.
const MAX_DETAIL: usize = 300;

/// Who and what a unit is.
#[derive(Debug, Clone, Default)]
pub struct About {
    pub name: String,
    pub description: Option<String>,
    pub owner: Option<String>,
    pub version: Option<String>,
    pub license: Option<String>,
    pub metadata: BTreeMap<String, String>,
}

/// One file of a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileInfo {
    /// Relative to the unit folder, `/`-separated.
    pub path: String,
    pub size: u64,
    /// Hex sha256 of the bytes on disk (empty if the file could not be read).
    pub sha256: String,
    /// `text`, `binary`, `too-large` or `unreadable`.
    pub kind: &'static str,
    pub language: Option<&'static str>,
    pub executable: bool,
}

/// A file that is code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Script {
    pub path: String,
    pub language: &'static str,
    pub lines: usize,
    pub executable: bool,
}

/// A host and how many times URLs on it occur.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Domain {
    pub host: String,
    pub count: usize,
}

/// Tools a skill, command or agent asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ToolRequest {
    /// The file that asks, relative to the unit.
    pub source: String,
    /// `allowed-tools` or `tools`.
    pub field: String,
    pub tools: Vec<String>,
}

/// An MCP server the unit brings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct McpServer {
    pub source: String,
    pub name: String,
    /// `stdio`, `http`, `sse`, `ws`, ...
    pub transport: String,
    /// The command line or URL (secrets masked).
    pub target: String,
    /// Names of the environment variables and headers it sets (values are never shown).
    pub env: Vec<String>,
}

/// A hook handler and the event it runs on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hook {
    pub source: String,
    pub event: String,
    pub matcher: Option<String>,
    /// `command`, `http`, `mcp_tool`, `prompt`, `agent`.
    pub kind: String,
    /// The command, URL, tool or prompt (secrets masked, shortened).
    pub detail: String,
}

/// A skill, command or agent inside a plugin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Component {
    /// `skill`, `command` or `agent`.
    pub kind: &'static str,
    pub name: String,
    pub path: String,
    pub description: Option<String>,
}

/// Everything a unit holds and touches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Inventory {
    pub files: Vec<FileInfo>,
    pub total_bytes: u64,
    pub components: Vec<Component>,
    pub scripts: Vec<Script>,
    pub urls: Vec<String>,
    /// URLs left out of `urls` (over [`MAX_URLS`]).
    pub urls_omitted: usize,
    pub domains: Vec<Domain>,
    pub tools: Vec<ToolRequest>,
    pub mcp_servers: Vec<McpServer>,
    pub hooks: Vec<Hook>,
}

/// Language of a file, by extension (and shebang for extension-less files).
pub fn language(name: &str, text: Option<&str>) -> Option<&'static str> {
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let by_ext = match ext.as_deref() {
        Some("py" | "pyw") => Some("Python"),
        Some("sh" | "bash" | "zsh" | "ksh" | "fish") => Some("Shell"),
        Some("js" | "mjs" | "cjs" | "jsx") => Some("JavaScript"),
        Some("ts" | "mts" | "cts" | "tsx") => Some("TypeScript"),
        Some("rb") => Some("Ruby"),
        Some("pl" | "pm") => Some("Perl"),
        Some("ps1" | "psm1") => Some("PowerShell"),
        Some("bat" | "cmd") => Some("Batch"),
        Some("go") => Some("Go"),
        Some("rs") => Some("Rust"),
        Some("php") => Some("PHP"),
        Some("lua") => Some("Lua"),
        Some("r") => Some("R"),
        Some("java") => Some("Java"),
        Some("kt" | "kts") => Some("Kotlin"),
        Some("swift") => Some("Swift"),
        Some("cs") => Some("C#"),
        Some("c" | "h") => Some("C"),
        Some("cpp" | "cc" | "hpp") => Some("C++"),
        Some("applescript" | "scpt") => Some("AppleScript"),
        Some("sql") => Some("SQL"),
        Some("md" | "markdown" | "mdx") => Some("Markdown"),
        Some("json" | "jsonc") => Some("JSON"),
        Some("yaml" | "yml") => Some("YAML"),
        Some("toml") => Some("TOML"),
        Some("html" | "htm") => Some("HTML"),
        Some("css") => Some("CSS"),
        Some("xml") => Some("XML"),
        Some("csv" | "tsv") => Some("CSV"),
        Some("txt") => Some("Text"),
        Some("ipynb") => Some("Notebook"),
        _ => None,
    };
    by_ext.or_else(|| shebang_language(text?))
}

fn shebang_language(text: &str) -> Option<&'static str> {
    let first = text.lines().next()?.strip_prefix("#!")?;
    let mut words = first.split_whitespace();
    let mut prog = words.next()?.rsplit('/').next()?;
    if prog == "env" {
        prog = words.find(|w| !w.starts_with('-'))?;
    }
    let prog = prog.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    Some(match prog {
        "python" => "Python",
        "sh" | "bash" | "zsh" | "dash" | "ksh" | "fish" => "Shell",
        "node" | "deno" | "bun" => "JavaScript",
        "ruby" => "Ruby",
        "perl" => "Perl",
        "pwsh" | "powershell" => "PowerShell",
        "php" => "PHP",
        "osascript" => "AppleScript",
        _ => "Script",
    })
}

fn is_code(lang: &str) -> bool {
    !matches!(
        lang,
        "Markdown"
            | "JSON"
            | "YAML"
            | "TOML"
            | "HTML"
            | "CSS"
            | "XML"
            | "CSV"
            | "Text"
            | "Notebook"
    )
}

fn url_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"(?i)\b(?:https?|wss?|ftp)://[^\s<>"'`)\]}|\\]+"#).unwrap_or_else(|_| {
            // The pattern is a constant; a failure would be a build defect.
            Regex::new("$^").expect("trivial regex")
        })
    })
}

/// The host of a URL, lower case, without user info or port.
pub fn host(url: &str) -> Option<String> {
    let rest = &url[url.find("://")? + 3..];
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host = authority.rsplit('@').next()?;
    let host = if host.starts_with('[') {
        &host[..host.find(']').map_or(host.len(), |i| i + 1)]
    } else {
        host.split(':').next()?
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

fn shorten(s: &str) -> String {
    let one_line: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.chars().count() > MAX_DETAIL {
        let mut t: String = one_line.chars().take(MAX_DETAIL).collect();
        t.push('…');
        t
    } else {
        one_line
    }
}

fn masked(set: &PackSet, source: &str, s: &str) -> String {
    shorten(&redact::strip_userinfo(&redact::mask_text(set, source, s)))
}

fn text_of<'a>(ws: &'a Workspace, abs: &Path) -> Option<&'a str> {
    ws.source_at(abs).map(|s| s.text.as_str())
}

fn read_json(ws: &Workspace, abs: &Path) -> Option<Value> {
    serde_json::from_str(text_of(ws, abs)?).ok()
}

/// A YAML node as JSON (scalars become strings), for frontmatter hooks.
fn yaml_to_json(node: &YamlNode) -> Value {
    match &node.value {
        YamlValue::Scalar(s) => Value::String(s.clone()),
        YamlValue::Seq(items) => Value::Array(items.iter().map(yaml_to_json).collect()),
        YamlValue::Map(entries) => Value::Object(
            entries
                .iter()
                .filter_map(|e| Some((e.key.as_str()?.to_string(), yaml_to_json(&e.value))))
                .collect(),
        ),
    }
}

fn yaml_scalar(node: &YamlNode) -> String {
    match &node.value {
        YamlValue::Scalar(s) => s.clone(),
        YamlValue::Seq(items) => items.iter().map(yaml_scalar).collect::<Vec<_>>().join(", "),
        YamlValue::Map(_) => "(map)".to_string(),
    }
}

fn json_scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(a) => Some(
            a.iter()
                .filter_map(json_scalar)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Value::Null | Value::Object(_) => None,
    }
}

/// Name, description, owner and metadata of a unit.
pub fn describe(ws: &Workspace, unit: &Unit, set: &PackSet) -> About {
    let folder = unit
        .dir
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_string();
    match unit.kind {
        UnitKind::Skill => {
            let Some(skill) = ws.skills.iter().find(|s| s.dir == unit.dir) else {
                return About {
                    name: folder,
                    ..About::default()
                };
            };
            let root = skill.yaml_root();
            let get = |k: &str| {
                root.and_then(|r| r.get(k))
                    .and_then(YamlNode::as_str)
                    .map(|s| shorten(s.trim()))
                    .filter(|s| !s.is_empty())
            };
            let mut metadata: BTreeMap<String, String> = BTreeMap::new();
            if let Some(map) = root
                .and_then(|r| r.get("metadata"))
                .and_then(YamlNode::as_map)
            {
                for e in map {
                    if let Some(k) = e.key.as_str() {
                        metadata.insert(
                            k.to_string(),
                            masked(set, "SKILL.md", &yaml_scalar(&e.value)),
                        );
                    }
                }
            }
            for key in ["compatibility", "model", "context", "agent"] {
                if let Some(v) = get(key) {
                    metadata.insert(key.to_string(), v);
                }
            }
            About {
                name: skill_name(skill).0,
                description: get("description"),
                owner: metadata_value(skill, "owner")
                    .or_else(|| metadata_value(skill, "author"))
                    .map(|(s, _)| masked(set, "SKILL.md", s))
                    .filter(|s| !s.is_empty()),
                version: metadata.get("version").cloned(),
                license: get("license"),
                metadata,
            }
        }
        UnitKind::Plugin => {
            let manifest = read_json(ws, &unit.dir.join(".claude-plugin/plugin.json"));
            let obj = manifest.as_ref().and_then(Value::as_object);
            let get = |k: &str| {
                obj.and_then(|o| o.get(k))
                    .and_then(json_scalar)
                    .map(|s| shorten(s.trim()))
                    .filter(|s| !s.is_empty())
            };
            let mut metadata = BTreeMap::new();
            for key in ["displayName", "homepage", "repository", "keywords"] {
                if let Some(v) = get(key) {
                    metadata.insert(key.to_string(), masked(set, "plugin.json", &v));
                }
            }
            if let Some(Value::Object(a)) = obj.and_then(|o| o.get("author")) {
                for k in ["email", "url"] {
                    if let Some(v) = a.get(k).and_then(Value::as_str) {
                        metadata.insert(format!("author.{k}"), shorten(v));
                    }
                }
            }
            if let Some(Value::Object(m)) = obj.and_then(|o| o.get("metadata")) {
                for (k, v) in m {
                    if let Some(s) = json_scalar(v) {
                        metadata.insert(format!("metadata.{k}"), masked(set, "plugin.json", &s));
                    }
                }
            }
            if manifest.is_none() {
                metadata.insert(
                    "manifest".to_string(),
                    "plugin.json is not valid JSON".to_string(),
                );
            }
            // Name, owner, version and licence as the library model reads them (the governance
            // rules and `skill-audit inventory` show the same).
            let lib = ws.library();
            let known = lib.plugins.iter().find(|p| p.root == unit.dir);
            let from_lib = |f: fn(&crate::library::LibPlugin) -> Option<&String>| {
                known
                    .and_then(f)
                    .map(|s| shorten(s.trim()))
                    .filter(|s| !s.is_empty())
            };
            About {
                name: known.map_or_else(|| get("name").unwrap_or(folder), |p| shorten(&p.name)),
                description: get("description"),
                owner: from_lib(|p| p.manifest.author.as_ref()),
                version: from_lib(|p| p.manifest.version.as_ref()).or_else(|| get("version")),
                license: from_lib(|p| p.manifest.license.as_ref()),
                metadata,
            }
        }
    }
}

/// Split an `allowed-tools` string: commas, else whitespace, outside parentheses.
pub fn split_tools(s: &str) -> Vec<String> {
    let split_on = |sep: fn(char) -> bool| {
        let mut out = Vec::new();
        let mut depth = 0i32;
        let mut cur = String::new();
        for c in s.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            if depth <= 0 && sep(c) {
                out.push(std::mem::take(&mut cur));
            } else {
                cur.push(c);
            }
        }
        out.push(cur);
        out.into_iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
    };
    let by_comma = split_on(|c| c == ',');
    if by_comma.len() > 1 {
        by_comma
    } else {
        split_on(char::is_whitespace)
    }
}

fn tools_of(node: &YamlNode) -> Vec<String> {
    match &node.value {
        YamlValue::Scalar(s) => split_tools(s),
        YamlValue::Seq(items) => items
            .iter()
            .filter_map(YamlNode::as_str)
            .flat_map(split_tools)
            .collect(),
        YamlValue::Map(_) => Vec::new(),
    }
}

fn hooks_from(set: &PackSet, source: &str, value: &Value, out: &mut Vec<Hook>) {
    let Some(obj) = value.as_object() else { return };
    let events = match obj.get("hooks") {
        Some(Value::Object(inner)) => inner,
        _ => obj,
    };
    for (event, groups) in events {
        let groups: Vec<&Value> = match groups {
            Value::Array(a) => a.iter().collect(),
            other => vec![other],
        };
        for g in groups {
            let matcher = g
                .get("matcher")
                .and_then(Value::as_str)
                .map(shorten)
                .filter(|m| !m.is_empty());
            let handlers: Vec<&Value> = match g.get("hooks") {
                Some(Value::Array(a)) => a.iter().collect(),
                _ => vec![g],
            };
            for h in handlers {
                let kind = h
                    .get("type")
                    .and_then(Value::as_str)
                    .unwrap_or("command")
                    .to_string();
                let field = |k: &str| h.get(k).and_then(json_scalar);
                let detail = match kind.as_str() {
                    "http" => field("url"),
                    "mcp_tool" => match (field("server"), field("tool")) {
                        (Some(s), Some(t)) => Some(format!("{s}:{t}")),
                        (s, t) => s.or(t),
                    },
                    "prompt" | "agent" => field("prompt"),
                    _ => field("command").map(|c| match field("args") {
                        Some(a) if !a.is_empty() => format!("{c} {}", a.replace(", ", " ")),
                        _ => c,
                    }),
                }
                .unwrap_or_default();
                out.push(Hook {
                    source: source.to_string(),
                    event: shorten(event),
                    matcher: matcher.clone(),
                    kind: shorten(&kind),
                    detail: masked(set, source, &detail),
                });
            }
        }
    }
}

fn mcp_from(set: &PackSet, source: &str, value: &Value, out: &mut Vec<McpServer>) {
    let Some(obj) = value.as_object() else { return };
    let servers = match obj.get("mcpServers") {
        Some(Value::Object(inner)) => inner,
        _ => obj,
    };
    for (name, cfg) in servers {
        let Some(cfg) = cfg.as_object() else { continue };
        let url = cfg.get("url").and_then(Value::as_str);
        let transport = cfg
            .get("type")
            .or_else(|| cfg.get("transport"))
            .and_then(Value::as_str)
            .unwrap_or(if url.is_some() { "http" } else { "stdio" })
            .to_string();
        let target = match (url, cfg.get("command").and_then(Value::as_str)) {
            (Some(u), _) => u.to_string(),
            (None, Some(c)) => {
                let args = cfg
                    .get("args")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(json_scalar)
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .unwrap_or_default();
                if args.is_empty() {
                    c.to_string()
                } else {
                    format!("{c} {args}")
                }
            }
            (None, None) => String::new(),
        };
        let mut env: Vec<String> = ["env", "headers"]
            .iter()
            .filter_map(|k| cfg.get(*k).and_then(Value::as_object))
            .flat_map(|m| m.keys().map(|k| shorten(k)))
            .collect();
        env.sort();
        out.push(McpServer {
            source: source.to_string(),
            name: shorten(name),
            transport: shorten(&transport),
            target: masked(set, source, &target),
            env,
        });
    }
}

/// Paths a manifest field points to (`"./x.json"` or a list of them), relative to the unit.
fn manifest_paths(v: &Value) -> Vec<String> {
    let one = |s: &str| {
        let s = s.trim();
        let s = s.strip_prefix("./").unwrap_or(s);
        (!s.is_empty() && !s.contains("..")).then(|| s.to_string())
    };
    match v {
        Value::String(s) => one(s).into_iter().collect(),
        Value::Array(a) => a.iter().filter_map(Value::as_str).filter_map(one).collect(),
        _ => Vec::new(),
    }
}

/// The inventory of a unit.
pub fn inventory(ws: &Workspace, unit: &Unit, set: &PackSet) -> Inventory {
    let mut inv = Inventory::default();
    let mut domains: BTreeMap<String, usize> = BTreeMap::new();
    let mut urls: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    for &i in &unit.files {
        let f = &ws.files[i];
        let rel = unit.rel(ws, i);
        let text = f.source.as_ref().map(|s| s.text.as_str());
        let kind = match (f.unread, text) {
            (Some(Unread::TooLarge), _) => "too-large",
            (Some(Unread::Error), _) => "unreadable",
            (_, Some(_)) => "text",
            _ => "binary",
        };
        let sha256 = hash::file_sha256(&f.entry.abs).unwrap_or_default();
        let lang = language(&rel, text);
        inv.total_bytes += f.entry.size;
        if let Some(l) = lang
            .filter(|l| is_code(l))
            .or_else(|| (f.entry.executable && kind != "binary").then_some("Script"))
        {
            inv.scripts.push(Script {
                path: rel.clone(),
                language: l,
                lines: text.map_or(0, |t| t.lines().count()),
                executable: f.entry.executable,
            });
        }
        if let Some(t) = text {
            let mut secrets: Option<Vec<std::ops::Range<usize>>> = None;
            for m in url_regex().find_iter(t) {
                let secrets = secrets.get_or_insert_with(|| redact::secrets(set, &rel, t));
                let raw = m
                    .as_str()
                    .trim_end_matches(['.', ',', ';', ':', '!', '?', '*', '_', '\'']);
                let end = m.start() + raw.len();
                let (shown, _) = redact::mask_window(t, m.start()..end, secrets);
                if let Some(h) = host(raw) {
                    *domains.entry(h).or_default() += 1;
                }
                urls.insert(shorten(&redact::strip_userinfo(&shown)));
            }
        }
        inv.files.push(FileInfo {
            path: rel,
            size: f.entry.size,
            sha256,
            kind,
            language: lang,
            executable: f.entry.executable,
        });
    }
    inv.urls_omitted = urls.len().saturating_sub(MAX_URLS);
    inv.urls = urls.into_iter().take(MAX_URLS).collect();
    let mut domains: Vec<Domain> = domains
        .into_iter()
        .map(|(host, count)| Domain { host, count })
        .collect();
    domains.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.host.cmp(&b.host)));
    inv.domains = domains;

    // Skills, commands and agents: names, tools and frontmatter hooks.
    // Skills are sorted by root, then folder: the unit's skills are one run.
    let first = ws
        .skills
        .partition_point(|s| (s.root, &s.dir) < (unit.root, &unit.dir));
    for s in ws.skills[first..]
        .iter()
        .take_while(|s| s.root == unit.root && s.dir.starts_with(&unit.dir))
    {
        let rel = unit.rel(ws, s.file);
        if let Some(root) = s.yaml_root() {
            for field in ["allowed-tools", "tools"] {
                if let Some(node) = root.get(field) {
                    inv.tools.push(ToolRequest {
                        source: rel.clone(),
                        field: field.to_string(),
                        tools: tools_of(node),
                    });
                }
            }
            if let Some(h) = root.get("hooks") {
                hooks_from(set, &rel, &yaml_to_json(h), &mut inv.hooks);
            }
        }
        if unit.kind == UnitKind::Plugin {
            inv.components.push(Component {
                kind: "skill",
                name: skill_name(s).0,
                path: rel,
                description: s
                    .yaml_root()
                    .and_then(|r| r.get("description"))
                    .and_then(YamlNode::as_str)
                    .map(shorten),
            });
        }
    }
    if unit.kind == UnitKind::Plugin {
        // Commands and agents as the library model names them (the governance rules and
        // `skill-audit inventory` see the same names).
        let lib = ws.library();
        let file_of: HashMap<&Path, usize> = unit
            .files
            .iter()
            .map(|&i| (ws.files[i].entry.display.as_path(), i))
            .collect();
        for c in lib
            .components
            .iter()
            .filter(|c| c.plugin.is_some_and(|p| lib.plugins[p].root == unit.dir))
        {
            let Some(&i) = file_of.get(c.path.as_path()) else {
                continue;
            };
            let rel = unit.rel(ws, i);
            let parsed = ws.files[i]
                .source
                .as_ref()
                .map(|src| parse_skill_file(&src.text, YamlLimits::default()).0);
            let root = match &parsed {
                Some(FrontmatterState::Parsed(p)) => p.yaml.root.as_ref(),
                _ => None,
            };
            for field in ["allowed-tools", "tools"] {
                if let Some(node) = root.and_then(|r| r.get(field)) {
                    inv.tools.push(ToolRequest {
                        source: rel.clone(),
                        field: field.to_string(),
                        tools: tools_of(node),
                    });
                }
            }
            inv.components.push(Component {
                kind: c.kind.as_str(),
                name: shorten(&c.name),
                path: rel,
                description: root
                    .and_then(|r| r.get("description"))
                    .and_then(YamlNode::as_str)
                    .map(shorten),
            });
        }
        // Hooks and MCP servers: default files, then what the manifest points to or inlines.
        let manifest = read_json(ws, &unit.dir.join(".claude-plugin/plugin.json"));
        let mut hook_files = vec!["hooks/hooks.json".to_string()];
        let mut mcp_files = vec![".mcp.json".to_string()];
        if let Some(m) = manifest.as_ref() {
            if let Some(h) = m.get("hooks") {
                hook_files.extend(manifest_paths(h));
                if h.is_object() {
                    hooks_from(set, ".claude-plugin/plugin.json", h, &mut inv.hooks);
                }
            }
            if let Some(v) = m.get("mcpServers") {
                mcp_files.extend(manifest_paths(v));
                if v.is_object() {
                    mcp_from(set, ".claude-plugin/plugin.json", v, &mut inv.mcp_servers);
                }
            }
        }
        hook_files.dedup();
        mcp_files.dedup();
        for rel in hook_files {
            if let Some(v) = read_json(ws, &unit.dir.join(&rel)) {
                hooks_from(set, &rel, &v, &mut inv.hooks);
            }
        }
        for rel in mcp_files {
            if let Some(v) = read_json(ws, &unit.dir.join(&rel)) {
                mcp_from(set, &rel, &v, &mut inv.mcp_servers);
            }
        }
    } else if let Some(v) = read_json(ws, &unit.dir.join(".mcp.json")) {
        mcp_from(set, ".mcp.json", &v, &mut inv.mcp_servers);
    }
    inv.components
        .sort_by(|a, b| (a.kind, &a.path).cmp(&(b.kind, &b.path)));
    inv.tools.sort_by(|a, b| a.source.cmp(&b.source));
    inv
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tools_split_like_claude_code() {
        assert_eq!(
            split_tools("Read, Grep, Bash(git add:*)"),
            ["Read", "Grep", "Bash(git add:*)"]
        );
        assert_eq!(
            split_tools("Read Bash(git status) Write"),
            ["Read", "Bash(git status)", "Write"]
        );
        assert!(split_tools("  ").is_empty());
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host("https://U:P@Example.COM:8443/x").as_deref(),
            Some("example.com")
        );
        assert_eq!(host("http://[::1]:80/").as_deref(), Some("[::1]"));
        assert_eq!(host("https:///x"), None);
    }

    #[test]
    fn languages() {
        assert_eq!(language("scripts/run.py", None), Some("Python"));
        assert_eq!(
            language("bin/tool", Some("#!/usr/bin/env python3\n")),
            Some("Python")
        );
        assert_eq!(language("bin/tool", Some("#!/bin/bash\n")), Some("Shell"));
        assert_eq!(language("README", Some("hello")), None);
    }

    #[test]
    fn hooks_and_servers_are_read_and_masked() {
        let set = PackSet::builtin_credentials();
        let key = format!("ghp_{}", crate::vet::pseudo_random(36, 3));
        let hooks: Value = serde_json::from_str(&format!(
            r#"{{"hooks": {{"PreToolUse": [{{"matcher": "Bash", "hooks": [{{"type": "command", "command": "check.sh --token {key}"}}]}}], "Stop": [{{"hooks": [{{"type": "prompt", "prompt": "Summarize"}}]}}]}}}}"#
        ))
        .unwrap();
        let mut out = Vec::new();
        hooks_from(set, "hooks/hooks.json", &hooks, &mut out);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].event, "PreToolUse");
        assert_eq!(out[0].matcher.as_deref(), Some("Bash"));
        assert!(!out[0].detail.contains(&key), "{}", out[0].detail);
        assert_eq!(out[1].kind, "prompt");
        let mcp: Value = serde_json::from_str(
            r#"{"mcpServers": {"db": {"command": "npx", "args": ["-y", "pg-mcp"], "env": {"PGPASSWORD": "x"}}, "web": {"type": "sse", "url": "https://mcp.example.com/sse"}}}"#,
        )
        .unwrap();
        let mut servers = Vec::new();
        mcp_from(set, ".mcp.json", &mcp, &mut servers);
        assert_eq!(servers[0].target, "npx -y pg-mcp");
        assert_eq!(servers[0].env, ["PGPASSWORD"]);
        assert_eq!(servers[1].transport, "sse");
    }
}
