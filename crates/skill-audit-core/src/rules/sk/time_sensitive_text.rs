//! SK051: the body contains time-sensitive text.

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::{Context, Rule};
use crate::text::TextRange;
use crate::workspace::Skill;

/// Findings per file, so a changelog-like body does not flood the output.
const MAX_FINDINGS: usize = 10;

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

/// The patterns, most specific first. Years are limited to 1990–2099.
static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let year = r"(?:199\d|20\d\d)";
    let sources = [
        // "before August 2025", "until Jan 15, 2026", "after the 1st of March 2025"
        format!(
            r"(?i)(?-u:\b)(?:before|after|until|till|since|by|as of|starting|beginning|from|prior to)\s+(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+)?{MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?{year}(?-u:\b)"
        ),
        // "as of 2024", "as of late 2024", "as of Q3 2024"
        format!(r"(?i)(?-u:\b)as of\s+(?:(?:early|mid|late|q[1-4]|h[12])[\s-]+)?{year}(?-u:\b)"),
        // "currently (2025)", "at the time of writing (March 2025)", "currently, in 2025"
        format!(
            r"(?i)(?-u:\b)(?:currently|at the time of (?:this )?writing|at present|right now)\s*[(,]\s*(?:in\s+)?(?:{MONTH}\s+)?{year}(?-u:\b)"
        ),
        // "after the deprecation", "before the v1 API sunset", "until the end-of-life"
        r"(?i)(?-u:\b)(?:before|after|until|once)\s+the\s+(?:[\w.]+\s+){0,3}?(?:deprecation|sunset|shutdown|end[- ]of[- ]life|eol)(?-u:\b)".to_string(),
    ];
    sources.iter().filter_map(|s| Regex::new(s).ok()).collect()
});

crate::declare_rule! {
    /// ## What it does
    /// Reports phrases in the `SKILL.md` body that tie instructions to a date and will go out of
    /// date: a month and year after `before`, `after`, `until`, `since`, `as of` and the like
    /// ("before August 2025"), `as of 2024` (also `as of late 2024`, `as of Q3 2024`),
    /// `currently (2025)` or "at the time of writing (March 2025)", and `before`/`after`/`until`
    /// `the ... deprecation` (or sunset, shutdown, end-of-life). Code blocks are skipped. At most
    /// 10 findings are reported per file.
    ///
    /// ## Why is this bad?
    /// A skill keeps being used long after it is written. Instructions that depend on today's date
    /// become wrong silently, and the agent cannot tell whether the date has passed. Anthropic's
    /// best practices ask for no time-sensitive information.
    ///
    /// ## Example
    /// ```markdown
    /// If you are doing this before August 2025, use the old API.
    /// ```
    ///
    /// ## Fix
    /// Describe the current method only, and keep deprecated approaches in a clearly marked
    /// section such as `## Old patterns` (in a collapsed `<details>` block) without dates.
    pub struct TimeSensitiveText {
        code: "SK051",
        name: "time-sensitive-text",
        severity: Info,
        summary: "The body contains time-sensitive text that will go out of date",
        fixable: false,
    }
}

/// Byte ranges of `text` from `start` to the end, minus the code blocks.
fn prose_segments(skill: &Skill, len: usize) -> Vec<(usize, usize)> {
    let mut blocks: Vec<TextRange> = skill.markdown.code_blocks.iter().map(|c| c.range).collect();
    blocks.sort_by_key(|r| r.start());
    let mut out = Vec::new();
    let mut at = skill.body_start.min(len);
    for b in blocks {
        if b.start() > at {
            out.push((at, b.start().min(len)));
        }
        at = at.max(b.end().min(len));
    }
    if at < len {
        out.push((at, len));
    }
    out
}

impl Rule for TimeSensitiveText {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let Some(src) = &skill.source else { return };
        if skill.parse_failed {
            return;
        }
        let mut found: Vec<TextRange> = Vec::new();
        for (s, e) in prose_segments(skill, src.text.len()) {
            let Some(seg) = src.text.get(s..e) else {
                continue;
            };
            for re in PATTERNS.iter() {
                for m in re.find_iter(seg) {
                    found.push(TextRange::new(s + m.start(), s + m.end()));
                }
            }
        }
        // Patterns overlap ("as of August 2025"): keep the first match of each place.
        found.sort_by_key(|r| (r.start(), std::cmp::Reverse(r.end())));
        let mut kept: Vec<TextRange> = Vec::new();
        for r in found {
            if kept.last().is_some_and(|k| r.start() < k.end()) {
                continue;
            }
            kept.push(r);
        }
        for r in kept.into_iter().take(MAX_FINDINGS) {
            let phrase = src
                .slice(r)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            cx.report(
                Self::META,
                &src.path,
                r,
                format!("time-sensitive phrase `{phrase}` will go out of date"),
            )
            .set_help("state the current method without dates, and move old approaches to an `Old patterns` section");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PATTERNS;

    fn hits(s: &str) -> bool {
        PATTERNS.iter().any(|r| r.is_match(s))
    }

    #[test]
    fn patterns() {
        assert_eq!(PATTERNS.len(), 4);
        for s in [
            "before August 2025, use the old API",
            "As of 2024 the endpoint",
            "as of late 2024",
            "currently (2025)",
            "at the time of writing (March 2025)",
            "after the v1 API deprecation",
            "until Jan 15, 2026",
        ] {
            assert!(hits(s), "{s}");
        }
        for s in [
            "after 2048 tokens",
            "before the next step",
            "since the file is large",
            "may 2 be",
        ] {
            assert!(!hits(s), "{s}");
        }
    }
}
