//! SK044: a local Markdown link uses backslashes.

use crate::diagnostic::{Edit, Fix};
use crate::rules::sk::links::{all_docs, classify, Target};
use crate::rules::{Context, Rule};
use crate::workspace::Skill;

crate::declare_rule! {
    /// ## What it does
    /// Reports a Markdown link or image in `SKILL.md`, or in a Markdown file that `SKILL.md` links
    /// to, whose local relative destination contains a backslash (`references\api.md`). URLs and
    /// absolute paths (SK043) are not checked here.
    ///
    /// ## Why is this bad?
    /// Backslashes are Windows path separators. On macOS and Linux, where agents usually run,
    /// `references\api.md` is a file name containing a backslash, not a path, so the link is
    /// broken. Anthropic's best practices ask for forward slashes in every path.
    ///
    /// ## Example
    /// ```markdown
    /// Run [the script](scripts\extract.py).
    /// ```
    ///
    /// ## Fix
    /// Use forward slashes: `[the script](scripts/extract.py)`. The automatic fix replaces every
    /// backslash in the destination with `/`.
    pub struct BackslashInLink {
        code: "SK044",
        name: "backslash-in-link",
        severity: Warning,
        summary: "A local Markdown link uses backslashes instead of forward slashes",
        fixable: true,
    }
}

impl Rule for BackslashInLink {
    fn check_skill(&self, skill: &Skill, cx: &mut Context<'_>) {
        if skill.parse_failed {
            return;
        }
        for doc in all_docs(skill, cx) {
            for link in &doc.links {
                if !matches!(classify(&link.dest), Target::Local { .. })
                    || !link.dest.contains('\\')
                {
                    continue;
                }
                let fixed = link.dest.replace('\\', "/");
                // Offer the fix only when the range holds the destination exactly as parsed.
                let exact = doc.src.slice(link.dest_range) == link.dest;
                let d = cx
                    .report(
                        Self::META,
                        &doc.src.path,
                        link.dest_range,
                        format!("link `{}` uses backslashes as path separators", link.dest),
                    )
                    .set_help(format!("use forward slashes: `{fixed}`"));
                if exact {
                    d.set_fix(Fix::safe(
                        format!("Replace with `{fixed}`"),
                        vec![Edit {
                            range: link.dest_range,
                            content: fixed,
                        }],
                    ));
                }
            }
        }
    }
}
