//! Suppression comments: accepting a reviewed finding where it is.
//!
//! - Markdown: `<!-- skill-audit-ignore CODE[,CODE]: reason -->` covers the next line or block
//!   (the paragraph, list or fenced code block that follows; on a line with other content, that
//!   line); `<!-- skill-audit-ignore-file CODE: reason -->` covers the whole file.
//! - YAML frontmatter and scripts: `# skill-audit: ignore[CODE,CODE] reason` (or after `//`)
//!   covers its own line when it trails code, else the next non-blank line.
//! - Credentials: `skill-audit-allow CR001 reason` on the line of the secret (or alone on the
//!   line before it), in any comment syntax.
//!
//! A code may be a prefix (`SE`). A reason is required: a suppression without one, or naming
//! no known code, suppresses nothing and is reported (SA009); one that matches no finding is
//! reported as unused (SA010), like ruff's unused `noqa`.

use std::sync::LazyLock;

use regex::Regex;

use crate::source::SourceFile;
use crate::text::TextRange;

/// Which lines a suppression covers (0-based, inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    File,
    Lines(usize, usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub codes: Vec<String>,
    pub reason: String,
    /// The comment itself.
    pub range: TextRange,
    pub scope: Scope,
}

impl Suppression {
    /// Whether this suppression covers a finding of `code` starting on 0-based `line`.
    pub fn covers(&self, code: &str, line: usize) -> bool {
        let code_ok = self
            .codes
            .iter()
            .any(|c| code.len() >= c.len() && code[..c.len()].eq_ignore_ascii_case(c));
        code_ok
            && match self.scope {
                Scope::File => true,
                Scope::Lines(a, b) => (a..=b).contains(&line),
            }
    }
}

/// A comment that looks like a suppression but cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidSuppression {
    pub range: TextRange,
    pub problem: String,
}

/// A comma-separated list of codes or prefixes (`SK041, SE`).
const CODE_LIST: &str = r"([A-Za-z]{2,3}[0-9]{0,3}(?:[ \t]*,[ \t]*[A-Za-z]{2,3}[0-9]{0,3})*)";

static MARKDOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"<!--[ \t]*skill-audit-ignore(-file)?(?:[ \t]+{CODE_LIST})?[ \t]*:?((?:[^-]|-[^-]|--[^>])*?)-->"))
        .expect("valid regex")
});
static LINE_COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"skill-audit:[ \t]*ignore\[([A-Za-z0-9, \t]*)\]([^\r\n]*)").expect("valid regex")
});
static ALLOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"skill-audit-allow(?:[ \t]+{CODE_LIST})?[ \t]*:?([^\r\n]*)"
    ))
    .expect("valid regex")
});

fn codes(list: &str) -> Vec<String> {
    list.split([',', ' ', '\t'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_ascii_uppercase)
        .collect()
}

fn clean_reason(r: &str) -> String {
    r.trim()
        .trim_end_matches("-->")
        .trim_end_matches("*/")
        .trim()
        .to_string()
}

/// Whether any code of the list names a rule or family.
fn known(codes: &[String], is_known: &dyn Fn(&str) -> bool) -> bool {
    !codes.is_empty() && codes.iter().all(|c| is_known(c))
}

fn line_has_content_before(src: &SourceFile, at: usize) -> bool {
    let line = src.index.line_of(at);
    let start = src.index.line_start(line);
    src.text.get(start..at).is_some_and(|before| {
        before
            .trim_start()
            .trim_start_matches(['#', '/', '-', '*', ';'])
            .trim()
            .len()
            > 2
    })
}

/// The 0-based line after `line` that is not blank (or `line + 1`).
fn next_nonblank(src: &SourceFile, line: usize) -> usize {
    let mut l = line + 1;
    while l < src.index.line_count() {
        if !src
            .slice(src.index.line_range(l, &src.text))
            .trim()
            .is_empty()
        {
            return l;
        }
        l += 1;
    }
    line + 1
}

/// The last line of the Markdown block starting at `first`. `para_end` holds, for each line, the
/// last line of the run of non-blank lines it belongs to; it is computed once per file (on first
/// use) so a long paragraph of suppression comments stays linear.
fn block_end(src: &SourceFile, first: usize, para_end: &mut Vec<usize>) -> usize {
    let count = src.index.line_count();
    let text_of = |l: usize| src.slice(src.index.line_range(l, &src.text));
    let head = text_of(first).trim_start();
    if head.starts_with("```") || head.starts_with("~~~") {
        let fence = &head[..3];
        let mut l = first + 1;
        while l < count {
            if text_of(l).trim_start().starts_with(fence) {
                return l;
            }
            l += 1;
        }
        return count.saturating_sub(1);
    }
    if para_end.is_empty() {
        para_end.resize(count, 0);
        let mut end = count.saturating_sub(1);
        for l in (0..count).rev() {
            if l + 1 < count && text_of(l + 1).trim().is_empty() {
                end = l;
            }
            para_end[l] = end;
        }
    }
    para_end.get(first).copied().unwrap_or(first).max(first)
}

/// Every suppression comment of a file. `is_known` says whether a code or prefix names a rule.
pub fn parse(
    src: &SourceFile,
    is_known: &dyn Fn(&str) -> bool,
) -> (Vec<Suppression>, Vec<InvalidSuppression>) {
    let mut found = Vec::new();
    let mut invalid = Vec::new();
    if memchr::memmem::find(src.text.as_bytes(), b"skill-audit").is_none() {
        return (found, invalid);
    }
    let mut push = |range: TextRange, list: Vec<String>, reason: String, scope: Scope| {
        if !known(&list, is_known) {
            invalid.push(InvalidSuppression {
                range,
                problem: "names no known rule code".into(),
            });
        } else if reason.is_empty() {
            invalid.push(InvalidSuppression {
                range,
                problem: "gives no reason".into(),
            });
        } else {
            found.push(Suppression {
                codes: list,
                reason,
                range,
                scope,
            });
        }
    };
    let mut para_end = Vec::new();
    for m in MARKDOWN.captures_iter(&src.text) {
        let Some(all) = m.get(0) else { continue };
        let range = TextRange::new(all.start(), all.end());
        let list = codes(m.get(2).map_or("", |g| g.as_str()));
        let reason = clean_reason(m.get(3).map_or("", |g| g.as_str()));
        let scope = if m.get(1).is_some() {
            Scope::File
        } else {
            let line = src.index.line_of(all.start());
            if line_has_content_before(src, all.start()) {
                Scope::Lines(line, line)
            } else {
                let first = next_nonblank(src, src.index.line_of(all.end()));
                Scope::Lines(first, block_end(src, first, &mut para_end))
            }
        };
        push(range, list, reason, scope);
    }
    for re in [&*LINE_COMMENT, &*ALLOW] {
        for m in re.captures_iter(&src.text) {
            let Some(all) = m.get(0) else { continue };
            let range = TextRange::new(all.start(), all.end());
            let list = codes(m.get(1).map_or("", |g| g.as_str()));
            let reason = clean_reason(m.get(2).map_or("", |g| g.as_str()));
            let line = src.index.line_of(all.start());
            let scope = if line_has_content_before(src, all.start()) {
                Scope::Lines(line, line)
            } else {
                let next = next_nonblank(src, line);
                Scope::Lines(line, next)
            };
            push(range, list, reason, scope);
        }
    }
    found.sort_by_key(|s| s.range);
    invalid.sort_by_key(|s| s.range);
    (found, invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> (Vec<Suppression>, Vec<InvalidSuppression>) {
        let src = SourceFile::new("a.md", "a.md", text.to_string());
        parse(&src, &|c| {
            c.starts_with("SK") || c.starts_with("CR") || c == "SE"
        })
    }

    #[test]
    fn markdown_next_block_and_file() {
        let (s, bad) = parse_text(
            "# T\n<!-- skill-audit-ignore SK041, SK042: links checked by hand -->\nsee [a](x.md)\nand [b](y.md)\n\nnext\n<!-- skill-audit-ignore-file SE: security training material -->\n",
        );
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].scope, Scope::Lines(2, 3));
        assert!(s[0].covers("SK042", 3));
        assert!(!s[0].covers("SK042", 5));
        assert!(s[1].covers("SE001", 0));
    }

    #[test]
    fn fenced_blocks_are_covered_whole() {
        let (s, _) =
            parse_text("<!-- skill-audit-ignore SK041: example -->\n```bash\na\n\nb\n```\nafter\n");
        assert_eq!(s[0].scope, Scope::Lines(1, 5));
    }

    #[test]
    fn reasons_are_required_and_codes_must_exist() {
        let (s, bad) =
            parse_text("<!-- skill-audit-ignore SK041 -->\nx\n# skill-audit: ignore[ZZ1] why\n");
        assert!(s.is_empty());
        assert_eq!(bad.len(), 2);
    }

    #[test]
    fn line_comments_and_allow() {
        let (s, bad) = parse_text("token = 'abc'  # skill-audit-allow CR001 test fixture\n# skill-audit: ignore[SK030] legacy key\nauthor: x\n");
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(s.len(), 2);
        let allow = s.iter().find(|x| x.codes == ["CR001"]).unwrap();
        assert_eq!(allow.scope, Scope::Lines(0, 0));
        assert_eq!(allow.reason, "test fixture");
        let ign = s.iter().find(|x| x.codes == ["SK030"]).unwrap();
        assert!(ign.covers("SK030", 2));
    }
}
