//! SK041: a Markdown link or image points at a local file or folder that does not exist.

use crate::rules::sk::links::{
    all_docs, classify, exists, resolve, resolve_target, Resolved, Target,
};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a Markdown link or image in `SKILL.md`, or in a Markdown file that `SKILL.md` links
    /// to, whose destination is a relative path to a file or folder that does not exist in the
    /// skill. URLs (any scheme), `mailto:`, in-page anchors (`#usage`) and paths under
    /// `${CLAUDE_PLUGIN_ROOT}` are skipped; `#fragment` and `?query` are ignored, `%20`-style
    /// escapes are decoded and `${CLAUDE_SKILL_DIR}/x` is resolved against the skill folder.
    /// Linked Markdown files inside a nested skill are left to that skill. Paths resolve against
    /// the folder of the file holding the link; in a linked reference file a
    /// path that resolves against the skill folder instead is accepted too. Links in code blocks do
    /// not count. Links that leave the skill folder (SK042) or are absolute (SK043) are left to
    /// those rules.
    ///
    /// ## Why is this bad?
    /// The agent follows these links to load instructions, scripts and assets on demand. A broken
    /// link means the skill silently runs without the material it relies on, or the agent wastes
    /// turns looking for a file that is not there.
    ///
    /// ## Example
    /// ```markdown
    /// For the full API, read [the reference](references/api.md).
    /// ```
    /// with no `references/api.md` in the skill folder.
    ///
    /// ## Fix
    /// Add the missing file, or correct the path (it is case-sensitive on most systems).
    pub struct BrokenLink {
        code: "SK041",
        name: "broken-link",
        severity: Error,
        summary: "A Markdown link or image points at a local file that does not exist",
        fixable: false,
    }
}

impl Rule for BrokenLink {
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
                let Resolved::Inside(comps) = resolve_target(&doc.dir, &path, from_skill_dir)
                else {
                    continue;
                };
                if exists(skill, cx, &comps) {
                    continue;
                }
                // Reference files often write paths from the skill folder; accept those too.
                if !doc.is_skill_file {
                    if let Resolved::Inside(alt) = resolve(&[], &path) {
                        if exists(skill, cx, &alt) {
                            continue;
                        }
                    }
                }
                let what = if link.is_image { "image" } else { "link" };
                cx.report(
                    Self::META,
                    &doc.src.path,
                    link.dest_range,
                    format!("{what} target `{}` does not exist", link.dest),
                )
                .set_help(format!(
                    "add `{}` to the skill or correct the path (relative to the folder of the file holding the link)",
                    comps.join("/")
                ));
            }
        }
    }
}
