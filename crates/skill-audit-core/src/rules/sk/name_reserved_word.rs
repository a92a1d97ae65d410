//! SK016: `name` contains the reserved word `claude` or `anthropic`.

use crate::rules::sk::util::{error_if_claude, field, nfkc, string_value};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill name containing `claude` or `anthropic`. Error under `claude-code` (the Claude
    /// platform rejects such names); warning under `agentskills`, whose specification does not
    /// reserve them.
    ///
    /// ## Why is this bad?
    /// Uploads to claude.ai and the API reject these names, and they suggest an official skill.
    ///
    /// ## Example
    /// ```yaml
    /// name: claude-pdf-helper
    /// ```
    ///
    /// ## Fix
    /// Choose a name without the reserved words: `pdf-helper`.
    pub struct NameReservedWord {
        code: "SK016",
        name: "name-reserved-word",
        severity: Error,
        summary: "`name` contains the reserved word `claude` or `anthropic`",
        fixable: false,
    }
}

impl Rule for NameReservedWord {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(entry)) = (&skill.source, field(skill, "name")) else {
            return;
        };
        let Some(raw) = string_value(&entry.value, cx) else {
            return;
        };
        let name = nfkc(raw.trim()).to_lowercase();
        let Some(word) = ["anthropic", "claude"]
            .into_iter()
            .find(|w| name.contains(w))
        else {
            return;
        };
        let severity = error_if_claude(cx);
        cx.report_as(
            Self::META,
            severity,
            &src.path,
            entry.value.range,
            format!("skill name `{name}` contains the reserved word `{word}`"),
        )
        .set_help("choose a name without `claude` or `anthropic`");
    }
}
