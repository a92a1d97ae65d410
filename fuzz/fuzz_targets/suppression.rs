//! Suppression comments (`skill-audit-ignore`, `skill-audit: ignore[...]`, `skill-audit-allow`)
//! in Markdown, YAML and script files.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skill_audit::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for name in ["SKILL.md", "run.py", "hooks.json"] {
        let src = SourceFile::new(name, format!("/fuzz/{name}"), text.to_string());
        let (found, invalid) = skill_audit::suppression::parse(&src, &|c: &str| c.starts_with("SK"));
        for s in &found {
            assert!(s.range.end() <= text.len());
        }
        for i in &invalid {
            assert!(i.range.end() <= text.len());
        }
    }
});
