//! SE902: inventory of the tools skills, commands and agents ask for (off by default).

use crate::rules::se::util::{frontmatter_root, is_agent_file, is_command_file, tool_list};
use crate::rules::{Context, Rule};
use crate::source::SourceFile;
use crate::text::TextRange;
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Lists the tools each skill (`allowed-tools`), slash command (`allowed-tools`) and
    /// subagent (`tools`) asks for, one info finding per file; an agent without `tools`
    /// inherits every tool and is listed as such.
    ///
    /// Off by default (an inventory for review): run it with `--select SE902` or `--select SE9`.
    ///
    /// ## Why is this bad?
    /// It is not. The grants are what a skill can do without asking; a reviewer compares them
    /// with what the skill claims to do.
    ///
    /// ## Example
    /// ```yaml
    /// allowed-tools: Bash(git:*) Read
    /// ```
    ///
    /// ## Fix
    /// Nothing to fix; check that each grant is needed.
    pub struct InventoryTools {
        code: "SE902",
        name: "inventory-tools",
        severity: Info,
        summary: "inventory: tools a skill, command or agent asks for",
        fixable: false,
    }
}

impl Rule for InventoryTools {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let Some(src) = &skill.source else { return };
        let Some(node) = skill.yaml_root().and_then(|r| r.get("allowed-tools")) else {
            return;
        };
        let tools: Vec<String> = tool_list(node).into_iter().map(|(t, _)| t).collect();
        if !tools.is_empty() {
            cx.report(
                Self::META,
                &src.path,
                node.range,
                format!("skill asks for tools: {}", tools.join(", ")),
            );
        }
    }

    fn check_file(&self, src: &SourceFile, cx: &mut Context<'_>) {
        let agent = is_agent_file(src);
        if !agent && !is_command_file(src) {
            return;
        }
        let Some(root) = frontmatter_root(src) else {
            return;
        };
        let key = if agent { "tools" } else { "allowed-tools" };
        match root.get(key) {
            Some(node) => {
                let tools: Vec<String> = tool_list(node).into_iter().map(|(t, _)| t).collect();
                let what = if agent { "agent" } else { "command" };
                cx.report(
                    Self::META,
                    &src.path,
                    node.range,
                    format!("{what} asks for tools: {}", tools.join(", ")),
                );
            }
            None if agent => {
                cx.report(
                    Self::META,
                    &src.path,
                    TextRange::empty(0),
                    "agent has no `tools` list and inherits every tool of the session",
                );
            }
            None => {}
        }
    }
}
