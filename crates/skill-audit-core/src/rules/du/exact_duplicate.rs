//! DU001: the same normalised content under two names or in two plugins.

use crate::library::dupes;
use crate::rules::du::{in_plugin, near_duplicate::report_near, NearDuplicate};
use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill whose `description` and body are the same as another skill's once case,
    /// punctuation, Markdown markup and whitespace are ignored, whatever the two are named and
    /// wherever they are. The first copy (copies in `backup`, `archive` or `deprecated` folders
    /// come last) is the one kept; every other copy gets a finding that names it.
    ///
    /// ## Why is this bad?
    /// Copies drift: a fix lands in one and not the others, the library grows without adding
    /// anything, and agents see two skills competing for the same requests. Backup folders
    /// left inside a marketplace are shipped to every user.
    ///
    /// ## Example
    /// ```text
    /// plugins/finance/skills/invoice-matcher/SKILL.md
    /// plugins/ops/skills/match-invoices/SKILL.md      # same text, other name
    /// ```
    ///
    /// ## Fix
    /// Delete the copy, or merge the two skills into one and point users at it.
    pub struct ExactDuplicate {
        code: "DU001",
        name: "exact-duplicate-skill",
        severity: Warning,
        summary: "skill has the same content as another skill",
        fixable: false,
    }
}

impl Rule for ExactDuplicate {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        // One pass serves both rules: with DU002 on, near-duplicates are found here too.
        let near = cx.settings.is_enabled(NearDuplicate::META.code);
        let dups = dupes::analyze(ws, cx.settings.near_threshold, near);
        if dups.exact.is_empty() && dups.near.is_empty() {
            return;
        }
        let lib = ws.library();
        if near {
            report_near(&dups, lib, cx);
        }
        for group in &dups.exact {
            let first = &lib.skills[group[0]];
            for &m in &group[1..] {
                let me = &lib.skills[m];
                let twin = if me.name == first.name {
                    "the copy".to_string()
                } else {
                    format!("`{}`", first.name)
                };
                cx.report(
                    Self::META,
                    &me.path,
                    me.range,
                    format!(
                        "skill `{}`{} has the same content as {twin}{} at {}",
                        me.name,
                        in_plugin(lib, m),
                        in_plugin(lib, group[0]),
                        crate::source::slash_path(&first.path)
                    ),
                )
                .set_help("delete this copy, or merge the skills into one")
                .add_related(
                    first.path.clone(),
                    first.range,
                    format!("the first copy, `{}`", first.name),
                );
            }
        }
    }
}
