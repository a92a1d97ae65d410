//! PL041: a plugin agent has no name or description.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports plugin agents without `name` or `description` in their frontmatter.
    ///
    /// ## Why is this bad?
    /// Claude Code delegates to an agent by its description; without one the agent is never chosen,
    /// and the name is what users and other agents call it by.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: reviewer
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Add `description:` saying when to delegate to the agent.
    pub struct AgentMissingField {
        code: "PL041",
        name: "agent-missing-field",
        severity: Error,
        summary: "a plugin agent has no name or description",
        fixable: false,
    }
}

impl Rule for AgentMissingField {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
