//! PL015: a userConfig option is malformed.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Checks `userConfig`: an object whose keys match `^[A-Za-z_]\w*$`, each option an object with
    /// `type` (string, number, boolean, directory or file), `title` and `description`.
    ///
    /// ## Why is this bad?
    /// Claude Code refuses the manifest, and users are never asked for the value the plugin needs.
    ///
    /// ## Example
    /// ```text
    /// { "userConfig": { "api-token": { "type": "secret" } } }
    /// ```
    ///
    /// ## Fix
    /// Write `"userConfig": { "api_token": { "type": "string", "title": "API token", "description":
    /// "...", "sensitive": true } }`.
    pub struct InvalidUserConfig {
        code: "PL015",
        name: "invalid-user-config",
        severity: Error,
        summary: "a userConfig option is malformed",
        fixable: false,
    }
}

impl Rule for InvalidUserConfig {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
