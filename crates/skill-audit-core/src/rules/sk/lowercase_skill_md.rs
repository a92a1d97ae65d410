//! SK048: the skill file is named `skill.md` instead of `SKILL.md`.

use crate::rules::{Context, Rule};
use crate::text::TextRange;
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill folder whose skill file is `skill.md` (lowercase) rather than `SKILL.md`.
    ///
    /// ## Why is this bad?
    /// The specification names the file `SKILL.md`. The reference validator accepts the
    /// lowercase name, but Anthropic's packaging validator, claude.ai uploads and Claude Code look
    /// for `SKILL.md` only, so on case-sensitive file systems the skill is not found.
    ///
    /// ## Example
    /// ```text
    /// pdf-tools/skill.md
    /// ```
    ///
    /// ## Fix
    /// Rename the file to `SKILL.md` (`git mv skill.md SKILL.md`; on case-insensitive file
    /// systems go through a temporary name). There is no automatic fix: a rename is not a text
    /// edit.
    pub struct LowercaseSkillMd {
        code: "SK048",
        name: "lowercase-skill-md",
        severity: Warning,
        summary: "The skill file is named skill.md instead of SKILL.md",
        fixable: false,
    }
}

impl Rule for LowercaseSkillMd {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        if !skill.lowercase_file_name {
            return;
        }
        let path = skill.path(cx.workspace).to_path_buf();
        let range = skill.source.as_ref().map_or(TextRange::empty(0), |s| {
            let r = s.index.line_range(0, &s.text);
            if r.is_empty() {
                TextRange::empty(0)
            } else {
                r
            }
        });
        cx.report(
            Self::META,
            &path,
            range,
            "skill file is named `skill.md` instead of `SKILL.md`",
        )
        .set_help("rename the file to `SKILL.md`");
    }
}
