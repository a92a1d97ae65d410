//! GV002: review date missing, malformed or in the future.

use crate::library::date::{parse_date, today};
use crate::library::metadata_value;
use crate::rules::gv::metadata_anchor;
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill whose review date, the `metadata` key named by `[governance]
    /// review-field`, is missing, empty, not a `YYYY-MM-DD` calendar date, or in the future.
    /// Off until `review-field` is configured. (Set `SKILL_AUDIT_TODAY=YYYY-MM-DD` to pin
    /// "today" for reproducible reports.)
    ///
    /// ## Why is this bad?
    /// Quarterly curation sorts skills by when they were last reviewed. A skill without a
    /// readable date is never due, so it is never reviewed.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// name: finance-close
    /// description: Runs the month-end close checklist. Use when closing the books.
    /// metadata:
    ///   last-reviewed: 03/04/2025
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Write the date of the last review as `YYYY-MM-DD`:
    /// ```yaml
    /// metadata:
    ///   last-reviewed: "2025-04-03"
    /// ```
    pub struct ReviewDateInvalid {
        code: "GV002",
        name: "review-date-invalid",
        severity: Warning,
        summary: "review date is missing, malformed or in the future",
        fixable: false,
    }
}

impl Rule for ReviewDateInvalid {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let Some(field) = cx.settings.governance.review_field.clone() else {
            return;
        };
        if skill.parse_failed || skill.yaml_root().is_none() {
            return;
        }
        let Some(src) = skill.source.clone() else {
            return;
        };
        let path = skill.path(cx.workspace).to_path_buf();
        let (range, message) = match metadata_value(skill, &field) {
            None => (
                metadata_anchor(skill, &src),
                format!("review date `metadata.{field}` is missing"),
            ),
            Some(("", range)) => (range, format!("review date `metadata.{field}` is empty")),
            Some((value, range)) => match parse_date(value) {
                None => (
                    range,
                    format!("review date `{value}` is not a YYYY-MM-DD calendar date"),
                ),
                Some(d) if d > today() + 1 => {
                    (range, format!("review date `{value}` is in the future"))
                }
                Some(_) => return,
            },
        };
        cx.report(Self::META, &path, range, message)
            .set_help(format!(
                "set `metadata.{field}` to the date of the last review, as YYYY-MM-DD"
            ));
    }
}
