//! MK006: a marketplace entry lacks a valid name or source.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports entries that are not objects, have no `name` or `source`, or whose name breaks the
    /// plugin name rules (forbidden characters, reserved names).
    ///
    /// ## Why is this bad?
    /// Claude Code refuses the marketplace or the entry.
    ///
    /// ## Example
    /// ```text
    /// { "plugins": [ { "name": "claude-helper", "source": "./helper" } ] }
    /// ```
    ///
    /// ## Fix
    /// Give each entry a valid, unreserved name and a source.
    pub struct PluginEntryInvalid {
        code: "MK006",
        name: "plugin-entry-invalid",
        severity: Error,
        summary: "a marketplace entry lacks a valid name or source",
        fixable: false,
    }
}

impl Rule for PluginEntryInvalid {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
