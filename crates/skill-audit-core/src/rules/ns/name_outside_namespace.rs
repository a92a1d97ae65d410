//! NS001: a skill name outside its folder's namespace prefix.

use crate::library::{namespace_for, namespace_matchers, skill_name};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill whose `name` does not start with the prefix that
    /// `[[governance.namespace]]` in `skill-audit.toml` sets for its folder. Off until a
    /// namespace is configured.
    ///
    /// ## Why is this bad?
    /// A department library stays navigable when every skill of a department shares a prefix
    /// (`finance-`, `sales-`): people and agents can tell whose skill it is, names from two
    /// departments cannot collide, and quarterly curation can group skills by owner.
    ///
    /// ## Example
    /// ```toml
    /// [[governance.namespace]]
    /// path = "plugins/finance/**"
    /// prefix = "finance-"
    /// ```
    /// ```markdown
    /// ---
    /// name: invoice-matcher        # in plugins/finance/skills/invoice-matcher/
    /// description: Matches invoices to purchase orders. Use when reconciling payables.
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Rename the skill (and its folder) to `finance-invoice-matcher`, or move it to the folder
    /// of the department that owns it.
    pub struct NameOutsideNamespace {
        code: "NS001",
        name: "name-outside-namespace",
        severity: Warning,
        summary: "skill name does not start with its folder's namespace prefix",
        fixable: false,
    }
}

impl Rule for NameOutsideNamespace {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        if cx.settings.governance.namespace.is_empty() || skill.parse_failed {
            return;
        }
        let matchers = namespace_matchers(cx.settings);
        let Some(ns) = namespace_for(&matchers, cx.settings.config_dir.as_deref(), &skill.dir)
        else {
            return;
        };
        let (name, range) = skill_name(skill);
        if name.starts_with(ns.prefix.as_str()) {
            return;
        }
        let path = skill.path(cx.workspace).to_path_buf();
        cx.report(
            Self::META,
            &path,
            range,
            format!(
                "skill name `{name}` does not start with `{}`, the namespace prefix of `{}`",
                ns.prefix,
                ns.path.get_ref()
            ),
        )
        .set_help(format!(
            "rename the skill and its folder to `{}{name}`, or move it out of `{}`",
            ns.prefix,
            ns.path.get_ref()
        ));
    }
}
