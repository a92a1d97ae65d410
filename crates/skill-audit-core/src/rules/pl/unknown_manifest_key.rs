//! PL011: plugin.json has a key Claude Code does not know.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Warns about top-level `plugin.json` keys outside Claude Code's schema, suggesting the
    /// closest known key when it looks like a typo.
    ///
    /// ## Why is this bad?
    /// Claude Code ignores unknown keys: a misspelt `mcpServer` or `hook` silently drops the
    /// component.
    ///
    /// ## Example
    /// ```text
    /// { "name": "finance-tools", "mcpServer": "./.mcp.json" }
    /// ```
    ///
    /// ## Fix
    /// Fix the spelling (`"mcpServers"`) or move custom data under `metadata`.
    pub struct UnknownManifestKey {
        code: "PL011",
        name: "unknown-manifest-key",
        severity: Warning,
        summary: "plugin.json has a key Claude Code does not know",
        fixable: false,
    }
}

impl Rule for UnknownManifestKey {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
