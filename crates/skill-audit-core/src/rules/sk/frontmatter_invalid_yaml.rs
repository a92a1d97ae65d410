//! SK003: the frontmatter is not valid YAML.

use crate::config::Profile;
use crate::rules::{Context, Rule};
use crate::text::TextRange;
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports frontmatter that a YAML parser rejects, at the position of the error. Also reports
    /// documents that exceed the YAML limits (too many nodes after alias expansion, as in an "alias
    /// bomb", or nesting too deep), which are treated as invalid rather than expanded.
    ///
    /// Under the `claude-code` profile, a plain value containing `: ` (`description: Use when: ...`) is
    /// accepted the way Claude Code's lenient loader accepts it and reported as SK007 instead; under
    /// `agentskills` it is an error here, as it is for the reference validator.
    ///
    /// ## Why is this bad?
    /// A skill with unparsable frontmatter is skipped by agents and rejected by validators and
    /// uploads; its name and description are lost.
    ///
    /// ## Example
    /// ```yaml
    /// ---
    /// name: pdf-tools
    /// description: [unclosed
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Correct the YAML; quote values that contain `: `, `#` or start with `[`, `{`, `*`, `&` or `!`.
    pub struct FrontmatterInvalidYaml {
        code: "SK003",
        name: "frontmatter-invalid-yaml",
        severity: Error,
        summary: "the frontmatter is not valid YAML",
        fixable: false,
    }
}

impl Rule for FrontmatterInvalidYaml {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(fm)) = (&skill.source, skill.parsed()) else {
            return;
        };
        let error = match (&fm.yaml.error, &fm.strict_error) {
            (Some(e), _) => e,
            (None, Some(e)) if cx.settings.profile == Profile::Agentskills => e,
            _ => return,
        };
        let mut range = error.range;
        if range.is_empty() {
            // Widen an empty position to the character there, or the rest of the line.
            let line = src.index.line_of(range.start());
            let line_range = src.index.line_range(line, &src.text);
            range = if range.start() < line_range.end() {
                let next = src.text[range.start()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
                TextRange::new(range.start(), range.start() + next)
            } else {
                line_range
            };
        }
        let what = match error.kind {
            crate::yaml::YamlErrorKind::Syntax => "invalid YAML in frontmatter",
            crate::yaml::YamlErrorKind::AliasBudget => "frontmatter exceeds the YAML size limit",
            crate::yaml::YamlErrorKind::TooDeep => "frontmatter nests too deeply",
            crate::yaml::YamlErrorKind::UnknownAlias => "invalid YAML alias in frontmatter",
        };
        cx.report(
            Self::META,
            &src.path,
            range,
            format!("{what}: {}", error.message),
        )
        .set_help(
            "fix the YAML syntax; quote values that contain `: ` or start with a special character",
        );
    }
}
