//! GV001: required metadata missing or empty.

use crate::library::metadata_value;
use crate::rules::gv::metadata_anchor;
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill whose frontmatter `metadata` map lacks a key listed in
    /// `[governance] required-metadata`, or has it empty. Off until configured; `license` in
    /// the list is checked by GV006 instead.
    ///
    /// ## Why is this bad?
    /// A library people can trust has an owner and a department on every skill: someone to ask,
    /// someone to review it each quarter, and a way to archive what nobody owns any more.
    ///
    /// ## Example
    /// ```toml
    /// [governance]
    /// required-metadata = ["owner", "department"]
    /// ```
    /// ```markdown
    /// ---
    /// name: finance-close
    /// description: Runs the month-end close checklist. Use when closing the books.
    /// metadata:
    ///   owner: ""
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Fill in every required key:
    /// ```yaml
    /// metadata:
    ///   owner: jane.doe@example.com
    ///   department: finance
    /// ```
    pub struct RequiredMetadataMissing {
        code: "GV001",
        name: "required-metadata-missing",
        severity: Warning,
        summary: "a metadata key required by the governance policy is missing or empty",
        fixable: false,
    }
}

impl Rule for RequiredMetadataMissing {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let required = &cx.settings.governance.required_metadata;
        if required.is_empty() || skill.parse_failed || skill.yaml_root().is_none() {
            return;
        }
        let Some(src) = skill.source.clone() else {
            return;
        };
        let path = skill.path(cx.workspace).to_path_buf();
        for key in required
            .iter()
            .filter(|k| !k.eq_ignore_ascii_case("license"))
        {
            match metadata_value(skill, key) {
                None => {
                    cx.report(
                        Self::META,
                        &path,
                        metadata_anchor(skill, &src),
                        format!("required metadata `{key}` is missing"),
                    )
                    .set_help(format!("add `{key}` to the frontmatter `metadata` map"));
                }
                Some(("", range)) => {
                    cx.report(
                        Self::META,
                        &path,
                        range,
                        format!("required metadata `{key}` is empty"),
                    )
                    .set_help(format!("give `metadata.{key}` a value"));
                }
                Some(_) => {}
            }
        }
    }
}
