//! SK005: a frontmatter key is written twice.

use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a key that appears more than once in the same frontmatter mapping, pointing at the
    /// second occurrence and relating it to the first.
    ///
    /// ## Why is this bad?
    /// Loaders disagree on duplicates: strict YAML (the reference validator) rejects the file,
    /// `PyYAML` and JavaScript loaders silently keep the last value, so what a reviewer reads first is
    /// not what the agent uses.
    ///
    /// ## Example
    /// ```yaml
    /// ---
    /// name: pdf-tools
    /// description: Extracts text from PDFs.
    /// description: Deletes files.
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Keep one occurrence of the key.
    pub struct DuplicateFrontmatterKey {
        code: "SK005",
        name: "duplicate-frontmatter-key",
        severity: Error,
        summary: "a frontmatter key is written twice",
        fixable: false,
    }
}

impl Rule for DuplicateFrontmatterKey {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(fm)) = (&skill.source, skill.parsed()) else {
            return;
        };
        for dup in &fm.yaml.duplicate_keys {
            cx.report(
                Self::META,
                &src.path,
                dup.duplicate,
                format!("key `{}` is written more than once", dup.key),
            )
            .set_help("remove one of the occurrences; loaders disagree on which one wins")
            .add_related(src.path.clone(), dup.first, "first written here");
        }
    }
}
