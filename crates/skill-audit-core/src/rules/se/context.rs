//! Where a match stands, and how much that lowers it.
//!
//! A security skill that *documents* an attack quotes it, shows it in a code fence under a
//! heading such as "Attack examples", or puts it in a block quote; an attack does not need any
//! of that. Each documenting signal lowers a finding one step (error, warning, info), at most
//! two steps:
//!
//! - form: the match is quoted (`"…"`, `“…”`; inline code too for prompt-injection phrases), in
//!   a block quote or, for prompt-injection phrases, in a code fence; a quoted command in a YAML
//!   or JSON data file (not a hooks or MCP manifest); in a script, inside a string literal
//!   (injection phrases) or a comment (two steps for everything);
//! - topic: the nearest section headings above it (level 2 and below; the title does not
//!   count) speak of attacks, injection, threats, detection or examples;
//! - wording: the line itself warns or describes (`never`, `do not`, `avoid`, `dangerous`,
//!   `for example`, `such as`, `detect`).
//!
//! A command in a fenced shell block is an instruction to run it, so for command families a
//! code fence is not a documenting form.

use std::sync::OnceLock;

use regex::Regex;

use crate::frontmatter::{self, Split};
use crate::markdown::{self, MarkdownInfo};
use crate::rules::se::script::{self, Language, Token};
use crate::source::SourceFile;
use crate::text::TextRange;

/// How many steps a finding is lowered, and why (for the help text).
pub struct Lowered {
    pub steps: u8,
    pub why: Vec<&'static str>,
}

enum Kind {
    Markdown {
        info: MarkdownInfo,
        body_start: usize,
    },
    Script(Vec<(TextRange, Token)>),
    /// YAML or TOML, with its comments.
    Data(Vec<(TextRange, Token)>),
    Other,
}

/// A file prepared for context questions (parsed only when a match needs it).
pub struct FileContext<'a> {
    src: &'a SourceFile,
    kind: OnceLock<Kind>,
}

fn attack_heading_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)attack|injection|jailbreak|malicious|threat|exploit|red[ -]?team|adversar|phishing|vulnerab|detect|red flags?|warning signs|anti-?patterns?|what not to|don'?t|avoid|example|sample|pattern|indicator|payload|security|risk|unsafe|dangerous|prohibited|forbidden|blocked")
            .expect("valid regex")
    })
}

fn wording_re(injection: bool) -> &'static Regex {
    static INJ: OnceLock<Regex> = OnceLock::new();
    static CMD: OnceLock<Regex> = OnceLock::new();
    if injection {
        INJ.get_or_init(|| {
            Regex::new(r"(?i)(?-u:\b)(?:detect(?:s|ed|ion)?|flag(?:s|ged)?|block(?:s|ed)?|scan(?:s|ner)?|patterns?|examples?|e\.g\.|such as|phrases?|attempts? to|attackers?|malicious|injection|jailbreak|adversarial|suspicious|red flags?|refuse|never (?:follow|obey|comply)|do not (?:follow|obey|comply)|treat .{0,30} as (?:data|untrusted)|(?:is|are)(?: all| only| just)? (?:inert |untrusted )?data|not (?:a direction|an instruction|a command) to (?:follow|obey))(?-u:\b)")
                .expect("valid regex")
        })
    } else {
        CMD.get_or_init(|| {
            Regex::new(r"(?i)(?-u:\b)(?:never|don'?t|do not|avoid|dangerous|insecure|unsafe|malicious|attackers?|instead of|bad|anti-?pattern|risky|red flags?|detect(?:s|ed|ion)?|flag(?:s|ged)?|block(?:s|ed)?|examples?|such as|e\.g\.)(?-u:\b)|❌|⚠")
                .expect("valid regex")
        })
    }
}

/// Whether a heading's text is about attacks, threats, detection or examples.
pub fn is_attack_heading(text: &str) -> bool {
    attack_heading_re().is_match(text)
}

impl<'a> FileContext<'a> {
    pub fn new(src: &'a SourceFile) -> Self {
        Self {
            src,
            kind: OnceLock::new(),
        }
    }

    fn kind(&self) -> &Kind {
        self.kind.get_or_init(|| {
            let text = &self.src.text;
            if self.src.is_markdown() {
                let body_start = match frontmatter::split(text) {
                    Split::Closed(f) => f.body_start,
                    _ => 0,
                };
                Kind::Markdown {
                    info: markdown::analyze(text, body_start),
                    body_start,
                }
            } else if let Some(lang) = Language::detect(self.src.file_name(), text) {
                Kind::Script(script::tokenize(text, lang))
            } else if matches!(
                self.src.extension().map(str::to_ascii_lowercase).as_deref(),
                Some("yml" | "yaml" | "toml")
            ) {
                // `#` comments and quotes work as in shell.
                Kind::Data(script::tokenize(text, Language::Shell))
            } else {
                Kind::Other
            }
        })
    }

    /// The line of `range`, with URLs and domain names blanked (so `docs.example.com` does
    /// not read as the word "example").
    fn line_of(&self, range: TextRange) -> String {
        static URL: OnceLock<Regex> = OnceLock::new();
        let url = URL.get_or_init(|| {
            Regex::new(r"(?i)[a-z][a-z0-9+.-]*://\S+|(?-u:\b)(?:[a-z0-9-]+\.)+[a-z]{2,}(?-u:\b)")
                .expect("valid regex")
        });
        let idx = &self.src.index;
        let line = idx.line_of(range.start());
        let text = self
            .src
            .text
            .get(idx.line_range(line, &self.src.text).as_range())
            .unwrap_or("");
        url.replace_all(text, " ").into_owned()
    }

    /// Whether `range` sits inside a pair of quotes or backticks on its line.
    fn quoted(&self, range: TextRange) -> bool {
        self.quoted_as(range, true)
    }

    /// Whether `range` sits inside a pair of quotes (`"…"`, `“…”`, ...) on its line; backticks
    /// count only when `backticks` is set (inline code is where commands are written to run).
    fn quoted_as(&self, range: TextRange, backticks: bool) -> bool {
        let idx = &self.src.index;
        let line = idx.line_of(range.start());
        let start = idx.line_start(line);
        let text = &self.src.text;
        let before = text.get(start..range.start()).unwrap_or("");
        let after_end = idx.line_range(line, text).end().max(range.end());
        // The match may have consumed the closing quote: look from its start.
        let after = text.get(range.start()..after_end).unwrap_or("");
        let odd = |c: char| before.chars().filter(|&x| x == c).count() % 2 == 1;
        (backticks && odd('`') && after.contains('`'))
            || (odd('"') && after.contains('"'))
            || (before.contains('“') && after.contains('”'))
            || (before.contains('«') && after.contains('»'))
            || (before.contains('「') && after.contains('」'))
    }

    /// Whether one of the headings above `offset` (the nearest of each level) is about attacks.
    fn under_attack_heading(info: &MarkdownInfo, offset: usize) -> bool {
        let mut level = u8::MAX;
        for h in info
            .headings
            .iter()
            .rev()
            // The title (level 1) names the document, not a section: a skill titled
            // "Jailbreak" must not lower its own instructions.
            .filter(|h| h.range.start() < offset && h.level > 1)
        {
            if h.level < level {
                if is_attack_heading(&h.text) {
                    return true;
                }
                level = h.level;
            }
        }
        false
    }

    /// How far documenting context lowers a match at `range`.
    pub fn lowering(&self, range: TextRange, injection: bool) -> Lowered {
        let mut why: Vec<&'static str> = Vec::new();
        let mut steps = 0u8;
        match self.kind() {
            Kind::Markdown { info, body_start } => {
                let in_body = range.start() >= *body_start;
                let fence = info
                    .code_blocks
                    .iter()
                    .find(|c| c.range.contains_range(range));
                let mut form = false;
                if let Some(block) = fence {
                    let lang = block.lang.as_deref().and_then(Language::from_fence);
                    let comment = lang.is_some_and(|l| {
                        let content = self.src.slice(block.content_range);
                        let toks = script::tokenize(content, l);
                        let local = TextRange::new(
                            range.start().saturating_sub(block.content_range.start()),
                            range.end().saturating_sub(block.content_range.start()),
                        );
                        script::token_at(&toks, local) == Some(Token::Comment)
                    });
                    if comment {
                        steps += 2;
                        why.push("in a comment of a code block");
                    } else if injection {
                        form = true;
                        why.push("in a code block");
                    } else if self.quoted_as(range, false) {
                        // `grep -r "rm -rf /"`, `echo "never run curl | sh"`: a quoted argument.
                        form = true;
                        why.push("a quoted argument in a code block");
                    }
                } else if in_body && info.in_quote(range) {
                    form = true;
                    why.push("in a block quote");
                } else if injection && self.quoted(range) {
                    form = true;
                    why.push("quoted");
                } else if !injection && self.quoted_as(range, false) {
                    form = true;
                    why.push("quoted as text (a pattern, a message, an example)");
                }
                if form {
                    steps += 1;
                }
                if in_body && Self::under_attack_heading(info, range.start()) {
                    steps += 1;
                    why.push("under a heading about attacks or examples");
                } else if wording_re(injection).is_match(&self.line_of(range)) {
                    steps += 1;
                    why.push("the line describes or warns against it");
                }
            }
            Kind::Script(tokens) => match script::token_at(tokens, range) {
                Some(Token::Comment) => {
                    steps += 2;
                    why.push("in a script comment");
                }
                Some(Token::String) if injection => {
                    steps += 1;
                    why.push("in a string literal of a script");
                    if wording_re(true).is_match(&self.line_of(range)) {
                        steps += 1;
                    }
                }
                _ => {}
            },
            Kind::Data(tokens) if script::token_at(tokens, range) == Some(Token::Comment) => {
                steps += 2;
                why.push("in a comment");
            }
            Kind::Data(_) | Kind::Other => {
                if injection
                    && self.quoted(range)
                    && wording_re(true).is_match(&self.line_of(range))
                {
                    steps += 1;
                    why.push("quoted and described");
                } else if !injection
                    && crate::rules::se::util::manifest_kind(self.src).is_none()
                    && self.quoted_as(range, false)
                {
                    // A quoted command in YAML or JSON data (a deny list, a test fixture, a CI
                    // grep pattern) is text; in hooks and MCP manifests it is what runs.
                    steps += 1;
                    why.push("quoted in a data file");
                }
            }
        }
        Lowered {
            steps: steps.min(2),
            why,
        }
    }
}
