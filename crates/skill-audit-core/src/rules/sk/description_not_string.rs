//! SK021: `description` is empty or not a string.

use crate::rules::sk::util::{field, string_value};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `description` that is empty, null, a list or a mapping (under `claude-code`, also a
    /// bare number or boolean).
    ///
    /// ## Why is this bad?
    /// An empty description gives the agent nothing to choose the skill by; validators reject it.
    ///
    /// ## Example
    /// ```yaml
    /// description:
    /// ```
    ///
    /// ## Fix
    /// Write a one- or two-sentence description as a string.
    pub struct DescriptionNotString {
        code: "SK021",
        name: "description-not-string",
        severity: Error,
        summary: "`description` is empty or not a string",
        fixable: false,
    }
}

impl Rule for DescriptionNotString {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(entry)) = (&skill.source, field(skill, "description")) else {
            return;
        };
        let ok = string_value(&entry.value, cx).is_some_and(|s| !s.trim().is_empty());
        if !ok {
            let range = if entry.value.range.is_empty() {
                entry.key.range
            } else {
                entry.value.range
            };
            let what = if entry.value.as_str().is_some_and(|s| s.trim().is_empty()) {
                "empty"
            } else {
                entry.value.type_name()
            };
            cx.report(
                Self::META,
                &src.path,
                range,
                format!("`description` must be a non-empty string, found {what}"),
            )
            .set_help("say in one or two sentences what the skill does and when to use it");
        }
    }
}
