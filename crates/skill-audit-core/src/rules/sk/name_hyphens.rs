//! SK014: `name` starts or ends with a hyphen or has consecutive hyphens.

use crate::diagnostic::{Edit, Fix};
use crate::rules::sk::util::{field, kebab_name, nfkc, string_value};
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
    /// `name: pdf-tools` (safe fix when the rest of the name is valid; if the folder then no
    /// longer matches, SK015 offers renaming it as an unsafe fix).
    pub struct NameHyphens {
        code: "SK014",
        name: "name-hyphens",
        severity: Error,
        summary: "`name` starts or ends with a hyphen or has consecutive hyphens",
        fixable: true,
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
        // Only names that are otherwise valid: other characters are SK013's to fix.
        let fix = kebab_name(&name)
            .filter(|k| {
                k.len() < name.len()
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                    && !src.text[range.start()..range.end()].contains('\n')
            })
            .map(|k| {
                Fix::safe(
                    format!("Set `name: {k}`"),
                    vec![Edit {
                        range,
                        content: k.clone(),
                    }],
                )
            });
        let mut fix = fix;
        if name.starts_with('-') || name.ends_with('-') {
            let d = cx.report(
                Self::META,
                &src.path,
                range,
                format!("skill name `{name}` starts or ends with a hyphen"),
            );
            d.set_help("remove the leading and trailing hyphens");
            if let Some(f) = fix.take() {
                d.set_fix(f);
            }
        }
        if name.contains("--") {
            let d = cx.report(
                Self::META,
                &src.path,
                range,
                format!("skill name `{name}` contains consecutive hyphens"),
            );
            d.set_help("use single hyphens between words");
            if let Some(f) = fix.take() {
                d.set_fix(f);
            }
        }
    }
}
