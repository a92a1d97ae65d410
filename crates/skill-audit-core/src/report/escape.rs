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
            c if c.is_control() => out.push_str(&c.escape_default().to_string()),
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
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
