//! PL012: the plugin version is not a semantic version.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Warns when `version` is not `MAJOR.MINOR.PATCH` with optional pre-release and build parts.
    /// The official validator does not check this.
    ///
    /// ## Why is this bad?
    /// Claude Code compares versions to decide whether an installed plugin needs an update; `1.0`
    /// or `v2` break the comparison and users keep stale copies.
    ///
    /// ## Example
    /// ```text
    /// { "name": "finance-tools", "version": "v1.2" }
    /// ```
    ///
    /// ## Fix
    /// Use `"version": "1.2.0"`.
    pub struct VersionNotSemver {
        code: "PL012",
        name: "version-not-semver",
        severity: Warning,
        summary: "the plugin version is not a semantic version",
        fixable: false,
    }
}

impl Rule for VersionNotSemver {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
