//! NS003: two commands or two agents with the same name, or a command shadowed by a skill.

use std::collections::BTreeMap;

use crate::diagnostic::Severity;
use crate::library::{copy_rank, ComponentKind, Scope};
use crate::rules::ns::plugin_label;
use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports a plugin command (`commands/*.md`, named after the file) or agent
    /// (`agents/*.md`, named by its `name`) whose name another command or agent already uses in
    /// the same plugin (an error) or in another plugin of the same marketplace (a warning), and
    /// a command with the same name as a skill of its plugin (the skill wins, so the command is
    /// never run). The finding names the other definition.
    ///
    /// ## Why is this bad?
    /// Claude Code keeps one component per name: the other is shadowed, and which one users get
    /// depends on load order. Across plugins the short name `/deploy` becomes ambiguous.
    ///
    /// ## Example
    /// ```text
    /// plugins/ops/commands/deploy.md
    /// plugins/ops/skills/deploy/SKILL.md      # the skill shadows the command
    /// ```
    ///
    /// ## Fix
    /// Rename one of the two, or delete the one that is no longer used.
    pub struct DuplicateComponentName {
        code: "NS003",
        name: "duplicate-component-name",
        severity: Warning,
        summary: "two commands or agents share a name, or a skill shadows a command",
        fixable: false,
    }
}

impl Rule for DuplicateComponentName {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        let lib = ws.library();
        let mut groups: BTreeMap<(Scope, ComponentKind, &str), Vec<usize>> = BTreeMap::new();
        for (i, c) in lib.components.iter().enumerate() {
            if let Some(scope) = lib.scope_of(c) {
                groups
                    .entry((scope, c.kind, c.name.as_str()))
                    .or_default()
                    .push(i);
            }
        }
        for members in groups.values_mut().filter(|g| g.len() > 1) {
            members.sort_by_key(|&i| copy_rank(&lib.components[i].rel, &lib.components[i].path));
            for (k, &m) in members.iter().enumerate().skip(1) {
                let me = &lib.components[m];
                let same = members[..k]
                    .iter()
                    .copied()
                    .find(|&o| lib.components[o].plugin == me.plugin);
                let twin = same.unwrap_or(members[0]);
                let other = &lib.components[twin];
                let (severity, message) = if same.is_some() {
                    (
                        Severity::Error,
                        format!(
                            "{} name `{}` is used twice in {}; one shadows the other",
                            me.kind.as_str(),
                            me.name,
                            plugin_label(lib, me.plugin)
                        ),
                    )
                } else {
                    (
                        Severity::Warning,
                        format!(
                            "{} name `{}` is used in {} and {} of the same marketplace",
                            me.kind.as_str(),
                            me.name,
                            plugin_label(lib, other.plugin),
                            plugin_label(lib, me.plugin)
                        ),
                    )
                };
                cx.report_as(Self::META, severity, &me.path, me.range, message)
                    .set_help("rename one of the two, or delete the one that is no longer used")
                    .add_related(
                        other.path.clone(),
                        other.range,
                        format!(
                            "{} `{}` is also defined here",
                            other.kind.as_str(),
                            other.name
                        ),
                    );
            }
        }
        // A skill beats a command of the same name in its plugin.
        let mut skills: BTreeMap<(usize, &str), usize> = BTreeMap::new();
        for (i, s) in lib.skills.iter().enumerate() {
            if let Some(p) = s.plugin {
                skills.entry((p, s.name.as_str())).or_insert(i);
            }
        }
        for c in lib
            .components
            .iter()
            .filter(|c| c.kind == ComponentKind::Command)
        {
            let Some(&s) = c.plugin.and_then(|p| skills.get(&(p, c.name.as_str()))) else {
                continue;
            };
            let skill = &lib.skills[s];
            cx.report(
                Self::META,
                &c.path,
                c.range,
                format!(
                    "command `{}` is shadowed by the skill of the same name in {}",
                    c.name,
                    plugin_label(lib, c.plugin)
                ),
            )
            .set_help("rename the command, or delete it if the skill replaces it")
            .add_related(
                skill.path.clone(),
                skill.range,
                format!("skill `{}` is defined here", skill.name),
            );
        }
    }
}
