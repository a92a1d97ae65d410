//! SK043: a Markdown link uses an absolute path.

use crate::rules::sk::links::{all_docs, classify, Target};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a Markdown link or image in `SKILL.md`, or in a Markdown file that `SKILL.md` links
    /// to, whose destination is an absolute path: `/x`, `\x`, `C:\x`, `C:/x`, `~/x`,
    /// `\\server\share` or a `file:` URL. `${CLAUDE_SKILL_DIR}/x` is not absolute in this sense:
    /// it is resolved against the skill folder.
    ///
    /// ## Why is this bad?
    /// An absolute path names a place on the author's machine. Wherever else the skill is
    /// installed (another user, claude.ai, the API, a plugin cache) the path does not exist, and
    /// it may leak a user name or directory layout.
    ///
    /// ## Example
    /// ```markdown
    /// See [the schema](/Users/ana/skills/db-report/references/schema.md).
    /// ```
    ///
    /// ## Fix
    /// Use a path relative to the skill folder: `[the schema](references/schema.md)`.
    pub struct AbsoluteLink {
        code: "SK043",
        name: "absolute-link",
        severity: Error,
        summary: "A Markdown link uses an absolute path",
        fixable: false,
    }
}

impl Rule for AbsoluteLink {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        if skill.parse_failed {
            return;
        }
        for doc in all_docs(skill, cx) {
            for link in &doc.links {
                if classify(&link.dest) != Target::Absolute {
                    continue;
                }
                cx.report(
                    Self::META,
                    &doc.src.path,
                    link.dest_range,
                    format!("link `{}` uses an absolute path", link.dest),
                )
                .set_help("use a path relative to the skill folder, such as `references/guide.md`, or a full `https://` URL for a web page");
            }
        }
    }
}
