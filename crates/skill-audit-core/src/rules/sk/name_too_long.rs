//! SK012: `name` is longer than 64 characters.

use crate::rules::sk::util::{field, nfkc, string_value};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill name longer than 64 characters after Unicode NFKC normalisation.
    ///
    /// ## Why is this bad?
    /// The specification, Anthropic's validator and the platform all cap names at 64 characters;
    /// longer names are rejected.
    ///
    /// ## Example
    /// ```yaml
    /// name: extract-text-and-tables-from-scanned-pdf-documents-and-convert-them-to-csv
    /// ```
    ///
    /// ## Fix
    /// Shorten the name (and rename the folder to match).
    pub struct NameTooLong {
        code: "SK012",
        name: "name-too-long",
        severity: Error,
        summary: "`name` is longer than 64 characters",
        fixable: false,
    }
}

impl Rule for NameTooLong {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(entry)) = (&skill.source, field(skill, "name")) else {
            return;
        };
        let Some(name) = string_value(&entry.value, cx) else {
            return;
        };
        let n = nfkc(name.trim()).chars().count();
        if n > 64 {
            cx.report(
                Self::META,
                &src.path,
                entry.value.range,
                format!("skill name is {n} characters, over the 64-character limit"),
            )
            .set_help("shorten the name to at most 64 characters and rename the folder to match");
        }
    }
}
