//! Plugin bundles and marketplaces: their JSON files parsed with spans, components resolved the
//! way Claude Code resolves them, and every PL and MK check.
//!
//! The checks share one pass over the workspace ([`analyze`], run once per workspace and cached
//! by [`Workspace::plugin_findings`]); each PL or MK rule then reports the findings of its own
//! code, so selection, severity overrides and suppressions work per code as for every rule.

mod components;
mod manifest;
mod marketplace;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Severity};
use crate::json::{self, JsonDocument, JsonValue};
use crate::rules::RuleMeta;
use crate::source::SourceFile;
use crate::text::TextRange;
use crate::workspace::Workspace;

/// Findings of one file, collected while checking it.
pub(crate) struct Sink<'a> {
    pub src: &'a SourceFile,
    pub out: Vec<Diagnostic>,
}

impl<'a> Sink<'a> {
    pub fn new(src: &'a SourceFile) -> Self {
        Self {
            src,
            out: Vec::new(),
        }
    }

    /// Report at `range` of this file with the rule's default severity.
    pub fn report(
        &mut self,
        meta: &'static RuleMeta,
        range: TextRange,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.report_as(meta, meta.severity, range, message)
    }

    pub fn report_as(
        &mut self,
        meta: &'static RuleMeta,
        severity: Severity,
        range: TextRange,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.out.push(Diagnostic::new(
            meta.code,
            meta.name,
            severity,
            self.src.path.clone(),
            range,
            message,
        ));
        let last = self.out.len() - 1;
        &mut self.out[last]
    }
}

/// Which JSON file of a plugin a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonRole {
    PluginManifest,
    Marketplace,
    Hooks,
    Mcp,
    Lsp,
    Monitors,
}

/// The role of a file by its path inside the audited root, if it is one of the plugin JSON files.
pub fn json_role(rel: &Path) -> Option<JsonRole> {
    let name = rel.file_name()?.to_str()?;
    let parent = rel
        .parent()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str());
    match (parent, name) {
        (Some(".claude-plugin"), "plugin.json") => Some(JsonRole::PluginManifest),
        (Some(".claude-plugin"), "marketplace.json") => Some(JsonRole::Marketplace),
        (Some("hooks"), "hooks.json") => Some(JsonRole::Hooks),
        (_, ".mcp.json") => Some(JsonRole::Mcp),
        (_, ".lsp.json") => Some(JsonRole::Lsp),
        (Some("monitors"), "monitors.json") => Some(JsonRole::Monitors),
        _ => None,
    }
}

/// Parse a JSON file and report its syntax errors and duplicate keys with `syntax` and `dup`.
pub(crate) fn parse_reporting(
    ws: &Workspace,
    sink: &mut Sink<'_>,
    syntax: &'static RuleMeta,
    dup: &'static RuleMeta,
) -> JsonDocument {
    let doc = json::parse_with_depth(&sink.src.text, ws.json_max_depth());
    if let Some(e) = &doc.syntax_error {
        let what = if doc.root.is_some() {
            "invalid JSON (Claude Code's strict parser rejects the file)"
        } else {
            "invalid JSON"
        };
        sink.report(syntax, e.range, format!("{what}: {}", e.message))
            .set_help("JSON allows no comments, trailing commas or single quotes; fix the syntax at this position");
    }
    for (m, first) in &doc.duplicate_keys {
        let path = sink.src.path.clone();
        sink.report(
            dup,
            m.key_range,
            format!("duplicate key `{}`: only the last one counts", m.key),
        )
        .set_help("remove or merge the duplicate key")
        .add_related(path, *first, "first defined here");
    }
    doc
}

/// The range to report about a missing member of `obj`: its opening brace.
pub(crate) fn open_brace(obj: &JsonValue) -> TextRange {
    TextRange::new(
        obj.range.start(),
        (obj.range.start() + 1).min(obj.range.end()),
    )
}

/// A plugin root: the folder holding `.claude-plugin/plugin.json`.
pub(crate) fn plugin_root_of_manifest(abs: &Path) -> Option<PathBuf> {
    abs.parent().and_then(Path::parent).map(Path::to_path_buf)
}

/// Every PL and MK finding of the workspace, in no particular order.
pub fn analyze(ws: &Workspace) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = ws
        .files
        .par_iter()
        .flat_map_iter(|f| {
            let Some(src) = f.source.as_deref() else {
                return Vec::new();
            };
            let rel = f.entry.rel.as_path();
            match json_role(rel) {
                Some(JsonRole::PluginManifest) => manifest::check(ws, f, src),
                Some(JsonRole::Marketplace) => marketplace::check(ws, f, src),
                Some(role) => components::check_json(ws, src, role),
                None => components::check_markdown(ws, f, src),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (&a.path, a.range.start(), &a.code).cmp(&(&b.path, b.range.start(), &b.code))
    });
    out
}

/// Report the plugin-pass findings of `meta`'s code.
pub fn emit(ws: &Workspace, meta: &'static RuleMeta, cx: &mut crate::rules::Context<'_>) {
    for d in ws.plugin_findings().iter().filter(|d| d.code == meta.code) {
        cx.push(d.clone());
    }
}

/// Helpers shared by the checks.
pub(crate) mod util {
    use super::JsonValue;

    /// Closest known key, for did-you-mean.
    pub fn suggest<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
        let k = key.to_ascii_lowercase().replace(['_', '-'], "");
        known
            .iter()
            .map(|c| {
                (
                    strsim::damerau_levenshtein(
                        &k,
                        &c.to_ascii_lowercase().replace(['_', '-'], ""),
                    ),
                    *c,
                )
            })
            .filter(|(d, c)| *d <= 2.min(c.len() / 3 + 1))
            .min_by_key(|(d, _)| *d)
            .map(|(_, c)| c)
    }

    /// `a string`, `an array`, ... for messages.
    pub fn a(v: &JsonValue) -> &'static str {
        match v.type_name() {
            "array" => "an array",
            "object" => "an object",
            "string" => "a string",
            "number" => "a number",
            "boolean" => "a boolean",
            _ => "null",
        }
    }

    /// Semantic version `MAJOR.MINOR.PATCH[-pre][+build]`.
    pub fn is_semver(v: &str) -> bool {
        let core = v.split(['-', '+']).next().unwrap_or("");
        let parts: Vec<&str> = core.split('.').collect();
        parts.len() == 3
            && parts.iter().all(|p| {
                !p.is_empty()
                    && p.bytes().all(|b| b.is_ascii_digit())
                    && (p.len() == 1 || !p.starts_with('0'))
            })
            && v[core.len()..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.'))
    }

    /// Kebab-case: `^[a-z0-9]+(-[a-z0-9]+)*$`.
    pub fn is_kebab(s: &str) -> bool {
        !s.is_empty()
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--")
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }

    /// Characters Claude Code refuses in a name: spaces, control and bidirectional characters.
    pub fn bad_name_char(s: &str) -> Option<char> {
        s.chars().find(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(*c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
    }

    /// Why a plugin name is reserved (error), or only suspicious (warning), per Claude Code's
    /// validator: reserved prefixes and names, and `official` next to claude or anthropic.
    pub fn reserved_plugin_name(name: &str) -> Option<(bool, String)> {
        let lower = name.to_ascii_lowercase();
        for p in ["claude-", "anthropic-", "anthropics-", "cc-plugin-"] {
            if lower.starts_with(p) {
                return Some((
                    true,
                    format!("names starting with `{p}` are reserved for Anthropic"),
                ));
            }
        }
        if matches!(
            lower.as_str(),
            "claude" | "anthropic" | "anthropics" | "claude-code" | "claude-mods"
        ) {
            return Some((true, format!("`{lower}` is reserved for Anthropic")));
        }
        let tokens: Vec<&str> = lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|t| !t.is_empty())
            .collect();
        for w in tokens.windows(2) {
            if (w[0] == "official" && matches!(w[1], "claude" | "anthropic"))
                || (w[1] == "official" && matches!(w[0], "claude" | "anthropic"))
            {
                return Some((
                    true,
                    "`official` next to claude or anthropic impersonates Anthropic".to_string(),
                ));
            }
        }
        if tokens
            .iter()
            .any(|t| matches!(*t, "claude" | "anthropic" | "anthropics"))
        {
            return Some((false, "the name contains `claude` or `anthropic`, which users may read as an official plugin".to_string()));
        }
        None
    }
}
