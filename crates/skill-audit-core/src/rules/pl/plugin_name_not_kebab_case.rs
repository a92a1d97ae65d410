//! PL005: the plugin name is not kebab-case or is over 64 characters.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Warns when a plugin name is not lowercase letters, digits and single hyphens, or is longer
    /// than 64 characters.
    ///
    /// ## Why is this bad?
    /// Claude Code only warns, but claude.ai organisation sync requires lowercase-hyphenated names
    /// of at most 64 characters, so such a plugin cannot be provisioned to a company.
    ///
    /// ## Example
    /// ```text
    /// { "name": "FinanceTools" }
    /// ```
    ///
    /// ## Fix
    /// Rename it: `"name": "finance-tools"`.
    pub struct PluginNameNotKebabCase {
        code: "PL005",
        name: "plugin-name-not-kebab-case",
        severity: Warning,
        summary: "the plugin name is not kebab-case or is over 64 characters",
        fixable: false,
    }
}

impl Rule for PluginNameNotKebabCase {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
