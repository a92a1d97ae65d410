//! SK022: `description` is longer than 1024 characters.

use crate::rules::sk::util::{field, string_value};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a description longer than 1024 characters.
    ///
    /// ## Why is this bad?
    /// The specification and every validator cap descriptions at 1024 characters; longer ones are
    /// rejected, and all descriptions share the agent's context budget.
    ///
    /// ## Example
    /// A description that pastes the whole usage guide.
    ///
    /// ## Fix
    /// Keep the description to what and when; move details into the body.
    pub struct DescriptionTooLong {
        code: "SK022",
        name: "description-too-long",
        severity: Error,
        summary: "`description` is longer than 1024 characters",
        fixable: false,
    }
}

impl Rule for DescriptionTooLong {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(entry)) = (&skill.source, field(skill, "description")) else {
            return;
        };
        let Some(d) = string_value(&entry.value, cx) else {
            return;
        };
        let n = d.chars().count();
        if n > 1024 {
            cx.report(Self::META, &src.path, entry.value.range, format!("description is {n} characters, over the 1024-character limit"))
                .set_help("shorten the description to what the skill does and when to use it; move details to the body");
        }
    }
}
