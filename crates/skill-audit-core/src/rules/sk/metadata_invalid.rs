//! SK032: `metadata` is not a mapping of strings to strings.

use crate::diagnostic::Severity;
use crate::rules::sk::util::{field, string_value};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `metadata` field that is not a mapping (error) and mapping values that are not
    /// strings, such as numbers, lists or nested mappings (warnings).
    ///
    /// ## Why is this bad?
    /// The specification defines `metadata` as a map of strings; Claude Code drops a non-map
    /// `metadata` entirely, and governance checks (owner, review date) read it.
    ///
    /// ## Example
    /// ```yaml
    /// metadata: finance
    /// ```
    ///
    /// ## Fix
    /// ```yaml
    /// metadata:
    ///   department: finance
    ///   version: "1.2"
    /// ```
    pub struct MetadataInvalid {
        code: "SK032",
        name: "metadata-invalid",
        severity: Error,
        summary: "`metadata` is not a mapping of strings to strings",
        fixable: false,
    }
}

impl Rule for MetadataInvalid {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(entry)) = (&skill.source, field(skill, "metadata")) else {
            return;
        };
        let Some(map) = entry.value.as_map() else {
            let range = if entry.value.range.is_empty() {
                entry.key.range
            } else {
                entry.value.range
            };
            cx.report(
                Self::META,
                &src.path,
                range,
                format!(
                    "`metadata` must be a mapping, found {}",
                    entry.value.type_name()
                ),
            )
            .set_help("write metadata as indented `key: value` lines");
            return;
        };
        for e in map {
            if string_value(&e.value, cx).is_none() {
                let key = e.key.as_str().unwrap_or("?");
                let range = if e.value.range.is_empty() {
                    e.key.range
                } else {
                    e.value.range
                };
                cx.report_as(
                    Self::META,
                    Severity::Warning,
                    &src.path,
                    range,
                    format!(
                        "metadata value `{key}` is {}, not a string",
                        e.value.type_name()
                    ),
                )
                .set_help("quote the value so it is a string");
            }
        }
    }
}
