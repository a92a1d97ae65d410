//! SE901: inventory of external URLs and domains (off by default).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::rules::{Context, Rule};
use crate::source::SourceFile;
use crate::text::TextRange;

crate::declare_rule! {
    /// ## What it does
    /// Lists the external domains each file links to or calls: one info finding per domain
    /// per file, at its first URL, with the number of URLs to it. Local addresses
    /// (`localhost`, `127.0.0.1`) are left out.
    ///
    /// This is an inventory for review, not a problem: it is **off by default** and runs only
    /// when selected by code or by a prefix longer than the family (`--select SE901`,
    /// `--select SE9`); `--select SE` or `ALL` does not turn it on.
    ///
    /// ## Why is this bad?
    /// It is not. A reviewer vetting a skill wants to know every place it may send the agent or
    /// data to, and a domain nobody expected is the first thing to ask about.
    ///
    /// ## Example
    /// ```markdown
    /// Post the summary to https://hooks.example.net/T000/B000.
    /// ```
    ///
    /// ## Fix
    /// Nothing to fix; check that each domain is expected.
    pub struct InventoryUrls {
        code: "SE901",
        name: "inventory-urls",
        severity: Info,
        summary: "inventory: external URLs and domains a file refers to",
        fixable: false,
    }
}

fn url_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"(?i)(?-u:\b)(?:https?|wss?|ftp)://([a-z0-9.-]+\.[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?[^\s"'`<>()\]\[{}]*"#)
            .expect("valid regex")
    })
}

impl Rule for InventoryUrls {
    fn check_file(&self, src: &SourceFile, cx: &mut Context<'_>) {
        let mut domains: BTreeMap<String, (TextRange, usize)> = BTreeMap::new();
        for caps in url_re().captures_iter(&src.text) {
            let (Some(whole), Some(host)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let host = host.as_str().to_ascii_lowercase();
            if host.starts_with("127.") || host == "localhost" {
                continue;
            }
            let e = domains
                .entry(host)
                .or_insert((TextRange::new(whole.start(), whole.end()), 0));
            e.1 += 1;
        }
        for (host, (range, n)) in domains {
            cx.report(
                Self::META,
                &src.path,
                range,
                format!(
                    "refers to `{host}` ({n} URL{})",
                    if n == 1 { "" } else { "s" }
                ),
            );
        }
    }
}
