//! MK002: marketplace.json lacks name, owner or plugins.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports a marketplace without `name`, without an `owner` object with a `name`, or without a
    /// `plugins` array.
    ///
    /// ## Why is this bad?
    /// Claude Code's schema requires all three; the marketplace cannot be added.
    ///
    /// ## Example
    /// ```text
    /// { "name": "acme-skills", "plugins": [] }
    /// ```
    ///
    /// ## Fix
    /// Add `"owner": { "name": "Acme IT", "email": "it@acme.example" }`.
    pub struct MarketplaceMissingField {
        code: "MK002",
        name: "marketplace-missing-field",
        severity: Error,
        summary: "marketplace.json lacks name, owner or plugins",
        fixable: false,
    }
}

impl Rule for MarketplaceMissingField {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
