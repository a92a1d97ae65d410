//! PL009: a plugin.json path does not exist.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports component paths that do not exist in the plugin (glob patterns are not expanded by
    /// Claude Code and count as missing).
    ///
    /// ## Why is this bad?
    /// Claude Code reports a load failure for the plugin; the component is silently missing for
    /// every user.
    ///
    /// ## Example
    /// ```text
    /// { "name": "finance-tools", "agents": ["./agents/reviewer.md"] }   # no such file
    /// ```
    ///
    /// ## Fix
    /// Fix the path or add the file.
    pub struct PathNotFound {
        code: "PL009",
        name: "path-not-found",
        severity: Error,
        summary: "a plugin.json path does not exist",
        fixable: false,
    }
}

impl Rule for PathNotFound {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
