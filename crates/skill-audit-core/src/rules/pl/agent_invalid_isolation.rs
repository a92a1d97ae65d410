//! PL044: an agent's isolation is not `worktree`.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports `isolation` values other than `worktree`.
    ///
    /// ## Why is this bad?
    /// Claude Code only knows worktree isolation; any other value fails to load the agent.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: builder
    /// description: Builds
    /// isolation: container
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Use `isolation: worktree` or remove the key.
    pub struct AgentInvalidIsolation {
        code: "PL044",
        name: "agent-invalid-isolation",
        severity: Error,
        summary: "an agent's isolation is not `worktree`",
        fixable: false,
    }
}

impl Rule for AgentInvalidIsolation {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
