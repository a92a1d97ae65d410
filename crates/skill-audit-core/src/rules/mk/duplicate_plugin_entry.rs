//! MK005: two marketplace entries have the same name.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports a plugin name listed twice in one marketplace, with the first entry as a related
    /// location.
    ///
    /// ## Why is this bad?
    /// Plugins are installed by `name@marketplace`; the second entry can never be installed and the
    /// validator refuses the file.
    ///
    /// ## Example
    /// ```text
    /// { "plugins": [ { "name": "close", "source": "./a" }, { "name": "close", "source": "./b" } ] }
    /// ```
    ///
    /// ## Fix
    /// Rename or remove one entry.
    pub struct DuplicatePluginEntry {
        code: "MK005",
        name: "duplicate-plugin-entry",
        severity: Error,
        summary: "two marketplace entries have the same name",
        fixable: false,
    }
}

impl Rule for DuplicatePluginEntry {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
