//! SE034: a subagent is given every tool.

use crate::rules::se::util::{frontmatter_root, is_agent_file, tool_list};
use crate::rules::{Context, Rule};
use crate::source::SourceFile;

crate::declare_rule! {
    /// ## What it does
    /// Finds subagent definitions (`agents/*.md`) whose `tools` is `*`, `all` or a list
    /// containing `*`, or that list an unrestricted `Bash` alongside write tools. An agent
    /// without a `tools` key inherits every tool of the session; that default is not reported
    /// (it is listed by the SE902 inventory).
    ///
    /// ## Why is this bad?
    /// A subagent works on its own, often on untrusted input (web pages, issues, logs). Given
    /// every tool, one injected instruction in that input can use all of them.
    ///
    /// ## Example
    /// ```yaml
    /// ---
    /// name: researcher
    /// description: Reads the web and summarises.
    /// tools: "*"
    /// ---
    /// ```
    ///
    /// ## Fix
    /// List the tools the agent needs: `tools: WebFetch, Read, Grep`.
    pub struct AgentAllTools {
        code: "SE034",
        name: "agent-all-tools",
        severity: Warning,
        summary: "a subagent is given every tool",
        fixable: false,
    }
}

impl Rule for AgentAllTools {
    fn check_file(&self, src: &SourceFile, cx: &mut Context<'_>) {
        if !is_agent_file(src) {
            return;
        }
        let Some(root) = frontmatter_root(src) else {
            return;
        };
        let Some(node) = root.get("tools") else {
            return;
        };
        let tools = tool_list(node);
        let every = tools
            .iter()
            .find(|(t, _)| matches!(t.as_str(), "*" | "all" | "All" | "ALL"));
        let shell = tools
            .iter()
            .find(|(t, _)| matches!(t.as_str(), "Bash" | "Bash(*)" | "Bash(*:*)" | "Bash(**)"));
        let writes = tools
            .iter()
            .any(|(t, _)| matches!(t.as_str(), "Write" | "Edit" | "MultiEdit"));
        let (range, message) = if let Some((t, range)) = every {
            (*range, format!("agent is given every tool (`tools: {t}`)"))
        } else if let (Some((t, range)), true) = (shell, writes) {
            (
                *range,
                format!("agent is given an unrestricted shell (`{t}`) and write tools"),
            )
        } else {
            return;
        };
        cx.report(Self::META, &src.path, range, message).set_help(
            "list only the tools the agent needs, and scope Bash to the commands it runs",
        );
    }
}
