//! PL025: a hook runs a script that is missing or not executable.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Warns when a hook command runs `${CLAUDE_PLUGIN_ROOT}/path` and that file is not in the
    /// plugin, or is run directly but is not executable.
    ///
    /// ## Why is this bad?
    /// The hook fails every time it fires, usually silently.
    ///
    /// ## Example
    /// ```text
    /// { "type": "command", "command": "\"${CLAUDE_PLUGIN_ROOT}/scripts/missing.sh\"" }
    /// ```
    ///
    /// ## Fix
    /// Add the script, fix the path, or `chmod +x` it.
    pub struct HookScriptMissing {
        code: "PL025",
        name: "hook-script-missing",
        severity: Warning,
        summary: "a hook runs a script that is missing or not executable",
        fixable: false,
    }
}

impl Rule for HookScriptMissing {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
