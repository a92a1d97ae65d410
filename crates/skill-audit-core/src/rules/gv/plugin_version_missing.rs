//! GV005: a plugin without a version.

use crate::rules::gv::governed_manifest;
use crate::rules::{Context, Rule};
use crate::source::SourceFile;
use crate::text::TextRange;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `.claude-plugin/plugin.json` with no `version`, or an empty one. Runs once any
    /// `[governance]` policy is configured.
    ///
    /// ## Why is this bad?
    /// Promotion through review is tracked by version: without one, nobody can tell which
    /// release was vetted, and the marketplace cannot offer an update.
    ///
    /// ## Example
    /// ```json
    /// { "name": "finance", "author": { "name": "Finance Platform Team" } }
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// { "name": "finance", "version": "1.0.0", "author": { "name": "Finance Platform Team" } }
    /// ```
    pub struct PluginVersionMissing {
        code: "GV005",
        name: "plugin-version-missing",
        severity: Warning,
        summary: "plugin manifest has no `version`",
        fixable: false,
    }
}

impl Rule for PluginVersionMissing {
    fn check_file(&self, file: &SourceFile, cx: &mut Context<'_>) {
        let Some(m) = governed_manifest(file, cx) else {
            return;
        };
        if m.version.is_some() {
            return;
        }
        let (range, message) = match m.version_range {
            Some(r) => (r, "plugin `version` is empty"),
            None => (
                m.name.as_ref().map_or(TextRange::empty(0), |(_, r)| *r),
                "plugin has no `version`",
            ),
        };
        cx.report(Self::META, &file.path, range, message)
            .set_help("add `\"version\": \"1.0.0\"` and bump it on every release");
    }
}
