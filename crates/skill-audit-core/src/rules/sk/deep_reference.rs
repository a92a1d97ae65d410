//! SK045: references nested more than one level deep.

use std::collections::HashSet;

use crate::rules::sk::links::{
    abs_path, classify, in_nested_skill, is_markdown_name, linked_docs, resolve_target,
    skill_file_targets, skill_link_to, Resolved, Target,
};
use crate::rules::{Context, Rule};
use crate::text::TextRange;
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports Markdown references that are more than one level away from `SKILL.md`. Two cases
    /// are flagged:
    ///
    /// 1. In a Markdown file that `SKILL.md` links to, a link to another local Markdown file of the
    ///    skill that `SKILL.md` does not link to itself (the finding points at that link). Links
    ///    back to `SKILL.md`, to the same file, and to files `SKILL.md` also links directly are
    ///    fine.
    /// 2. In `SKILL.md`, a link to a Markdown file nested two or more folders below the skill
    ///    folder, such as `references/api/auth.md` (`references/auth.md` is fine). Other file
    ///    types (scripts, images) are not checked.
    ///
    /// Markdown files inside a nested skill (a subfolder with its own `SKILL.md`) belong to that
    /// skill and are not followed.
    ///
    /// ## Why is this bad?
    /// Agents load references on demand and may only preview files reached through another
    /// reference (for example with `head`), so instructions two hops away are often read
    /// partially or not at all. The Agent Skills specification and Anthropic's best practices
    /// both ask for references one level deep from `SKILL.md`.
    ///
    /// ## Example
    /// `SKILL.md` links `references/advanced.md`, which says:
    /// ```markdown
    /// The details are in [details](details.md).
    /// ```
    ///
    /// ## Fix
    /// Link every reference file directly from `SKILL.md`, and keep reference files in one folder
    /// level (`references/details.md`).
    pub struct DeepReference {
        code: "SK045",
        name: "deep-reference",
        severity: Warning,
        summary: "A reference is nested more than one level deep from SKILL.md",
        fixable: false,
    }
}

impl Rule for DeepReference {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let Some(src) = skill.source.clone() else {
            return;
        };
        if skill.parse_failed {
            return;
        }
        let skill_file = src.file_name().to_string();
        // Case 2: deeply nested Markdown targets of SKILL.md.
        for link in &skill.markdown.links {
            let Target::Local {
                path,
                from_skill_dir,
            } = classify(&link.dest)
            else {
                continue;
            };
            let Resolved::Inside(comps) = resolve_target(&[], &path, from_skill_dir) else {
                continue;
            };
            if comps.len() > 2
                && is_markdown_name(&comps)
                && !in_nested_skill(skill, cx, &abs_path(skill, &comps))
            {
                cx.report(
                    Self::META,
                    &src.path,
                    link.dest_range,
                    format!(
                        "reference `{}` is nested {} folders below the skill",
                        link.dest,
                        comps.len() - 1
                    ),
                )
                .set_help(
                    "keep reference files one folder below the skill, such as `references/auth.md`",
                );
            }
        }
        // Case 1: chains SKILL.md -> reference -> further reference.
        let direct: HashSet<Vec<String>> = skill_file_targets(skill).into_iter().collect();
        for doc in linked_docs(skill, cx) {
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
                let is_skill_file = comps.len() == 1 && comps.first() == Some(&skill_file);
                if !is_markdown_name(&comps)
                    || is_skill_file
                    || comps == doc.rel
                    || direct.contains(&comps)
                    || in_nested_skill(skill, cx, &abs_path(skill, &comps))
                {
                    continue;
                }
                cx.report(
                    Self::META,
                    &doc.src.path,
                    link.dest_range,
                    format!(
                        "reference file links to `{}`, which SKILL.md does not link directly",
                        link.dest
                    ),
                )
                .set_help(format!(
                    "link `{}` from SKILL.md instead, so every reference is one level deep",
                    comps.join("/")
                ))
                .add_related(
                    &src.path,
                    skill_link_to(skill, &doc.rel).unwrap_or(TextRange::empty(0)),
                    "SKILL.md links the reference file here",
                );
            }
        }
    }
}
