//! NS002: two skills with the same name in one plugin or one marketplace.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::diagnostic::Severity;
use crate::library::{copy_rank, Scope};
use crate::rules::ns::plugin_label;
use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill whose name is already used by another skill of the same plugin (an
    /// error: one shadows the other), of another plugin of the same marketplace (a warning:
    /// `/name` becomes ambiguous and only `plugin:name` tells them apart), or of the same
    /// skills folder outside plugins. The finding names the other skill.
    ///
    /// A marketplace is the folder holding `.claude-plugin/marketplace.json` and everything
    /// below it; plugins outside any marketplace share the audited folder.
    ///
    /// ## Why is this bad?
    /// Claude Code loads one skill per name in a scope: the second is silently ignored, so a fix
    /// made to it never reaches users. Across plugins, two skills with one name compete for the
    /// same requests and confuse the people choosing between them.
    ///
    /// ## Example
    /// ```text
    /// plugins/finance/skills/report/SKILL.md   name: report
    /// plugins/finance/skills/report-v2/SKILL.md name: report
    /// ```
    ///
    /// ## Fix
    /// Rename one of the skills, or merge them and delete the other.
    pub struct DuplicateSkillName {
        code: "NS002",
        name: "duplicate-skill-name",
        severity: Warning,
        summary: "two skills of one plugin or marketplace have the same name",
        fixable: false,
    }
}

/// Where a skill's name must be unique.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum NameScope {
    Plugins(Scope),
    Folder(PathBuf),
}

impl Rule for DuplicateSkillName {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        let lib = ws.library();
        let mut groups: BTreeMap<(NameScope, &str), Vec<usize>> = BTreeMap::new();
        for (i, c) in lib.skills.iter().enumerate() {
            let scope = match lib.scope_of(c) {
                Some(s) => NameScope::Plugins(s),
                None => NameScope::Folder(c.folder.clone()),
            };
            groups.entry((scope, c.name.as_str())).or_default().push(i);
        }
        for members in groups.values_mut().filter(|g| g.len() > 1) {
            members.sort_by_key(|&i| copy_rank(&lib.skills[i].rel, &lib.skills[i].path));
            for (k, &m) in members.iter().enumerate().skip(1) {
                let me = &lib.skills[m];
                let same_plugin = members[..k]
                    .iter()
                    .find(|&&o| me.plugin.is_some() && lib.skills[o].plugin == me.plugin);
                let (twin, severity, message) = if let Some(&o) = same_plugin {
                    (
                        o,
                        Severity::Error,
                        format!(
                            "skill name `{}` is used twice in {}; one skill shadows the other",
                            me.name,
                            plugin_label(lib, me.plugin)
                        ),
                    )
                } else {
                    {
                        let o = members[0];
                        let other = &lib.skills[o];
                        let where_ = if me.plugin.is_some() {
                            format!(
                                "{} and {} of the same marketplace",
                                plugin_label(lib, other.plugin),
                                plugin_label(lib, me.plugin)
                            )
                        } else {
                            "the same skills folder".to_string()
                        };
                        (
                            o,
                            if me.plugin.is_some() {
                                Severity::Warning
                            } else {
                                Severity::Error
                            },
                            format!("skill name `{}` is used in {where_}", me.name),
                        )
                    }
                };
                let other = &lib.skills[twin];
                cx.report_as(Self::META, severity, &me.path, me.range, message)
                    .set_help("rename one of the skills, or merge them and delete the other")
                    .add_related(
                        other.path.clone(),
                        other.range,
                        format!("skill `{}` is also defined here", other.name),
                    );
            }
        }
    }
}
