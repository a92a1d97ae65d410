//! PL031: a remote MCP server is reached without TLS.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Warns when a remote MCP server URL uses `http://` or `ws://` to a host other than localhost.
    ///
    /// ## Why is this bad?
    /// Requests, results and any token in the headers travel unencrypted over the network.
    ///
    /// ## Example
    /// ```text
    /// { "mcpServers": { "ledger": { "type": "http", "url": "http://ledger.acme.example/mcp" } } }
    /// ```
    ///
    /// ## Fix
    /// Use `https://` (or `wss://`).
    pub struct McpInsecureHttp {
        code: "PL031",
        name: "mcp-insecure-http",
        severity: Warning,
        summary: "a remote MCP server is reached without TLS",
        fixable: false,
    }
}

impl Rule for McpInsecureHttp {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
