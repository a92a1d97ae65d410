//! PL032: an LSP server configuration is incomplete.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Checks `.lsp.json` and inline `lspServers`: each server has a `command` (no spaces unless an
    /// absolute path) and a non-empty `extensionToLanguage` whose keys start with `.`.
    ///
    /// ## Why is this bad?
    /// Claude Code cannot start the server or never attaches it to any file.
    ///
    /// ## Example
    /// ```text
    /// { "python": { "command": "pyright-langserver --stdio" } }
    /// ```
    ///
    /// ## Fix
    /// Write `{ "python": { "command": "pyright-langserver", "args": ["--stdio"],
    /// "extensionToLanguage": { ".py": "python" } } }`.
    pub struct LspServerInvalid {
        code: "PL032",
        name: "lsp-server-invalid",
        severity: Error,
        summary: "an LSP server configuration is incomplete",
        fixable: false,
    }
}

impl Rule for LspServerInvalid {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
