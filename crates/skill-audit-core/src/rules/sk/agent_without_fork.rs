//! SK035: `agent` is set but `context` is not `fork`.

use crate::rules::sk::util::field;
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill that names an `agent` (or sets `background`) without `context: fork`.
    ///
    /// ## Why is this bad?
    /// `agent` and `background` only apply when the skill runs in a forked sub-agent context;
    /// otherwise they are ignored and the skill runs inline with the full conversation.
    ///
    /// ## Example
    /// ```yaml
    /// agent: Explore
    /// ```
    ///
    /// ## Fix
    /// ```yaml
    /// context: fork
    /// agent: Explore
    /// ```
    pub struct AgentWithoutFork {
        code: "SK035",
        name: "agent-without-fork",
        severity: Warning,
        summary: "`agent` is set but `context` is not `fork`",
        fixable: false,
    }
}

impl Rule for AgentWithoutFork {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let Some(src) = &skill.source else { return };
        let forked = field(skill, "context").is_some_and(|e| e.value.as_str() == Some("fork"));
        if forked {
            return;
        }
        for key in ["agent", "background"] {
            if let Some(entry) = field(skill, key) {
                cx.report(
                    Self::META,
                    &src.path,
                    entry.key.range,
                    format!("`{key}` has no effect without `context: fork`"),
                )
                .set_help("add `context: fork`, or remove the key");
            }
        }
    }
}
