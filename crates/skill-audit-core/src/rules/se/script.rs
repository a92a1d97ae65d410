//! A light tokenizer for scripts: tells comments and string literals apart from code, so a
//! finding inside a comment can be lowered. Scripts are read as text; nothing is executed,
//! imported or evaluated.

use crate::text::TextRange;

/// Script languages the tokenizer knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Python,
    Shell,
    JavaScript,
    PowerShell,
}

impl Language {
    /// The language of a file, from its extension or its `#!` line.
    pub fn detect(file_name: &str, text: &str) -> Option<Language> {
        let ext = file_name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase());
        let by_ext = match ext.as_deref() {
            Some("py" | "pyw") => Some(Language::Python),
            Some("sh" | "bash" | "zsh" | "ksh" | "command") => Some(Language::Shell),
            Some("js" | "mjs" | "cjs" | "jsx" | "ts" | "mts" | "cts" | "tsx") => {
                Some(Language::JavaScript)
            }
            Some("ps1" | "psm1" | "psd1") => Some(Language::PowerShell),
            _ => None,
        };
        by_ext.or_else(|| {
            let first = text.lines().next()?;
            let shebang = first.strip_prefix("#!")?;
            if shebang.contains("python") {
                Some(Language::Python)
            } else if shebang.contains("node")
                || shebang.contains("deno")
                || shebang.contains("bun")
            {
                Some(Language::JavaScript)
            } else if shebang.contains("pwsh") || shebang.contains("powershell") {
                Some(Language::PowerShell)
            } else if shebang.contains("sh") {
                Some(Language::Shell)
            } else {
                None
            }
        })
    }

    /// The language of a fenced code block's info string (`bash`, `python`, ...).
    pub fn from_fence(lang: &str) -> Option<Language> {
        match lang.to_ascii_lowercase().as_str() {
            "py" | "python" | "python3" => Some(Language::Python),
            "sh" | "bash" | "shell" | "zsh" | "console" | "shellsession" => Some(Language::Shell),
            "js" | "javascript" | "ts" | "typescript" | "jsx" | "tsx" | "node" => {
                Some(Language::JavaScript)
            }
            "ps1" | "powershell" | "pwsh" => Some(Language::PowerShell),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Language::Python => "Python",
            Language::Shell => "shell",
            Language::JavaScript => "JavaScript/TypeScript",
            Language::PowerShell => "PowerShell",
        }
    }
}

/// What a stretch of a script is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    Comment,
    String,
}

/// Comment and string ranges of `text` (byte offsets), in order. Everything else is code.
pub fn tokenize(text: &str, lang: Language) -> Vec<(TextRange, Token)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let n = b.len();
    while i < n {
        let c = b[i];
        // comments
        let line_comment = match lang {
            Language::Python | Language::PowerShell => c == b'#',
            Language::Shell => c == b'#' && (i == 0 || b" \t\n;|&(".contains(&b[i - 1])),
            Language::JavaScript => c == b'/' && b.get(i + 1) == Some(&b'/'),
        };
        let block_comment = match lang {
            Language::JavaScript => c == b'/' && b.get(i + 1) == Some(&b'*'),
            Language::PowerShell => c == b'<' && b.get(i + 1) == Some(&b'#'),
            _ => false,
        };
        if block_comment {
            let close: &[u8] = if lang == Language::JavaScript {
                b"*/"
            } else {
                b"#>"
            };
            let end = find(b, i + 2, close).map_or(n, |e| e + 2);
            out.push((TextRange::new(i, end), Token::Comment));
            i = end;
            continue;
        }
        if line_comment {
            let end = memchr::memchr(b'\n', &b[i..]).map_or(n, |e| i + e);
            out.push((TextRange::new(i, end), Token::Comment));
            i = end;
            continue;
        }
        // strings
        let quote = match (lang, c) {
            (_, b'"' | b'\'') | (Language::JavaScript, b'`') => Some(c),
            _ => None,
        };
        if let Some(q) = quote {
            let end = match lang {
                Language::Python if b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) => {
                    find(b, i + 3, &[q, q, q]).map_or(n, |e| e + 3)
                }
                Language::PowerShell if i > 0 && b[i - 1] == b'@' => {
                    find(b, i + 1, &[b'\n', q, b'@']).map_or(n, |e| e + 3)
                }
                _ => string_end(b, i, q, lang),
            };
            out.push((TextRange::new(i, end.min(n)), Token::String));
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= b.len() {
        return None;
    }
    memchr::memmem::find(&b[from..], needle).map(|p| p + from)
}

/// End (exclusive) of a one-line-ish string starting at `start` with quote `q`.
fn string_end(b: &[u8], start: usize, q: u8, lang: Language) -> usize {
    let escape = match lang {
        Language::Shell if q == b'\'' => None,
        Language::PowerShell => Some(b'`'),
        _ => Some(b'\\'),
    };
    // Strings other than shell ones and JS templates end at a line break (unterminated).
    let multiline = lang == Language::Shell || q == b'`';
    let mut i = start + 1;
    while i < b.len() {
        let c = b[i];
        if Some(c) == escape {
            i += 2;
            continue;
        }
        if c == q {
            return i + 1;
        }
        if c == b'\n' && !multiline {
            return i;
        }
        i += 1;
    }
    b.len()
}

/// The token containing `range`, if any.
pub fn token_at(tokens: &[(TextRange, Token)], range: TextRange) -> Option<Token> {
    let idx = tokens.partition_point(|(r, _)| r.end() <= range.start());
    tokens
        .get(idx)
        .filter(|(r, _)| r.start() <= range.start())
        .map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, lang: Language) -> Vec<(&str, Token)> {
        tokenize(text, lang)
            .into_iter()
            .map(|(r, t)| (&text[r.as_range()], t))
            .collect()
    }

    #[test]
    fn shell_comments_need_a_word_boundary() {
        let t = kinds("echo a#b # note\nx='it''s' \"q\\\"\"\n", Language::Shell);
        assert_eq!(
            t,
            vec![
                ("# note", Token::Comment),
                ("'it'", Token::String),
                ("'s'", Token::String),
                ("\"q\\\"\"", Token::String)
            ]
        );
    }

    #[test]
    fn python_triple_quotes_and_comments() {
        let t = kinds("s = \"\"\"a\n# not\"\"\" # yes\n", Language::Python);
        assert_eq!(
            t,
            vec![
                ("\"\"\"a\n# not\"\"\"", Token::String),
                ("# yes", Token::Comment)
            ]
        );
    }

    #[test]
    fn js_and_powershell_blocks() {
        let t = kinds("/* c */ a = `x ${y}`; // z", Language::JavaScript);
        assert_eq!(t[0].1, Token::Comment);
        assert_eq!(t[1], ("`x ${y}`", Token::String));
        assert_eq!(t[2], ("// z", Token::Comment));
        let p = kinds("<# doc #>\n$a = 'x' # c", Language::PowerShell);
        assert_eq!(p[0], ("<# doc #>", Token::Comment));
        assert_eq!(p[2], ("# c", Token::Comment));
        assert_eq!(
            token_at(&tokenize("a # c", Language::Shell), TextRange::new(3, 4)),
            Some(Token::Comment)
        );
    }

    #[test]
    fn detection() {
        assert_eq!(Language::detect("x.ps1", ""), Some(Language::PowerShell));
        assert_eq!(
            Language::detect("run", "#!/usr/bin/env python3\n"),
            Some(Language::Python)
        );
        assert_eq!(Language::detect("README", "text"), None);
    }
}
