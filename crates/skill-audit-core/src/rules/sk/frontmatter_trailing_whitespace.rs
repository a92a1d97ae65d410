//! SK009: a frontmatter line ends with spaces or tabs.

use crate::diagnostic::{Edit, Fix};
use crate::rules::{Context, Rule};
use crate::text::TextRange;
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports frontmatter lines (fences included) that end with spaces or tabs, and offers a safe fix
    /// that removes them.
    ///
    /// ## Why is this bad?
    /// Trailing blanks are invisible in review, make diffs noisy, and after a block scalar indicator
    /// (`description: >  `) or a fence they trip up some YAML and frontmatter parsers.
    ///
    /// ## Example
    /// `name: pdf-tools␠␠`
    ///
    /// ## Fix
    /// Remove the trailing whitespace (safe fix).
    pub struct FrontmatterTrailingWhitespace {
        code: "SK009",
        name: "frontmatter-trailing-whitespace",
        severity: Info,
        summary: "a frontmatter line ends with spaces or tabs",
        fixable: true,
    }
}

impl Rule for FrontmatterTrailingWhitespace {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(fm)) = (&skill.source, skill.parsed()) else {
            return;
        };
        let first = src.index.line_of(fm.fences.open.start());
        let last = src.index.line_of(fm.fences.close.start());
        for line in first..=last {
            let range = src.index.line_range(line, &src.text);
            let text = src.slice(range);
            let trimmed = text.trim_end_matches([' ', '\t']);
            if trimmed.len() < text.len() {
                let blanks = TextRange::new(range.start() + trimmed.len(), range.end());
                cx.report(
                    Self::META,
                    &src.path,
                    blanks,
                    "trailing whitespace in frontmatter",
                )
                .set_help("remove the trailing spaces and tabs")
                .set_fix(Fix::safe(
                    "Remove trailing whitespace",
                    vec![Edit {
                        range: blanks,
                        content: String::new(),
                    }],
                ));
            }
        }
    }
}
