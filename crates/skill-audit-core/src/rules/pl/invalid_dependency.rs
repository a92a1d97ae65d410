//! PL017: a plugin dependency is malformed.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Checks each `dependencies` entry: a string `name[@marketplace][@range]` whose name starts
    /// with a letter or digit, or an object with a `name`.
    ///
    /// ## Why is this bad?
    /// Claude Code refuses the manifest; the dependency is never installed.
    ///
    /// ## Example
    /// ```text
    /// { "dependencies": ["@finance/core"] }
    /// ```
    ///
    /// ## Fix
    /// Write `"dependencies": ["finance-core@acme-skills@^1.0"]`.
    pub struct InvalidDependency {
        code: "PL017",
        name: "invalid-dependency",
        severity: Error,
        summary: "a plugin dependency is malformed",
        fixable: false,
    }
}

impl Rule for InvalidDependency {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
