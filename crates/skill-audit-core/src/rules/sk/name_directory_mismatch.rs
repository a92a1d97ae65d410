//! SK015: `name` differs from the skill folder name.

use crate::diagnostic::{Edit, Fix};
use crate::rules::sk::util::{error_if_portable, field, is_kebab_name, nfkc, string_value};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `name` that differs from the name of the folder holding `SKILL.md` (both NFKC
    /// normalised). Error under `agentskills` (the specification requires them to match); warning
    /// under `claude-code`, where the folder gives the command name and `name` only the label, but
    /// claude.ai still requires them to match.
    ///
    /// ## Why is this bad?
    /// The same skill then has two identities: users invoke it by folder, the listing shows the
    /// name, and upload or sync fails.
    ///
    /// ## Example
    /// Folder `pdf/` with `name: pdf-tools`.
    ///
    /// ## Fix
    /// Rename the folder, or set `name` to the folder name. When the folder name is a valid skill
    /// name the unsafe fix sets `name` to it (it changes how the skill is listed); when only the
    /// `name` is valid (a folder `Report_Helper` after `name` was made kebab-case), the unsafe fix
    /// renames the folder to the name (links to the old folder from elsewhere are not updated).
    pub struct NameDirectoryMismatch {
        code: "SK015",
        name: "name-directory-mismatch",
        severity: Error,
        summary: "`name` differs from the skill folder name",
        fixable: true,
    }
}

impl Rule for NameDirectoryMismatch {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(entry)) = (&skill.source, field(skill, "name")) else {
            return;
        };
        let Some(raw) = string_value(&entry.value, cx) else {
            return;
        };
        let name = nfkc(raw.trim());
        let dir = nfkc(&skill.dir_name);
        if name.is_empty() || dir.is_empty() || name == dir {
            return;
        }
        let severity = error_if_portable(cx);
        let range = entry.value.range;
        let dir_is_valid = is_kebab_name(&dir);
        let d = cx.report_as(
            Self::META,
            severity,
            &src.path,
            range,
            format!("skill name `{name}` does not match its folder `{dir}`"),
        );
        if dir_is_valid {
            d.set_help(format!(
                "rename the folder to `{name}` or set `name: {dir}`"
            ))
            .set_fix(Fix::unsafe_(
                format!("Set `name: {dir}`"),
                vec![Edit {
                    range,
                    content: dir.clone(),
                }],
            ));
        } else if is_kebab_name(&name) {
            d.set_help(format!("rename the folder to `{name}`"))
                .set_fix(Fix::rename_folder(
                    format!("Rename the folder `{dir}` to `{name}`"),
                    name.clone(),
                ));
        } else {
            d.set_help("rename the folder to match the skill name");
        }
    }
}
