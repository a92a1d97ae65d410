//! SK047: a skill folder inside another skill folder.

use crate::rules::{Context, Rule};
use crate::text::TextRange;
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill folder (a folder with `SKILL.md`) inside another skill folder, at the
    /// first line of the inner skill file, with the outer skill file as related location.
    ///
    /// ## Why is this bad?
    /// Skills are discovered one level below a skills folder; a skill nested inside another is
    /// either never found or, when the outer skill is uploaded or packaged, carried along as an
    /// unused file. It usually means a copied folder or a misplaced reference.
    ///
    /// ## Example
    /// ```text
    /// pdf-tools/SKILL.md
    /// pdf-tools/forms/SKILL.md
    /// ```
    ///
    /// ## Fix
    /// Move the inner skill next to the outer one (`skills/pdf-forms/`), or, if it is meant as
    /// reference material of the outer skill, rename its `SKILL.md` (for example to
    /// `references/forms.md`).
    pub struct NestedSkill {
        code: "SK047",
        name: "nested-skill",
        severity: Warning,
        summary: "A skill folder is inside another skill folder",
        fixable: false,
    }
}

fn first_line(skill: &Skill) -> TextRange {
    skill.source.as_ref().map_or(TextRange::empty(0), |s| {
        let r = s.index.line_range(0, &s.text);
        if r.is_empty() {
            TextRange::empty(0)
        } else {
            r
        }
    })
}

impl Rule for NestedSkill {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let Some(outer) = skill.parent.and_then(|p| cx.workspace.skills.get(p)) else {
            return;
        };
        let path = skill.path(cx.workspace).to_path_buf();
        let outer_path = outer.path(cx.workspace).to_path_buf();
        let outer_range = first_line(outer);
        cx.report(
            Self::META,
            &path,
            first_line(skill),
            format!(
                "skill `{}` is nested inside the skill folder `{}`",
                skill.dir_name, outer.dir_name
            ),
        )
        .set_help("move the skill next to the outer skill, or rename its SKILL.md if it is reference material")
        .add_related(outer_path, outer_range, "the enclosing skill");
    }
}
