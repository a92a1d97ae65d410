//! PL045: a plugin command's frontmatter does not parse.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports plugin commands (`commands/*.md`) whose YAML frontmatter is unclosed or does not
    /// parse (errors), or that have no frontmatter or no `description` (warnings).
    ///
    /// ## Why is this bad?
    /// The command loads without its description, arguments and tool settings.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// description: Close the month: books and ledger
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Quote the value: `description: "Close the month: books and ledger"`.
    pub struct CommandFrontmatterInvalid {
        code: "PL045",
        name: "command-frontmatter-invalid",
        severity: Error,
        summary: "a plugin command's frontmatter does not parse",
        fixable: false,
    }
}

impl Rule for CommandFrontmatterInvalid {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
