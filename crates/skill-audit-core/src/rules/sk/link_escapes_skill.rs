//! SK042: a Markdown link resolves outside the skill folder.

use crate::rules::sk::links::{all_docs, classify, resolve_target, Resolved, Target};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a Markdown link or image in `SKILL.md`, or in a Markdown file that `SKILL.md` links
    /// to, whose relative destination climbs above the skill folder with `..`
    /// (`../shared/style.md`, or `references/../../x` from `SKILL.md`). The check is done on the
    /// text alone; nothing outside the skill folder is looked at.
    ///
    /// ## Why is this bad?
    /// A skill is installed, uploaded and copied as one folder (plugins are copied into a cache),
    /// so files next to it are not there at run time. Paths that leave the folder also read as
    /// path traversal to reviewers and security scanners.
    ///
    /// ## Example
    /// ```markdown
    /// Follow the [house style](../../docs/style.md).
    /// ```
    ///
    /// ## Fix
    /// Copy the file into the skill (for example under `references/`) and link it relatively:
    /// `[house style](references/style.md)`.
    pub struct LinkEscapesSkill {
        code: "SK042",
        name: "link-escapes-skill",
        severity: Error,
        summary: "A Markdown link resolves outside the skill folder",
        fixable: false,
    }
}

impl Rule for LinkEscapesSkill {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        if skill.parse_failed {
            return;
        }
        for doc in all_docs(skill, cx) {
            for link in &doc.links {
                let Target::Local {
                    path,
                    from_skill_dir,
                } = classify(&link.dest)
                else {
                    continue;
                };
                if resolve_target(&doc.dir, &path, from_skill_dir) != Resolved::Escapes {
                    continue;
                }
                cx.report(
                    Self::META,
                    &doc.src.path,
                    link.dest_range,
                    format!("link `{}` leads outside the skill folder", link.dest),
                )
                .set_help("copy the file into the skill folder and link it with a relative path that has no `..` above the skill");
            }
        }
    }
}
