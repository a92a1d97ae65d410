//! Frontmatter extraction and the YAML parser with spans, under tight limits so alias bombs and
//! deep nesting are exercised. Every span the parser returns must lie inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skill_audit::frontmatter;
use skill_audit::yaml::YamlLimits;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let limits = YamlLimits {
        max_nodes: 10_000,
        max_depth: 64,
    };
    if let frontmatter::Split::Closed(fences) = frontmatter::split(text) {
        let fm = frontmatter::parse_lenient(text, fences, limits);
        if let Some(root) = &fm.yaml.root {
            root.walk(&mut |node| {
                let r = node.range;
                assert!(r.start() <= r.end() && r.end() <= text.len(), "span out of bounds");
            });
        }
        let _ = frontmatter::parse(text, fences, limits);
    }
    let _ = skill_audit::yaml::parse(text, 0, limits);
});
