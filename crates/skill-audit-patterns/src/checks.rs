//! Small pure functions: entropy, redaction, placeholder heuristics, checksums.

/// Shannon entropy of `s` in bits per character (0 for the empty string).
pub fn shannon_entropy(s: &str) -> f64 {
    let mut counts: Vec<(char, u32)> = Vec::new();
    let mut total = 0u32;
    for c in s.chars() {
        total += 1;
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    if total == 0 {
        return 0.0;
    }
    let total = f64::from(total);
    counts
        .iter()
        .map(|&(_, n)| {
            let p = f64::from(n) / total;
            -p * p.log2()
        })
        .sum()
}

/// Mask a secret for display. Never reveals more than a quarter of it:
///
/// - 16 characters or more: the first 4 characters, then `****` (`ghp_****`). The first four
///   characters are usually the public prefix of the format and help to identify the key.
/// - shorter: `****` only.
///
/// The length of the secret is not revealed either.
pub fn redact(secret: &str) -> String {
    let n = secret.chars().count();
    if n >= 16 {
        let head: String = secret.chars().take(4).collect();
        format!("{head}****")
    } else {
        "****".to_string()
    }
}

/// `true` when the secret is made of (almost) one repeated character, of very few distinct
/// characters, or mostly of blocks of 4+ equal characters: `xxxxxxxx`, `AKIAXXXXXXXXXXXXXXXX`,
/// `0000…`, `abababab`, `aaaaaaaaaa1111111111bbbbbbbbbb`.
pub(crate) fn is_repeated(secret: &str) -> bool {
    let mut counts = [0u32; 128];
    let mut total = 0u32;
    let mut in_blocks = 0u32;
    let mut run = 0u32;
    let mut prev = 0u8;
    for b in secret.bytes().filter(u8::is_ascii_alphanumeric) {
        let b = b.to_ascii_lowercase();
        counts[usize::from(b)] += 1;
        total += 1;
        if b == prev {
            run += 1;
        } else {
            if run >= 4 {
                in_blocks += run;
            }
            run = 1;
            prev = b;
        }
    }
    if run >= 4 {
        in_blocks += run;
    }
    if total < 6 {
        return false;
    }
    let max = counts.iter().copied().max().unwrap_or(0);
    let distinct = counts.iter().filter(|&&c| c > 0).count();
    max * 2 >= total
        || (distinct <= 3 && total >= 8)
        || in_blocks * 2 >= total
        || is_periodic(secret)
        || has_repeated_segments(secret)
}

/// `true` when three or more delimited segments of 4+ characters are identical, as in a
/// template with a filler segment: `xoxp-1234-1234-1234-…`, `key-abcd-abcd-abcd`. Random tokens
/// with segments (UUIDs, Slack and Atlassian tokens) never repeat a segment.
fn has_repeated_segments(secret: &str) -> bool {
    let mut segments: Vec<&str> = secret
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|s| s.len() >= 4)
        .collect();
    if segments.len() < 3 {
        return false;
    }
    segments.sort_unstable();
    segments.windows(3).any(|w| w[0] == w[2])
}

/// `true` when most of the secret repeats itself with a short period (2 to 4):
/// `123123123123`, `abcdabcdabcd`.
fn is_periodic(secret: &str) -> bool {
    let b: Vec<u8> = secret
        .bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    if b.len() < 12 {
        return false;
    }
    (2..=4).any(|p| {
        let same = (p..b.len()).filter(|&i| b[i] == b[i - p]).count();
        same * 10 >= (b.len() - p) * 6
    })
}

/// Orderings a typed placeholder walks along: the alphabet, the digits (9 wraps to 0) and the
/// three letter rows of a QWERTY keyboard. `true` marks an ordering that wraps around.
const ORDERINGS: [(&[u8], bool); 5] = [
    (b"abcdefghijklmnopqrstuvwxyz", false),
    (b"0123456789", true),
    (b"qwertyuiop", false),
    (b"asdfghjkl", false),
    (b"zxcvbnm", false),
];

/// A run this long (`1234567`, `abcdefg`, `qwertyu`) marks a value as typed by hand wherever it
/// sits: random keys essentially never hold one (odds below 10⁻⁴ even for a 40-digit number).
const LONG_RUN: usize = 7;

/// `true` when the secret was typed along an ordering rather than generated:
///
/// - at least half of its alphanumeric characters belong to ascending or descending runs of 3
///   or more along the alphabet, the digits or a keyboard row (`abc123xyz`, `1234567890abcdef`,
///   `ABCD-ABCD`, `qwerty-asdf`), or
/// - it holds one run of 7 or more anywhere (`sk_live_abcdefghij…`, `…1234567…`).
///
/// In a random value about one pair in ten (hex) to one in five (digits) is a step of ±1, so runs
/// of 3 cover a few percent of it, never half.
pub(crate) fn is_sequential(secret: &str) -> bool {
    let chars: Vec<u8> = secret
        .bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    if chars.len() < 8 {
        return false;
    }
    let mut covered = vec![false; chars.len()];
    let mut longest = 0usize;
    for (order, wraps) in ORDERINGS {
        mark_runs(&chars, order, wraps, &mut covered, &mut longest);
    }
    let in_runs = covered.iter().filter(|&&c| c).count();
    in_runs * 2 >= chars.len() || longest >= LONG_RUN
}

/// Mark the characters of `chars` that belong to runs of 3 or more along `order`, and keep the
/// length of the longest run.
fn mark_runs(chars: &[u8], order: &[u8], wraps: bool, covered: &mut [bool], longest: &mut usize) {
    let pos = |c: u8| order.iter().position(|&o| o == c);
    let n = order.len();
    // +1 or -1 when `b` follows `a` along the ordering (in either direction)
    let step = |a: u8, b: u8| -> Option<bool> {
        let (pa, pb) = (pos(a)?, pos(b)?);
        if pb == pa + 1 || (wraps && pa == n - 1 && pb == 0) {
            Some(true)
        } else if pa == pb + 1 || (wraps && pb == n - 1 && pa == 0) {
            Some(false)
        } else {
            None
        }
    };
    let mut i = 0usize;
    while i + 1 < chars.len() {
        let Some(up) = step(chars[i], chars[i + 1]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j + 1 < chars.len() && step(chars[j], chars[j + 1]) == Some(up) {
            j += 1;
        }
        let len = j - i + 1;
        *longest = (*longest).max(len);
        if len >= 3 {
            covered[i..=j].fill(true);
        }
        i = j;
    }
}

const CRC_POLY: u32 = 0xEDB8_8320;

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (CRC_POLY & mask);
        }
    }
    !crc
}

const B62_UPPER_FIRST: &[u8; 62] =
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const B62_LOWER_FIRST: &[u8; 62] =
    b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

fn base62_6(mut n: u32, alphabet: &[u8; 62]) -> [u8; 6] {
    let mut out = [alphabet[0]; 6];
    for slot in out.iter_mut().rev() {
        *slot = alphabet[(n % 62) as usize];
        n /= 62;
    }
    out
}

/// The 6-character checksum of a GitHub-style token body (CRC32, base62, zero padded).
pub(crate) fn github_checksum(body: &str) -> String {
    base62_6(crc32(body.as_bytes()), B62_UPPER_FIRST)
        .iter()
        .map(|&b| char::from(b))
        .collect()
}

/// Verify the CRC32 checksum of a GitHub-style token (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`,
/// `npm_`): the last 6 characters are the base62 CRC32 of the random part before them.
///
/// Published descriptions of the scheme differ on the base62 alphabet order and on whether the
/// prefix is included, so every combination is accepted (a random string still passes with a
/// probability below 10⁻¹⁰). Returns `false` for anything that is not `prefix_` + base62.
pub fn github_checksum_ok(token: &str) -> bool {
    let Some((_, rest)) = token.split_once('_') else {
        return false;
    };
    if rest.len() <= 6 || !rest.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return false;
    }
    let (body, sum) = rest.split_at(rest.len() - 6);
    let full = &token[..token.len() - 6];
    [body, full].iter().any(|data| {
        let crc = crc32(data.as_bytes());
        [B62_UPPER_FIRST, B62_LOWER_FIRST]
            .iter()
            .any(|alphabet| base62_6(crc, alphabet) == sum.as_bytes())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entropy() {
        assert!(shannon_entropy("").abs() < f64::EPSILON);
        assert!(shannon_entropy("aaaa").abs() < f64::EPSILON);
        assert!((shannon_entropy("ab") - 1.0).abs() < 1e-9);
        assert!((shannon_entropy("0123456789abcdef") - 4.0).abs() < 1e-9);
    }

    #[test]
    fn redaction_never_reveals_short_or_tail() {
        assert_eq!(redact("hunter2"), "****");
        assert_eq!(redact("abcdefghijklmnop"), "abcd****");
        assert_eq!(redact("é€ab€€€€€€€€€€€€€€€"), "é€ab****");
        assert_eq!(redact(""), "****");
    }

    #[test]
    fn placeholders() {
        assert!(is_repeated("xxxxxxxxxxxxxxxxxxxx"));
        assert!(is_repeated("AKIAXXXXXXXXXXXXXXXX"));
        assert!(is_repeated("abababababab"));
        assert!(is_repeated("aaaaaaaaaa1111111111bbbbbbbbbb2222222222"));
        assert!(!is_repeated("q8Zr2Lk0PwX7"));
        assert!(is_repeated("GR134894112312312312312312312"));
        assert!(!is_repeated("Zq3Kf9Lm2Xc8Vb7Nn1Aa0Ss5Dd4Ff6Gg"));
        assert!(is_repeated(
            "xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d"
        ));
        assert!(!is_repeated(
            "xoxp-8461-2093-5517-4ddbc191d40ee098cbaae6f3523ada2d"
        ));
        assert!(!is_repeated("3f2b9c1e-77aa-4c0d-9e1f-6b5a4d3c2e1f"));
        assert!(is_sequential("1234567890abcdef"));
        assert!(is_sequential("12345678-ABCD-ABCD-ABCD-1234567890AB"));
        assert!(is_sequential("abcdefghijklmnopqrstuvwxyz123"));
        assert!(!is_sequential("q8Zr2Lk0PwX7mN3v"));
        // runs of 3 count: letters, digits and keyboard rows mixed
        assert!(is_sequential(
            "abc123xyz-456def789ghij-klmnopqrstuvwx-3456yza789bcde-1234fghijklmnop"
        ));
        assert!(is_sequential("qwerty-asdfgh-zxcvbn"));
        assert!(is_sequential("7890123456"));
        // one long run anywhere is enough
        assert!(is_sequential("Zq3Kf9Lm2Xc8abcdefghVb7Nn1Aa0Ss5Dd4"));
        assert!(is_sequential("Zq3Kf9Lm2Xc81234567Vb7Nn1Aa0Ss5Dd4"));
        // random values, hex and numbers included, do not trip it
        assert!(!is_sequential("Zq3Kf9Lm2Xc8Vb7Nn1Aa0Ss5Dd4Ff6Gg"));
        assert!(!is_sequential("4ddbc191d40ee098cbaae6f3523ada2d"));
        assert!(!is_sequential("84610932055174429"));
    }

    #[test]
    fn checksum_roundtrip() {
        let body = "Zq3Kf9Lm2Xc8Vb7Nn1Aa0Ss5Dd4Ff6G";
        let token = format!("ghp_{body}{}", github_checksum(body));
        assert!(github_checksum_ok(&token));
        assert!(!github_checksum_ok(&format!("ghp_{body}AAAAAA")));
        assert!(!github_checksum_ok("ghp_"));
        assert!(!github_checksum_ok("nounderscore"));
        // CRC32 check value
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }
}
