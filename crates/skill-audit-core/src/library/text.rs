//! Words and hashes: the normalised view of a skill's text that duplicate detection works on.

/// A fast 64-bit hash of bytes (FNV-1a, then a `splitmix64` finaliser for good high bits).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// The `splitmix64` finaliser.
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Call `f` with every word of `text`, lowercased: a word is a run of letters, digits or `_`.
/// Case, punctuation, Markdown markup and whitespace do not matter.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            if c.is_ascii() {
                word.push(c.to_ascii_lowercase());
            } else {
                word.extend(c.to_lowercase());
            }
        } else if !word.is_empty() {
            f(&word);
            word.clear();
        }
    }
    if !word.is_empty() {
        f(&word);
    }
}

/// The hash of every word of `text`, in order: the same words [`for_each_word`] gives, hashed
/// as [`hash_bytes`] would hash them, without building them.
pub fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6);
    push_word_hashes(text, &mut out);
    out
}

/// Append the word hashes of `text` to `out` (see [`word_hashes`]).
pub fn push_word_hashes(text: &str, out: &mut Vec<u64>) {
    const BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut h = BASIS;
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            if b.is_ascii_alphanumeric() || b == b'_' {
                h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(PRIME);
                in_word = true;
            } else if in_word {
                out.push(mix(h));
                h = BASIS;
                in_word = false;
            }
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if c.is_alphanumeric() {
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                for &x in l.encode_utf8(&mut buf).as_bytes() {
                    h = (h ^ u64::from(x)).wrapping_mul(PRIME);
                }
            }
            in_word = true;
        } else if in_word {
            out.push(mix(h));
            h = BASIS;
            in_word = false;
        }
    }
    if in_word {
        out.push(mix(h));
    }
}

/// Words too common to tell two texts apart; shingles are made of the other words.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "from", "has", "have",
    "if", "in", "into", "is", "it", "its", "not", "of", "on", "or", "that", "the", "this", "to",
    "use", "when", "will", "with", "you", "your", "we", "our", "all", "any", "each", "should",
    "must", "may", "then", "than", "these", "those", "which", "what", "how", "also", "only",
];

/// Whether `word_hash` is the hash of a stop word.
pub fn is_stopword(word_hash: u64) -> bool {
    use std::sync::OnceLock;
    static SET: OnceLock<Vec<u64>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        let mut v: Vec<u64> = STOPWORDS.iter().map(|w| hash_bytes(w.as_bytes())).collect();
        v.sort_unstable();
        v
    });
    set.binary_search(&word_hash).is_ok()
}

/// Word-bigram shingles of the content words (stop words dropped), as hashes; a text with a
/// single content word gives that word. Repeated shingles are kept (callers deduplicate).
pub fn shingles(words: &[u64]) -> Vec<u64> {
    let content: Vec<u64> = words.iter().copied().filter(|&w| !is_stopword(w)).collect();
    match content.len() {
        0 => Vec::new(),
        1 => vec![mix(content[0] ^ 0x5851_f42d_4c95_7f2d)],
        _ => content
            .windows(2)
            .map(|w| mix(w[0].rotate_left(23) ^ w[1]))
            .collect(),
    }
}

/// Sørensen–Dice similarity of two word multisets: twice the number of words they share
/// (counting repeats) over the total number of words. `1.0` for equal texts.
pub fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort_unstable();
    b.sort_unstable();
    dice_sorted(&a, &b)
}

/// [`dice`] of two word lists already sorted.
pub fn dice_sorted(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let sim = (2 * common) as f64 / (a.len() + b.len()) as f64;
    sim
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_ignore_case_and_punctuation() {
        let mut w = Vec::new();
        for_each_word("## Use PDF-tools, when_asked! Ünïcode", |s| {
            w.push(s.to_string());
        });
        assert_eq!(w, ["use", "pdf", "tools", "when_asked", "ünïcode"]);
    }

    #[test]
    fn streamed_hashes_match_words() {
        let text = "## Use PDF-tools, when_asked! Ünïcode ΣΊΣΥΦΟΣ";
        let mut w = Vec::new();
        for_each_word(text, |s| w.push(hash_bytes(s.as_bytes())));
        assert_eq!(word_hashes(text), w);
    }

    #[test]
    fn dice_counts_shared_words() {
        let a = word_hashes("one two three four five six seven eight nine ten");
        let b = word_hashes("one two three four five six seven eight nine eleven");
        assert!((dice(&a, &b) - 0.9).abs() < 1e-9);
        assert!((dice(&a, &a) - 1.0).abs() < 1e-9);
        assert!(dice(&a, &[]) < 1e-9);
    }
}
