//! SK008: a frontmatter value contains `---`.

use crate::rules::{Context, Rule};
use crate::text::TextRange;
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports `---` inside a frontmatter value (for example `description: Converts A --- B`).
    ///
    /// ## Why is this bad?
    /// The reference validator splits the file at the first `---` anywhere, so it silently cuts the
    /// frontmatter at that point and validates something other than what agents read.
    ///
    /// ## Example
    /// ```yaml
    /// description: Compares two files --- useful for reviews
    /// ```
    ///
    /// ## Fix
    /// Use a dash or a colon instead: `Compares two files: useful for reviews`.
    pub struct FenceInValue {
        code: "SK008",
        name: "fence-in-value",
        severity: Warning,
        summary: "a frontmatter value contains `---`",
        fixable: false,
    }
}

impl Rule for FenceInValue {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(fm)) = (&skill.source, skill.parsed()) else {
            return;
        };
        let yaml = src.slice(fm.fences.yaml);
        if let Some(i) = yaml.find("---") {
            let start = fm.fences.yaml.start() + i;
            cx.report(
                Self::META,
                &src.path,
                TextRange::new(start, start + 3),
                "frontmatter value contains `---`",
            )
            .set_help(
                "replace `---` with other punctuation; some validators cut the frontmatter there",
            );
        }
    }
}
