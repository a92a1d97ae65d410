//! SK020: the frontmatter has no `description`.

use crate::rules::sk::util::{error_if_portable, root_map};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports frontmatter without a `description`. Error under `agentskills`; warning under
    /// `claude-code`, which falls back to the first paragraph of the body.
    ///
    /// ## Why is this bad?
    /// Agents decide when to load a skill from its description alone. Without one the skill is
    /// rejected by validators and uploads, and rarely chosen.
    ///
    /// ## Example
    /// ```yaml
    /// ---
    /// name: pdf-tools
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Add a third-person description that says what the skill does and when to use it.
    pub struct DescriptionMissing {
        code: "SK020",
        name: "description-missing",
        severity: Error,
        summary: "the frontmatter has no `description`",
        fixable: false,
    }
}

impl Rule for DescriptionMissing {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(root), Some(fm)) = (&skill.source, root_map(skill), skill.parsed())
        else {
            return;
        };
        if root.entry("description").is_none() {
            let severity = error_if_portable(cx);
            cx.report_as(
                Self::META,
                severity,
                &src.path,
                fm.fences.open,
                "frontmatter has no `description`",
            )
            .set_help("add `description:` saying what the skill does and when to use it");
        }
    }
}
