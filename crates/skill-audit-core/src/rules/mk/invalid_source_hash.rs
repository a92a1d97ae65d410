//! MK010: a pinned commit or archive hash is malformed.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports `sha` values that are not 40 lowercase hexadecimal characters and `sha256` values
    /// that are not 64 hexadecimal characters (errors), and archive sources with no `sha256`
    /// (warning).
    ///
    /// ## Why is this bad?
    /// A pin that cannot match never installs; an archive without a hash can change under the
    /// marketplace's feet.
    ///
    /// ## Example
    /// ```text
    /// { "source": "github", "repo": "acme/close", "sha": "a1b2c3d" }
    /// ```
    ///
    /// ## Fix
    /// Pin the full 40-character commit hash.
    pub struct InvalidSourceHash {
        code: "MK010",
        name: "invalid-source-hash",
        severity: Error,
        summary: "a pinned commit or archive hash is malformed",
        fixable: false,
    }
}

impl Rule for InvalidSourceHash {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
