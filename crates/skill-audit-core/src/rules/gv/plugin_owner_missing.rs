//! GV004: a plugin without an owner.

use crate::rules::gv::governed_manifest;
use crate::rules::{Context, Rule};
use crate::source::SourceFile;
use crate::text::TextRange;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `.claude-plugin/plugin.json` with no owner: no `author`, or an `author` with
    /// an empty `name`. Runs once any `[governance]` policy is configured.
    ///
    /// ## Why is this bad?
    /// Promotion through review needs someone accountable for each plugin: who answers
    /// questions, who approves changes, who decides to archive it.
    ///
    /// ## Example
    /// ```json
    /// { "name": "finance", "version": "1.2.0" }
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// { "name": "finance", "version": "1.2.0", "author": { "name": "Finance Platform Team" } }
    /// ```
    pub struct PluginOwnerMissing {
        code: "GV004",
        name: "plugin-owner-missing",
        severity: Warning,
        summary: "plugin manifest names no owner (`author`)",
        fixable: false,
    }
}

impl Rule for PluginOwnerMissing {
    fn check_file(&self, file: &SourceFile, cx: &mut Context<'_>) {
        let Some(m) = governed_manifest(file, cx) else {
            return;
        };
        if m.author.is_some() {
            return;
        }
        let (range, message) = match m.author_range {
            Some(r) => (r, "plugin `author` has no name"),
            None => (
                m.name.as_ref().map_or(TextRange::empty(0), |(_, r)| *r),
                "plugin has no owner: `author` is missing",
            ),
        };
        cx.report(Self::META, &file.path, range, message)
            .set_help("add `\"author\": { \"name\": \"…\" }` naming the owning team or person");
    }
}
