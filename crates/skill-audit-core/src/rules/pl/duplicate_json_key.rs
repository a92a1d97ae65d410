//! PL002: a key appears twice in one JSON object.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports a key written twice in the same object of a plugin JSON file, pointing at the later
    /// one with the first as a related location.
    ///
    /// ## Why is this bad?
    /// JSON parsers keep the last value silently, so the first one (often the one a reviewer reads)
    /// has no effect: a hook, server or permission that looks configured is not.
    ///
    /// ## Example
    /// ```text
    /// { "name": "finance-tools", "name": "finance" }
    /// ```
    ///
    /// ## Fix
    /// Delete or merge one of the two keys.
    pub struct DuplicateJsonKey {
        code: "PL002",
        name: "duplicate-json-key",
        severity: Error,
        summary: "a key appears twice in one JSON object",
        fixable: false,
    }
}

impl Rule for DuplicateJsonKey {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
