//! Markdown analysis with source offsets: headings, links, code blocks, HTML, quotes. Every
//! range must lie inside the input and on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let info = skill_audit::markdown::analyze(text, 0);
    let ranges = info
        .headings
        .iter()
        .map(|h| h.range)
        .chain(info.links.iter().map(|l| l.range))
        .chain(info.code_blocks.iter().map(|c| c.range))
        .chain(info.quotes.iter().copied());
    for r in ranges {
        assert!(r.end() <= text.len(), "range out of bounds");
        assert!(text.get(r.as_range()).is_some(), "range not on char boundaries");
    }
});
