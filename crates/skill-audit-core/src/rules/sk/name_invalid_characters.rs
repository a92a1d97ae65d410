//! SK013: `name` has characters other than lowercase letters, digits and hyphens.

use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::sk::util::{field, kebab_name, nfkc, string_value};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill name (after NFKC normalisation) with uppercase letters, spaces, underscores,
    /// dots, XML-like `<tags>` or other characters outside lowercase letters, digits and `-`.
    /// Lowercase non-ASCII letters and digits (`i18n-名前`) are accepted by the reference validator
    /// but rejected by Anthropic's validator and the platform, so they are a warning.
    ///
    /// ## Why is this bad?
    /// Names become command names and identifiers (`/pdf-tools`, `plugin:pdf-tools`); validators and
    /// uploads reject anything but `[a-z0-9-]`.
    ///
    /// ## Example
    /// ```yaml
    /// name: PDF_Tools
    /// ```
    ///
    /// ## Fix
    /// Use kebab-case: `name: pdf-tools`. The safe fix sets the kebab-case name when the name is
    /// made of ASCII words (`PDF_Tools`, `PDF tools`, `pdfTools`); if the folder then no longer
    /// matches, SK015 offers renaming the folder as an unsafe fix.
    pub struct NameInvalidCharacters {
        code: "SK013",
        name: "name-invalid-characters",
        severity: Error,
        summary: "`name` has characters other than lowercase letters, digits and hyphens",
        fixable: true,
    }
}

impl Rule for NameInvalidCharacters {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(entry)) = (&skill.source, field(skill, "name")) else {
            return;
        };
        let Some(raw) = string_value(&entry.value, cx) else {
            return;
        };
        let name = nfkc(raw.trim());
        if name.is_empty() {
            return;
        }
        let range = entry.value.range;
        let suggestion = kebab(&name);
        // The fix needs a one-line value and a name made of ASCII words.
        let fix = kebab_name(&name)
            .filter(|_| !src.text[range.start()..range.end()].contains('\n'))
            .map(|k| {
                Fix::safe(
                    format!("Set `name: {k}`"),
                    vec![Edit {
                        range,
                        content: k.clone(),
                    }],
                )
            });
        if name.chars().any(char::is_uppercase) {
            let d = cx.report(
                Self::META,
                &src.path,
                range,
                format!("skill name `{name}` must be lowercase"),
            );
            d.set_help(format!(
                "use lowercase letters, digits and hyphens, e.g. `{suggestion}`"
            ));
            if let Some(fix) = fix {
                d.set_fix(fix);
            }
            return;
        }
        if let Some(bad) = name.chars().find(|c| !(c.is_alphanumeric() || *c == '-')) {
            let d = cx.report(Self::META, &src.path, range, format!("skill name `{name}` contains `{}`; only lowercase letters, digits and hyphens are allowed", bad.escape_default()));
            d.set_help(format!("use kebab-case, e.g. `{suggestion}`"));
            if let Some(fix) = fix {
                d.set_fix(fix);
            }
            return;
        }
        if !name.is_ascii() {
            cx.report_as(Self::META, Severity::Warning, &src.path, range, format!("skill name `{name}` has non-ASCII letters, which Anthropic's validator and uploads reject"))
                .set_help("use ASCII lowercase letters, digits and hyphens");
        }
    }
}

/// A kebab-case suggestion for a name.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}
