//! SK031: `compatibility` is not a string of 1 to 500 characters.

use crate::diagnostic::Severity;
use crate::rules::sk::util::{field, string_value};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `compatibility` field that is not a string, or is longer than 500 characters
    /// (errors), or is empty (a warning: the specification says 1–500 characters, the reference
    /// validator accepts an empty string).
    ///
    /// ## Why is this bad?
    /// Validators reject the skill; the field is meant as a short note on environment requirements.
    ///
    /// ## Example
    /// ```yaml
    /// compatibility:
    ///   - python3
    /// ```
    ///
    /// ## Fix
    /// `compatibility: Requires Python 3.10+ and network access`
    pub struct CompatibilityInvalid {
        code: "SK031",
        name: "compatibility-invalid",
        severity: Error,
        summary: "`compatibility` is not a string of 1 to 500 characters",
        fixable: false,
    }
}

impl Rule for CompatibilityInvalid {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(entry)) = (&skill.source, field(skill, "compatibility")) else {
            return;
        };
        let range = if entry.value.range.is_empty() {
            entry.key.range
        } else {
            entry.value.range
        };
        match string_value(&entry.value, cx) {
            None if !entry.value.is_null() => {
                cx.report(
                    Self::META,
                    &src.path,
                    range,
                    format!(
                        "`compatibility` must be a string, found {}",
                        entry.value.type_name()
                    ),
                )
                .set_help("describe the environment requirements in one short string");
            }
            None | Some("") => {
                cx.report_as(
                    Self::META,
                    Severity::Warning,
                    &src.path,
                    range,
                    "`compatibility` is empty",
                )
                .set_help("describe the environment requirements, or remove the key");
            }
            Some(s) => {
                let n = s.chars().count();
                if n > 500 {
                    cx.report(
                        Self::META,
                        &src.path,
                        range,
                        format!("`compatibility` is {n} characters, over the 500-character limit"),
                    )
                    .set_help("keep compatibility to a short note; move details to the body");
                }
            }
        }
    }
}
