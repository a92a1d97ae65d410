//! The parts of a Markdown body that rules look at, with byte ranges into the file.

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::text::TextRange;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub range: TextRange,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The destination as written (`references/api.md#auth`).
    pub dest: String,
    /// Where the destination is written, or the whole link when it cannot be located.
    pub dest_range: TextRange,
    /// The whole link or image.
    pub range: TextRange,
    pub is_image: bool,
    /// Inside a heading-less quote (`> ...`).
    pub in_quote: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeBlock {
    pub lang: Option<String>,
    pub range: TextRange,
    /// The code itself.
    pub content_range: TextRange,
}

/// An HTML block or inline HTML (comments included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Html {
    pub range: TextRange,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkdownInfo {
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    pub code_blocks: Vec<CodeBlock>,
    pub html: Vec<Html>,
    /// Ranges of block quotes.
    pub quotes: Vec<TextRange>,
}

impl MarkdownInfo {
    /// Whether `range` lies inside a fenced or indented code block.
    pub fn in_code(&self, range: TextRange) -> bool {
        self.code_blocks
            .iter()
            .any(|c| c.range.contains_range(range))
    }

    /// Whether `range` lies inside a block quote.
    pub fn in_quote(&self, range: TextRange) -> bool {
        self.quotes.iter().any(|q| q.contains_range(range))
    }
}

/// Analyse `text[start..]` (the body of a file whose frontmatter ends at `start`).
pub fn analyze(text: &str, start: usize) -> MarkdownInfo {
    let body = text.get(start..).unwrap_or("");
    let mut info = MarkdownInfo::default();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut heading: Option<(u8, usize, String)> = None;
    let mut code: Option<(Option<String>, usize, Option<usize>, usize)> = None;
    let mut quote_starts: Vec<usize> = Vec::new();
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let r = TextRange::new(range.start + start, range.end + start);
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, r.start(), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, s, text)) = heading.take() {
                    info.headings.push(Heading {
                        level,
                        text,
                        range: TextRange::new(s, r.end()),
                    });
                }
            }
            Event::Start(Tag::BlockQuote(_)) => quote_starts.push(r.start()),
            Event::End(TagEnd::BlockQuote(_)) => {
                if let Some(s) = quote_starts.pop() {
                    info.quotes.push(TextRange::new(s, r.end()));
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) if !l.is_empty() => {
                        Some(l.split_whitespace().next().unwrap_or("").to_string())
                    }
                    _ => None,
                };
                code = Some((lang, r.start(), None, r.end()));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, s, cs, ce)) = code.take() {
                    let cs = cs.unwrap_or(s);
                    info.code_blocks.push(CodeBlock {
                        lang,
                        range: TextRange::new(s, r.end()),
                        content_range: TextRange::new(cs, ce.max(cs)),
                    });
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                push_link(&mut info, text, r, &dest_url, link_type, false);
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                ..
            }) => {
                push_link(&mut info, text, r, &dest_url, link_type, true);
            }
            Event::Html(_) | Event::InlineHtml(_) => info.html.push(Html { range: r }),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, s)) = heading.as_mut() {
                    s.push_str(&t);
                }
                if let Some((_, _, cs, ce)) = code.as_mut() {
                    if cs.is_none() {
                        *cs = Some(r.start());
                    }
                    *ce = r.end();
                }
            }
            _ => {}
        }
    }
    info.quotes.sort();
    info
}

fn push_link(
    info: &mut MarkdownInfo,
    text: &str,
    r: TextRange,
    dest: &str,
    link_type: LinkType,
    is_image: bool,
) {
    if matches!(link_type, LinkType::Autolink | LinkType::Email) {
        return;
    }
    let src = text.get(r.as_range()).unwrap_or("");
    // The destination is written after the last `](` for inline links; locate it to point
    // the caret at it. Reference-style links point at the whole link.
    let dest_range = src
        .rfind("](")
        .and_then(|i| {
            let after = &src[i + 2..];
            let trimmed = after.trim_start_matches([' ', '<']);
            let lead = after.len() - trimmed.len();
            trimmed.starts_with(dest).then(|| {
                let s = r.start() + i + 2 + lead;
                TextRange::new(s, s + dest.len())
            })
        })
        .unwrap_or(r);
    let in_quote = info.quotes.iter().any(|q| q.contains_range(r));
    info.links.push(Link {
        dest: dest.to_string(),
        dest_range,
        range: r,
        is_image,
        in_quote,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links_headings_and_code() {
        let text = "---\nx: y\n---\n# Title\n\nSee [api](references/api.md) and ![img](assets/a.png).\n\n```bash\nrm -rf /\n```\n<!-- note -->\n";
        let start = text.find("# Title").unwrap();
        let info = analyze(text, start);
        assert_eq!(info.headings[0].text, "Title");
        assert_eq!(info.links.len(), 2);
        assert_eq!(
            &text[info.links[0].dest_range.as_range()],
            "references/api.md"
        );
        assert!(info.links[1].is_image);
        assert_eq!(info.code_blocks[0].lang.as_deref(), Some("bash"));
        assert_eq!(
            &text[info.code_blocks[0].content_range.as_range()],
            "rm -rf /\n"
        );
        assert_eq!(info.html.len(), 1);
    }
}
