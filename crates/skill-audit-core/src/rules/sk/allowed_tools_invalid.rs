//! SK033: `allowed-tools` or `disallowed-tools` has the wrong type.

use crate::config::Profile;
use crate::diagnostic::Severity;
use crate::rules::sk::util::field;
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `allowed-tools` (or `disallowed-tools`) value that is neither a string nor a list
    /// of strings. Under `agentskills` a list is a warning, because the specification defines a
    /// space-separated string.
    ///
    /// ## Why is this bad?
    /// Claude Code's validator rejects other types, and a malformed grant may give a skill tools the
    /// author did not mean to pre-approve.
    ///
    /// ## Example
    /// ```yaml
    /// allowed-tools:
    ///   Bash: true
    /// ```
    ///
    /// ## Fix
    /// `allowed-tools: Read Grep Bash(git status:*)`
    pub struct AllowedToolsInvalid {
        code: "SK033",
        name: "allowed-tools-invalid",
        severity: Error,
        summary: "`allowed-tools` or `disallowed-tools` has the wrong type",
        fixable: false,
    }
}

impl Rule for AllowedToolsInvalid {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let Some(src) = &skill.source else { return };
        for key in ["allowed-tools", "disallowed-tools"] {
            let Some(entry) = field(skill, key) else {
                continue;
            };
            let range = if entry.value.range.is_empty() {
                entry.key.range
            } else {
                entry.value.range
            };
            if let Some(items) = entry.value.as_seq() {
                if let Some(bad) = items.iter().find(|i| !i.is_string()) {
                    cx.report(
                        Self::META,
                        &src.path,
                        bad.range,
                        format!("`{key}` entries must be strings, found {}", bad.type_name()),
                    )
                    .set_help("write each tool as a string, e.g. `Read` or `Bash(git:*)`");
                } else if cx.settings.profile == Profile::Agentskills {
                    cx.report_as(
                        Self::META,
                        Severity::Warning,
                        &src.path,
                        range,
                        format!(
                            "`{key}` is a list; the specification defines a space-separated string"
                        ),
                    )
                    .set_help("write the tools on one line separated by spaces");
                }
            } else if entry.value.as_map().is_some()
                || (!entry.value.is_string() && !entry.value.is_null())
            {
                cx.report(
                    Self::META,
                    &src.path,
                    range,
                    format!(
                        "`{key}` must be a string or a list of strings, found {}",
                        entry.value.type_name()
                    ),
                )
                .set_help("write the tools as a space-separated string");
            }
        }
    }
}
