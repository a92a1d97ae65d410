//! MK008: a relative plugin source does not exist or holds no plugin.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Resolves each relative source from the marketplace root (and `metadata.pluginRoot`) and
    /// reports folders that do not exist or hold no plugin (no `.claude-plugin/plugin.json`,
    /// skills, commands, agents, hooks or MCP config). The official validator does not check this.
    ///
    /// ## Why is this bad?
    /// The marketplace validates but installing the plugin fails for everyone.
    ///
    /// ## Example
    /// ```text
    /// { "name": "close", "source": "./plugins/month-close" }   # folder is ./plugins/close
    /// ```
    ///
    /// ## Fix
    /// Fix the path or add the plugin.
    pub struct SourceNotFound {
        code: "MK008",
        name: "source-not-found",
        severity: Error,
        summary: "a relative plugin source does not exist or holds no plugin",
        fixable: false,
    }
}

impl Rule for SourceNotFound {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
