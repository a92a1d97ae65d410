//! PL010: a plugin.json path names the wrong kind of file.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Checks what each path names: `skills` entries are folders, `agents` entries `.md` files,
    /// `commands` and `outputStyles` `.md` files or folders, `hooks` and `lspServers` `.json`
    /// files, `mcpServers` `.json`, `.mcpb` or `.dxt` files.
    ///
    /// ## Why is this bad?
    /// Claude Code refuses an `agents` path that is a folder or a `hooks` path that is not JSON;
    /// the component does not load.
    ///
    /// ## Example
    /// ```text
    /// { "name": "finance-tools", "agents": "./agents/" }
    /// ```
    ///
    /// ## Fix
    /// List the files: `"agents": ["./agents/reviewer.md"]`.
    pub struct PathWrongKind {
        code: "PL010",
        name: "path-wrong-kind",
        severity: Error,
        summary: "a plugin.json path names the wrong kind of file",
        fixable: false,
    }
}

impl Rule for PathWrongKind {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
