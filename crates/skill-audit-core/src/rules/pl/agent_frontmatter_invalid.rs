//! PL040: an agent file's frontmatter does not parse.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports plugin agent files (`agents/*.md`) whose YAML frontmatter is unclosed, does not
    /// parse or is not a mapping (errors), or is missing (warning).
    ///
    /// ## Why is this bad?
    /// Claude Code then loads the agent with its name taken from the file name and drops every
    /// other field: its description, tools and model.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: reviewer
    /// description: Use when: a PR is ready
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Quote values containing `: `: `description: "Use when: a PR is ready"`.
    pub struct AgentFrontmatterInvalid {
        code: "PL040",
        name: "agent-frontmatter-invalid",
        severity: Error,
        summary: "an agent file's frontmatter does not parse",
        fixable: false,
    }
}

impl Rule for AgentFrontmatterInvalid {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
