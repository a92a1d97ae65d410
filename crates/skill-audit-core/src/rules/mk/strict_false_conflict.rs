//! MK013: `strict: false` conflicts with the plugin's manifest.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports entries with `"strict": false` whose plugin also declares components in
    /// `plugin.json`, and entries with `headersHelper` but without `"strict": false`.
    ///
    /// ## Why is this bad?
    /// With `strict: false` the entry is the whole manifest, and a plugin.json that also declares
    /// components fails to load.
    ///
    /// ## Example
    /// ```text
    /// { "name": "close", "source": "./plugins/close", "strict": false, "commands": ["./commands/close.md"] }
    /// ```
    ///
    /// ## Fix
    /// Declare components in one place: the entry or plugin.json.
    pub struct StrictFalseConflict {
        code: "MK013",
        name: "strict-false-conflict",
        severity: Error,
        summary: "`strict: false` conflicts with the plugin's manifest",
        fixable: false,
    }
}

impl Rule for StrictFalseConflict {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
