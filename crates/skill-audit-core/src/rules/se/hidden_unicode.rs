//! SE020: invisible or direction-changing Unicode characters.

use std::sync::OnceLock;

use regex::Regex;

use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::se::script::Language;
use crate::rules::{Context, Rule};
use crate::source::SourceFile;
use crate::text::TextRange;

crate::declare_rule! {
    /// ## What it does
    /// Finds characters a reader cannot see but a model reads: bidirectional controls
    /// (U+202A-U+202E, U+2066-U+2069), Unicode tag characters (U+E0000-U+E007F, which can spell
    /// out a whole hidden ASCII message), supplementary variation selectors (U+E0100-U+E01EF,
    /// used to smuggle bytes after an emoji), and zero-width characters (U+200B-U+200D, U+2060,
    /// U+2061-U+2064, U+180E, a byte-order mark after the start of the file). Consecutive
    /// characters are reported as one finding; hidden tag text is decoded into the message.
    ///
    /// Carve-outs: a zero-width joiner or non-joiner between two non-ASCII letters or symbols
    /// (emoji sequences such as 👩‍💻, Persian and Indic scripts) and tag characters in an
    /// emoji flag sequence (🏴 + tags + U+E007F) are not reported; U+200E/U+200F marks are left
    /// to right-to-left text.
    ///
    /// Bidirectional controls, tag characters, variation-selector runs and three or more
    /// zero-width characters in a row are errors; a lone zero-width character is a warning.
    /// In scripts, the same characters written as escapes (`"\U000E0041"`, `"\u202E"`,
    /// `&#x200B;`) are a warning: the code builds hidden text at run time.
    ///
    /// ## Why is this bad?
    /// A reviewer reads the rendered text; the agent reads every code point. Invisible
    /// characters let a skill carry instructions the reviewer never saw (tag-character
    /// smuggling), make code read differently from how it runs (Trojan Source bidi attacks),
    /// or split a word so keyword checks miss it.
    ///
    /// ## Example
    /// ```text
    /// Format the file.<U+E0049><U+E0067><U+E006E>... (tag characters spelling "Ignore ...")
    /// ```
    ///
    /// ## Fix
    /// Delete the characters (`skill-audit check --fix` removes them). If right-to-left text
    /// needs direction marks, use U+200E/U+200F.
    pub struct HiddenUnicode {
        code: "SE020",
        name: "hidden-unicode",
        severity: Error,
        summary: "invisible or direction-changing Unicode characters",
        fixable: true,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Bidi,
    Tag,
    Selector,
    ZeroWidth,
}

fn class(c: char) -> Option<Class> {
    match c {
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some(Class::Bidi),
        '\u{E0000}'..='\u{E007F}' => Some(Class::Tag),
        '\u{E0100}'..='\u{E01EF}' => Some(Class::Selector),
        '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{180E}' | '\u{FEFF}' => {
            Some(Class::ZeroWidth)
        }
        _ => None,
    }
}

/// Whether SE020 looks at `c` (an invisible or direction-changing character).
pub(crate) fn is_hidden(c: char) -> bool {
    class(c).is_some()
}

fn visible_non_ascii(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_ascii() && class(c).is_none() && !c.is_whitespace())
}

fn escaped_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\\U000E00[0-7][0-9A-F]|\\u\{E00[0-7][0-9A-F]\}|\\u(?:200[B-D]|202[A-E]|206[6-9]|2060|FEFF)|&#x(?:E00[0-7][0-9A-F]|200[B-D]|202[A-E]|206[6-9]);")
            .expect("valid regex")
    })
}

/// Escaped invisible characters in scripts (`"\U000E0041"`, `"\u202E"`): the code builds the
/// hidden text at run time.
fn check_escaped(src: &SourceFile, cx: &mut Context<'_>) {
    if Language::detect(src.file_name(), &src.text).is_none() {
        return;
    }
    for m in escaped_re().find_iter(&src.text).take(20) {
        cx.report_as(
            HiddenUnicode::META,
            Severity::Warning,
            &src.path,
            TextRange::new(m.start(), m.end()),
            format!(
                "script writes an invisible character as an escape (`{}`)",
                m.as_str()
            ),
        )
        .set_help("check why the script produces invisible characters; they can carry hidden text");
    }
}

impl Rule for HiddenUnicode {
    fn check_file(&self, src: &SourceFile, cx: &mut Context<'_>) {
        check_escaped(src, cx);
        let text = &src.text;
        if !src.char_profile().hidden {
            return;
        }
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (start, c) = chars[i];
            let Some(first) = class(c) else {
                i += 1;
                continue;
            };
            if c == '\u{FEFF}' && start == 0 {
                i += 1;
                continue;
            }
            let mut j = i;
            let mut classes = Vec::new();
            while j < chars.len() {
                match class(chars[j].1) {
                    Some(k) if !(chars[j].1 == '\u{FEFF}' && chars[j].0 == 0) => classes.push(k),
                    _ => break,
                }
                j += 1;
            }
            let prev = i.checked_sub(1).map(|k| chars[k].1);
            let next = chars.get(j).map(|x| x.1);
            // Emoji and script joiners, emoji flag tag sequences.
            let joiner = classes.len() == 1
                && matches!(c, '\u{200C}' | '\u{200D}')
                && visible_non_ascii(prev)
                && visible_non_ascii(next);
            let flag = first == Class::Tag
                && prev == Some('\u{1F3F4}')
                && chars.get(j - 1).map(|x| x.1) == Some('\u{E007F}');
            let end = chars.get(j).map_or(text.len(), |x| x.0);
            i = j;
            if joiner || flag {
                continue;
            }
            let zero_width = classes.iter().filter(|k| **k == Class::ZeroWidth).count();
            let severe = classes.iter().any(|k| *k != Class::ZeroWidth) || zero_width >= 3;
            let severity = if severe {
                Severity::Error
            } else {
                Severity::Warning
            };
            let range = TextRange::new(start, end);
            let points: Vec<String> = text[start..end]
                .chars()
                .take(4)
                .map(|c| format!("U+{:04X}", c as u32))
                .collect();
            let count = text[start..end].chars().count();
            let kind = if classes.contains(&Class::Bidi) {
                "bidirectional control"
            } else if classes.contains(&Class::Tag) {
                "Unicode tag"
            } else if classes.contains(&Class::Selector) {
                "variation selector"
            } else {
                "zero-width"
            };
            let mut message = format!(
                "{count} invisible {kind} character{} ({}{})",
                if count == 1 { "" } else { "s" },
                points.join(" "),
                if count > 4 { " …" } else { "" }
            );
            let hidden: String = text[start..end]
                .chars()
                .filter_map(|c| {
                    let v = c as u32;
                    (0xE0020..=0xE007E)
                        .contains(&v)
                        .then(|| char::from_u32(v - 0xE0000))
                        .flatten()
                })
                .collect();
            if hidden.chars().count() >= 2 {
                let shown: String = hidden.chars().take(60).collect();
                message.push_str(" spelling hidden text: \"");
                message.push_str(&shown);
                message.push('"');
            }
            cx.report_as(Self::META, severity, &src.path, range, message)
                .set_help("delete the invisible characters; a reviewer cannot see what they say")
                .set_fix(Fix::safe(
                    "remove the invisible characters",
                    vec![Edit {
                        range,
                        content: String::new(),
                    }],
                ));
        }
    }
}
