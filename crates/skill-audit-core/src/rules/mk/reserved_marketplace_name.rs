//! MK004: the marketplace name is reserved or impersonates Anthropic.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports Claude Code's internal names (`inline`, `builtin`, `skills-dir`, `synced`,
    /// `claude-plugin-test`) and names that impersonate an official marketplace (non-ASCII names,
    /// `official` next to claude or anthropic, claude or anthropic followed by marketplace,
    /// plugins, official or directory) as errors; Anthropic's official marketplace names and
    /// Desktop's special names (`org`, `org-provisioned`, `unknown`) as warnings.
    ///
    /// ## Why is this bad?
    /// Users trust official-looking marketplaces; Claude Code refuses impersonating names and only
    /// Anthropic's own repositories may use the official ones.
    ///
    /// ## Example
    /// ```text
    /// { "name": "official-claude-plugins" }
    /// ```
    ///
    /// ## Fix
    /// Name the marketplace after your organisation.
    pub struct ReservedMarketplaceName {
        code: "MK004",
        name: "reserved-marketplace-name",
        severity: Error,
        summary: "the marketplace name is reserved or impersonates Anthropic",
        fixable: false,
    }
}

impl Rule for ReservedMarketplaceName {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
