//! PL043: a plugin agent sets a field plugin agents ignore.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Warns about `hooks`, `mcpServers` and `permissionMode` in a plugin agent's frontmatter.
    ///
    /// ## Why is this bad?
    /// Claude Code ignores them for plugin agents, so the restriction or tool the author expected
    /// is not there.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: reviewer
    /// description: Reviews PRs
    /// permissionMode: plan
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Move hooks and MCP servers to the plugin, and drop `permissionMode`.
    pub struct AgentIgnoredField {
        code: "PL043",
        name: "agent-ignored-field",
        severity: Warning,
        summary: "a plugin agent sets a field plugin agents ignore",
        fixable: false,
    }
}

impl Rule for AgentIgnoredField {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
