//! SK010: the frontmatter has no `name`.

use crate::diagnostic::{Edit, Fix};
use crate::rules::sk::util::{error_if_portable, root_map};
use crate::rules::{Context, Rule};
use crate::text::TextRange;
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports frontmatter without a `name` key. Error under the `agentskills` profile (the
    /// specification requires it); warning under `claude-code`, which falls back to the folder name
    /// but whose uploads (claude.ai, the API) still require it.
    ///
    /// ## Why is this bad?
    /// The name identifies the skill in listings and commands; without it the skill is rejected by
    /// the reference validator and by skill uploads.
    ///
    /// ## Example
    /// ```yaml
    /// ---
    /// description: Extracts text from PDFs. Use when the user asks to read a PDF.
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Add `name:` with the folder's name (safe fix when the folder name is a valid skill name).
    pub struct NameMissing {
        code: "SK010",
        name: "name-missing",
        severity: Error,
        summary: "the frontmatter has no `name`",
        fixable: false,
    }
}

impl Rule for NameMissing {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(root), Some(fm)) = (&skill.source, root_map(skill), skill.parsed())
        else {
            return;
        };
        if root.entry("name").is_some() {
            return;
        }
        let severity = error_if_portable(cx);
        let d = cx
            .report_as(
                Self::META,
                severity,
                &src.path,
                fm.fences.open,
                "frontmatter has no `name`",
            )
            .set_help("add a `name` equal to the skill's folder name");
        let dir = &skill.dir_name;
        let valid = !dir.is_empty()
            && dir.len() <= 64
            && dir
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !dir.starts_with('-')
            && !dir.ends_with('-')
            && !dir.contains("--");
        if valid {
            let at = fm.fences.yaml.start();
            d.set_fix(Fix::safe(
                format!("Add `name: {dir}`"),
                vec![Edit {
                    range: TextRange::empty(at),
                    content: format!("name: {dir}\n"),
                }],
            ));
        }
    }
}
