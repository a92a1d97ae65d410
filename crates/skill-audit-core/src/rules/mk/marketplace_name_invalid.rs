//! MK003: the marketplace name has forbidden characters.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports marketplace names that are empty, `.`, or contain spaces, `/`, `\\` or `..`
    /// (errors), and names Claude Desktop does not accept (warning: not
    /// `^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$`).
    ///
    /// ## Why is this bad?
    /// The name becomes part of every plugin id (`plugin@marketplace`); Claude Code refuses these
    /// names.
    ///
    /// ## Example
    /// ```text
    /// { "name": "Acme Skills" }
    /// ```
    ///
    /// ## Fix
    /// Use `"name": "acme-skills"`.
    pub struct MarketplaceNameInvalid {
        code: "MK003",
        name: "marketplace-name-invalid",
        severity: Error,
        summary: "the marketplace name has forbidden characters",
        fixable: false,
    }
}

impl Rule for MarketplaceNameInvalid {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
