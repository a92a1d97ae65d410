//! MK015: the marketplace lists no plugins or has no description.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Warns when `plugins` is empty or the marketplace has neither `description` nor
    /// `metadata.description`.
    ///
    /// ## Why is this bad?
    /// Users adding the marketplace see nothing to install, or no explanation of what it offers.
    ///
    /// ## Example
    /// ```text
    /// { "name": "acme-skills", "owner": { "name": "Acme IT" }, "plugins": [] }
    /// ```
    ///
    /// ## Fix
    /// Add plugins and a one-line description.
    pub struct EmptyMarketplace {
        code: "MK015",
        name: "empty-marketplace",
        severity: Warning,
        summary: "the marketplace lists no plugins or has no description",
        fixable: false,
    }
}

impl Rule for EmptyMarketplace {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
