//! SE033: a remote MCP server is reached over plain HTTP.

use serde_json::Value;

use crate::rules::se::util::{key_offset, locate, manifest_kind, mcp_servers, parse_json};
use crate::rules::{Context, Rule};
use crate::source::SourceFile;

crate::declare_rule! {
    /// ## What it does
    /// Reports MCP servers (`.mcp.json`, inline `mcpServers` of `plugin.json`,
    /// `.claude/settings.json`) whose `url` uses `http://` or `ws://` to a host other than the
    /// local machine (`localhost`, `127.0.0.1`, `[::1]`, `0.0.0.0`, `*.localhost`,
    /// `host.docker.internal`).
    ///
    /// ## Why is this bad?
    /// Tool calls, their results and the authorisation headers travel in clear text: anyone
    /// on the network path can read them or answer in the server's place with tool results of
    /// their own, which the model then trusts.
    ///
    /// ## Example
    /// ```json
    /// {"mcpServers": {"crm": {"type": "http", "url": "http://crm.example.com/mcp"}}}
    /// ```
    ///
    /// ## Fix
    /// Use `https://` (or `wss://`).
    pub struct McpInsecureUrl {
        code: "SE033",
        name: "mcp-insecure-url",
        severity: Warning,
        summary: "a remote MCP server is reached over plain HTTP",
        fixable: false,
    }
}

/// Whether `url` is plain HTTP/WS to a remote host.
pub fn insecure_remote(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("http://")
        .or_else(|| lower.strip_prefix("ws://"))
    else {
        return false;
    };
    let host_port = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = host_port.rsplit('@').next().unwrap_or(host_port);
    let host = if host_port.starts_with('[') {
        host_port
            .split(']')
            .next()
            .map_or("", |h| h.trim_start_matches('['))
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    !(host == "localhost"
        || host.ends_with(".localhost")
        || host.starts_with("127.")
        || host == "::1"
        || host == "0.0.0.0"
        || host == "host.docker.internal"
        || host.starts_with("${")
        || host.is_empty())
}

impl Rule for McpInsecureUrl {
    fn check_file(&self, src: &SourceFile, cx: &mut Context<'_>) {
        let Some(kind) = manifest_kind(src) else {
            return;
        };
        let Some(json) = parse_json(src) else { return };
        for server in mcp_servers(kind, &json) {
            let Some(url) = server.config.get("url").and_then(Value::as_str) else {
                continue;
            };
            if !insecure_remote(url) {
                continue;
            }
            let range = locate(src, url, key_offset(src, server.name));
            cx.report(
                Self::META,
                &src.path,
                range,
                format!(
                    "MCP server `{}` is reached over plain HTTP: `{url}`",
                    server.name
                ),
            )
            .set_help("use https:// (or wss://)");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert!(insecure_remote("http://crm.example.com/mcp"));
        assert!(insecure_remote("ws://10.0.0.5:9000"));
        assert!(!insecure_remote("https://crm.example.com/mcp"));
        assert!(!insecure_remote("http://localhost:3000/mcp"));
        assert!(!insecure_remote("http://127.0.0.1:8080"));
        assert!(!insecure_remote("http://[::1]:8080"));
    }
}
