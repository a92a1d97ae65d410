//! PL020: a hooks configuration has the wrong shape.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Checks the shape `{"hooks": {Event: [{"matcher": ..., "hooks": [handler, ...]}]}}`: the root
    /// is an object with a `hooks` object, events hold arrays of matcher groups, each group a
    /// `hooks` array. Events written at the top level, outside `hooks`, are reported.
    ///
    /// ## Why is this bad?
    /// A misplaced event is never loaded; when it was a PreToolUse or PermissionRequest guard, the
    /// protection it promised does not exist.
    ///
    /// ## Example
    /// ```text
    /// { "PreToolUse": [ { "matcher": "Bash", "hooks": [ ... ] } ] }
    /// ```
    ///
    /// ## Fix
    /// Wrap the events: `{ "hooks": { "PreToolUse": [ ... ] } }`.
    pub struct InvalidHooksStructure {
        code: "PL020",
        name: "invalid-hooks-structure",
        severity: Error,
        summary: "a hooks configuration has the wrong shape",
        fixable: false,
    }
}

impl Rule for InvalidHooksStructure {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
