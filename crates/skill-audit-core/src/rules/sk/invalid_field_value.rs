//! SK034: a Claude Code frontmatter field has an invalid value.

use crate::rules::sk::util::field;
use crate::rules::{Context, Rule};
use crate::workspace::Skill;
use crate::yaml::YamlNode;

/// A predicate on a field's value.
type Check = dyn Fn(&YamlNode) -> bool;

fn one_of(node: &YamlNode, allowed: &[&str]) -> bool {
    node.is_string() && node.as_str().is_some_and(|s| allowed.contains(&s))
}

fn is_bool(node: &YamlNode) -> bool {
    node.as_str().is_some_and(|s| {
        matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "1" | "0"
        )
    }) && node.as_map().is_none()
}

fn string_or_list(node: &YamlNode) -> bool {
    node.is_string()
        || node
            .as_seq()
            .is_some_and(|items| items.iter().all(YamlNode::is_string))
}

crate::declare_rule! {
    /// ## What it does
    /// Checks the values of Claude Code's skill fields: `context` must be `fork`; `effort` one of
    /// `low`, `medium`, `high`, `xhigh`, `max`; `shell` `bash` or `powershell`;
    /// `disable-model-invocation`, `user-invocable` and `background` booleans (`true`/`false`, and
    /// from Claude Code 2.1.218 also yes/no/on/off/1/0); `model`, `agent`, `argument-hint` and
    /// `when_to_use` strings; `arguments` and `paths` a string or a list of strings; `hooks` a
    /// mapping.
    ///
    /// ## Why is this bad?
    /// Claude Code rejects or silently ignores invalid values: a misspelt `context: forked` runs the
    /// skill inline instead of in a sub-agent.
    ///
    /// ## Example
    /// ```yaml
    /// context: forked
    /// effort: extreme
    /// ```
    ///
    /// ## Fix
    /// ```yaml
    /// context: fork
    /// effort: high
    /// ```
    pub struct InvalidFieldValue {
        code: "SK034",
        name: "invalid-field-value",
        severity: Error,
        summary: "a Claude Code frontmatter field has an invalid value",
        fixable: false,
    }
}

impl Rule for InvalidFieldValue {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let Some(src) = &skill.source else { return };
        let checks: [(&str, &Check, &str); 12] = [
            ("context", &|n| one_of(n, &["fork"]), "`fork`"),
            (
                "effort",
                &|n| one_of(n, &["low", "medium", "high", "xhigh", "max"]),
                "one of low, medium, high, xhigh, max",
            ),
            (
                "shell",
                &|n| one_of(n, &["bash", "powershell"]),
                "`bash` or `powershell`",
            ),
            ("disable-model-invocation", &is_bool, "a boolean"),
            ("user-invocable", &is_bool, "a boolean"),
            ("background", &is_bool, "a boolean"),
            ("model", &YamlNode::is_string, "a model name string"),
            ("agent", &YamlNode::is_string, "an agent name string"),
            ("argument-hint", &YamlNode::is_string, "a string"),
            ("when_to_use", &YamlNode::is_string, "a string"),
            (
                "arguments",
                &string_or_list,
                "a string or a list of strings",
            ),
            ("paths", &string_or_list, "a glob string or a list of globs"),
        ];
        for (key, ok, expected) in checks {
            let Some(entry) = field(skill, key) else {
                continue;
            };
            if !ok(&entry.value) {
                let range = if entry.value.range.is_empty() {
                    entry.key.range
                } else {
                    entry.value.range
                };
                let found = src.slice(range).lines().next().unwrap_or("").trim();
                cx.report(
                    Self::META,
                    &src.path,
                    range,
                    format!("`{key}` must be {expected}, found `{found}`"),
                )
                .set_help(format!("set `{key}` to {expected}"));
            }
        }
        if let Some(entry) = field(skill, "hooks") {
            if entry.value.as_map().is_none() {
                cx.report(
                    Self::META,
                    &src.path,
                    entry.key.range,
                    format!(
                        "`hooks` must be a mapping of events to handlers, found {}",
                        entry.value.type_name()
                    ),
                )
                .set_help(
                    "write hooks as `EventName:` followed by a list of matchers and handlers",
                );
            }
        }
    }
}
