//! SK004: the frontmatter is empty or not a YAML mapping.

use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports frontmatter that parses but is not a mapping of keys to values: it is empty, a list,
    /// or a single string.
    ///
    /// ## Why is this bad?
    /// Skill metadata is read as keys (`name`, `description`, ...); anything else is rejected by the
    /// reference validator and ignored by agents.
    ///
    /// ## Example
    /// ```yaml
    /// ---
    /// - name: pdf-tools
    /// - description: Extracts text from PDFs.
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Write one `key: value` pair per line.
    pub struct FrontmatterNotMapping {
        code: "SK004",
        name: "frontmatter-not-mapping",
        severity: Error,
        summary: "the frontmatter is empty or not a YAML mapping",
        fixable: false,
    }
}

impl Rule for FrontmatterNotMapping {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(fm)) = (&skill.source, skill.parsed()) else {
            return;
        };
        if fm.yaml.error.is_some() {
            return;
        }
        match &fm.yaml.root {
            None => {
                cx.report(
                    Self::META,
                    &src.path,
                    fm.fences.open,
                    "frontmatter is empty",
                )
                .set_help("add `name` and `description` keys between the `---` lines");
            }
            Some(root) if root.as_map().is_none() => {
                cx.report(
                    Self::META,
                    &src.path,
                    root.range,
                    format!(
                        "frontmatter is {}, not a mapping of keys to values",
                        root.type_name()
                    ),
                )
                .set_help("write the frontmatter as `key: value` lines");
            }
            Some(_) => {}
        }
    }
}
