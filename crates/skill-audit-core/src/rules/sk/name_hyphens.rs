//! SK014: `name` starts or ends with a hyphen or has consecutive hyphens.

use crate::rules::sk::util::{field, nfkc, string_value};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill name that starts or ends with `-` or contains `--`.
    ///
    /// ## Why is this bad?
    /// The specification forbids these forms and every validator rejects them.
    ///
    /// ## Example
    /// ```yaml
    /// name: -pdf--tools-
    /// ```
    ///
    /// ## Fix
    /// `name: pdf-tools`
    pub struct NameHyphens {
        code: "SK014",
        name: "name-hyphens",
        severity: Error,
        summary: "`name` starts or ends with a hyphen or has consecutive hyphens",
        fixable: false,
    }
}

impl Rule for NameHyphens {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(entry)) = (&skill.source, field(skill, "name")) else {
            return;
        };
        let Some(raw) = string_value(&entry.value, cx) else {
            return;
        };
        let name = nfkc(raw.trim());
        let range = entry.value.range;
        if name.starts_with('-') || name.ends_with('-') {
            cx.report(
                Self::META,
                &src.path,
                range,
                format!("skill name `{name}` starts or ends with a hyphen"),
            )
            .set_help("remove the leading and trailing hyphens");
        }
        if name.contains("--") {
            cx.report(
                Self::META,
                &src.path,
                range,
                format!("skill name `{name}` contains consecutive hyphens"),
            )
            .set_help("use single hyphens between words");
        }
    }
}
