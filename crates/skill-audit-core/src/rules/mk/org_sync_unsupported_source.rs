//! MK014: a source kind that claude.ai organisation sync rejects.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Warns about npm, archive and command sources.
    ///
    /// ## Why is this bad?
    /// Organisation marketplaces synced from GitHub accept only relative, github, url and
    /// git-subdir sources; these plugins never reach the organisation.
    ///
    /// ## Example
    /// ```text
    /// { "name": "close", "source": { "source": "npm", "package": "@acme/close" } }
    /// ```
    ///
    /// ## Fix
    /// Use a relative or git source for plugins meant for organisation sync.
    pub struct OrgSyncUnsupportedSource {
        code: "MK014",
        name: "org-sync-unsupported-source",
        severity: Warning,
        summary: "a source kind that claude.ai organisation sync rejects",
        fixable: false,
    }
}

impl Rule for OrgSyncUnsupportedSource {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
