//! SK011: `name` is empty or not a string.

use crate::rules::sk::util::{field, string_value};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `name` that is empty, null, a list or a mapping. Under the `claude-code` profile a
    /// bare number or boolean (`name: 2024`, `name: yes`) is reported too, since YAML 1.1 loaders do
    /// not read it as a string.
    ///
    /// ## Why is this bad?
    /// Validators reject the skill and agents cannot display or invoke it.
    ///
    /// ## Example
    /// ```yaml
    /// name:
    ///   - pdf-tools
    /// ```
    ///
    /// ## Fix
    /// Write the name as a single string: `name: pdf-tools`.
    pub struct NameNotString {
        code: "SK011",
        name: "name-not-string",
        severity: Error,
        summary: "`name` is empty or not a string",
        fixable: false,
    }
}

impl Rule for NameNotString {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(entry)) = (&skill.source, field(skill, "name")) else {
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
                format!("`name` must be a non-empty string, found {what}"),
            )
            .set_help("write the name as a string of lowercase letters, digits and hyphens");
        }
    }
}
