//! SE030: `allowed-tools` grants an unrestricted shell or write access everywhere.

use crate::diagnostic::Severity;
use crate::rules::se::util::{frontmatter_root, is_command_file, tool_list};
use crate::rules::{Context, Rule};
use crate::source::SourceFile;
use crate::workspace::Skill;
use crate::yaml::YamlNode;

crate::declare_rule! {
    /// ## What it does
    /// Checks the `allowed-tools` of skills and slash commands for grants without a scope:
    /// `Bash`, `Bash(*)`, `Bash(*:*)` or `Bash(**)` (any shell command, a warning), and
    /// `Write`, `Edit`, `MultiEdit` or `NotebookEdit` with no path or with `*`, `**`, `/**` or
    /// `~/**` (write access everywhere, info). Scoped grants such as `Bash(git status:*)` or
    /// `Write(reports/**)` are not reported.
    ///
    /// ## Why is this bad?
    /// Tools in `allowed-tools` run without a permission prompt while the skill is active. An
    /// unrestricted shell means any command the skill's text (or a document it reads) suggests
    /// runs unasked, network and deletes included.
    ///
    /// ## Example
    /// ```yaml
    /// allowed-tools: Bash Read
    /// ```
    ///
    /// ## Fix
    /// List the commands the skill needs: `allowed-tools: Bash(git diff:*) Bash(npm test:*) Read`.
    pub struct BroadAllowedTools {
        code: "SE030",
        name: "broad-allowed-tools",
        severity: Warning,
        summary: "`allowed-tools` grants an unrestricted shell or write access everywhere",
        fixable: false,
    }
}

/// What is too broad about one tool entry, with its severity.
pub fn too_broad(tool: &str) -> Option<(Severity, &'static str)> {
    let (name, scope) = match tool.split_once('(') {
        Some((n, rest)) => (n.trim(), Some(rest.trim_end_matches(')').trim())),
        None => (tool.trim(), None),
    };
    let open = scope.is_none_or(|s| matches!(s, "" | "*" | "*:*" | "**" | ":*" | "* *"));
    match name {
        "Bash" | "PowerShell" if open => Some((Severity::Warning, "any shell command")),
        "Write" | "Edit" | "MultiEdit" | "NotebookEdit"
            if open || scope.is_some_and(|s| matches!(s, "/**" | "//**" | "~/**" | "~/*")) =>
        {
            Some((Severity::Info, "write access to every file"))
        }
        _ => None,
    }
}

fn check(node: &YamlNode, src: &SourceFile, cx: &mut Context<'_>) {
    for (tool, range) in tool_list(node) {
        if let Some((severity, what)) = too_broad(&tool) {
            cx.report_as(
                BroadAllowedTools::META,
                severity,
                &src.path,
                range,
                format!("`allowed-tools` grants `{tool}`: {what} without a permission prompt"),
            )
            .set_help("scope the grant to what the skill needs, e.g. `Bash(git diff:*)` or `Write(reports/**)`");
        }
    }
}

impl Rule for BroadAllowedTools {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let Some(src) = &skill.source else { return };
        let Some(root) = skill.yaml_root() else {
            return;
        };
        if let Some(node) = root.get("allowed-tools") {
            check(node, src, cx);
        }
    }

    fn check_file(&self, src: &SourceFile, cx: &mut Context<'_>) {
        if !is_command_file(src) {
            return;
        }
        if let Some(root) = frontmatter_root(src) {
            if let Some(node) = root.get("allowed-tools") {
                check(node, src, cx);
            }
        }
    }
}
