//! MK001: marketplace.json is not valid JSON or not an object.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports syntax errors (comments, trailing commas, truncation), duplicate keys and a root
    /// that is not an object in `.claude-plugin/marketplace.json`, at their position.
    ///
    /// ## Why is this bad?
    /// Claude Code cannot add a marketplace it cannot parse; every plugin in it is unavailable.
    ///
    /// ## Example
    /// ```text
    /// { "name": "acme-skills", "plugins": [], }
    /// ```
    ///
    /// ## Fix
    /// Fix the syntax at the reported position.
    pub struct InvalidMarketplaceJson {
        code: "MK001",
        name: "invalid-marketplace-json",
        severity: Error,
        summary: "marketplace.json is not valid JSON or not an object",
        fixable: false,
    }
}

impl Rule for InvalidMarketplaceJson {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
