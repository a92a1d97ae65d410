//! PL014: a component sits inside `.claude-plugin/`.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Warns when `skills/`, `commands/`, `agents/`, `hooks/`, `.mcp.json`, `.lsp.json`,
    /// `output-styles/` or `monitors/` are inside `.claude-plugin/`.
    ///
    /// ## Why is this bad?
    /// Only the manifest belongs in `.claude-plugin/`; Claude Code looks for components at the
    /// plugin root and never loads these.
    ///
    /// ## Example
    /// ```text
    /// .claude-plugin/
    ///   plugin.json
    ///   commands/close.md     # never loaded
    /// ```
    ///
    /// ## Fix
    /// Move the component to the plugin root, beside `.claude-plugin/`.
    pub struct ComponentInManifestDir {
        code: "PL014",
        name: "component-in-manifest-dir",
        severity: Warning,
        summary: "a component sits inside `.claude-plugin/`",
        fixable: false,
    }
}

impl Rule for ComponentInManifestDir {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
