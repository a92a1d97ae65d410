//! SK049: a skill folder is named `synced`.

use crate::rules::{Context, Rule};
use crate::text::TextRange;
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill whose folder is named `synced`.
    ///
    /// ## Why is this bad?
    /// Claude Code reserves the skill folder name `synced` for skills it syncs from claude.ai, so
    /// a local skill of that name clashes with them and is not loaded as written.
    ///
    /// ## Example
    /// ```text
    /// .claude/skills/synced/SKILL.md
    /// ```
    ///
    /// ## Fix
    /// Rename the folder (and the `name` field with it) to a name that says what the skill does,
    /// such as `sync-calendar`.
    pub struct SyncedFolderName {
        code: "SK049",
        name: "synced-folder-name",
        severity: Error,
        summary: "A skill folder is named synced, which Claude Code reserves",
        fixable: false,
    }
}

impl Rule for SyncedFolderName {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        if skill.dir_name != "synced" {
            return;
        }
        let path = skill.path(cx.workspace).to_path_buf();
        let range = skill
            .yaml_root()
            .and_then(|r| r.get("name"))
            .map(|n| n.range)
            .or_else(|| {
                skill
                    .source
                    .as_ref()
                    .map(|s| s.index.line_range(0, &s.text))
            })
            .unwrap_or(TextRange::empty(0));
        cx.report(
            Self::META,
            &path,
            range,
            "skill folder is named `synced`, which Claude Code reserves",
        )
        .set_help(
            "rename the skill folder and its `name` to something that says what the skill does",
        );
    }
}
