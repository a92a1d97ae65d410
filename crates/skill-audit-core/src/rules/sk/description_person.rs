//! SK025: `description` is written in the first or second person.

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::sk::util::{field, string_value};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

static FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^\w'])(I|I'm|I'll|I've|I'd|me|my|we|We|we're|We're|we'll|our|Our)(?:[^\w']|$)",
    )
    .expect("valid regex")
});
static SECOND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[.!?]\s+)you\b|\b(?:helps|lets|allows|enables) you\b|\byou (?:can|will|should|may|might)\b").expect("valid regex")
});

crate::declare_rule! {
    /// ## What it does
    /// Reports a description written in the first person ("I can help you...", "we", "my") or
    /// addressed to the reader ("You can use this...", "helps you", "lets you"). A description that
    /// starts with an imperative such as "Use when..." is fine.
    ///
    /// ## Why is this bad?
    /// The description is inserted into the agent's system prompt; Anthropic's best practices ask
    /// for the third person ("Extracts text from PDFs"), because a point of view that shifts confuses
    /// skill selection.
    ///
    /// ## Example
    /// ```yaml
    /// description: I can help you fill in PDF forms.
    /// ```
    ///
    /// ## Fix
    /// `description: Fills in PDF forms. Use when the user asks to complete a PDF form.`
    pub struct DescriptionPerson {
        code: "SK025",
        name: "description-person",
        severity: Warning,
        summary: "`description` is written in the first or second person",
        fixable: false,
    }
}

impl Rule for DescriptionPerson {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(entry)) = (&skill.source, field(skill, "description")) else {
            return;
        };
        let Some(d) = string_value(&entry.value, cx) else {
            return;
        };
        let person = if FIRST.is_match(d) {
            "first"
        } else if SECOND.is_match(d) {
            "second"
        } else {
            return;
        };
        cx.report(
            Self::META,
            &src.path,
            entry.value.range,
            format!("description is written in the {person} person"),
        )
        .set_help("write in the third person, e.g. \"Extracts text from PDFs. Use when ...\"");
    }
}
