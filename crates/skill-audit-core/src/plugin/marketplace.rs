//! `.claude-plugin/marketplace.json`: name, owner, entries and their sources.

use std::path::{Path, PathBuf};

use super::manifest::check_plugin_name;
use super::util::a;
use super::{open_brace, parse_reporting, Sink};
use crate::diagnostic::{Edit, Fix, Severity};
use crate::json::{self, JsonKind, JsonValue};
use crate::rules::mk;
use crate::source::SourceFile;
use crate::text::TextRange;
use crate::workspace::{Workspace, WsFile};

/// Names Claude Code keeps for itself: `validate` rejects them.
const INTERNAL_NAMES: &[&str] = &[
    "inline",
    "builtin",
    "skills-dir",
    "synced",
    "claude-plugin-test",
];

/// Names of Anthropic's official marketplaces: only Anthropic's own GitHub sources may use them
/// (enforced when a marketplace is added, not by `validate`).
const OFFICIAL_NAMES: &[&str] = &[
    "claude-code-marketplace",
    "claude-code-plugins",
    "claude-plugins-official",
    "claude-plugins-community",
    "claude-community",
    "anthropic-marketplace",
    "anthropic-plugins",
    "agent-skills",
    "anthropic-agent-skills",
    "knowledge-work-plugins",
    "life-sciences",
    "claude-for-legal",
    "claude-for-financial-services",
    "financial-services-plugins",
    "first-party-plugins",
    "healthcare",
    "claude-tag-plugins",
    "anthropic-plugin-directory",
    "claude-plugin-directory",
];

/// Component keys that a plugin manifest declares (conflicting with `strict: false`).
const COMPONENT_KEYS: &[&str] = &[
    "skills",
    "commands",
    "agents",
    "hooks",
    "mcpServers",
    "lspServers",
    "outputStyles",
];

pub(crate) fn check(ws: &Workspace, f: &WsFile, src: &SourceFile) -> Vec<crate::Diagnostic> {
    let mut sink = Sink::new(src);
    let doc = parse_reporting(
        ws,
        &mut sink,
        mk::InvalidMarketplaceJson::META,
        mk::InvalidMarketplaceJson::META,
    );
    let Some(root) = doc.root else {
        return sink.out;
    };
    if root.as_object().is_none() {
        sink.report(
            mk::InvalidMarketplaceJson::META,
            root.range,
            format!("marketplace.json must hold an object, not {}", a(&root)),
        );
        return sink.out;
    }
    let market_root = super::plugin_root_of_manifest(&f.entry.abs).unwrap_or_default();
    check_name(&mut sink, &root);
    check_owner(&mut sink, &root);
    let plugin_root = root
        .get("metadata")
        .and_then(|m| m.get("pluginRoot"))
        .and_then(JsonValue::as_str)
        .map(|s| s.trim_start_matches("./").to_string());
    if root.get("description").is_none()
        && root
            .get("metadata")
            .and_then(|m| m.get("description"))
            .is_none()
    {
        sink.report(mk::EmptyMarketplace::META, open_brace(&root), "marketplace has no `description`")
            .set_help("add a `description` (or `metadata.description`): it is shown when users add the marketplace");
    }
    let Some(plugins) = root.get("plugins") else {
        sink.report(
            mk::MarketplaceMissingField::META,
            open_brace(&root),
            "marketplace.json has no `plugins` array",
        );
        return sink.out;
    };
    let Some(entries) = plugins.as_array() else {
        sink.report(
            mk::MarketplaceMissingField::META,
            plugins.range,
            format!("`plugins` must be an array, not {}", a(plugins)),
        );
        return sink.out;
    };
    if entries.is_empty() {
        sink.report(
            mk::EmptyMarketplace::META,
            plugins.range,
            "the marketplace lists no plugins",
        );
    }
    // Anthropic's own marketplaces may list plugins with reserved names.
    let official = root
        .get("name")
        .and_then(JsonValue::as_str)
        .is_some_and(|n| OFFICIAL_NAMES.contains(&n.to_ascii_lowercase().as_str()));
    let mut seen: Vec<(&str, TextRange)> = Vec::new();
    for e in entries {
        let Some(_) = e.as_object() else {
            sink.report(
                mk::PluginEntryInvalid::META,
                e.range,
                format!("a plugin entry must be an object, not {}", a(e)),
            );
            continue;
        };
        match e.get("name") {
            Some(n) => {
                match n.as_str() {
                    Some(name) => {
                        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == name) {
                            let path = sink.src.path.clone();
                            sink.report(mk::DuplicatePluginEntry::META, n.range, format!("plugin `{name}` is listed twice"))
                            .set_help("each entry needs a unique name; the second one is never installable")
                            .add_related(path, *first, "first listed here");
                        } else {
                            seen.push((name, n.range));
                        }
                        let before = sink.out.len();
                        check_plugin_name(&mut sink, name, n.range, "plugin");
                        // Entry names are reported under MK, with the same rules as plugin.json.
                        for d in &mut sink.out[before..] {
                            if d.code == crate::rules::pl::ReservedPluginName::META.code
                                || d.code == crate::rules::pl::PluginNameInvalid::META.code
                            {
                                d.code = mk::PluginEntryInvalid::META.code.to_string();
                                d.rule = mk::PluginEntryInvalid::META.name.to_string();
                            }
                        }
                        sink.out.retain(|d| {
                            d.code != crate::rules::pl::PluginNameNotKebabCase::META.code
                        });
                        if official {
                            let reserved = format!("plugin name `{name}` is reserved");
                            sink.out.retain(|d| {
                                !(d.range == n.range && d.message.starts_with(&reserved))
                            });
                        }
                    }
                    None => {
                        sink.report(
                            mk::PluginEntryInvalid::META,
                            n.range,
                            format!("entry `name` must be a string, not {}", a(n)),
                        );
                    }
                }
            }
            None => {
                sink.report(
                    mk::PluginEntryInvalid::META,
                    open_brace(e),
                    "plugin entry has no `name`",
                );
            }
        }
        check_entry_source(&mut sink, ws, &market_root, plugin_root.as_deref(), e);
    }
    sink.out
}

fn check_name(sink: &mut Sink<'_>, root: &JsonValue) {
    let Some(n) = root.get("name") else {
        sink.report(
            mk::MarketplaceMissingField::META,
            open_brace(root),
            "marketplace.json has no `name`",
        );
        return;
    };
    let Some(name) = n.as_str() else {
        sink.report(
            mk::MarketplaceMissingField::META,
            n.range,
            format!("`name` must be a string, not {}", a(n)),
        );
        return;
    };
    if name.is_empty()
        || name == "."
        || name.contains(char::is_whitespace)
        || name.contains('/')
        || name.contains('\\')
        || name.contains("..")
    {
        sink.report(
            mk::MarketplaceNameInvalid::META,
            n.range,
            format!(
                "marketplace name `{name}` must be non-empty, without spaces, `/`, `\\` or `..`"
            ),
        );
        return;
    }
    let lower = name.to_ascii_lowercase();
    if INTERNAL_NAMES.contains(&lower.as_str()) {
        sink.report(
            mk::ReservedMarketplaceName::META,
            n.range,
            format!("marketplace name `{name}` is reserved for Claude Code's internal use"),
        );
    } else if impersonates(name) {
        sink.report(mk::ReservedMarketplaceName::META, n.range, format!("marketplace name `{name}` impersonates an official Anthropic or Claude marketplace"))
            .set_help("name the marketplace after your organisation, e.g. `acme-skills`");
    } else if OFFICIAL_NAMES.contains(&lower.as_str()) {
        sink.report_as(
            mk::ReservedMarketplaceName::META,
            Severity::Warning,
            n.range,
            format!("marketplace name `{name}` is reserved for Anthropic's official marketplaces"),
        )
        .set_help("users cannot add it from any source but Anthropic's own GitHub repositories");
    } else if matches!(lower.as_str(), "org" | "org-provisioned" | "unknown") {
        sink.report_as(
            mk::ReservedMarketplaceName::META,
            Severity::Warning,
            n.range,
            format!("marketplace name `{name}` has a special meaning in Claude Desktop"),
        );
    }
    let desktop_ok = name.len() <= 128
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if !desktop_ok && name.is_ascii() {
        sink.report_as(
            mk::MarketplaceNameInvalid::META,
            Severity::Warning,
            n.range,
            format!("marketplace name `{name}` is not accepted by Claude Desktop"),
        )
        .set_help("use letters, digits, `.`, `_` and `-`, starting with a letter or digit");
    }
}

/// Non-ASCII names, `official` next to claude/anthropic, or claude/anthropic followed by
/// marketplace, plugins, official or directory.
fn impersonates(name: &str) -> bool {
    if !name.is_ascii() {
        return true;
    }
    let lower = name.to_ascii_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    tokens.windows(2).any(|w| {
        let brand = |t: &str| matches!(t, "claude" | "anthropic" | "anthropics");
        (brand(w[0]) && matches!(w[1], "marketplace" | "plugins" | "official" | "directory"))
            || (w[0] == "official" && brand(w[1]))
    }) && !OFFICIAL_NAMES.contains(&lower.as_str())
}

fn check_owner(sink: &mut Sink<'_>, root: &JsonValue) {
    match root.get("owner") {
        None => {
            sink.report(
                mk::MarketplaceMissingField::META,
                open_brace(root),
                "marketplace.json has no `owner`",
            )
            .set_help("add `\"owner\": { \"name\": \"Team\", \"email\": \"team@example.com\" }`");
        }
        Some(o) if o.as_object().is_none() => {
            sink.report(
                mk::MarketplaceMissingField::META,
                o.range,
                format!("`owner` must be an object with a `name`, not {}", a(o)),
            );
        }
        Some(o) => {
            if o.get("name")
                .and_then(JsonValue::as_str)
                .is_none_or(str::is_empty)
            {
                sink.report(
                    mk::MarketplaceMissingField::META,
                    open_brace(o),
                    "`owner` has no `name`",
                );
            }
        }
    }
}

fn check_entry_source(
    sink: &mut Sink<'_>,
    ws: &Workspace,
    market_root: &Path,
    plugin_root: Option<&str>,
    e: &JsonValue,
) {
    let Some(src) = e.get("source") else {
        sink.report(
            mk::PluginEntryInvalid::META,
            open_brace(e),
            "plugin entry has no `source`",
        );
        return;
    };
    let strict = e.get("strict").and_then(JsonValue::as_bool).unwrap_or(true);
    if e.get("headersHelper").is_some() && strict {
        let r = e.member("headersHelper").map_or(e.range, |m| m.key_range);
        sink.report(
            mk::StrictFalseConflict::META,
            r,
            "`headersHelper` needs `\"strict\": false` on the entry",
        );
    }
    match &src.kind {
        JsonKind::String(s) => {
            check_relative(sink, ws, market_root, plugin_root, e, s, src.range, strict);
        }
        JsonKind::Object(_) => check_object_source(sink, src),
        _ => {
            sink.report(
                mk::ObjectSourceInvalid::META,
                src.range,
                format!(
                    "`source` must be a relative path or a source object, not {}",
                    a(src)
                ),
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn check_relative(
    sink: &mut Sink<'_>,
    ws: &Workspace,
    market_root: &Path,
    plugin_root: Option<&str>,
    e: &JsonValue,
    s: &str,
    range: TextRange,
    strict: bool,
) {
    if s.split(['/', '\\']).any(|seg| seg == "..") {
        sink.report(mk::RelativeSourceInvalid::META, range, format!("source `{s}` contains `..`"))
            .set_help("a marketplace can only ship plugins inside its own repository; move the plugin under the marketplace root");
        return;
    }
    let rel: PathBuf = if let Some(rest) = s.strip_prefix("./") {
        PathBuf::from(rest)
    } else if s == "." {
        PathBuf::new()
    } else if s.starts_with('/') || s.contains("://") || s.contains(':') {
        sink.report(
            mk::RelativeSourceInvalid::META,
            range,
            format!("source `{s}` must be a relative path starting with `./` or a source object"),
        );
        return;
    } else if let Some(pr) = plugin_root {
        Path::new(pr).join(s)
    } else {
        let d = sink.report(
            mk::RelativeSourceInvalid::META,
            range,
            format!("source `{s}` must start with `./`"),
        );
        d.set_help("relative sources start with `./` (from the marketplace root), or set `metadata.pluginRoot` for bare names");
        if !s.contains('\\') {
            d.set_fix(Fix::safe(
                format!("prefix `{s}` with `./`"),
                vec![Edit {
                    range,
                    content: format!("\"./{s}\""),
                }],
            ));
        }
        return;
    };
    let dir = market_root.join(&rel);
    if !ws.is_dir(&dir) {
        sink.report(mk::SourceNotFound::META, range, format!("source `{s}` does not exist in the marketplace"))
            .set_help("the official validator does not check this, but installing the plugin fails; fix the path or add the plugin");
        return;
    }
    let manifest_path = dir.join(".claude-plugin/plugin.json");
    let has_manifest = ws.file_at(&manifest_path).is_some();
    let has_content = has_manifest
        || [
            "skills",
            "commands",
            "agents",
            "hooks",
            ".mcp.json",
            ".lsp.json",
            "SKILL.md",
        ]
        .iter()
        .any(|c| ws.path_exists(&dir.join(c)));
    if !has_content {
        sink.report(mk::SourceNotFound::META, range, format!("source `{s}` holds no plugin (no `.claude-plugin/plugin.json`, skills, commands, agents or hooks)"));
        return;
    }
    // Entry against manifest.
    let manifest = ws
        .file_at(&manifest_path)
        .and_then(|f| f.source.as_ref())
        .and_then(|src| json::parse_with_depth(&src.text, ws.json_max_depth()).root);
    let Some(manifest) = manifest else {
        return;
    };
    if let (Some(ev), Some(mv)) = (
        e.get("version"),
        manifest.get("version").and_then(JsonValue::as_str),
    ) {
        if let Some(evs) = ev.as_str() {
            if evs != mv {
                sink.report(
                    mk::EntryVersionMismatch::META,
                    ev.range,
                    format!(
                        "entry version `{evs}` differs from the plugin's manifest version `{mv}`"
                    ),
                )
                .set_help("plugin.json's version wins; keep the two equal or drop the entry's");
            }
        }
    }
    if let (Some(en), Some(mn)) = (
        e.get("name").and_then(JsonValue::as_str),
        manifest.get("name").and_then(JsonValue::as_str),
    ) {
        if en != mn {
            let r = e.get("name").map_or(range, |n| n.range);
            sink.report_as(mk::EntryVersionMismatch::META, Severity::Warning, r, format!("entry name `{en}` differs from the plugin's manifest name `{mn}`"))
                .set_help("users install the plugin by the entry's name but its components are namespaced by the manifest's; use one name");
        }
    }
    if !strict {
        if let Some(k) = manifest
            .as_object()
            .and_then(|m| m.iter().find(|m| COMPONENT_KEYS.contains(&m.key.as_str())))
        {
            let r = e.member("strict").map_or(range, |m| m.key_range);
            sink.report(mk::StrictFalseConflict::META, r, format!("`\"strict\": false` but the plugin's manifest also declares `{}`", k.key))
                .set_help("with strict false the entry is the whole manifest and a plugin.json declaring components fails to load; remove one of the two");
        }
    }
}

fn check_object_source(sink: &mut Sink<'_>, src: &JsonValue) {
    let meta = mk::ObjectSourceInvalid::META;
    let kind_v = src.get("source");
    let Some(kind) = kind_v.and_then(JsonValue::as_str) else {
        sink.report(
            meta,
            open_brace(src),
            "source object has no `source` kind (github, url, git-subdir, npm, archive or command)",
        );
        return;
    };
    let kr = kind_v.map_or(src.range, |k| k.range);
    let required: &[&str] = match kind {
        "github" => &["repo"],
        "url" | "archive" => &["url"],
        "git-subdir" => &["url", "path"],
        "npm" => &["package"],
        "command" => &["command"],
        other => {
            sink.report(meta, kr, format!("unknown source kind `{other}`"))
                .set_help("use github, url, git-subdir, npm, archive or command");
            return;
        }
    };
    for field in required {
        if src
            .get(field)
            .and_then(JsonValue::as_str)
            .is_none_or(str::is_empty)
        {
            sink.report(
                meta,
                open_brace(src),
                format!("`{kind}` source has no `{field}` string"),
            );
        }
    }
    if kind == "github" {
        if let Some(r) = src.get("repo") {
            if let Some(repo) = r.as_str() {
                let parts: Vec<&str> = repo.split('/').collect();
                if parts.len() != 2
                    || parts
                        .iter()
                        .any(|p| p.is_empty() || p.contains(char::is_whitespace))
                {
                    sink.report(
                        meta,
                        r.range,
                        format!("`repo` `{repo}` must be `owner/repo`"),
                    );
                }
            }
        }
    }
    if let Some(sha) = src.get("sha") {
        let ok = sha.as_str().is_some_and(|s| {
            s.len() == 40
                && s.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        });
        if !ok {
            sink.report(
                mk::InvalidSourceHash::META,
                sha.range,
                "`sha` must be a full commit hash: 40 lowercase hexadecimal characters",
            );
        }
    }
    if let Some(h) = src.get("sha256") {
        let ok = h
            .as_str()
            .is_some_and(|s| s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()));
        if !ok {
            sink.report(
                mk::InvalidSourceHash::META,
                h.range,
                "`sha256` must be 64 hexadecimal characters",
            );
        }
    }
    let insecure = |u: &str| u.starts_with("http://");
    match kind {
        "archive" => {
            if let Some(u) = src.get("url") {
                if let Some(url) = u.as_str() {
                    if !url.starts_with("https://") {
                        sink.report(
                            mk::InsecureSourceUrl::META,
                            u.range,
                            "archive URLs must use `https://`",
                        );
                    } else if is_internal_host(url) {
                        sink.report(
                            mk::InsecureSourceUrl::META,
                            u.range,
                            "archive URL points at a loopback or cloud-metadata host",
                        );
                    }
                }
            }
            if src.get("sha256").is_none() {
                sink.report_as(
                    mk::InvalidSourceHash::META,
                    Severity::Warning,
                    open_brace(src),
                    "archive source has no `sha256`: its content is not pinned",
                );
            }
        }
        "npm" => {
            if let Some(r) = src.get("registry") {
                if r.as_str().is_some_and(insecure) {
                    sink.report(
                        mk::InsecureSourceUrl::META,
                        r.range,
                        "npm registry over plain `http://`",
                    );
                }
            }
        }
        "url" | "git-subdir" => {
            if let Some(u) = src.get("url") {
                if u.as_str().is_some_and(insecure) {
                    sink.report_as(
                        mk::InsecureSourceUrl::META,
                        Severity::Warning,
                        u.range,
                        "git URL over plain `http://`",
                    );
                }
            }
        }
        "command" => {
            if let Some(c) = src.get("command") {
                if let Some(cmd) = c.as_str() {
                    if cmd.len() > 500 || !cmd.bytes().all(|b| (0x20..0x7f).contains(&b)) {
                        sink.report(
                            meta,
                            c.range,
                            "`command` must be at most 500 printable ASCII characters",
                        );
                    }
                }
            }
            if let Some(t) = src.get("timeout") {
                if !t.as_f64().is_some_and(|n| n > 0.0 && n <= 600.0) {
                    sink.report(
                        meta,
                        t.range,
                        "`timeout` must be a number of seconds from 1 to 600",
                    );
                }
            }
            if let Some(m) = src.get("mode") {
                if !matches!(m.as_str(), Some("copy" | "link")) {
                    sink.report(meta, m.range, "`mode` must be `copy` or `link`");
                }
            }
        }
        _ => {}
    }
    if matches!(kind, "npm" | "archive" | "command") {
        sink.report(mk::OrgSyncUnsupportedSource::META, kr, format!("`{kind}` sources are not accepted by claude.ai organisation sync"))
            .set_help("organisation marketplaces synced from GitHub accept relative, github, url and git-subdir sources only");
    }
}

fn is_internal_host(url: &str) -> bool {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or("")
        .split(['/', ':', '@'])
        .next()
        .unwrap_or("");
    matches!(
        host,
        "localhost"
            | "127.0.0.1"
            | "0.0.0.0"
            | "169.254.169.254"
            | "metadata.google.internal"
            | "[::1]"
    ) || host.starts_with("127.")
        || host.starts_with("169.254.")
}
