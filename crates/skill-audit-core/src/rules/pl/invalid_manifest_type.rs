//! PL003: a plugin field has the wrong JSON type.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Checks the JSON type of known fields against Claude Code's schema: the manifest is an
    /// object; `author` an object with a `name`; `repository`, `homepage`, `version`,
    /// `description`, `license` strings; `keywords` an array of strings; `dependencies` an array;
    /// `defaultEnabled` a boolean; path fields strings or arrays; `metadata`, `experimental` and
    /// `engines` objects (warning); `.mcp.json`, monitors and hooks roots of the right shape.
    ///
    /// ## Why is this bad?
    /// Claude Code validates `plugin.json` against a schema and refuses the plugin when a field has
    /// the wrong type, e.g. `"author": "Jane"` instead of an object.
    ///
    /// ## Example
    /// ```text
    /// { "name": "finance-tools", "author": "Finance team", "repository": { "url": "https://github.com/acme/finance" } }
    /// ```
    ///
    /// ## Fix
    /// Use the documented shapes: `"author": { "name": "Finance team" }`, `"repository":
    /// "https://github.com/acme/finance"`.
    pub struct InvalidManifestType {
        code: "PL003",
        name: "invalid-manifest-type",
        severity: Error,
        summary: "a plugin field has the wrong JSON type",
        fixable: false,
    }
}

impl Rule for InvalidManifestType {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
