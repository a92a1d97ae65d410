//! PL013: plugin.json lacks version, description or author.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Warns when `plugin.json` has no `version`, `description` or `author`.
    ///
    /// ## Why is this bad?
    /// Without a version installs never update; without a description the marketplace shows
    /// nothing; without an author nobody knows who maintains the plugin.
    ///
    /// ## Example
    /// ```text
    /// { "name": "finance-tools" }
    /// ```
    ///
    /// ## Fix
    /// Add `"version": "1.0.0"`, a one-line `"description"` and `"author": { "name": "Finance team"
    /// }`.
    pub struct MissingRecommendedField {
        code: "PL013",
        name: "missing-recommended-field",
        severity: Warning,
        summary: "plugin.json lacks version, description or author",
        fixable: false,
    }
}

impl Rule for MissingRecommendedField {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
