//! min-hash signatures (one-permutation hashing with densification) and LSH banding.
//!
//! A signature has [`BINS`] 32-bit values. Each shingle hash picks a bin by its top bits and
//! competes for that bin's minimum with its low bits; empty bins borrow from the next full bin
//! (rotation densification), so that equal sets always give equal signatures and the share of
//! equal bins estimates the Jaccard similarity of the two shingle sets. Candidate pairs come
//! from banding: two signatures that agree on every row of some band land in the same bucket.

/// Values per signature.
pub const BINS: usize = 256;
const BIN_BITS: u32 = BINS.trailing_zeros();

/// The min-hash signature of a set of shingle hashes (repeats do not matter), or `None` for an
/// empty set.
pub fn signature(shingles: &[u64]) -> Option<Box<[u32]>> {
    if shingles.is_empty() {
        return None;
    }
    let mut sig = vec![u32::MAX; BINS];
    let mut filled = vec![false; BINS];
    for &h in shingles {
        let bin = (h >> (64 - BIN_BITS)) as usize;
        let v = h as u32;
        if !filled[bin] || v < sig[bin] {
            sig[bin] = v;
            filled[bin] = true;
        }
    }
    // Densify: an empty bin takes the value of the next full bin to its right, salted by the
    // distance, so that two sets with the same full bins get the same signature.
    let dense = sig.clone();
    for i in 0..BINS {
        if filled[i] {
            continue;
        }
        let mut d = 1;
        while d < BINS && !filled[(i + d) % BINS] {
            d += 1;
        }
        let src = dense[(i + d) % BINS];
        sig[i] = src.wrapping_add((d as u32).wrapping_mul(0x9e37_79b9));
    }
    Some(sig.into_boxed_slice())
}

/// The share of equal bins: an estimate of the Jaccard similarity of the two shingle sets.
pub fn estimate(a: &[u32], b: &[u32]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    #[allow(clippy::cast_precision_loss)]
    let est = same as f64 / BINS as f64;
    est
}

/// Rows per band so that a pair whose shingle sets have Jaccard similarity `target` becomes a
/// candidate with probability at least 0.98, with as many rows as possible (fewer false
/// candidates).
pub fn rows_for(target: f64) -> usize {
    let target = target.clamp(0.01, 1.0);
    let mut best = 1;
    for rows in 1..=16usize {
        let bands = BINS / rows;
        let p_band = target.powi(i32::try_from(rows).unwrap_or(16));
        let p = 1.0 - (1.0 - p_band).powi(i32::try_from(bands).unwrap_or(256));
        if p >= 0.98 {
            best = rows;
        }
    }
    best
}

/// The bucket key of band `band` (of `rows` rows) of a signature.
pub fn band_key(sig: &[u32], band: usize, rows: usize) -> u64 {
    let mut h = super::text::mix(band as u64 ^ 0xa076_1d64_78bd_642f);
    for &v in &sig[band * rows..(band + 1) * rows] {
        h = super::text::mix(h ^ u64::from(v));
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::text::{shingles, word_hashes};

    #[test]
    fn equal_sets_give_equal_signatures_and_estimates_follow_jaccard() {
        let a = shingles(&word_hashes(&"alpha beta gamma delta ".repeat(3)));
        let b = a.clone();
        assert_eq!(signature(&a), signature(&b));
        let words: Vec<String> = (0..400).map(|i| format!("w{i}")).collect();
        let text_a = words.join(" ");
        let mut changed = words.clone();
        for w in changed.iter_mut().step_by(10) {
            w.push('x');
        }
        let text_b = changed.join(" ");
        let sa = signature(&shingles(&word_hashes(&text_a))).unwrap();
        let sb = signature(&shingles(&word_hashes(&text_b))).unwrap();
        // 10% of words changed: about 80% of bigrams kept, Jaccard about 0.67.
        let e = estimate(&sa, &sb);
        assert!((0.5..0.85).contains(&e), "{e}");
        assert!(signature(&[]).is_none());
    }

    #[test]
    fn rows_shrink_as_the_target_drops() {
        assert!(rows_for(0.9) >= rows_for(0.4));
        assert!(rows_for(0.05) >= 1);
    }
}
