//! PL006: the plugin name is reserved for Anthropic.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports plugin names the validator reserves: starting with `claude-`, `anthropic-`,
    /// `anthropics-` or `cc-plugin-`; exactly `claude`, `anthropic`, `anthropics`, `claude-code` or
    /// `claude-mods`; or `official` next to claude or anthropic. A `claude` or `anthropic` token
    /// elsewhere in the name is a warning.
    ///
    /// ## Why is this bad?
    /// Such names pass as Anthropic's own plugins; Claude Code 2.1.330 refuses them, and users
    /// trust them more than they should.
    ///
    /// ## Example
    /// ```text
    /// { "name": "claude-finance-helper" }
    /// ```
    ///
    /// ## Fix
    /// Use your organisation or department prefix: `"name": "finance-helper"`.
    pub struct ReservedPluginName {
        code: "PL006",
        name: "reserved-plugin-name",
        severity: Error,
        summary: "the plugin name is reserved for Anthropic",
        fixable: false,
    }
}

impl Rule for ReservedPluginName {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
