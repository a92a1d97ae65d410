//! Plugin components: hooks, MCP and LSP servers, monitors, agents and commands.

use std::path::{Path, PathBuf};

use super::util::a;
use super::{open_brace, parse_reporting, JsonRole, Sink};
use crate::diagnostic::Severity;
use crate::frontmatter::{self, Split};
use crate::json::JsonValue;
use crate::rules::pl;
use crate::source::SourceFile;
use crate::text::TextRange;
use crate::workspace::{Workspace, WsFile};
use crate::yaml::YamlLimits;

/// Hook events of Claude Code 2.1.330 (case-sensitive).
pub(crate) const HOOK_EVENTS: &[&str] = &[
    "PreToolUse",
    "PostToolUse",
    "PostToolUseFailure",
    "PostToolBatch",
    "Notification",
    "UserPromptSubmit",
    "UserPromptExpansion",
    "SessionStart",
    "SessionEnd",
    "Stop",
    "StopFailure",
    "SubagentStart",
    "SubagentStop",
    "PreCompact",
    "PostCompact",
    "PreModelSwitch",
    "PostModelSwitch",
    "PermissionRequest",
    "PermissionDenied",
    "Setup",
    "TeammateIdle",
    "TaskCreated",
    "TaskCompleted",
    "Elicitation",
    "ElicitationResult",
    "ConfigChange",
    "WorktreeCreate",
    "WorktreeRemove",
    "InstructionsLoaded",
    "CwdChanged",
    "FileChanged",
    "DirectoryAdded",
    "MessageDisplay",
];

/// The plugin root a component file belongs to: the closest folder above it holding
/// `.claude-plugin/plugin.json`, else the folder above the component's own folder.
fn plugin_root_for(ws: &Workspace, abs: &Path) -> PathBuf {
    for dir in abs.ancestors().skip(1).take(8) {
        if ws
            .file_at(&dir.join(".claude-plugin/plugin.json"))
            .is_some()
        {
            return dir.to_path_buf();
        }
    }
    abs.parent()
        .and_then(Path::parent)
        .map_or_else(PathBuf::new, Path::to_path_buf)
}

pub(crate) fn check_json(
    ws: &Workspace,
    src: &SourceFile,
    role: JsonRole,
) -> Vec<crate::Diagnostic> {
    let mut sink = Sink::new(src);
    let doc = parse_reporting(
        ws,
        &mut sink,
        pl::InvalidJson::META,
        pl::DuplicateJsonKey::META,
    );
    let Some(root) = doc.root else {
        return sink.out;
    };
    match role {
        JsonRole::Hooks => {
            let plugin_root = plugin_root_for(ws, &src.abs_path);
            check_hooks_value(&mut sink, ws, &plugin_root, &root, false);
        }
        JsonRole::Mcp => match root.get("mcpServers") {
            Some(servers) => check_mcp_servers(&mut sink, servers),
            None if root.as_object().is_some() => check_mcp_servers(&mut sink, &root),
            None => {
                sink.report(
                    pl::InvalidManifestType::META,
                    root.range,
                    format!(".mcp.json must hold an object, not {}", a(&root)),
                );
            }
        },
        JsonRole::Lsp => check_lsp_servers(&mut sink, &root),
        JsonRole::Monitors => check_monitors(&mut sink, &root),
        JsonRole::PluginManifest | JsonRole::Marketplace => {}
    }
    sink.out
}

/// A hooks configuration: `{"hooks": {Event: [{matcher, hooks: [handler]}]}}`. Inline hooks in
/// plugin.json may also be the event map itself.
pub(crate) fn check_hooks_value(
    sink: &mut Sink<'_>,
    ws: &Workspace,
    plugin_root: &Path,
    v: &JsonValue,
    inline: bool,
) {
    let structure = pl::InvalidHooksStructure::META;
    let Some(members) = v.as_object() else {
        sink.report(structure, v.range, format!("a hooks configuration must be an object, not {}", a(v)))
            .set_help("write `{ \"hooks\": { \"PreToolUse\": [ { \"matcher\": \"Bash\", \"hooks\": [ ... ] } ] } }`");
        return;
    };
    let events = match v.get("hooks") {
        Some(h) => {
            for m in members
                .iter()
                .filter(|m| m.key != "hooks" && m.key != "description")
            {
                if HOOK_EVENTS.contains(&m.key.as_str()) {
                    sink.report(
                        structure,
                        m.key_range,
                        format!("hook event `{}` is declared at the top level, outside the `hooks` object, and is never loaded", m.key),
                    )
                    .set_help("move it inside `\"hooks\": { ... }`");
                }
            }
            h
        }
        None if inline => v,
        None => {
            let d = sink.report(structure, open_brace(v), "hooks.json has no `hooks` object");
            if members
                .iter()
                .any(|m| HOOK_EVENTS.contains(&m.key.as_str()))
            {
                d.set_help("the events are at the top level: wrap them in `\"hooks\": { ... }`, or Claude Code never loads them");
            }
            return;
        }
    };
    let Some(event_map) = events.as_object() else {
        sink.report(
            structure,
            events.range,
            format!("`hooks` must be an object of events, not {}", a(events)),
        );
        return;
    };
    for ev in event_map {
        if !HOOK_EVENTS.contains(&ev.key.as_str()) {
            let wrong_case = HOOK_EVENTS.iter().find(|e| e.eq_ignore_ascii_case(&ev.key));
            let (sev, help) = match wrong_case {
                Some(e) => (
                    Severity::Error,
                    format!("event names are case-sensitive: write `{e}`"),
                ),
                None => (
                    Severity::Warning,
                    format!("known events: {}", HOOK_EVENTS.join(", ")),
                ),
            };
            sink.report_as(
                pl::UnknownHookEvent::META,
                sev,
                ev.key_range,
                format!("unknown hook event `{}`", ev.key),
            )
            .set_help(help);
        }
        let Some(groups) = ev.value.as_array() else {
            sink.report(
                structure,
                ev.value.range,
                format!(
                    "event `{}` must hold an array of matcher groups, not {}",
                    ev.key,
                    a(&ev.value)
                ),
            );
            continue;
        };
        for g in groups {
            if g.as_object().is_none() {
                sink.report(
                    structure,
                    g.range,
                    format!("a matcher group must be an object, not {}", a(g)),
                );
                continue;
            }
            let matcher = g.get("matcher").and_then(JsonValue::as_str).unwrap_or("");
            let Some(handlers) = g.get("hooks") else {
                sink.report(
                    structure,
                    open_brace(g),
                    "matcher group has no `hooks` array",
                );
                continue;
            };
            let Some(handlers) = handlers.as_array() else {
                sink.report(
                    structure,
                    handlers.range,
                    format!("`hooks` must be an array of handlers, not {}", a(handlers)),
                );
                continue;
            };
            for h in handlers {
                check_handler(sink, ws, plugin_root, &ev.key, matcher, h);
            }
        }
    }
}

fn check_handler(
    sink: &mut Sink<'_>,
    ws: &Workspace,
    plugin_root: &Path,
    event: &str,
    matcher: &str,
    h: &JsonValue,
) {
    let meta = pl::InvalidHookHandler::META;
    if h.as_object().is_none() {
        sink.report(
            meta,
            h.range,
            format!("a hook handler must be an object, not {}", a(h)),
        );
        return;
    }
    let ty = h.get("type").and_then(JsonValue::as_str);
    let required: &[&str] = match ty {
        Some("command") => &["command"],
        Some("http") => &["url"],
        Some("mcp_tool") => &["server", "tool"],
        Some("prompt" | "agent") => &["prompt"],
        Some(other) => {
            let r = h.get("type").map_or(h.range, |t| t.range);
            sink.report(meta, r, format!("unknown hook handler type `{other}`"))
                .set_help("use command, http, mcp_tool, prompt or agent");
            return;
        }
        None => {
            sink.report(meta, open_brace(h), "hook handler has no `type`")
                .set_help("add `\"type\": \"command\"` (or http, mcp_tool, prompt, agent)");
            return;
        }
    };
    for field in required {
        match h.get(field) {
            Some(v) if v.as_str().is_some_and(|s| !s.trim().is_empty()) => {}
            Some(v) => {
                sink.report(
                    meta,
                    v.range,
                    format!(
                        "`{field}` of a {} hook must be a non-empty string",
                        ty.unwrap_or("")
                    ),
                );
            }
            None => {
                sink.report(
                    meta,
                    open_brace(h),
                    format!("{} hook has no `{field}`", ty.unwrap_or("")),
                );
            }
        }
    }
    if let Some(t) = h.get("timeout") {
        if !t.as_f64().is_some_and(|n| n > 0.0) {
            sink.report(
                pl::InvalidHookTimeout::META,
                t.range,
                "`timeout` must be a number of seconds greater than 0",
            );
        }
    }
    let Some(cmd_v) = h.get("command") else {
        return;
    };
    let Some(cmd) = cmd_v.as_str() else {
        return;
    };
    let shell_form = h.get("args").is_none();
    if shell_form && cmd.contains("${user_config.") {
        sink.report(
            pl::UserConfigInShellHook::META,
            cmd_v.range,
            "`${user_config.*}` in a shell-form hook command is rejected by Claude Code",
        )
        .set_help("pass the value through `args` (exec form) or an environment variable instead of the shell string");
    }
    if shell_form {
        for (i, _) in cmd.match_indices("${CLAUDE_PLUGIN_ROOT}") {
            let before = cmd[..i].chars().last();
            if before != Some('"') && before != Some('\'') && !inside_quotes(cmd, i) {
                sink.report(
                    pl::UnquotedPluginRoot::META,
                    cmd_v.range,
                    "`${CLAUDE_PLUGIN_ROOT}` is not quoted in a shell command",
                )
                .set_help("quote it (`\"${CLAUDE_PLUGIN_ROOT}/scripts/x.sh\"`): the install path can contain spaces");
                break;
            }
        }
    }
    // A script under the plugin root that the command runs.
    for word in cmd.split_whitespace() {
        let w = word.trim_matches(|c| c == '"' || c == '\'');
        let Some(rest) = w.strip_prefix("${CLAUDE_PLUGIN_ROOT}/") else {
            continue;
        };
        if rest.contains('$') || rest.contains('*') || rest.contains("..") {
            continue;
        }
        let target = plugin_root.join(rest);
        if !ws.path_exists(&target) {
            sink.report(
                pl::HookScriptMissing::META,
                cmd_v.range,
                format!("the {event} hook runs `{rest}`, which is not in the plugin"),
            )
            .set_help("add the script or fix the path; the hook fails every time it fires");
        } else if ws.file_at(&target).is_some_and(|f| !f.entry.executable)
            && !cmd
                .trim_start()
                .starts_with(|c: char| c.is_ascii_alphabetic())
            && looks_like_script(rest)
        {
            sink.report(
                pl::HookScriptMissing::META,
                cmd_v.range,
                format!("the {event} hook runs `{rest}` directly, but it is not executable"),
            )
            .set_help(format!("`chmod +x {rest}`, or run it through its interpreter (`bash \"${{CLAUDE_PLUGIN_ROOT}}/{rest}\"`)"));
        }
        break;
    }
    let _ = matcher;
}

fn looks_like_script(p: &str) -> bool {
    let l = p.to_ascii_lowercase();
    [
        ".sh", ".bash", ".zsh", ".py", ".rb", ".pl", ".js", ".mjs", ".ts",
    ]
    .iter()
    .any(|e| l.ends_with(e))
        || !l.contains('.')
}

/// Whether byte `i` of a shell command lies inside a quoted string.
fn inside_quotes(cmd: &str, i: usize) -> bool {
    let mut quote: Option<char> = None;
    for (j, c) in cmd.char_indices() {
        if j >= i {
            break;
        }
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    quote.is_some()
}

/// `{name: config}` of MCP servers.
pub(crate) fn check_mcp_servers(sink: &mut Sink<'_>, servers: &JsonValue) {
    let meta = pl::McpServerInvalid::META;
    let Some(list) = servers.as_object() else {
        sink.report(
            meta,
            servers.range,
            format!(
                "MCP servers must be an object of named servers, not {}",
                a(servers)
            ),
        );
        return;
    };
    for s in list {
        let Some(_) = s.value.as_object() else {
            sink.report(
                meta,
                s.value.range,
                format!(
                    "MCP server `{}` must be an object, not {}",
                    s.key,
                    a(&s.value)
                ),
            );
            continue;
        };
        let ty = s.value.get("type").and_then(JsonValue::as_str);
        let remote = matches!(ty, Some("http" | "streamable-http" | "sse" | "ws"))
            || (ty.is_none() && s.value.get("url").is_some());
        if remote {
            match s.value.get("url") {
                Some(u) => match u.as_str() {
                    Some(url) => {
                        if url.starts_with("http://") && !is_local(url) {
                            sink.report(pl::McpInsecureHttp::META, u.range, format!("MCP server `{}` is reached over plain `http://`", s.key))
                                .set_help("use `https://`: requests and tokens to this server travel unencrypted");
                        } else if url.starts_with("ws://") && !is_local(url) {
                            sink.report(
                                pl::McpInsecureHttp::META,
                                u.range,
                                format!("MCP server `{}` is reached over plain `ws://`", s.key),
                            )
                            .set_help("use `wss://`");
                        }
                    }
                    None => {
                        sink.report(meta, u.range, "`url` must be a string");
                    }
                },
                None => {
                    sink.report(
                        meta,
                        s.key_range,
                        format!("remote MCP server `{}` has no `url`", s.key),
                    );
                }
            }
        } else if let Some(t) = ty.filter(|t| *t != "stdio") {
            let r = s.value.get("type").map_or(s.key_range, |v| v.range);
            sink.report(
                meta,
                r,
                format!("MCP server `{}` has unknown type `{t}`", s.key),
            )
            .set_help("use stdio, http, streamable-http, sse or ws");
        } else {
            match s.value.get("command") {
                Some(c) if c.as_str().is_some_and(|s| !s.trim().is_empty()) => {}
                Some(c) => {
                    sink.report(meta, c.range, "`command` must be a non-empty string");
                }
                None => {
                    sink.report(
                        meta,
                        s.key_range,
                        format!("stdio MCP server `{}` has no `command`", s.key),
                    )
                    .set_help(
                        "add `\"command\"` (and `\"args\"`), or a `\"url\"` for a remote server",
                    );
                }
            }
            if let Some(args) = s.value.get("args") {
                if args.as_array().is_none() {
                    sink.report(
                        meta,
                        args.range,
                        format!("`args` must be an array of strings, not {}", a(args)),
                    );
                }
            }
        }
        for key in ["env", "headers"] {
            if let Some(v) = s.value.get(key) {
                if v.as_object().is_none() {
                    sink.report(
                        meta,
                        v.range,
                        format!("`{key}` must be an object of strings, not {}", a(v)),
                    );
                }
            }
        }
    }
}

fn is_local(url: &str) -> bool {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or("")
        .split(['/', ':'])
        .next()
        .unwrap_or("");
    matches!(host, "localhost" | "127.0.0.1" | "[::1]" | "0.0.0.0") || host.ends_with(".localhost")
}

/// `.lsp.json`: `{language: {command, extensionToLanguage, ...}}`.
pub(crate) fn check_lsp_servers(sink: &mut Sink<'_>, v: &JsonValue) {
    let meta = pl::LspServerInvalid::META;
    let Some(servers) = v.as_object() else {
        sink.report(
            meta,
            v.range,
            format!("LSP servers must be an object, not {}", a(v)),
        );
        return;
    };
    for s in servers {
        if s.value.as_object().is_none() {
            sink.report(
                meta,
                s.value.range,
                format!("LSP server `{}` must be an object", s.key),
            );
            continue;
        }
        match s.value.get("command").and_then(JsonValue::as_str) {
            Some(c) if !c.is_empty() => {
                if c.contains(' ') && !c.starts_with('/') {
                    let r = s.value.get("command").map_or(s.key_range, |x| x.range);
                    sink.report(
                        meta,
                        r,
                        format!("LSP `command` `{c}` contains a space; put arguments in `args`"),
                    );
                }
            }
            _ => {
                sink.report(
                    meta,
                    s.key_range,
                    format!("LSP server `{}` has no `command`", s.key),
                );
            }
        }
        match s.value.get("extensionToLanguage") {
            Some(m) => match m.as_object() {
                Some(exts) if !exts.is_empty() => {
                    for e in exts.iter().filter(|e| !e.key.starts_with('.')) {
                        sink.report(
                            meta,
                            e.key_range,
                            format!("extension `{}` must start with `.`", e.key),
                        );
                    }
                }
                _ => {
                    sink.report(
                        meta,
                        m.range,
                        "`extensionToLanguage` must be a non-empty object",
                    );
                }
            },
            None => {
                sink.report(
                    meta,
                    s.key_range,
                    format!("LSP server `{}` has no `extensionToLanguage`", s.key),
                );
            }
        }
    }
}

fn check_monitors(sink: &mut Sink<'_>, v: &JsonValue) {
    let meta = pl::InvalidManifestType::META;
    let list = v.get("monitors").unwrap_or(v);
    let Some(items) = list.as_array() else {
        sink.report(
            meta,
            list.range,
            format!("monitors must be an array, not {}", a(list)),
        );
        return;
    };
    let mut seen: Vec<&str> = Vec::new();
    for m in items {
        let name = m.get("name").and_then(JsonValue::as_str);
        if name.is_none() || m.get("command").and_then(JsonValue::as_str).is_none() {
            sink.report(meta, m.range, "a monitor needs a `name` and a `command`");
        }
        if let Some(n) = name {
            if seen.contains(&n) {
                sink.report(meta, m.range, format!("monitor name `{n}` is used twice"));
            }
            seen.push(n);
        }
        if let Some(c) = m.get("command").and_then(JsonValue::as_str) {
            if c.contains("${user_config.") {
                let r = m.get("command").map_or(m.range, |x| x.range);
                sink.report(
                    pl::UserConfigInShellHook::META,
                    r,
                    "`${user_config.*}` in a monitor command is rejected by Claude Code",
                );
            }
        }
    }
}

/// Agents (`agents/*.md`) and commands (`commands/*.md`) of a plugin.
pub(crate) fn check_markdown(
    ws: &Workspace,
    f: &WsFile,
    src: &SourceFile,
) -> Vec<crate::Diagnostic> {
    let rel = &f.entry.rel;
    if !rel
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
    {
        return Vec::new();
    }
    let Some(parent) = rel
        .parent()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
    else {
        return Vec::new();
    };
    let is_agent = parent == "agents";
    if !is_agent && parent != "commands" {
        return Vec::new();
    }
    // Only components of a plugin (a manifest two levels up, or a folder a manifest names).
    let Some(root) = f.entry.abs.parent().and_then(Path::parent) else {
        return Vec::new();
    };
    // One lookup, not a scan of every manifest (that was quadratic in plugins x files).
    let in_plugin = ws
        .file_at(&root.join(".claude-plugin").join("plugin.json"))
        .is_some_and(|m| super::json_role(&m.entry.rel) == Some(super::JsonRole::PluginManifest));
    if !in_plugin {
        return Vec::new();
    }
    let mut sink = Sink::new(src);
    let text = &src.text;
    let fm_meta = if is_agent {
        pl::AgentFrontmatterInvalid::META
    } else {
        pl::CommandFrontmatterInvalid::META
    };
    let what = if is_agent { "agent" } else { "command" };
    let fences = match frontmatter::split(text) {
        Split::Closed(f) => f,
        Split::Missing => {
            sink.report_as(
                fm_meta,
                Severity::Warning,
                TextRange::empty(0),
                format!("{what} file has no YAML frontmatter"),
            )
            .set_help("start the file with `---`, `description: ...`, `---`");
            return sink.out;
        }
        Split::Unclosed { open } => {
            sink.report(
                fm_meta,
                open,
                format!("{what} frontmatter is not closed with `---`"),
            );
            return sink.out;
        }
    };
    // Claude Code's YAML reader accepts an unquoted `: ` inside a one-line value; so does the
    // lenient parse, which repairs such values and keeps the strict error for a warning.
    let fm = frontmatter::parse_lenient(text, fences, YamlLimits::default());
    if fm.yaml.error.is_none() {
        if let (Some(first), Some(strict)) = (fm.repaired.first(), &fm.strict_error) {
            sink.report_as(fm_meta, Severity::Warning, *first, format!("{what} frontmatter is not strict YAML: {}", strict.message))
                .set_help("Claude Code reads it, but other YAML parsers do not: quote values that contain `: `");
        }
    }
    if let Some(e) = &fm.yaml.error {
        sink.report(fm_meta, e.range, format!("{what} frontmatter is not valid YAML: {}", e.message))
            .set_help(if is_agent {
                "Claude Code then loads the agent with its name from the file name and drops every other field; quote values that contain `: `"
            } else {
                "quote values that contain `: `"
            });
        return sink.out;
    }
    let Some(root) = fm.yaml.root.as_ref() else {
        sink.report(fm_meta, fences.yaml, format!("{what} frontmatter is empty"));
        return sink.out;
    };
    if root.as_map().is_none() {
        sink.report(
            fm_meta,
            root.range,
            format!("{what} frontmatter must be a mapping of keys"),
        );
        return sink.out;
    }
    if let Some(n) = root.get("name") {
        if !n.is_string() {
            sink.report(
                fm_meta,
                n.range,
                format!("`name` must be a string, not {}", n.type_name()),
            );
        }
    }
    if is_agent {
        check_agent(&mut sink, root, fences.open);
    } else if root.get("description").is_none() {
        sink.report_as(
            fm_meta,
            Severity::Warning,
            fences.open,
            "command has no `description`",
        )
        .set_help("add a one-line `description`: `/help` and the model use it to pick the command");
    }
    sink.out
}

fn check_agent(sink: &mut Sink<'_>, root: &crate::yaml::YamlNode, open: TextRange) {
    for field in ["name", "description"] {
        if root.get(field).is_none() {
            sink.report(pl::AgentMissingField::META, open, format!("agent has no `{field}`"))
                .set_help(if field == "name" {
                    "add `name:` in lowercase letters and hyphens; Claude Code otherwise takes it from the file name"
                } else {
                    "add a `description` saying when Claude should delegate to this agent"
                });
        }
    }
    if let Some(n) = root.get("name") {
        if let Some(name) = n.as_str() {
            if name.contains(':') || name.starts_with('-') || name.is_empty() {
                sink.report(
                    pl::AgentInvalidName::META,
                    n.range,
                    format!("agent name `{name}` must not be empty, contain `:` or start with `-`"),
                );
            } else if !name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                sink.report_as(
                    pl::AgentInvalidName::META,
                    Severity::Warning,
                    n.range,
                    format!("agent name `{name}` is not lowercase letters, digits and hyphens"),
                );
            }
        }
    }
    for key in ["hooks", "mcpServers", "permissionMode"] {
        if let Some(e) = root.entry(key) {
            sink.report(pl::AgentIgnoredField::META, e.key.range, format!("plugin agents ignore `{key}`"))
                .set_help("move it to the plugin's hooks, `.mcp.json` or settings; in an agent file it has no effect");
        }
    }
    if let Some(i) = root.get("isolation") {
        if i.as_str() != Some("worktree") {
            sink.report(
                pl::AgentInvalidIsolation::META,
                i.range,
                "`isolation` must be `worktree`",
            );
        }
    }
}
