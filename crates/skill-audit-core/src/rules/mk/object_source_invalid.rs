//! MK009: an object source lacks the fields its kind needs.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Checks object sources: the kind is github, url, git-subdir, npm, archive or command; github
    /// needs `repo` as `owner/repo`, url needs `url`, git-subdir `url` and `path`, npm `package`,
    /// archive `url`, command a `command` of at most 500 printable ASCII characters, a `timeout` up
    /// to 600 and a `mode` of copy or link.
    ///
    /// ## Why is this bad?
    /// Claude Code refuses the entry; the plugin cannot be installed.
    ///
    /// ## Example
    /// ```text
    /// { "name": "close", "source": { "source": "github", "repository": "acme/close" } }
    /// ```
    ///
    /// ## Fix
    /// Write `{ "source": "github", "repo": "acme/close" }`.
    pub struct ObjectSourceInvalid {
        code: "MK009",
        name: "object-source-invalid",
        severity: Error,
        summary: "an object source lacks the fields its kind needs",
        fixable: false,
    }
}

impl Rule for ObjectSourceInvalid {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
