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
