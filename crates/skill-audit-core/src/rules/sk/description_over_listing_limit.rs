//! SK023: `description` is longer than the 200 characters claude.ai accepts.

use crate::rules::sk::util::{field, string_value};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a description longer than 200 characters (and at most 1024, which SK022 covers), the
    /// limit claude.ai's custom-skill upload documents.
    ///
    /// ## Why is this bad?
    /// The skill works in Claude Code but cannot be uploaded to claude.ai as is, and long
    /// descriptions crowd the listing every conversation pays for.
    ///
    /// ## Example
    /// A 400-character description.
    ///
    /// ## Fix
    /// Shorten it to 200 characters, or ignore this rule (`ignore = ["SK023"]`) if the skill never
    /// ships to claude.ai.
    pub struct DescriptionOverListingLimit {
        code: "SK023",
        name: "description-over-claude-ai-limit",
        severity: Warning,
        summary: "`description` is longer than the 200 characters claude.ai accepts",
        fixable: false,
    }
}

impl Rule for DescriptionOverListingLimit {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(entry)) = (&skill.source, field(skill, "description")) else {
            return;
        };
        let Some(d) = string_value(&entry.value, cx) else {
            return;
        };
        let n = d.chars().count();
        if n > 200 && n <= 1024 {
            cx.report(
                Self::META,
                &src.path,
                entry.value.range,
                format!("description is {n} characters; claude.ai accepts at most 200"),
            )
            .set_help(
                "shorten the description to 200 characters if the skill is uploaded to claude.ai",
            );
        }
    }
}
