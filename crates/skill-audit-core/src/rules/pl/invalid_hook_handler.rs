//! PL022: a hook handler lacks its type or required fields.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Checks each handler: `type` is command, http, mcp_tool, prompt or agent, with its required
    /// field (`command`, `url`, `server` and `tool`, `prompt`).
    ///
    /// ## Why is this bad?
    /// Claude Code refuses the hooks file (`Invalid command hook`) and none of the plugin's hooks
    /// run.
    ///
    /// ## Example
    /// ```text
    /// { "type": "command" }
    /// ```
    ///
    /// ## Fix
    /// Add the field: `{ "type": "command", "command": "\"${CLAUDE_PLUGIN_ROOT}/scripts/check.sh\""
    /// }`.
    pub struct InvalidHookHandler {
        code: "PL022",
        name: "invalid-hook-handler",
        severity: Error,
        summary: "a hook handler lacks its type or required fields",
        fixable: false,
    }
}

impl Rule for InvalidHookHandler {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
