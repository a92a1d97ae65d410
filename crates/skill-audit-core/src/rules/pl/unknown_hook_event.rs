//! PL021: a hook event name is not one Claude Code fires.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Warns about event names outside Claude Code's list (PreToolUse, PostToolUse, Stop,
    /// SessionStart, ...). A known event in the wrong case (`postToolUse`) is an error, since event
    /// names are case-sensitive.
    ///
    /// ## Why is this bad?
    /// A hook on an unknown event never runs; Claude Code 2.1.197 even refuses the file.
    ///
    /// ## Example
    /// ```text
    /// { "hooks": { "postToolUse": [ ... ] } }
    /// ```
    ///
    /// ## Fix
    /// Use the exact event name, e.g. `PostToolUse`.
    pub struct UnknownHookEvent {
        code: "PL021",
        name: "unknown-hook-event",
        severity: Warning,
        summary: "a hook event name is not one Claude Code fires",
        fixable: false,
    }
}

impl Rule for UnknownHookEvent {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
