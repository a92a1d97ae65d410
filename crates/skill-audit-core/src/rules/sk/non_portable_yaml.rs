//! SK006: the frontmatter uses YAML features strict parsers reject.

use crate::rules::sk::util::error_if_portable;
use crate::rules::{Context, Rule};
use crate::workspace::Skill;
use crate::yaml::Style;

crate::declare_rule! {
    /// ## What it does
    /// Reports YAML features that the Agent Skills reference validator's strict YAML dialect rejects:
    /// flow collections (`[a, b]`, `{a: 1}`), anchors and aliases (`&x`, `*x`), explicit tags
    /// (`!!str`) and more than one YAML document. Error under the `agentskills` profile, warning under
    /// `claude-code` (whose loader accepts them).
    ///
    /// ## Why is this bad?
    /// A skill that only parses in lenient loaders is not portable: the reference validator, other
    /// agents and upload pipelines fail on it. Anchors and aliases also make the metadata harder to
    /// review.
    ///
    /// ## Example
    /// ```yaml
    /// ---
    /// name: pdf-tools
    /// description: Extracts text from PDFs.
    /// metadata: {owner: finance}
    /// ---
    /// ```
    ///
    /// ## Fix
    /// Use block style:
    /// ```yaml
    /// metadata:
    ///   owner: finance
    /// ```
    pub struct NonPortableYaml {
        code: "SK006",
        name: "non-portable-yaml",
        severity: Error,
        summary: "the frontmatter uses YAML features strict parsers reject",
        fixable: false,
    }
}

impl Rule for NonPortableYaml {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        let (Some(src), Some(fm)) = (&skill.source, skill.parsed()) else {
            return;
        };
        let Some(root) = &fm.yaml.root else { return };
        let severity = error_if_portable(cx);
        let mut found = Vec::new();
        root.walk(&mut |node| {
            if node.from_alias {
                found.push((node.range, "an alias (`*name`)"));
            } else if node.style == Style::Flow {
                found.push((node.range, "a flow collection (`[...]` or `{...}`)"));
            } else if node.anchored {
                found.push((node.range, "an anchor (`&name`)"));
            } else if node.tag.is_some() {
                found.push((node.range, "an explicit tag (`!tag`)"));
            }
        });
        // Report a flow collection once, not once per nested node.
        let mut reported: Vec<crate::text::TextRange> = Vec::new();
        for (range, what) in found {
            if reported.iter().any(|r| r.contains_range(range)) {
                continue;
            }
            reported.push(range);
            cx.report_as(Self::META, severity, &src.path, range, format!("frontmatter uses {what}, which strict YAML parsers reject"))
                .set_help("use block style (one `key: value` per line, lists as `- item` lines) without anchors or tags");
        }
        if fm.yaml.multiple_documents {
            cx.report_as(
                Self::META,
                severity,
                &src.path,
                fm.fences.yaml,
                "frontmatter holds more than one YAML document",
            )
            .set_help("remove the extra `---` or `...` separators inside the frontmatter");
        }
    }
}
