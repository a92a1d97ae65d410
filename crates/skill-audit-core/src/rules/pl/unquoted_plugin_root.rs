//! PL024: `${CLAUDE_PLUGIN_ROOT}` is not quoted in a shell command.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Warns when a shell-form hook command uses `${CLAUDE_PLUGIN_ROOT}` outside quotes.
    ///
    /// ## Why is this bad?
    /// The install path can contain spaces (a user name, `Application Support`); unquoted, the
    /// shell splits it and the hook fails or runs something else.
    ///
    /// ## Example
    /// ```text
    /// { "type": "command", "command": "${CLAUDE_PLUGIN_ROOT}/scripts/check.sh" }
    /// ```
    ///
    /// ## Fix
    /// Quote it: `"\"${CLAUDE_PLUGIN_ROOT}/scripts/check.sh\""`.
    pub struct UnquotedPluginRoot {
        code: "PL024",
        name: "unquoted-plugin-root",
        severity: Warning,
        summary: "`${CLAUDE_PLUGIN_ROOT}` is not quoted in a shell command",
        fixable: false,
    }
}

impl Rule for UnquotedPluginRoot {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
