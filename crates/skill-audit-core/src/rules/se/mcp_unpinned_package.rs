//! SE032: an MCP server is launched from a package registry without a pinned version.

use serde_json::Value;

use crate::rules::se::util::{key_offset, locate, manifest_kind, mcp_servers, parse_json};
use crate::rules::{Context, Rule};
use crate::source::SourceFile;

crate::declare_rule! {
    /// ## What it does
    /// Reads MCP servers in `.mcp.json`, inline `mcpServers` of `plugin.json` and
    /// `.claude/settings.json`, and reports servers started with `npx -y`/`npx --yes`, `bunx`,
    /// `pnpm dlx`, `yarn dlx`, `uvx` or `pipx run` on a package with no exact version:
    /// `some-server`, `some-server@latest`, `@scope/server@^1`, `tool>=1` (pinned:
    /// `some-server@1.4.2`, `tool==0.3.1`, `uvx --from tool==0.3.1 tool`).
    ///
    /// ## Why is this bad?
    /// Each start installs whatever the registry serves as latest, and runs it with the user's
    /// rights. One compromised release of the package, or a typo-squatted name, reaches every
    /// user of the plugin at their next session, long after the plugin was reviewed.
    ///
    /// ## Example
    /// ```json
    /// {"mcpServers": {"files": {"command": "npx", "args": ["-y", "@acme/files-mcp"]}}}
    /// ```
    ///
    /// ## Fix
    /// Pin an exact version: `"args": ["-y", "@acme/files-mcp@1.4.2"]`.
    pub struct McpUnpinnedPackage {
        code: "SE032",
        name: "mcp-unpinned-package",
        severity: Warning,
        summary: "an MCP server is launched from a package registry without a pinned version",
        fixable: false,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Registry {
    Npm,
    Python,
}

/// Whether an npm package spec has an exact version (`name@1.2.3`, `@scope/name@1.2.3`).
fn npm_pinned(spec: &str) -> bool {
    let body = spec.strip_prefix('@').unwrap_or(spec);
    body.rsplit_once('@').is_some_and(|(_, v)| {
        v.starts_with(|c: char| c.is_ascii_digit())
            && !v.contains(['^', '~', '*', 'x', '>', '<', ' '])
    })
}

/// Whether a Python requirement has an exact version (`name==1.2`, `name@1.2`).
fn python_pinned(spec: &str) -> bool {
    spec.split_once("==")
        .is_some_and(|(_, v)| v.starts_with(|c: char| c.is_ascii_digit()) && !v.contains('*'))
        || spec
            .split_once('@')
            .is_some_and(|(_, v)| v.starts_with(|c: char| c.is_ascii_digit()))
}

/// The package a launcher runs, when it installs without asking and the spec is unpinned:
/// (launcher as written, package).
pub fn unpinned(command: &str, args: &[&str]) -> Option<(String, String)> {
    let base = command.rsplit(['/', '\\']).next().unwrap_or(command);
    let base = base.strip_suffix(".cmd").unwrap_or(base);
    let mut words: Vec<&str> = command.split_whitespace().skip(1).collect();
    words.extend_from_slice(args);
    let base = base.split_whitespace().next().unwrap_or(base);
    let (registry, rest, launcher): (Registry, Vec<&str>, String) = match base {
        "npx" => {
            if !words.iter().any(|w| matches!(*w, "-y" | "--yes")) {
                return None;
            }
            (Registry::Npm, words, "npx -y".into())
        }
        "bunx" => (Registry::Npm, words, "bunx".into()),
        "pnpm" | "yarn" if words.first() == Some(&"dlx") => {
            (Registry::Npm, words[1..].to_vec(), format!("{base} dlx"))
        }
        "uvx" => (Registry::Python, words, "uvx".into()),
        "pipx" if words.first() == Some(&"run") => {
            (Registry::Python, words[1..].to_vec(), "pipx run".into())
        }
        _ => return None,
    };
    // An explicit package (`--from X`, `--package X`, `-p X`, `--package=X`) wins.
    let mut explicit = None;
    let mut positional = None;
    let mut i = 0;
    while i < rest.len() {
        let w = rest[i];
        if let Some(v) = w
            .strip_prefix("--package=")
            .or_else(|| w.strip_prefix("--from="))
        {
            explicit = Some(v);
        } else if matches!(w, "--from" | "--package" | "-p") {
            explicit = rest.get(i + 1).copied();
            i += 1;
        } else if w == "--with" || w == "--python" || w == "--index" || w == "--registry" {
            i += 1;
        } else if !w.starts_with('-') && positional.is_none() {
            positional = Some(w);
        }
        i += 1;
    }
    let spec = explicit.or(positional)?;
    if spec.starts_with('.')
        || spec.starts_with('/')
        || spec.contains("://")
        || spec.starts_with("${")
    {
        return None;
    }
    let pinned = match registry {
        Registry::Npm => npm_pinned(spec),
        Registry::Python => python_pinned(spec),
    };
    (!pinned).then(|| (launcher, spec.to_string()))
}

impl Rule for McpUnpinnedPackage {
    fn check_file(&self, src: &SourceFile, cx: &mut Context<'_>) {
        let Some(kind) = manifest_kind(src) else {
            return;
        };
        let Some(json) = parse_json(src) else { return };
        for server in mcp_servers(kind, &json) {
            let Some(command) = server.config.get("command").and_then(Value::as_str) else {
                continue;
            };
            let args: Vec<&str> = server
                .config
                .get("args")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let Some((launcher, spec)) = unpinned(command, &args) else {
                continue;
            };
            let from = key_offset(src, server.name);
            let range = locate(src, &spec, from);
            cx.report(
                Self::META,
                &src.path,
                range,
                format!(
                    "MCP server `{}` runs `{spec}` through `{launcher}` without a pinned version: each start installs whatever is latest",
                    server.name
                ),
            )
            .set_help("pin an exact version (`name@1.2.3`, `name==1.2.3`)");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinning() {
        assert!(unpinned("npx", &["-y", "@acme/files-mcp"]).is_some());
        assert!(unpinned("npx", &["-y", "@acme/files-mcp@latest"]).is_some());
        assert!(unpinned("npx", &["-y", "@acme/files-mcp@1.4.2"]).is_none());
        assert!(unpinned("npx", &["@acme/files-mcp"]).is_none());
        assert!(unpinned("uvx", &["mcp-server-git"]).is_some());
        assert!(unpinned("uvx", &["mcp-server-git==0.6.2"]).is_none());
        assert!(unpinned("uvx", &["--from", "tool==1.0", "tool"]).is_none());
        assert!(unpinned("node", &["server.js"]).is_none());
        assert!(unpinned("npx -y some-server", &[]).is_some());
    }
}
