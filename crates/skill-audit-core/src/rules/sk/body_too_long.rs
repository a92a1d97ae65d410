//! SK040: the SKILL.md body is over 500 lines or about 5,000 tokens.

use crate::rules::{Context, Rule};
use crate::text::TextRange;
use crate::workspace::Skill;

/// The body line limit of the Agent Skills specification and Anthropic's best practices.
const MAX_LINES: usize = 500;
/// The body token budget of the Agent Skills specification.
const MAX_TOKENS: usize = 5000;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `SKILL.md` whose body (everything after the frontmatter) is over 500 lines,
    /// pointing at line 501 of the body; otherwise, a body estimated at over 5,000 tokens,
    /// pointing at the first line of the body.
    ///
    /// Tokens are estimated without a tokenizer: one token per 4 bytes of ASCII text plus one
    /// token per non-ASCII character (CJK text is close to one token per character). The estimate
    /// is typical for English prose and code with current tokenizers, within about 20%.
    ///
    /// ## Why is this bad?
    /// The whole body is loaded into the context window every time the skill is used, competing
    /// with the conversation and other skills. The Agent Skills specification and Anthropic's best
    /// practices recommend under 500 lines and 5,000 tokens, with details moved to reference files
    /// that are read only when needed.
    ///
    /// ## Example
    /// A `SKILL.md` with a 900-line body holding the full API reference inline.
    ///
    /// ## Fix
    /// Keep the core workflow in `SKILL.md` and move details to files such as
    /// `references/api.md`, linked from `SKILL.md` with a note on when to read them.
    pub struct BodyTooLong {
        code: "SK040",
        name: "body-too-long",
        severity: Warning,
        summary: "The SKILL.md body is over 500 lines or about 5,000 tokens",
        fixable: false,
    }
}

/// The token estimate described in the rule's documentation.
pub fn estimate_tokens(text: &str) -> usize {
    let ascii = text.bytes().filter(u8::is_ascii).count();
    let other = text.chars().filter(|c| !c.is_ascii()).count();
    ascii.div_ceil(4) + other
}

impl Rule for BodyTooLong {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let Some(src) = &skill.source else { return };
        if skill.parse_failed {
            return;
        }
        let body = src.text.get(skill.body_start..).unwrap_or("");
        if body.trim().is_empty() {
            return;
        }
        let first = src.index.line_of(skill.body_start);
        let mut total = src.index.line_count();
        if src.text.ends_with('\n') {
            total = total.saturating_sub(1);
        }
        let lines = total.saturating_sub(first);
        if lines > MAX_LINES {
            let range = src.index.line_range(first + MAX_LINES, &src.text);
            cx.report(
                Self::META,
                &src.path,
                range,
                format!("body has {lines} lines, over the {MAX_LINES}-line limit"),
            )
            .set_help("move detailed material into reference files linked from SKILL.md");
            return;
        }
        let tokens = estimate_tokens(body);
        if tokens > MAX_TOKENS {
            let line = src.index.line_range(first, &src.text);
            let range = if line.is_empty() {
                TextRange::empty(skill.body_start)
            } else {
                line
            };
            cx.report(
                Self::META,
                &src.path,
                range,
                format!("body is about {tokens} tokens, over the {MAX_TOKENS}-token budget"),
            )
            .set_help("move detailed material into reference files linked from SKILL.md");
        }
    }
}
