//! Escaping for each output format, so that no file name or message can break out of its
//! field: workflow-command injection in `github`, markup in XML and Markdown, URIs in SARIF.

use std::fmt::Write as _;

/// Escape the message part of a GitHub workflow command (`::error ...::MESSAGE`).
pub fn github_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value of a GitHub workflow command (`file=VALUE,line=...`).
pub fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Escape text for XML 1.0 content and attribute values; characters XML cannot carry
/// (most C0 controls) become `\u{..}` text.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20
                || matches!(c as u32, 0xFFFE | 0xFFFF)
                || (0xD800..=0xDFFF).contains(&(c as u32)) =>
            {
                out.push_str(&c.escape_unicode().to_string());
            }
            c => out.push(c),
        }
    }
    out
}

/// Escape text for a Markdown table cell: no pipes, no line breaks, no HTML, inline code safe.
pub fn markdown_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' | '\r' => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '`' => out.push('\''),
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            c if c.is_control() || hidden_on_terminal(c) => {
                out.push_str(&c.escape_default().to_string());
            }
            c => out.push(c),
        }
    }
    out
}

/// Percent-encode a relative path for a URI, keeping `/` and unreserved characters.
pub fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Replace control characters in a path or message shown on one terminal line.
pub fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || hidden_on_terminal(c) {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// Whether a character must not be written to a terminal as it is: control characters (other
/// than tab and line ends), which can move the cursor or recolor the screen, and invisible
/// characters that reorder or hide text (bidirectional controls, zero-width characters, Unicode
/// tags).
/// Characters a reader cannot see or that reorder what is shown: controls (but tab and line
/// breaks), zero-width characters, bidirectional overrides and isolates, tag characters.
pub fn hidden_on_terminal(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{E0000}'..='\u{E007F}')
}

/// A file's text made safe to print on a terminal, with every byte offset unchanged (so spans
/// stay valid): each hidden character becomes `U+FFFD` when it is three bytes long, else `?`
/// per byte. Borrowed when there is nothing to replace.
pub fn terminal_text(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(hidden_on_terminal) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if hidden_on_terminal(c) {
            if c.len_utf8() == 3 {
                out.push('\u{FFFD}');
            } else {
                out.extend(std::iter::repeat_n('?', c.len_utf8()));
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `text` with each secret range masked in place: the first four characters stay, every other
/// byte becomes `*`, so byte offsets (and the spans pointing into the text) are unchanged.
pub fn mask_secrets<'a>(
    text: std::borrow::Cow<'a, str>,
    secrets: &[crate::text::TextRange],
) -> std::borrow::Cow<'a, str> {
    if secrets.is_empty() {
        return text;
    }
    let mut bytes = text.into_owned().into_bytes();
    for r in secrets {
        let (start, end) = (r.start().min(bytes.len()), r.end().min(bytes.len()));
        let Ok(secret) = std::str::from_utf8(&bytes[start..end]) else {
            // Not on character boundaries: mask the whole range.
            bytes[start..end].fill(b'*');
            continue;
        };
        let keep = secret
            .char_indices()
            .nth(4)
            .map_or(secret.len(), |(i, _)| i);
        bytes[start + keep..end].fill(b'*');
    }
    // Only whole characters after the kept prefix were replaced by ASCII, so this is UTF-8;
    // the lossy conversion is a guard, never a change.
    std::borrow::Cow::Owned(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_secrets_keeps_offsets_and_four_characters() {
        let text = "key = ABCDEFGHIJ; other";
        let masked = mask_secrets(
            std::borrow::Cow::Borrowed(text),
            &[crate::text::TextRange::new(6, 16)],
        );
        assert_eq!(masked, "key = ABCD******; other");
        let unicode = "pw = \u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}!";
        let masked = mask_secrets(
            std::borrow::Cow::Borrowed(unicode),
            &[crate::text::TextRange::new(5, 17)],
        );
        assert_eq!(masked.len(), unicode.len());
        assert!(masked.starts_with("pw = \u{e9}\u{e9}\u{e9}\u{e9}**"));
    }

    #[test]
    fn terminal_text_keeps_offsets_and_hides_controls() {
        let t = "a\u{1b}[31mb\u{202E}c\u{200B}d\u{E0041}e\u{85}f\tg\n";
        let safe = terminal_text(t);
        assert_eq!(safe.len(), t.len());
        assert!(
            !safe.contains('\u{1b}') && !safe.contains('\u{202E}') && !safe.contains('\u{E0041}')
        );
        assert!(safe.contains("\tg\n"));
        assert!(matches!(
            terminal_text("plain\n"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn github_escaping_blocks_command_injection() {
        let evil = "a.md\n::error file=x::pwned,line=1";
        let p = github_property(evil);
        assert!(!p.contains('\n') && !p.contains("::") && !p.contains(','));
        assert_eq!(github_data("50% done\r\n"), "50%25 done%0D%0A");
    }

    #[test]
    fn xml_escaping_handles_controls() {
        assert_eq!(
            xml("<a & \"b\">\u{1}"),
            "&lt;a &amp; &quot;b&quot;&gt;\\u{1}"
        );
    }

    #[test]
    fn uri_encoding() {
        assert_eq!(uri_path("my skills/a#b.md"), "my%20skills/a%23b.md");
    }
}
