//! SE904: inventory of MCP servers (off by default).

use serde_json::Value;

use crate::rules::se::util::{key_offset, locate, manifest_kind, mcp_servers, parse_json};
use crate::rules::{Context, Rule};
use crate::source::SourceFile;

crate::declare_rule! {
    /// ## What it does
    /// Lists every MCP server defined in `.mcp.json`, inline `mcpServers` of `plugin.json` and
    /// `.claude/settings.json`, with how it starts (command and arguments) or where it is
    /// reached (URL).
    ///
    /// Off by default (an inventory for review): run it with `--select SE904` or `--select SE9`.
    ///
    /// ## Why is this bad?
    /// It is not. Each server is code or a service the agent can call with the user's data.
    ///
    /// ## Example
    /// ```json
    /// {"mcpServers": {"git": {"command": "uvx", "args": ["mcp-server-git==0.6.2"]}}}
    /// ```
    ///
    /// ## Fix
    /// Nothing to fix; check each server's origin.
    pub struct InventoryMcpServers {
        code: "SE904",
        name: "inventory-mcp-servers",
        severity: Info,
        summary: "inventory: MCP servers and how they start",
        fixable: false,
    }
}

impl Rule for InventoryMcpServers {
    fn check_file(&self, src: &SourceFile, cx: &mut Context<'_>) {
        let Some(kind) = manifest_kind(src) else {
            return;
        };
        let Some(json) = parse_json(src) else { return };
        for server in mcp_servers(kind, &json) {
            let how = if let Some(url) = server.config.get("url").and_then(Value::as_str) {
                format!("url `{url}`")
            } else {
                let command = server
                    .config
                    .get("command")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                let args: Vec<&str> = server
                    .config
                    .get("args")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect();
                format!(
                    "command `{}`",
                    [command]
                        .into_iter()
                        .chain(args)
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            };
            let range = locate(src, server.name, key_offset(src, "mcpServers"));
            cx.report(
                Self::META,
                &src.path,
                range,
                format!("MCP server `{}`: {how}", server.name),
            );
        }
    }
}
