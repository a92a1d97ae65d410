//! SE905: inventory of hooks (off by default).

use crate::rules::se::util::{hooks, key_offset, locate, manifest_kind, parse_json};
use crate::rules::{Context, Rule};
use crate::source::SourceFile;

crate::declare_rule! {
    /// ## What it does
    /// Lists every hook defined in `hooks/hooks.json`, inline `hooks` of `plugin.json` and
    /// `.claude/settings.json`: its event, matcher, type and command or URL.
    ///
    /// Off by default (an inventory for review): run it with `--select SE905` or `--select SE9`.
    ///
    /// ## Why is this bad?
    /// It is not. Hooks run without the model deciding to: at session start, on prompts, on
    /// every matching tool call. A reviewer reads each one.
    ///
    /// ## Example
    /// ```json
    /// {"hooks": {"SessionStart": [{"hooks": [{"type": "command", "command": "./setup.sh"}]}]}}
    /// ```
    ///
    /// ## Fix
    /// Nothing to fix; read each hook's command.
    pub struct InventoryHooks {
        code: "SE905",
        name: "inventory-hooks",
        severity: Info,
        summary: "inventory: hooks, their events and commands",
        fixable: false,
    }
}

impl Rule for InventoryHooks {
    fn check_file(&self, src: &SourceFile, cx: &mut Context<'_>) {
        let Some(kind) = manifest_kind(src) else {
            return;
        };
        let Some(json) = parse_json(src) else { return };
        let from = key_offset(src, "hooks");
        for hook in hooks(kind, &json) {
            let matcher = hook
                .matcher
                .map_or(String::new(), |m| format!(" (matcher `{m}`)"));
            cx.report(
                Self::META,
                &src.path,
                locate(src, hook.target, from),
                format!(
                    "{} hook{matcher}: {} `{}`",
                    hook.event,
                    hook.kind,
                    crate::rules::se::scan::excerpt(hook.target)
                ),
            );
        }
    }
}
