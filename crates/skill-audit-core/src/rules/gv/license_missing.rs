//! GV006: a skill without a licence where the policy requires one.

use std::path::Path;

use crate::library::{metadata_value, read_manifest};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// When `[governance] required-metadata` lists `license`, reports a skill with no licence:
    /// no non-empty `license` in its frontmatter or its `metadata` map, and no `license` in the
    /// manifest of the plugin it belongs to.
    ///
    /// ## Why is this bad?
    /// Skills are copied between teams, plugins and marketplaces. Without a licence nobody
    /// knows whether they may reuse or publish it, and legal review blocks promotion.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// name: finance-close
    /// description: Runs the month-end close checklist. Use when closing the books.
    /// ---
    /// ```
    ///
    /// ## Fix
    /// ```markdown
    /// ---
    /// name: finance-close
    /// description: Runs the month-end close checklist. Use when closing the books.
    /// license: Proprietary, internal use only
    /// ---
    /// ```
    pub struct LicenseMissing {
        code: "GV006",
        name: "license-missing",
        severity: Warning,
        summary: "skill has no licence where the governance policy requires one",
        fixable: false,
    }
}

impl Rule for LicenseMissing {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        if !cx
            .settings
            .governance
            .required_metadata
            .iter()
            .any(|k| k.eq_ignore_ascii_case("license"))
        {
            return;
        }
        if skill.parse_failed {
            return;
        }
        let (Some(root), Some(src)) = (skill.yaml_root(), skill.source.clone()) else {
            return;
        };
        let top = root
            .get("license")
            .and_then(|n| n.as_str())
            .is_some_and(|s| !s.trim().is_empty());
        let meta = metadata_value(skill, "license").is_some_and(|(s, _)| !s.is_empty());
        if top || meta || plugin_license(skill, cx) {
            return;
        }
        let path = skill.path(cx.workspace).to_path_buf();
        cx.report(
            Self::META,
            &path,
            src.index.line_range(0, &src.text),
            "skill has no `license`, which the governance policy requires",
        )
        .set_help(
            "add a `license` field to the frontmatter, or a `license` to the plugin's manifest",
        );
    }
}

/// Whether the closest plugin above the skill declares a licence.
fn plugin_license(skill: &Skill, cx: &Context<'_>) -> bool {
    for dir in skill.dir.ancestors().take(64) {
        let manifest = dir.join(".claude-plugin").join("plugin.json");
        if let Some(src) = cx.workspace.source_at(Path::new(&manifest)) {
            return read_manifest(&src.text).is_some_and(|m| m.license.is_some());
        }
    }
    false
}
