//! SK026: `description` does not say when to use the skill.

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::sk::util::{field, string_value};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bwhen(?:ever)?\b|\buse(?:s|d)? (?:it |this(?: skill)? )?(?:for|to|if|on|in|with|after|before|during)\b|\bif (?:the )?(?:user|you)\b|\btrigger|\bfor (?:any|all|tasks|requests|questions|queries|work)\b|\binvoke|\bapplies to\b|\buseful for\b|\bideal for\b|\bdesigned for\b",
    )
    .expect("valid regex")
});

crate::declare_rule! {
    /// ## What it does
    /// Reports a description with no "when to use" clause: none of "use when", "when the user",
    /// "whenever", "use for/to/if", "if the user", "triggers", "for tasks/requests/questions" and no
    /// `when_to_use` field.
    ///
    /// ## Why is this bad?
    /// Agents load a skill when its description matches the task. A description that only says what
    /// the skill is, not when it applies, makes the skill under-triggered.
    ///
    /// ## Example
    /// ```yaml
    /// description: A PDF toolkit.
    /// ```
    ///
    /// ## Fix
    /// `description: Extracts text and tables from PDFs. Use when the user asks to read or convert a PDF.`
    pub struct DescriptionMissingTrigger {
        code: "SK026",
        name: "description-missing-trigger",
        severity: Warning,
        summary: "`description` does not say when to use the skill",
        fixable: false,
    }
}

impl Rule for DescriptionMissingTrigger {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(entry)) = (&skill.source, field(skill, "description")) else {
            return;
        };
        if field(skill, "when_to_use").is_some() {
            return;
        }
        let Some(d) = string_value(&entry.value, cx) else {
            return;
        };
        if d.trim().is_empty() || TRIGGER.is_match(d) {
            return;
        }
        cx.report(
            Self::META,
            &src.path,
            entry.value.range,
            "description does not say when to use the skill",
        )
        .set_help("add a clause such as \"Use when the user asks to ...\"");
    }
}
