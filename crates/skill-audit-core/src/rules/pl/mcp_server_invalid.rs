//! PL030: an MCP server configuration is incomplete.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Checks MCP servers in `.mcp.json` and `plugin.json`: stdio servers need `command` (`args` an
    /// array), remote servers (`http`, `streamable-http`, `sse`, `ws`) need `url`, the type is
    /// known, `env` and `headers` are objects.
    ///
    /// ## Why is this bad?
    /// Claude Code 2.1.330 refuses a server without its command or URL.
    ///
    /// ## Example
    /// ```text
    /// { "mcpServers": { "ledger": { "args": ["serve"] } } }
    /// ```
    ///
    /// ## Fix
    /// Add `"command": "ledger-mcp"` (or a `"url"` for a remote server).
    pub struct McpServerInvalid {
        code: "PL030",
        name: "mcp-server-invalid",
        severity: Error,
        summary: "an MCP server configuration is incomplete",
        fixable: false,
    }
}

impl Rule for McpServerInvalid {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
