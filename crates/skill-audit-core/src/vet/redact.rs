//! Masking secrets in everything `vet` shows: source excerpts, diffs, URLs, hook commands.
//!
//! The credential packs in force (the built-in pack and any `[credentials] extra-packs`) find secret-looking values; each is replaced by its
//! masked form (`ghp_****`), so a report that is mailed around or attached to a ticket never
//! carries a key. Findings of the CR family are masked over their whole span as well, whatever
//! pattern found them.

use std::ops::Range;

use skill_audit_patterns::{redact, PackSet};

/// Byte ranges of the secrets in `text` (sorted, non-overlapping). `path` is the file's path
/// relative to the audited root (pattern path filters use it).
pub fn secrets(set: &PackSet, path: &str, text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = set
        .scan(path, text)
        .into_iter()
        .map(|m| m.secret)
        .filter(|r| r.start < r.end && r.end <= text.len())
        .collect();
    normalize(&mut out);
    out
}

/// Sort and merge overlapping ranges.
pub fn normalize(ranges: &mut Vec<Range<usize>>) {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges.drain(..) {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    *ranges = merged;
}

/// `text[window]` with every secret in `ranges` (offsets into `text`) that touches the window
/// replaced by its masked form. A secret crossing the window's edge is masked entirely (its
/// visible part becomes `****`).
pub fn mask_window(text: &str, window: Range<usize>, ranges: &[Range<usize>]) -> (String, bool) {
    let window = floor(text, window.start)..floor(text, window.end.max(window.start));
    let mut out = String::with_capacity(window.len());
    let mut at = window.start;
    let mut masked = false;
    for r in ranges {
        if r.end <= window.start || r.start >= window.end {
            continue;
        }
        let start = floor(text, r.start.max(window.start));
        let end = floor(text, r.end.min(window.end));
        if start < at {
            continue;
        }
        out.push_str(&text[at..start]);
        if r.start >= window.start && r.end <= window.end {
            out.push_str(&redact(text.get(r.clone()).unwrap_or("")));
        } else {
            out.push_str("****");
        }
        masked = true;
        at = end;
    }
    out.push_str(&text[at..window.end]);
    (out, masked)
}

/// Mask the secrets of a whole text.
pub fn mask_text(set: &PackSet, path: &str, text: &str) -> String {
    let ranges = secrets(set, path, text);
    if ranges.is_empty() {
        return text.to_string();
    }
    mask_window(text, 0..text.len(), &ranges).0
}

fn floor(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while o > 0 && !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

/// Remove a `user:password@` part from a URL.
pub fn strip_userinfo(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_string();
    };
    let rest = &url[scheme_end + 3..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{}://****@{}", &url[..scheme_end], &rest[at + 1..]),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_mask_only_what_they_touch() {
        let text = "a SECRETSECRETSECRET1 b";
        let ranges: Vec<Range<usize>> = std::iter::once(2..21).collect();
        assert_eq!(mask_window(text, 0..text.len(), &ranges).0, "a SECR**** b");
        assert_eq!(mask_window(text, 0..5, &ranges).0, "a ****");
        assert_eq!(
            mask_window(text, 21..23, &ranges),
            (" b".to_string(), false)
        );
    }

    #[test]
    fn merges_overlaps() {
        let mut r = vec![5..9, 1..3, 2..6];
        normalize(&mut r);
        assert_eq!(r, vec![1..9]);
    }

    #[test]
    fn userinfo_is_hidden() {
        assert_eq!(
            strip_userinfo("https://bob:hunter2@example.com/x?a=b@c"),
            "https://****@example.com/x?a=b@c"
        );
        assert_eq!(
            strip_userinfo("https://example.com/a@b"),
            "https://example.com/a@b"
        );
    }

    #[test]
    fn generated_keys_are_masked() {
        // Built at run time so no key-shaped string is committed.
        let key = format!("ghp_{}", crate::vet::pseudo_random(36, 7));
        let text = format!("token: {key}\n");
        let masked = mask_text(PackSet::builtin_credentials(), "SKILL.md", &text);
        assert!(!masked.contains(&key), "{masked}");
        assert!(masked.contains("****"), "{masked}");
    }
}
