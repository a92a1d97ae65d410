//! SK027: `description` plus `when_to_use` is longer than the 1,536 characters Claude Code lists.

use crate::rules::sk::util::{field, string_value};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill whose `description` and `when_to_use` together exceed 1,536 characters, where
    /// Claude Code cuts the text it shows the model in the skill listing.
    ///
    /// ## Why is this bad?
    /// Whatever is past the cut never reaches the model, usually the "when to use" part.
    ///
    /// ## Example
    /// A 1,000-character description with a 700-character `when_to_use`.
    ///
    /// ## Fix
    /// Shorten both; put details in the body.
    pub struct DescriptionListingTooLong {
        code: "SK027",
        name: "description-listing-too-long",
        severity: Warning,
        summary: "`description` plus `when_to_use` is longer than the 1,536 characters Claude Code lists",
        fixable: false,
    }
}

impl Rule for DescriptionListingTooLong {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(entry)) = (&skill.source, field(skill, "description")) else {
            return;
        };
        let Some(d) = string_value(&entry.value, cx) else {
            return;
        };
        let Some(when) = field(skill, "when_to_use") else {
            return;
        };
        let Some(w) = string_value(&when.value, cx) else {
            return;
        };
        let n = d.chars().count() + w.chars().count();
        if n > 1536 {
            cx.report(Self::META, &src.path, when.value.range, format!("description and when_to_use are {n} characters; Claude Code lists only the first 1536"))
                .set_help("shorten the description and when_to_use; move details to the body");
        }
    }
}
