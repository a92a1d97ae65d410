//! PL004: the plugin name is missing or has forbidden characters.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `plugin.json` without `name`, a name that is not a string or is empty, or a name
    /// with spaces, control or bidirectional characters, `/`, `\\` or `..`.
    ///
    /// ## Why is this bad?
    /// The name namespaces every component (`finance-tools:reconcile`); Claude Code refuses a
    /// plugin whose name is missing or contains these characters.
    ///
    /// ## Example
    /// ```text
    /// { "name": "Finance Tools" }
    /// ```
    ///
    /// ## Fix
    /// Use a kebab-case name: `"name": "finance-tools"`.
    pub struct PluginNameInvalid {
        code: "PL004",
        name: "plugin-name-invalid",
        severity: Error,
        summary: "the plugin name is missing or has forbidden characters",
        fixable: false,
    }
}

impl Rule for PluginNameInvalid {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
