//! SK024: `description` contains `<` or `>` (XML tags).

use crate::rules::sk::util::{error_if_claude, field, string_value};
use crate::rules::{Context, Rule};
use crate::text::TextRange;
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a description containing `<` or `>`. Error under `claude-code` (Anthropic's validator
    /// and the platform reject XML in descriptions, because the description is inserted into the
    /// system prompt); warning under `agentskills`, whose specification does not forbid it.
    ///
    /// ## Why is this bad?
    /// Tags in a description can break or steer the prompt it is inserted into, and uploads reject it.
    ///
    /// ## Example
    /// ```yaml
    /// description: Formats <report> files.
    /// ```
    ///
    /// ## Fix
    /// Remove the angle brackets: `Formats report files.`
    pub struct DescriptionContainsXml {
        code: "SK024",
        name: "description-contains-xml",
        severity: Error,
        summary: "`description` contains `<` or `>` (XML tags)",
        fixable: false,
    }
}

impl Rule for DescriptionContainsXml {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(entry)) = (&skill.source, field(skill, "description")) else {
            return;
        };
        let Some(d) = string_value(&entry.value, cx) else {
            return;
        };
        if !d.contains(['<', '>']) {
            return;
        }
        // Point at the first bracket in the source when the value is written on one line.
        let written = src.slice(entry.value.range);
        let range = written.find(['<', '>']).map_or(entry.value.range, |i| {
            TextRange::new(
                entry.value.range.start() + i,
                entry.value.range.start() + i + 1,
            )
        });
        let severity = error_if_claude(cx);
        cx.report_as(
            Self::META,
            severity,
            &src.path,
            range,
            "description contains `<` or `>`",
        )
        .set_help("remove angle brackets and XML tags from the description");
    }
}
