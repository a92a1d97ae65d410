//! PL042: a plugin agent name has forbidden characters.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports agent names that are empty, contain `:` or start with `-` (errors), or are not
    /// lowercase letters, digits and hyphens (warning).
    ///
    /// ## Why is this bad?
    /// `:` separates the plugin namespace from the agent name, so such names cannot be addressed.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: finance:reviewer
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Use `name: finance-reviewer`.
    pub struct AgentInvalidName {
        code: "PL042",
        name: "agent-invalid-name",
        severity: Error,
        summary: "a plugin agent name has forbidden characters",
        fixable: false,
    }
}

impl Rule for AgentInvalidName {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
