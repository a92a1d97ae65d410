//! PL007: a plugin.json path does not start with `./`.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports component paths in `plugin.json` (`skills`, `commands`, `agents`, `hooks`,
    /// `mcpServers`, `lspServers`, `outputStyles`, `workflows`) that do not start with `./`
    /// (`skills` may also be `.`). A safe fix adds the `./`.
    ///
    /// ## Why is this bad?
    /// Claude Code's schema requires `./` and refuses the manifest otherwise.
    ///
    /// ## Example
    /// ```text
    /// { "name": "finance-tools", "commands": "commands/close.md" }
    /// ```
    ///
    /// ## Fix
    /// Write `"commands": "./commands/close.md"` (`--fix` does it).
    pub struct PathWithoutDotSlash {
        code: "PL007",
        name: "path-without-dot-slash",
        severity: Error,
        summary: "a plugin.json path does not start with `./`",
        fixable: true,
    }
}

impl Rule for PathWithoutDotSlash {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
