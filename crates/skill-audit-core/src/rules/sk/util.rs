//! Helpers shared by the SK rules.

use unicode_normalization::UnicodeNormalization;

use crate::config::Profile;
use crate::diagnostic::Severity;
use crate::rules::Context;
use crate::workspace::Skill;
use crate::yaml::{YamlEntry, YamlNode};

/// The frontmatter's root mapping, if the frontmatter parsed to a mapping.
pub fn root_map(skill: &Skill) -> Option<&YamlNode> {
    skill.yaml_root().filter(|r| r.as_map().is_some())
}

/// The first entry for `key` in the frontmatter mapping.
pub fn field<'a>(skill: &'a Skill, key: &str) -> Option<&'a YamlEntry> {
    root_map(skill)?.entry(key)
}

/// Unicode NFKC normalisation (as the reference validator applies to names).
pub fn nfkc(s: &str) -> String {
    s.nfkc().collect()
}

/// A scalar's text if it is usable as a string under the active profile: under `agentskills`
/// (strict YAML, every scalar is a string) any scalar; under `claude-code` only scalars a YAML
/// 1.1 loader reads as strings.
pub fn string_value<'a>(node: &'a YamlNode, cx: &Context<'_>) -> Option<&'a str> {
    match cx.settings.profile {
        Profile::Agentskills => node.as_str(),
        Profile::ClaudeCode => node.as_str().filter(|_| node.is_string()),
    }
}

/// `error` under the portable `agentskills` profile, `warning` under `claude-code`.
pub fn error_if_portable(cx: &Context<'_>) -> Severity {
    match cx.settings.profile {
        Profile::Agentskills => Severity::Error,
        Profile::ClaudeCode => Severity::Warning,
    }
}

/// `error` under `claude-code` (a platform constraint), `warning` under `agentskills` (not part
/// of the open specification).
pub fn error_if_claude(cx: &Context<'_>) -> Severity {
    match cx.settings.profile {
        Profile::Agentskills => Severity::Warning,
        Profile::ClaudeCode => Severity::Error,
    }
}

/// Whether `name` is a valid skill name: 1 to 64 of `[a-z0-9-]`, no leading, trailing or
/// doubled hyphen.
pub fn is_kebab_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
        && !name.ends_with('-')
        && !name.contains("--")
}

/// The kebab-case form of a name made of ASCII words (`Report_Helper`, `PDF tools`,
/// `reportHelper`, `-pdf--tools-`), or `None` when the conversion would drop or guess at
/// anything: characters other than ASCII letters, digits, spaces, `_`, `.` and `-`, or a result
/// that is not a valid name.
pub fn kebab_name(name: &str) -> Option<String> {
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '_' | '.' | '-'))
    {
        return None;
    }
    let mut out = String::with_capacity(name.len() + 4);
    let mut prev: Option<char> = None;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            // A word boundary inside camelCase: `reportHelper` -> `report-helper`.
            if c.is_ascii_uppercase()
                && prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
            {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        prev = Some(c);
    }
    let out = out.trim_end_matches('-').to_string();
    is_kebab_name(&out).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_names() {
        for (from, to) in [
            ("Report_Helper", Some("report-helper")),
            ("PDF tools", Some("pdf-tools")),
            ("reportHelper", Some("report-helper")),
            ("-pdf--tools-", Some("pdf-tools")),
            ("v2.Export", Some("v2-export")),
            ("pdf-tools", Some("pdf-tools")),
            ("<b>pdf</b>", None),
            ("i18n-名前", None),
            ("___", None),
        ] {
            assert_eq!(kebab_name(from).as_deref(), to, "{from}");
        }
        assert!(!is_kebab_name(&"a".repeat(65)));
    }
}
