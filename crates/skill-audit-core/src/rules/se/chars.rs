//! What a text holds beyond ASCII, found in one pass and cached on the file, so the SE rules
//! that look at individual characters (SE020, SE021 and the de-obfuscated pattern scan) skip
//! the per-character work on the many files that have nothing for them.

use unicode_normalization::{is_nfkc_quick, IsNormalized};

use crate::rules::se::hidden_unicode;
use crate::rules::se::normalize::{self, confusable, is_invisible};

/// Which kinds of notable characters a text holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Profile {
    /// The text is pure ASCII (then every other flag is false).
    pub ascii: bool,
    /// Invisible or direction-changing characters that SE020 reports (a leading byte-order
    /// mark included).
    pub hidden: bool,
    /// Cyrillic or Greek look-alikes of Latin letters.
    pub confusable: bool,
    /// Some character changes when the text is de-obfuscated ([`normalize::normalize`]).
    pub folds: bool,
}

/// Whether de-obfuscation changes the non-ASCII character `c`.
pub fn folds(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    if is_invisible(c) || confusable(c).is_some() {
        return true;
    }
    // A character already in NFKC stays as it is; only the others need the full folding.
    if is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes {
        return false;
    }
    let mut buf = Vec::new();
    normalize::fold(c, &mut buf)
}

/// Offset of the first non-ASCII byte at or after `from`, a word at a time.
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while i + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        let high = u64::from_le_bytes(word) & HIGH;
        if high != 0 {
            return Some(i + (high.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes[i..].iter().position(|&b| b >= 0x80).map(|k| i + k)
}

/// Call `f` with the offset and value of each non-ASCII character of `text`, in order.
pub fn for_each_non_ascii(text: &str, mut f: impl FnMut(usize, char)) {
    let bytes = text.as_bytes();
    let mut at = next_non_ascii(bytes, 0);
    while let Some(i) = at {
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        f(i, c);
        at = next_non_ascii(bytes, i + c.len_utf8());
    }
}

/// Profile `text` in one pass over its non-ASCII characters.
pub fn profile(text: &str) -> Profile {
    let bytes = text.as_bytes();
    let Some(first) = next_non_ascii(bytes, 0) else {
        return Profile {
            ascii: true,
            ..Profile::default()
        };
    };
    let mut p = Profile::default();
    let mut at = Some(first);
    while let Some(i) = at {
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        p.hidden |= hidden_unicode::is_hidden(c);
        if confusable(c).is_some() {
            p.confusable = true;
            p.folds = true;
        } else if !p.folds {
            p.folds = folds(c);
        }
        if p.hidden && p.confusable {
            break;
        }
        at = next_non_ascii(bytes, i + c.len_utf8());
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles() {
        assert!(profile("plain text").ascii);
        let p = profile("café “quoted” — 日本語");
        assert!(!p.ascii && !p.hidden && !p.confusable && !p.folds);
        let p = profile("warning ⚠\u{FE0F} here");
        assert!(p.folds && !p.hidden && !p.confusable);
        let p = profile("a\u{200B}b");
        assert!(p.folds && p.hidden);
        let p = profile("pdf-tооls");
        assert!(p.confusable && p.folds && !p.hidden);
        assert!(profile("ﬁle ２").folds);
        assert!(!profile("…").folds);
    }
}
