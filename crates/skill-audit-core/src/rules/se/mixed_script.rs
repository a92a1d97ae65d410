//! SE021: a word or name mixes Latin letters with Cyrillic or Greek look-alikes.

use crate::diagnostic::Severity;
use crate::rules::se::normalize::confusable;
use crate::rules::{Context, Rule};
use crate::source::SourceFile;
use crate::text::TextRange;

crate::declare_rule! {
    /// ## What it does
    /// Finds words that mix ASCII Latin letters with Cyrillic or Greek letters that look the
    /// same (`раypal` with a Cyrillic `р` and `а`, `Іgnore` with a Cyrillic `І`). The message
    /// shows the word with its look-alikes folded to ASCII. In a name (`name:` in frontmatter,
    /// `"name"` in a JSON manifest) it is an error; elsewhere a warning. Words written wholly
    /// in one script are not reported.
    ///
    /// ## Why is this bad?
    /// A homoglyph name impersonates a trusted skill, plugin or command in listings and
    /// reviews; a homoglyph word slips an instruction or a URL past keyword filters while
    /// reading normally to people. The SE001-SE003 patterns are matched after folding these
    /// letters, so an obfuscated injection is also reported there.
    ///
    /// ## Example
    /// ```yaml
    /// name: pdf-tооls   # two Cyrillic о
    /// ```
    ///
    /// ## Fix
    /// Retype the word in one script.
    pub struct MixedScript {
        code: "SE021",
        name: "mixed-script",
        severity: Warning,
        summary: "a word or name mixes Latin letters with Cyrillic or Greek look-alikes",
        fixable: false,
    }
}

impl Rule for MixedScript {
    fn check_file(&self, src: &SourceFile, cx: &mut Context<'_>) {
        let text = &src.text;
        // A word is reported only for its look-alike letters.
        if !src.char_profile().confusable {
            return;
        }
        let mut start: Option<usize> = None;
        let mut found = 0;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            if c.is_alphanumeric() || c == '_' {
                start.get_or_insert(i);
                continue;
            }
            let Some(s) = start.take() else { continue };
            let word = &text[s..i];
            if word.is_ascii() || !word.chars().any(|c| c.is_ascii_alphabetic()) {
                continue;
            }
            if !word.chars().any(|c| confusable(c).is_some()) {
                continue;
            }
            // Every non-ASCII letter must be a look-alike (a real mixed-language word such as
            // `Zürich-Москва` is not a homoglyph trick).
            if word
                .chars()
                .any(|c| !c.is_ascii() && confusable(c).is_none())
            {
                continue;
            }
            let folded: String = word.chars().map(|c| confusable(c).unwrap_or(c)).collect();
            let line = src.index.line_of(s);
            let line_text = text
                .get(src.index.line_range(line, text).as_range())
                .unwrap_or("");
            let trimmed = line_text.trim_start();
            let is_name = trimmed.starts_with("name:") || trimmed.starts_with("\"name\"");
            let severity = if is_name {
                Severity::Error
            } else {
                Severity::Warning
            };
            let what = if is_name { "name" } else { "word" };
            cx.report_as(
                Self::META,
                severity,
                &src.path,
                TextRange::new(s, i),
                format!("{what} `{word}` mixes scripts: it reads as `{folded}` but uses Cyrillic or Greek look-alike letters"),
            )
            .set_help("retype the word in one script");
            found += 1;
            if found >= 20 {
                return;
            }
        }
    }
}
