//! PL023: a hook timeout is not a positive number.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `timeout` that is not a number of seconds greater than zero.
    ///
    /// ## Why is this bad?
    /// Claude Code refuses the handler.
    ///
    /// ## Example
    /// ```text
    /// { "type": "command", "command": "lint", "timeout": "30s" }
    /// ```
    ///
    /// ## Fix
    /// Write `"timeout": 30`.
    pub struct InvalidHookTimeout {
        code: "PL023",
        name: "invalid-hook-timeout",
        severity: Error,
        summary: "a hook timeout is not a positive number",
        fixable: false,
    }
}

impl Rule for InvalidHookTimeout {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
