//! SK007: a plain frontmatter value contains `: `.

use crate::config::Profile;
use crate::diagnostic::{Edit, Fix};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Under the `claude-code` profile, reports a plain (unquoted) value that contains `: `, such as
    /// `description: Use when: the user asks`. Strict YAML rejects it (under the `agentskills`
    /// profile it is reported as SK003); Claude Code's lenient loader reads it as one string. The
    /// fix quotes the value.
    ///
    /// ## Why is this bad?
    /// This is the most common frontmatter mistake: the skill works in Claude Code but fails the
    /// reference validator, claude.ai uploads and other agents.
    ///
    /// ## Example
    /// ```yaml
    /// description: Formats reports. Use when: the user asks for a report
    /// ```
    ///
    /// ## Fix
    /// Quote the value (safe fix):
    /// ```yaml
    /// description: 'Formats reports. Use when: the user asks for a report'
    /// ```
    pub struct UnquotedColon {
        code: "SK007",
        name: "unquoted-colon",
        severity: Warning,
        summary: "a plain frontmatter value contains `: `",
        fixable: true,
    }
}

impl Rule for UnquotedColon {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        if cx.settings.profile != Profile::ClaudeCode {
            return;
        }
        let (Some(src), Some(fm)) = (&skill.source, skill.parsed()) else {
            return;
        };
        for &range in &fm.repaired {
            let value = src.slice(range);
            let quoted = format!("'{}'", value.replace('\'', "''"));
            cx.report(
                Self::META,
                &src.path,
                range,
                "unquoted value contains `: `, which strict YAML parsers reject",
            )
            .set_help("quote the value")
            .set_fix(Fix::safe(
                "Quote the value",
                vec![Edit {
                    range,
                    content: quoted,
                }],
            ));
        }
    }
}
