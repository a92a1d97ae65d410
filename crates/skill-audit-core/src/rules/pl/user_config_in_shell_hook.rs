//! PL016: `${user_config.*}` in a shell-form hook or monitor command.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports `${user_config.NAME}` inside a shell-form hook command (one without `args`) or a
    /// monitor command.
    ///
    /// ## Why is this bad?
    /// Claude Code rejects it: substituting user input into a shell string is an injection risk.
    ///
    /// ## Example
    /// ```text
    /// { "type": "command", "command": "sync --token ${user_config.token}" }
    /// ```
    ///
    /// ## Fix
    /// Use the exec form with `args`, or read the value from the environment.
    pub struct UserConfigInShellHook {
        code: "PL016",
        name: "user-config-in-shell-hook",
        severity: Error,
        summary: "`${user_config.*}` in a shell-form hook or monitor command",
        fixable: false,
    }
}

impl Rule for UserConfigInShellHook {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
