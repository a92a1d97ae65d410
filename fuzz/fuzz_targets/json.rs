//! The JSON parser with spans and the plugin checks on top of it: every range lies inside the
//! input, and no input panics (deep nesting included).
#![no_main]

use libfuzzer_sys::fuzz_target;
use skill_audit::json::{self, JsonKind, JsonValue};

fn walk(v: &JsonValue, len: usize) {
    assert!(v.range.start() <= v.range.end() && v.range.end() <= len, "range out of bounds");
    match &v.kind {
        JsonKind::Array(items) => items.iter().for_each(|i| walk(i, len)),
        JsonKind::Object(members) => {
            for m in members {
                assert!(m.key_range.end() <= len);
                walk(&m.value, len);
            }
        }
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = json::parse(text);
    if let Some(root) = &doc.root {
        walk(root, text.len());
    }
    if let Some(e) = &doc.syntax_error {
        assert!(e.range.end() <= text.len());
    }
});
