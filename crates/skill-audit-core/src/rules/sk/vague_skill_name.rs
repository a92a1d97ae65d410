//! SK050: the skill name is vague.

use crate::rules::{Context, Rule};
use crate::text::TextRange;
use crate::workspace::Skill;

/// Words that say nothing about what a skill does.
const VAGUE: &[&str] = &[
    "agent",
    "ai",
    "assistant",
    "base",
    "common",
    "core",
    "data",
    "default",
    "demo",
    "doc",
    "docs",
    "document",
    "documents",
    "example",
    "file",
    "files",
    "general",
    "helper",
    "helpers",
    "lib",
    "main",
    "misc",
    "miscellaneous",
    "sample",
    "script",
    "scripts",
    "skill",
    "skills",
    "stuff",
    "temp",
    "test",
    "tests",
    "thing",
    "things",
    "tmp",
    "tool",
    "toolkit",
    "tools",
    "untitled",
    "util",
    "utilities",
    "utility",
    "utils",
];

/// Filler words that do not make a vague name specific (`my-helper`, `new-skill`).
const FILLER: &[&str] = &[
    "a", "all", "an", "basic", "custom", "generic", "my", "new", "other", "our", "simple", "the",
    "various",
];

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill name made only of vague words, such as `helper`, `utils`, `tools`, `data`,
    /// `files`, `misc`, `common`, `skill` or `test`, optionally with filler words (`my-helper`,
    /// `new-skill`, `common-utils`). A name with any specific word (`pdf-helper`) passes. The
    /// name is read from the frontmatter `name`, or from the folder name when there is none.
    ///
    /// ## Why is this bad?
    /// The agent chooses among many skills by name and description. A vague name gives it
    /// nothing to match on and makes the skill hard to find, reference and review. Anthropic's
    /// best practices list these names as ones to avoid and suggest gerund forms instead.
    ///
    /// ## Example
    /// ```yaml
    /// name: utils
    /// ```
    ///
    /// ## Fix
    /// Name what the skill does: `processing-pdfs`, `analyzing-spreadsheets`.
    pub struct VagueSkillName {
        code: "SK050",
        name: "vague-skill-name",
        severity: Warning,
        summary: "The skill name is vague",
        fixable: false,
    }
}

/// Whether every word of `name` is vague or filler, with at least one vague word.
pub fn is_vague(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    let mut any_vague = false;
    for word in lower.split(['-', '_', ' ', '.']).filter(|w| !w.is_empty()) {
        if VAGUE.contains(&word) {
            any_vague = true;
        } else if !FILLER.contains(&word) {
            return false;
        }
    }
    any_vague
}

impl Rule for VagueSkillName {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        if skill.parse_failed {
            return;
        }
        let path = skill.path(cx.workspace).to_path_buf();
        let node = skill.yaml_root().and_then(|r| r.get("name"));
        let (name, range) = match node.and_then(|n| n.as_str().map(|s| (s, n.range))) {
            Some((s, r)) if !s.trim().is_empty() => (s.trim().to_string(), r),
            _ => (
                skill.dir_name.clone(),
                skill
                    .source
                    .as_ref()
                    .map_or(TextRange::empty(0), |s| s.index.line_range(0, &s.text)),
            ),
        };
        if !is_vague(&name) {
            return;
        }
        cx.report(
            Self::META,
            &path,
            range,
            format!("skill name `{name}` is vague"),
        )
        .set_help("name what the skill does, preferably as a gerund such as `processing-pdfs`");
    }
}

#[cfg(test)]
mod tests {
    use super::is_vague;

    #[test]
    fn vague_names() {
        for n in [
            "helper",
            "utils",
            "my-skill",
            "common-tools",
            "Test",
            "new-helper",
        ] {
            assert!(is_vague(n), "{n}");
        }
        for n in ["pdf-helper", "processing-pdfs", "my", "", "data-pipeline"] {
            assert!(!is_vague(n), "{n}");
        }
    }
}
