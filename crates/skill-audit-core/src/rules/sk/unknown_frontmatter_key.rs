//! SK030: the frontmatter has a key the profile does not define.

use crate::config::Profile;
use crate::rules::sk::util::{error_if_portable, root_map};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

/// The keys of the Agent Skills specification.
pub const SPEC_KEYS: [&str; 6] = [
    "name",
    "description",
    "license",
    "compatibility",
    "metadata",
    "allowed-tools",
];

/// Claude Code's additional skill frontmatter keys.
pub const CLAUDE_CODE_KEYS: [&str; 14] = [
    "when_to_use",
    "argument-hint",
    "arguments",
    "disable-model-invocation",
    "user-invocable",
    "disallowed-tools",
    "model",
    "effort",
    "context",
    "agent",
    "background",
    "hooks",
    "paths",
    "shell",
];

fn suggest<'a>(key: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let norm = |s: &str| s.to_ascii_lowercase().replace('_', "-");
    let k = norm(key);
    candidates
        .map(|c| (strsim::damerau_levenshtein(&k, &norm(c)), c))
        .filter(|(d, c)| *d <= 2.min(c.len() / 3 + 1) || norm(c) == k)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

crate::declare_rule! {
    /// ## What it does
    /// Reports frontmatter keys outside the six the Agent Skills specification defines (`name`,
    /// `description`, `license`, `compatibility`, `metadata`, `allowed-tools`). Under `agentskills`
    /// this is an error (the reference validator, claude.ai uploads and the API reject such skills);
    /// under `claude-code` Claude Code's own fields (`when_to_use`, `argument-hint`, `arguments`,
    /// `disable-model-invocation`, `user-invocable`, `disallowed-tools`, `model`, `effort`,
    /// `context`, `agent`, `background`, `hooks`, `paths`, `shell`) are allowed and any other key is a
    /// warning. A likely misspelling gets a suggestion.
    ///
    /// ## Why is this bad?
    /// Unknown keys are ignored by agents (a misspelt `descripton` means no description) and make
    /// the skill non-portable.
    ///
    /// ## Example
    /// ```yaml
    /// ---
    /// name: pdf-tools
    /// description: Extracts text from PDFs. Use when the user asks to read a PDF.
    /// author: alice
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Move custom data under `metadata` (`metadata: {author: alice}` in block style), or fix the
    /// spelling.
    pub struct UnknownFrontmatterKey {
        code: "SK030",
        name: "unknown-frontmatter-key",
        severity: Error,
        summary: "the frontmatter has a key the profile does not define",
        fixable: false,
    }
}

impl Rule for UnknownFrontmatterKey {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(root)) = (&skill.source, root_map(skill)) else {
            return;
        };
        let Some(entries) = root.as_map() else { return };
        let claude = cx.settings.profile == Profile::ClaudeCode;
        let severity = error_if_portable(cx);
        for e in entries {
            let Some(key) = e.key.as_str() else { continue };
            if SPEC_KEYS.contains(&key) || (claude && CLAUDE_CODE_KEYS.contains(&key)) {
                continue;
            }
            let allowed: Vec<&str> = if claude {
                SPEC_KEYS
                    .iter()
                    .chain(CLAUDE_CODE_KEYS.iter())
                    .copied()
                    .collect()
            } else {
                SPEC_KEYS.to_vec()
            };
            let hint = suggest(key, allowed.iter().copied());
            let profile = cx.settings.profile.as_str();
            let message = match hint {
                Some(h) => format!("unknown frontmatter key `{key}` (did you mean `{h}`?)"),
                None => format!("unknown frontmatter key `{key}` for the {profile} profile"),
            };
            let help = match (hint, claude) {
                (Some(h), _) => format!("rename it to `{h}`"),
                (None, false) => "only name, description, license, compatibility, metadata and allowed-tools are allowed; move custom data under `metadata`".to_string(),
                (None, true) => "Claude Code ignores this key; move custom data under `metadata`".to_string(),
            };
            cx.report_as(Self::META, severity, &src.path, e.key.range, message)
                .set_help(help);
        }
    }
}
