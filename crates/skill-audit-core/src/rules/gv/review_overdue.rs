//! GV003: review date older than the policy allows.

use crate::library::date::{parse_date, today};
use crate::library::metadata_value;
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill whose review date (`[governance] review-field`) is more than
    /// `max-review-age-days` days ago. Off until both are configured; a missing or malformed
    /// date is GV002.
    ///
    /// ## Why is this bad?
    /// Skills encode procedures, tools and contacts that change. A skill nobody has looked at
    /// for a year is likely to give stale instructions with full confidence.
    ///
    /// ## Example
    /// ```toml
    /// [governance]
    /// review-field = "last-reviewed"
    /// max-review-age-days = 180
    /// ```
    /// ```yaml
    /// metadata:
    ///   last-reviewed: "2023-01-15"
    /// ```
    ///
    /// ## Fix
    /// Review the skill (is it still needed, correct, owned?), then update the date; archive it
    /// if nobody needs it.
    pub struct ReviewOverdue {
        code: "GV003",
        name: "review-overdue",
        severity: Warning,
        summary: "skill was last reviewed longer ago than the policy allows",
        fixable: false,
    }
}

impl Rule for ReviewOverdue {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let g = &cx.settings.governance;
        let (Some(field), Some(max)) = (g.review_field.clone(), g.max_review_age_days) else {
            return;
        };
        if skill.parse_failed {
            return;
        }
        let Some((value, range)) = metadata_value(skill, &field) else {
            return;
        };
        let Some(date) = parse_date(value) else {
            return;
        };
        let age = today() - date;
        if age <= i64::from(max) {
            return;
        }
        let path = skill.path(cx.workspace).to_path_buf();
        cx.report(
            Self::META,
            &path,
            range,
            format!("skill was last reviewed {age} days ago ({value}), more than the {max} days allowed"),
        )
        .set_help(format!(
            "review the skill and update `metadata.{field}`, or archive it if it is no longer needed"
        ));
    }
}
