//! The credential engine over arbitrary text: every match and secret range lies inside the
//! input, and the redacted form never contains the whole secret.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skill_audit_patterns::PackSet;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for m in PackSet::builtin_credentials().scan("fuzz/SKILL.md", &text) {
        assert!(m.range.end <= text.len() && m.secret.end <= text.len());
        assert!(m.range.start <= m.secret.start && m.secret.end <= m.range.end);
        let secret = &text[m.secret.clone()];
        let shown = m.redacted(&text);
        if secret.chars().count() > 4 {
            assert!(!shown.contains(secret), "secret printed in full");
        }
    }
});
