//! Example templates: key-shaped test strings generated at test time, so that no string that
//! looks like a live credential is ever committed.
//!
//! A template is ordinary text in which `{{class:N}}` is replaced by `N` characters drawn from
//! `class` with a deterministic pseudo-random generator (same template and seed, same output):
//!
//! | placeholder          | expands to                                                     |
//! |----------------------|----------------------------------------------------------------|
//! | `{{alnum:N}}`        | `[A-Za-z0-9]`                                                  |
//! | `{{lalnum:N}}`       | `[a-z0-9]`                                                     |
//! | `{{ualnum:N}}`       | `[A-Z0-9]`                                                     |
//! | `{{lower:N}}`        | `[a-z]`                                                        |
//! | `{{upper:N}}`        | `[A-Z]`                                                        |
//! | `{{digits:N}}`       | `[0-9]`                                                        |
//! | `{{hex:N}}`          | `[0-9a-f]`                                                     |
//! | `{{HEX:N}}`          | `[0-9A-F]`                                                     |
//! | `{{base64:N}}`       | `[A-Za-z0-9+/]`                                                |
//! | `{{base64url:N}}`    | `[A-Za-z0-9_-]`                                                |
//! | `{{base32:N}}`       | `[A-Z2-7]`                                                     |
//! | `{{bech32:N}}`       | the bech32 alphabet (`qpzry9x8gf2tvdw0s3jn54khce6mua7l`, upper) |
//! | `{{uuid}}`           | a random lower-case UUID (`8-4-4-4-12` hex)                    |
//! | `{{UUID}}`           | the same in upper case                                         |
//! | `{{crc32token:P}}`   | `P_` + 30 base62 + 6-character CRC32 checksum (GitHub, npm)    |
//!
//! Anything else between `{{` and `}}` (for instance `{{ var }}` in a pass example) is left
//! as written. Generated strings contain no run of four equal characters.

/// Deterministic `SplitMix64` generator.
#[derive(Debug, Clone)]
pub struct Prng(u64);

impl Prng {
    pub fn new(seed: u64) -> Self {
        Prng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform index below `n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % (n.max(1) as u64)) as usize
    }
}

const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";

fn alphabet(class: &str) -> Option<String> {
    Some(match class {
        "alnum" => format!("{UPPER}{LOWER}{DIGITS}"),
        "lalnum" => format!("{LOWER}{DIGITS}"),
        "ualnum" => format!("{UPPER}{DIGITS}"),
        "lower" => LOWER.to_string(),
        "upper" => UPPER.to_string(),
        "digits" => DIGITS.to_string(),
        "hex" => "0123456789abcdef".to_string(),
        "HEX" => "0123456789ABCDEF".to_string(),
        "base64" => format!("{UPPER}{LOWER}{DIGITS}+/"),
        "base64url" => format!("{UPPER}{LOWER}{DIGITS}_-"),
        "base32" => format!("{UPPER}234567"),
        "bech32" => "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L".to_string(),
        _ => return None,
    })
}

fn draw(rng: &mut Prng, alphabet: &[char], len: usize) -> String {
    let mut out: Vec<char> = Vec::with_capacity(len);
    while out.len() < len {
        let next = alphabet[rng.below(alphabet.len())];
        // avoid 4 equal characters in a row and 4-long ascending/descending runs, so a
        // generated secret never trips the repeated/sequential placeholder heuristics
        if let [.., first, second, third] = out.as_slice() {
            if *first == *second && *second == *third && *third == next {
                continue;
            }
            let step = i64::from(u32::from(*second)) - i64::from(u32::from(*first));
            let step2 = i64::from(u32::from(*third)) - i64::from(u32::from(*second));
            let step3 = i64::from(u32::from(next)) - i64::from(u32::from(*third));
            if (step == 1 || step == -1) && step2 == step && step3 == step {
                continue;
            }
        }
        out.push(next);
    }
    out.into_iter().collect()
}

fn expand_one(name: &str, rng: &mut Prng) -> Option<String> {
    if name == "uuid" || name == "UUID" {
        let hex: Vec<char> = if name == "uuid" {
            "0123456789abcdef".chars().collect()
        } else {
            "0123456789ABCDEF".chars().collect()
        };
        let parts: Vec<String> = [8, 4, 4, 4, 12]
            .iter()
            .map(|&n| draw(rng, &hex, n))
            .collect();
        return Some(parts.join("-"));
    }
    let (class, arg) = name.split_once(':')?;
    if class == "crc32token" {
        let prefix = arg.trim();
        if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        let alnum: Vec<char> = alphabet("alnum")?.chars().collect();
        let body = draw(rng, &alnum, 30);
        let sum = crate::checks::github_checksum(&body);
        return Some(format!("{prefix}_{body}{sum}"));
    }
    let chars: Vec<char> = alphabet(class)?.chars().collect();
    let n: usize = arg.trim().parse().ok()?;
    if n == 0 || n > 4096 {
        return None;
    }
    Some(draw(rng, &chars, n))
}

/// Expand the placeholders of `template` (see the module documentation) with the generator
/// seeded by `seed`.
pub fn expand_template(template: &str, seed: u64) -> String {
    let mut rng = Prng::new(seed);
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else {
            break;
        };
        let name = &rest[start + 2..start + 2 + len];
        out.push_str(&rest[..start]);
        match expand_one(name, &mut rng) {
            Some(s) => out.push_str(&s),
            None => out.push_str(&rest[start..start + 4 + len]),
        }
        rest = &rest[start + 4 + len..];
    }
    out.push_str(rest);
    out
}

/// A stable seed for the `index`-th example of rule `rule_id` (FNV-1a).
pub fn seed_for(rule_id: &str, index: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in rule_id.bytes().chain(index.to_le_bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_classes_deterministically() {
        let a = expand_template("t = \"ghp_{{alnum:36}}\" {{hex:8}}", 7);
        let b = expand_template("t = \"ghp_{{alnum:36}}\" {{hex:8}}", 7);
        assert_eq!(a, b);
        assert_eq!(a.len(), "t = \"ghp_\" ".len() + 36 + 8);
        assert!(a.starts_with("t = \"ghp_"));
        let u = expand_template("{{uuid}}", 1);
        assert_eq!(u.len(), 36);
        assert_eq!(u.matches('-').count(), 4);
    }

    #[test]
    fn leaves_unknown_placeholders() {
        assert_eq!(
            expand_template("{{ var }} {{x}} {{", 1),
            "{{ var }} {{x}} {{"
        );
        assert_eq!(expand_template("{{alnum:0}}", 1), "{{alnum:0}}");
    }

    #[test]
    fn crc32_tokens_verify() {
        let t = expand_template("{{crc32token:ghp}}", 3);
        assert_eq!(t.len(), 40);
        assert!(crate::github_checksum_ok(&t));
    }
}
