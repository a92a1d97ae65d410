//! NS005: two plugins with the same name in one marketplace.

use std::collections::BTreeMap;

use crate::library::{copy_rank, Scope};
use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports a plugin whose name (the manifest's `name`, or its folder's name) is already
    /// used by another plugin of the same marketplace: the folder holding
    /// `.claude-plugin/marketplace.json` and everything below it, or the audited folder for
    /// plugins outside any marketplace. The finding names the other plugin.
    ///
    /// ## Why is this bad?
    /// Plugins are installed and addressed by name (`name@marketplace`, `name:skill`). Two
    /// plugins with one name cannot both be listed; whichever the marketplace points at wins,
    /// and fixes land in the copy nobody installs.
    ///
    /// ## Example
    /// ```text
    /// plugins/finance/.claude-plugin/plugin.json          "name": "finance"
    /// backups/2025-q1/finance/.claude-plugin/plugin.json  "name": "finance"
    /// ```
    ///
    /// ## Fix
    /// Rename one plugin, or delete the stale copy.
    pub struct DuplicatePluginName {
        code: "NS005",
        name: "duplicate-plugin-name",
        severity: Warning,
        summary: "two plugins of one marketplace have the same name",
        fixable: false,
    }
}

impl Rule for DuplicatePluginName {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        let lib = ws.library();
        let mut groups: BTreeMap<(Scope, &str), Vec<usize>> = BTreeMap::new();
        for (i, p) in lib.plugins.iter().enumerate() {
            groups
                .entry((p.scope, p.name.as_str()))
                .or_default()
                .push(i);
        }
        for members in groups.values_mut().filter(|g| g.len() > 1) {
            members.sort_by_key(|&i| {
                copy_rank(&lib.plugins[i].manifest_rel, &lib.plugins[i].manifest_path)
            });
            let first = &lib.plugins[members[0]];
            for &m in &members[1..] {
                let me = &lib.plugins[m];
                cx.report(
                    Self::META,
                    &me.manifest_path,
                    me.name_range,
                    format!(
                        "plugin name `{}` is already used in this marketplace",
                        me.name
                    ),
                )
                .set_help("rename one plugin, or delete the stale copy")
                .add_related(
                    first.manifest_path.clone(),
                    first.name_range,
                    format!("plugin `{}` is defined here", first.name),
                );
            }
        }
    }
}
