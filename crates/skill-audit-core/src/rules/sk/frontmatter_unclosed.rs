//! SK002: the frontmatter has no closing `---` line.

use crate::rules::{Context, Rule};
use crate::workspace::{FrontmatterState, Skill};

crate::declare_rule! {
    /// ## What it does
    /// Reports a `SKILL.md` that opens a frontmatter block with `---` but never closes it with a
    /// second `---` line.
    ///
    /// ## Why is this bad?
    /// Without the closing fence the whole file is read as YAML (or the skill is rejected): the
    /// reference validator fails with "frontmatter not properly closed" and Claude Code cannot find
    /// the description.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// name: pdf-tools
    /// description: Extracts text from PDFs.
    /// # PDF tools
    /// ```
    ///
    /// ## Fix
    /// Add a `---` line after the last frontmatter key.
    pub struct FrontmatterUnclosed {
        code: "SK002",
        name: "frontmatter-unclosed",
        severity: Error,
        summary: "the frontmatter has no closing `---` line",
        fixable: false,
    }
}

impl Rule for FrontmatterUnclosed {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), FrontmatterState::Unclosed { open }) = (&skill.source, &skill.frontmatter)
        else {
            return;
        };
        cx.report(
            Self::META,
            &src.path,
            *open,
            "frontmatter opened here is never closed with `---`",
        )
        .set_help("add a line containing only `---` after the last frontmatter key");
    }
}
