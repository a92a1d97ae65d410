//! `.claude-plugin/plugin.json`: fields, names, paths and components.

use std::path::Path;

use super::util::{a, bad_name_char, is_kebab, is_semver, reserved_plugin_name, suggest};
use super::{components, open_brace, parse_reporting, Sink};
use crate::diagnostic::{Edit, Fix, Severity};
use crate::json::{JsonKind, JsonValue};
use crate::rules::pl;
use crate::source::SourceFile;
use crate::text::TextRange;
use crate::workspace::{Workspace, WsFile};

/// Top-level keys of plugin.json (Claude Code 2.1.330's schema).
pub(crate) const KNOWN_KEYS: &[&str] = &[
    "$schema",
    "name",
    "displayName",
    "version",
    "description",
    "author",
    "homepage",
    "repository",
    "license",
    "keywords",
    "defaultEnabled",
    "metadata",
    "engines",
    "dependencies",
    "skills",
    "commands",
    "agents",
    "outputStyles",
    "workflows",
    "experimental",
    "hooks",
    "mcpServers",
    "lspServers",
    "userConfig",
    "channels",
    "category",
    "tags",
    "strict",
    "source",
    "settings",
    "icon",
];

/// Path fields: (key, what each entry must be).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Folders of skills.
    SkillDirs,
    /// `.md` files or folders.
    MarkdownOrDir,
    /// `.md` files.
    Markdown,
    /// `.json` files (or inline objects).
    Json,
    /// `.json`, `.mcpb` or `.dxt` (or inline objects).
    McpJson,
    /// Anything that exists.
    Any,
}

const PATH_FIELDS: &[(&str, Kind)] = &[
    ("skills", Kind::SkillDirs),
    ("commands", Kind::MarkdownOrDir),
    ("agents", Kind::Markdown),
    ("outputStyles", Kind::MarkdownOrDir),
    ("workflows", Kind::Any),
    ("hooks", Kind::Json),
    ("mcpServers", Kind::McpJson),
    ("lspServers", Kind::Json),
];

pub(crate) fn check(ws: &Workspace, f: &WsFile, src: &SourceFile) -> Vec<crate::Diagnostic> {
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
    let Some(members) = root.as_object() else {
        sink.report(
            pl::InvalidManifestType::META,
            root.range,
            format!("plugin.json must hold an object, not {}", a(&root)),
        );
        return sink.out;
    };
    let plugin_root = super::plugin_root_of_manifest(&f.entry.abs).unwrap_or_default();

    // Unknown keys.
    for m in members {
        if !KNOWN_KEYS.contains(&m.key.as_str()) {
            let d = sink.report(
                pl::UnknownManifestKey::META,
                m.key_range,
                format!("unknown plugin.json key `{}`", m.key),
            );
            match suggest(&m.key, KNOWN_KEYS) {
                Some(s) => d.set_help(format!("did you mean `{s}`?")),
                None => d.set_help("Claude Code ignores it; remove it or move it under `metadata`"),
            };
        }
    }

    check_name(&mut sink, &root);
    check_fields(&mut sink, &root);

    for (key, kind) in PATH_FIELDS {
        if let Some(v) = root.get(key) {
            check_path_field(&mut sink, ws, &plugin_root, key, *kind, v);
        }
    }
    if let Some(exp) = root.get("experimental").and_then(JsonValue::as_object) {
        for m in exp {
            if matches!(m.key.as_str(), "themes" | "monitors") {
                check_path_field(&mut sink, ws, &plugin_root, &m.key, Kind::Any, &m.value);
            }
        }
    }
    // Inline hooks, MCP and LSP servers.
    if let Some(h) = root.get("hooks") {
        for v in inline_objects(h) {
            components::check_hooks_value(&mut sink, ws, &plugin_root, v, true);
        }
    }
    if let Some(m) = root.get("mcpServers") {
        for v in inline_objects(m) {
            components::check_mcp_servers(&mut sink, v);
        }
    }
    if let Some(l) = root.get("lspServers") {
        for v in inline_objects(l) {
            components::check_lsp_servers(&mut sink, v);
        }
    }
    check_user_config(&mut sink, &root);
    check_components_in_manifest_dir(&mut sink, ws, &plugin_root);
    sink.out
}

fn inline_objects(v: &JsonValue) -> Vec<&JsonValue> {
    match &v.kind {
        JsonKind::Object(_) => vec![v],
        JsonKind::Array(items) => items.iter().filter(|i| i.as_object().is_some()).collect(),
        _ => Vec::new(),
    }
}

fn check_name(sink: &mut Sink<'_>, root: &JsonValue) {
    let Some(m) = root.member("name") else {
        sink.report(pl::PluginNameInvalid::META, open_brace(root), "plugin.json has no `name`")
            .set_help("add `\"name\": \"my-plugin\"` (kebab-case); it namespaces every component as `my-plugin:component`");
        return;
    };
    let Some(name) = m.value.as_str() else {
        sink.report(
            pl::PluginNameInvalid::META,
            m.value.range,
            format!("`name` must be a string, not {}", a(&m.value)),
        );
        return;
    };
    check_plugin_name(sink, name, m.value.range, "plugin");
}

/// Name rules shared by plugin.json and marketplace entries.
pub(crate) fn check_plugin_name(sink: &mut Sink<'_>, name: &str, range: TextRange, what: &str) {
    if name.is_empty() {
        sink.report(
            pl::PluginNameInvalid::META,
            range,
            format!("{what} name is empty"),
        );
        return;
    }
    if let Some(c) = bad_name_char(name) {
        sink.report(
            pl::PluginNameInvalid::META,
            range,
            format!("{what} name `{name}` contains {}", describe_char(c)),
        )
        .set_help(format!("use kebab-case, e.g. `{}`", kebab(name)));
        return;
    }
    if name.contains('/') || name.contains('\\') || name.contains("..") {
        sink.report(
            pl::PluginNameInvalid::META,
            range,
            format!("{what} name `{name}` contains `/`, `\\` or `..`"),
        );
        return;
    }
    if let Some((error, why)) = reserved_plugin_name(name) {
        let sev = if error {
            Severity::Error
        } else {
            Severity::Warning
        };
        sink.report_as(
            pl::ReservedPluginName::META,
            sev,
            range,
            format!("{what} name `{name}` is reserved: {why}"),
        )
        .set_help("choose a name that does not pass as one of Anthropic's own, e.g. your department's prefix");
    }
    if !is_kebab(name) {
        sink.report(
            pl::PluginNameNotKebabCase::META,
            range,
            format!("{what} name `{name}` is not kebab-case"),
        )
        .set_help(format!(
            "claude.ai organisation sync requires lowercase letters, digits and hyphens, e.g. `{}`",
            kebab(name)
        ));
    } else if name.chars().count() > 64 {
        sink.report(
            pl::PluginNameNotKebabCase::META,
            range,
            format!(
                "{what} name is {} characters long; organisation sync allows 64",
                name.chars().count()
            ),
        );
    }
}

fn describe_char(c: char) -> String {
    if c == ' ' {
        "a space".to_string()
    } else {
        format!("the invisible or control character U+{:04X}", c as u32)
    }
}

fn kebab(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && !out.is_empty() && !out.ends_with('-') {
                let prev_lower = out.chars().last().is_some_and(|p| p.is_ascii_lowercase());
                if prev_lower {
                    out.push('-');
                }
            }
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn check_fields(sink: &mut Sink<'_>, root: &JsonValue) {
    let ty = pl::InvalidManifestType::META;
    for key in [
        "version",
        "description",
        "displayName",
        "license",
        "homepage",
        "repository",
        "$schema",
    ] {
        if let Some(v) = root.get(key) {
            if v.as_str().is_none() {
                sink.report(
                    ty,
                    v.range,
                    format!("`{key}` must be a string, not {}", a(v)),
                );
            }
        }
    }
    if let Some(v) = root.get("defaultEnabled") {
        if v.as_bool().is_none() {
            sink.report(
                ty,
                v.range,
                format!("`defaultEnabled` must be a boolean, not {}", a(v)),
            );
        }
    }
    if let Some(v) = root.get("homepage").and_then(JsonValue::as_str) {
        if !(v.starts_with("https://") || v.starts_with("http://")) {
            let r = root.get("homepage").map_or(open_brace(root), |x| x.range);
            sink.report(ty, r, format!("`homepage` must be a URL, not `{v}`"));
        }
    }
    match root.get("author") {
        Some(v) => {
            match v.as_object() {
                None => {
                    sink.report(ty, v.range, format!("`author` must be an object with a `name`, not {}", a(v)))
                    .set_help("write `\"author\": { \"name\": \"Team\", \"email\": \"team@example.com\" }`");
                }
                Some(_) => match v.get("name") {
                    Some(n) if n.as_str().is_some_and(|s| !s.is_empty()) => {}
                    Some(n) => {
                        sink.report(ty, n.range, "`author.name` must be a non-empty string");
                    }
                    None => {
                        sink.report(ty, open_brace(v), "`author` has no `name`");
                    }
                },
            }
        }
        None => {
            sink.report(
                pl::MissingRecommendedField::META,
                open_brace(root),
                "plugin.json has no `author`",
            )
            .set_help(
                "add `\"author\": { \"name\": \"...\" }` so users know who maintains the plugin",
            );
        }
    }
    if let Some(v) = root.get("keywords") {
        match v.as_array() {
            Some(items) => {
                for i in items.iter().filter(|i| i.as_str().is_none()) {
                    sink.report(
                        ty,
                        i.range,
                        format!("`keywords` entries must be strings, not {}", a(i)),
                    );
                }
            }
            None => {
                sink.report(
                    ty,
                    v.range,
                    format!("`keywords` must be an array of strings, not {}", a(v)),
                );
            }
        }
    }
    for key in ["metadata", "experimental", "engines"] {
        if let Some(v) = root.get(key) {
            if v.as_object().is_none() {
                sink.report_as(
                    ty,
                    Severity::Warning,
                    v.range,
                    format!("`{key}` should be an object, not {}", a(v)),
                );
            }
        }
    }
    match root.get("version") {
        Some(v) => {
            if let Some(s) = v.as_str() {
                if !is_semver(s) {
                    sink.report(pl::VersionNotSemver::META, v.range, format!("version `{s}` is not a semantic version"))
                        .set_help("use MAJOR.MINOR.PATCH, e.g. `1.0.0`; Claude Code compares versions to offer updates");
                }
            }
        }
        None => {
            sink.report(
                pl::MissingRecommendedField::META,
                open_brace(root),
                "plugin.json has no `version`",
            )
            .set_help(
                "add `\"version\": \"1.0.0\"` and bump it on every change, so installs update",
            );
        }
    }
    if root.get("description").is_none() {
        sink.report(
            pl::MissingRecommendedField::META,
            open_brace(root),
            "plugin.json has no `description`",
        )
        .set_help("add a one-line `description`: marketplaces and `/plugin` show it");
    }
    if let Some(deps) = root.get("dependencies") {
        match deps.as_array() {
            None => {
                sink.report(
                    ty,
                    deps.range,
                    format!("`dependencies` must be an array, not {}", a(deps)),
                )
                .set_help(
                    "write `\"dependencies\": [\"other-plugin\", \"tool@marketplace@^1.2\"]`",
                );
            }
            Some(items) => {
                for d in items {
                    check_dependency(sink, d);
                }
            }
        }
    }
}

fn check_dependency(sink: &mut Sink<'_>, d: &JsonValue) {
    let meta = pl::InvalidDependency::META;
    match &d.kind {
        JsonKind::String(s) => {
            if !dependency_ok(s) {
                sink.report(
                    meta,
                    d.range,
                    format!("dependency `{s}` is not `name[@marketplace][@range]`"),
                );
            }
        }
        JsonKind::Object(_) => match d.get("name").and_then(JsonValue::as_str) {
            Some(n) if dependency_ok(n) => {}
            _ => {
                sink.report(meta, d.range, "a dependency object needs a `name` string");
            }
        },
        _ => {
            sink.report(
                meta,
                d.range,
                format!("a dependency must be a string or an object, not {}", a(d)),
            );
        }
    }
}

/// `^[A-Za-z0-9][-A-Za-z0-9._]*(@mkt)?(@^range)?$`, loosely: the name part is strict.
fn dependency_ok(s: &str) -> bool {
    let name = s.split('@').next().unwrap_or("");
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
        && s.split('@').count() <= 3
        && s.split('@')
            .skip(1)
            .all(|p| !p.is_empty() && !p.contains(char::is_whitespace))
}

fn check_path_field(
    sink: &mut Sink<'_>,
    ws: &Workspace,
    root: &Path,
    key: &str,
    kind: Kind,
    v: &JsonValue,
) {
    match &v.kind {
        JsonKind::String(s) => check_path(sink, ws, root, key, kind, s, v.range),
        JsonKind::Array(items) => {
            for i in items {
                match &i.kind {
                    JsonKind::String(s) => check_path(sink, ws, root, key, kind, s, i.range),
                    JsonKind::Object(_) if matches!(kind, Kind::Json | Kind::McpJson) => {}
                    _ => {
                        sink.report(
                            pl::InvalidManifestType::META,
                            i.range,
                            format!("`{key}` entries must be path strings, not {}", a(i)),
                        );
                    }
                }
            }
        }
        JsonKind::Object(_) if matches!(kind, Kind::Json | Kind::McpJson | Kind::MarkdownOrDir) => {
        }
        _ => {
            sink.report(
                pl::InvalidManifestType::META,
                v.range,
                format!("`{key}` must be a path or an array of paths, not {}", a(v)),
            );
        }
    }
}

fn check_path(
    sink: &mut Sink<'_>,
    ws: &Workspace,
    root: &Path,
    key: &str,
    kind: Kind,
    p: &str,
    range: TextRange,
) {
    let ok_dot = key == "skills" && p == ".";
    if !p.starts_with("./") && !ok_dot {
        let d = sink.report(
            pl::PathWithoutDotSlash::META,
            range,
            format!("`{key}` path `{p}` must start with `./`"),
        );
        d.set_help("paths in plugin.json are relative to the plugin root and start with `./`");
        if !p.starts_with('/') && !p.contains("..") && !p.is_empty() && !p.contains('\\') {
            let fixed = format!("\"./{p}\"");
            d.set_fix(Fix::safe(
                format!("prefix `{p}` with `./`"),
                vec![Edit {
                    range,
                    content: fixed,
                }],
            ));
        }
        return;
    }
    if p.split(['/', '\\']).any(|seg| seg == "..") {
        sink.report(
            pl::PathTraversal::META,
            range,
            format!("`{key}` path `{p}` contains `..`"),
        )
        .set_help("plugins are copied into a cache on install, so nothing outside the plugin folder exists there; move the file inside the plugin");
        return;
    }
    let target = root.join(p.trim_start_matches("./"));
    let exists = if p.contains('*') {
        false
    } else {
        ws.path_exists(&target)
    };
    if !exists {
        sink.report(
            pl::PathNotFound::META,
            range,
            format!("`{key}` path `{p}` does not exist"),
        )
        .set_help(
            "Claude Code reports a load failure for a missing path; fix the path or add the file",
        );
        return;
    }
    let is_dir = ws.is_dir(&target);
    let wrong = match kind {
        Kind::SkillDirs => (!is_dir).then_some("a folder of skills"),
        Kind::Markdown => (!has_ext(p, "md")).then_some("a `.md` file"),
        Kind::MarkdownOrDir => (!is_dir && !has_ext(p, "md")).then_some("a `.md` file or a folder"),
        Kind::Json => (!has_ext(p, "json")).then_some("a `.json` file"),
        Kind::McpJson => (!(has_ext(p, "json") || has_ext(p, "mcpb") || has_ext(p, "dxt")))
            .then_some("a `.json`, `.mcpb` or `.dxt` file"),
        Kind::Any => None,
    };
    if let Some(want) = wrong {
        sink.report(
            pl::PathWrongKind::META,
            range,
            format!("`{key}` entry `{p}` must be {want}"),
        );
    }
}

fn check_user_config(sink: &mut Sink<'_>, root: &JsonValue) {
    let Some(uc) = root.get("userConfig") else {
        return;
    };
    let meta = pl::InvalidUserConfig::META;
    let Some(opts) = uc.as_object() else {
        sink.report(
            meta,
            uc.range,
            format!("`userConfig` must be an object, not {}", a(uc)),
        );
        return;
    };
    for o in opts {
        let mut chars = o.key.chars();
        let key_ok = chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !key_ok {
            sink.report(
                meta,
                o.key_range,
                format!("userConfig key `{}` must match `^[A-Za-z_]\\w*$`", o.key),
            );
        }
        let Some(_) = o.value.as_object() else {
            sink.report(
                meta,
                o.value.range,
                format!("userConfig option `{}` must be an object", o.key),
            );
            continue;
        };
        for field in ["type", "title", "description"] {
            if o.value.get(field).is_none() {
                sink.report(
                    meta,
                    o.key_range,
                    format!("userConfig option `{}` has no `{field}`", o.key),
                );
            }
        }
        if let Some(t) = o.value.get("type") {
            if !matches!(
                t.as_str(),
                Some("string" | "number" | "boolean" | "directory" | "file")
            ) {
                sink.report(
                    meta,
                    t.range,
                    "userConfig `type` must be string, number, boolean, directory or file",
                );
            }
        }
    }
}

fn check_components_in_manifest_dir(sink: &mut Sink<'_>, ws: &Workspace, root: &Path) {
    let dir = root.join(".claude-plugin");
    for name in [
        "skills",
        "commands",
        "agents",
        "hooks",
        ".mcp.json",
        ".lsp.json",
        "output-styles",
        "monitors",
    ] {
        if ws.path_exists(&dir.join(name)) {
            sink.report(
                pl::ComponentInManifestDir::META,
                TextRange::empty(0),
                format!("`.claude-plugin/{name}` is inside `.claude-plugin/`, where Claude Code only reads the manifest"),
            )
            .set_help(format!("move `{name}` to the plugin root, beside `.claude-plugin/`"));
        }
    }
}

fn has_ext(p: &str, ext: &str) -> bool {
    Path::new(p)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}
