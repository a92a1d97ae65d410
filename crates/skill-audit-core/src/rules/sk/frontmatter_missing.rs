//! SK001: SKILL.md does not start with YAML frontmatter.

use crate::rules::{Context, Rule};
use crate::text::TextRange;
use crate::workspace::{FrontmatterState, Skill};

crate::declare_rule! {
    /// ## What it does
    /// Reports a `SKILL.md` whose first line is not `---`, the opening fence of the YAML
    /// frontmatter (a UTF-8 byte order mark before it is allowed).
    ///
    /// ## Why is this bad?
    /// Agents find and select a skill by the `name` and `description` in its frontmatter. Without
    /// frontmatter the skill is skipped by the reference validator, rejected by claude.ai uploads
    /// and, in Claude Code, listed with no description, so it is never chosen automatically.
    ///
    /// ## Example
    /// ```markdown
    /// # PDF tools
    /// Extract text from PDFs.
    /// ```
    ///
    /// ## Fix
    /// Start the file with a frontmatter block:
    /// ```markdown
    /// ---
    /// name: pdf-tools
    /// description: Extracts text from PDF files. Use when the user asks to read a PDF.
    /// ---
    /// # PDF tools
    /// ```
    pub struct FrontmatterMissing {
        code: "SK001",
        name: "frontmatter-missing",
        severity: Error,
        summary: "SKILL.md does not start with YAML frontmatter",
        fixable: false,
    }
}

impl Rule for FrontmatterMissing {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let Some(src) = &skill.source else { return };
        if skill.parse_failed {
            return;
        }
        if matches!(skill.frontmatter, FrontmatterState::Missing) {
            let first_line = src.index.line_range(0, &src.text);
            let range = if first_line.is_empty() {
                TextRange::empty(0)
            } else {
                first_line
            };
            cx.report(Self::META, &src.path, range, "SKILL.md does not start with `---` frontmatter")
                .set_help("add a frontmatter block with `name` and `description` between `---` lines at the top of the file");
        }
    }
}
