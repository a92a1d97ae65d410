//! MK012: a marketplace entry disagrees with its plugin's manifest.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// For relative sources, compares the entry with the plugin's `plugin.json`: a different
    /// `version` or `name` is reported.
    ///
    /// ## Why is this bad?
    /// plugin.json's version wins, so the marketplace advertises a version users do not get; a
    /// different name splits the install name from the component namespace.
    ///
    /// ## Example
    /// ```text
    /// { "name": "close", "source": "./plugins/close", "version": "2.0.0" }   # plugin.json says 1.4.0
    /// ```
    ///
    /// ## Fix
    /// Keep one version, in plugin.json, and drop the entry's.
    pub struct EntryVersionMismatch {
        code: "MK012",
        name: "entry-version-mismatch",
        severity: Warning,
        summary: "a marketplace entry disagrees with its plugin's manifest",
        fixable: false,
    }
}

impl Rule for EntryVersionMismatch {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
