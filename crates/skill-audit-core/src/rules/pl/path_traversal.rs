//! PL008: a plugin.json path contains `..`.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports component paths that climb out of the plugin folder with `..`.
    ///
    /// ## Why is this bad?
    /// Plugins are copied into a cache on install, so nothing outside the plugin folder exists
    /// there; the validator also treats `..` as a traversal attempt.
    ///
    /// ## Example
    /// ```text
    /// { "name": "finance-tools", "hooks": "./../shared/hooks.json" }
    /// ```
    ///
    /// ## Fix
    /// Move the file inside the plugin and point at it with `./`.
    pub struct PathTraversal {
        code: "PL008",
        name: "path-traversal",
        severity: Error,
        summary: "a plugin.json path contains `..`",
        fixable: false,
    }
}

impl Rule for PathTraversal {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
