//! SK046: a long reference file has no table of contents.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use crate::markdown;
use crate::rules::sk::links::{
    abs_path, in_nested_skill, is_markdown_name, skill_file_targets, skill_link_to,
};
use crate::rules::{Context, Rule};
use crate::source::SourceFile;
use crate::workspace::Skill;

/// Reference files longer than this need a table of contents.
const MAX_LINES: usize = 100;
/// The table of contents must start within this many lines.
const TOC_WITHIN: usize = 50;
/// In-page anchor links that make a list of links a table of contents.
const MIN_ANCHORS: usize = 3;

crate::declare_rule! {
    /// ## What it does
    /// Reports a Markdown reference file of more than 100 lines with no table of contents in its
    /// first 50 lines. Reference files are the Markdown files `SKILL.md` links to and every
    /// Markdown file under the skill's `references/` folder (files of nested skills excluded).
    /// A table of contents is a heading such as `Contents`, `Table of contents` or `TOC`, or at
    /// least 3 in-page anchor links (`[Setup](#setup)`), within the first 50 lines.
    ///
    /// ## Why is this bad?
    /// Agents often preview a long reference with a partial read (`head -100`). A table of
    /// contents at the top shows the whole scope of the file, so the agent knows what exists and
    /// can jump to the right section instead of missing it. Anthropic's best practices ask for
    /// one in every reference file over 100 lines.
    ///
    /// ## Example
    /// A 400-line `references/api.md` that starts straight with `## Authentication`.
    ///
    /// ## Fix
    /// Add a table of contents after the title:
    /// ```markdown
    /// # API reference
    /// ## Contents
    /// - [Authentication](#authentication)
    /// - [Pagination](#pagination)
    /// - [Errors](#errors)
    /// ```
    pub struct ReferenceWithoutToc {
        code: "SK046",
        name: "reference-without-toc",
        severity: Warning,
        summary: "A reference file over 100 lines has no table of contents",
        fixable: false,
    }
}

/// Lines of a text, not counting the empty line after a final newline.
fn line_count(src: &SourceFile) -> usize {
    let n = src.index.line_count();
    if src.text.ends_with('\n') {
        n.saturating_sub(1)
    } else {
        n
    }
}

fn is_toc_heading(text: &str) -> bool {
    let t: String = text
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    t == "toc" || t == "index" || t == "on this page" || t.contains("contents")
}

fn has_toc(src: &SourceFile) -> bool {
    let limit = src.index.line_start(TOC_WITHIN);
    let info = markdown::analyze(&src.text, 0);
    if info
        .headings
        .iter()
        .any(|h| h.range.start() < limit && is_toc_heading(&h.text))
    {
        return true;
    }
    info.links
        .iter()
        .filter(|l| l.range.start() < limit && l.dest.starts_with('#'))
        .count()
        >= MIN_ANCHORS
}

impl Rule for ReferenceWithoutToc {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        if skill.parse_failed {
            return;
        }
        let skill_file = cx
            .workspace
            .files
            .get(skill.file)
            .map(|f| f.entry.abs.clone());
        let mut seen: HashSet<PathBuf> = HashSet::new();
        let mut refs: Vec<(Arc<SourceFile>, Vec<String>)> = Vec::new();
        let mut add = |abs: PathBuf, rel: Vec<String>, cx: &Context<'_>| {
            if skill_file.as_ref() == Some(&abs) || seen.contains(&abs) {
                return;
            }
            if let Some(src) = cx.workspace.source_at(&abs) {
                seen.insert(abs);
                refs.push((Arc::clone(src), rel));
            }
        };
        for comps in skill_file_targets(skill) {
            let abs = abs_path(skill, &comps);
            if is_markdown_name(&comps) && !in_nested_skill(skill, cx, &abs) {
                add(abs, comps, cx);
            }
        }
        for i in skill.files.clone() {
            let Some(f) = cx.workspace.files.get(i) else {
                continue;
            };
            let Ok(rel) = f.entry.abs.strip_prefix(&skill.dir) else {
                continue;
            };
            let comps: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if comps.len() < 2
                || comps.first().map(String::as_str) != Some("references")
                || !is_markdown_name(&comps)
                || in_nested_skill(skill, cx, &f.entry.abs)
            {
                continue;
            }
            add(f.entry.abs.clone(), comps, cx);
        }
        for (src, rel) in refs {
            let lines = line_count(&src);
            if lines <= MAX_LINES || has_toc(&src) {
                continue;
            }
            let range = src.index.line_range(0, &src.text);
            let d = cx
                .report(
                    Self::META,
                    &src.path,
                    range,
                    format!("reference file has {lines} lines but no table of contents"),
                )
                .set_help(
                    "add a `## Contents` section near the top listing the file's sections as links",
                );
            if let (Some(skill_src), Some(at)) = (&skill.source, skill_link_to(skill, &rel)) {
                d.add_related(
                    &skill_src.path,
                    at,
                    "SKILL.md links the reference file here",
                );
            }
        }
    }
}
