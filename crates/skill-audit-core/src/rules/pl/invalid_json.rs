//! PL001: a plugin JSON file is not valid JSON.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports syntax errors in `plugin.json`, `hooks/hooks.json`, `.mcp.json`, `.lsp.json` and
    /// `monitors/monitors.json`: comments, trailing commas, single quotes, missing commas,
    /// truncated files, and nesting deeper than 256 levels, at the exact position.
    ///
    /// ## Why is this bad?
    /// Claude Code reads these files with a strict JSON parser: one stray comma and the whole
    /// plugin, or all its hooks or servers, fail to load. The file is still read leniently
    /// afterwards so other findings in it are reported too.
    ///
    /// ## Example
    /// ```text
    /// {
    ///   "name": "finance-tools",
    ///   "version": "1.0.0",   // comments are not JSON
    /// }
    /// ```
    ///
    /// ## Fix
    /// Remove comments and trailing commas; validate with `python -m json.tool FILE`.
    pub struct InvalidJson {
        code: "PL001",
        name: "invalid-json",
        severity: Error,
        summary: "a plugin JSON file is not valid JSON",
        fixable: false,
    }
}

impl Rule for InvalidJson {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
