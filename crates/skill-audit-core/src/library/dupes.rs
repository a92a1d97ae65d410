//! Exact and near-duplicate skills across a library.
//!
//! 1. Per skill, in parallel: the words of `description` + body (lowercased, punctuation and
//!    Markdown dropped) and a 64-bit hash of that word sequence. Skills with the same hash are
//!    exact duplicates; only the first copy of each group takes part in step 2.
//! 2. Per remaining skill, in parallel: word-bigram shingles of its content words (shingles
//!    that occur in more than 1% of a large library are template boilerplate and dropped) and
//!    a min-hash signature of them.
//! 3. LSH: for each band of the signatures, skills whose band agrees share a bucket; pairs of
//!    a bucket are candidates. No all-pairs loop: the work grows with the number of skills
//!    plus the number of candidates.
//! 4. Each candidate whose min-hash estimate is plausible gets its exact similarity: the
//!    Sørensen–Dice coefficient of the two word multisets (the share of words they have in
//!    common, so 15% of words changed gives 0.85). Pairs at or above the threshold are
//!    near-duplicates.
//!
//! Output is sorted, so it does not depend on the number of threads.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;

use super::minhash::{self, BINS};
use super::text::{dice, dice_sorted, mix, shingles};
use super::{content_words, copy_rank};
use crate::workspace::Workspace;

/// Skills with fewer words are not compared (their similarity says little).
pub const MIN_WORDS: usize = 3;
/// Skills with fewer words are not near-duplicate candidates.
pub const MIN_NEAR_WORDS: usize = 12;
/// Buckets larger than this are not expanded into all their pairs: each member is paired with
/// the bucket's first member and its neighbour only.
const MAX_BUCKET: usize = 64;
/// Bits of the shingle document-frequency table.
const TABLE_BITS: u32 = 22;
/// In a large library, one skill in `STRIDE` is sampled for document frequencies.
const STRIDE: usize = 8;
/// Up to this many words in all, the words of every skill are kept in memory after step 1
/// (8 bytes a word, and as much again for the shingles: 96 MiB at most) instead of being recomputed by each later step.
const KEEP_WORDS: usize = 6 << 20;

/// A skill's content hash and word count (`None` when it has too few words to compare).
type ContentHash = Option<(u64, usize)>;

/// A near-duplicate pair: `a` comes first in copy order ([`copy_rank`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NearPair {
    /// Indexes into [`Workspace::skills`].
    pub a: usize,
    pub b: usize,
    /// Share of words in common, 0 to 1.
    pub similarity: f64,
}

/// Counters for reports and benchmarks.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    pub skills: usize,
    pub exact_groups: usize,
    pub signatures: usize,
    pub rows_per_band: usize,
    pub candidates: usize,
    pub verified: usize,
    /// Milliseconds spent hashing content, signing, banding and verifying.
    pub phase_ms: [u128; 4],
    pub elapsed_ms: u128,
}

/// The result of the duplicate pass.
#[derive(Debug, Clone, Default)]
pub struct Duplicates {
    /// Groups of skills with the same normalised content, each in copy order (the copy to keep
    /// first); groups ordered by their first member's path.
    pub exact: Vec<Vec<usize>>,
    /// Near-duplicate pairs, sorted by `(a, b)` in copy order.
    pub near: Vec<NearPair>,
    pub stats: Stats,
}

/// The Jaccard similarity of the bigram sets of two texts whose word similarity is `t` when
/// the difference is scattered substitutions (the hardest case for shingles).
fn bigram_jaccard_for(t: f64) -> f64 {
    let kept = t * t;
    kept / (2.0 - kept)
}

/// Find exact (always) and near (when `near`) duplicates among the workspace's skills.
pub fn analyze(ws: &Workspace, threshold: f64, near: bool) -> Duplicates {
    let lib = ws.library();
    // A library assembled from shards carries the word hashes; a run's own library takes them
    // from its skills (recomputed when needed rather than all held in memory).
    let words_of = |i: usize| -> Option<Vec<u64>> {
        match &lib.words {
            Some(w) => w.get(i).cloned().flatten(),
            None => content_words(ws.skills.get(i)?),
        }
    };
    analyze_with(&lib.skills, &words_of, threshold, near)
}

/// [`analyze`] over the library's skills, with their words from `words_of(skill index)`.
pub fn analyze_with(
    skills: &[super::Component],
    words_of: &(dyn Fn(usize) -> Option<Vec<u64>> + Sync),
    threshold: f64,
    near: bool,
) -> Duplicates {
    let started = Instant::now();
    let n = skills.len();
    // Copy order: the rank of each skill when sorted by `copy_rank` of its path.
    let mut order: Vec<usize> = (0..n).collect();
    let ranks: Vec<(bool, std::path::PathBuf)> =
        skills.iter().map(|s| copy_rank(&s.rel, &s.path)).collect();
    order.sort_by(|&x, &y| ranks[x].cmp(&ranks[y]));
    let mut rank = vec![0usize; n];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }

    // 1. Content hashes. The words are kept while their total stays under `KEEP_WORDS`
    // (a library of a few thousand skills); past that, later steps recompute them.
    let kept_total = AtomicUsize::new(0);
    let first: Vec<(ContentHash, Option<Vec<u64>>)> = (0..n)
        .into_par_iter()
        .map(|i| {
            let Some(words) = words_of(i) else {
                return (None, None);
            };
            if words.len() < MIN_WORDS {
                return (None, None);
            }
            let h = words
                .iter()
                .fold(0x243f_6a88_85a3_08d3_u64, |h, &w| mix(h ^ w).rotate_left(5));
            let total = kept_total.fetch_add(words.len(), Ordering::Relaxed) + words.len();
            (
                Some((h, words.len())),
                (total <= KEEP_WORDS).then_some(words),
            )
        })
        .collect();
    // Whether every word list was kept is decided once, after the pass, so the outcome does
    // not depend on the order threads ran in.
    let keep = kept_total.load(Ordering::Relaxed) <= KEEP_WORDS;
    let (hashes, kept): (Vec<ContentHash>, Vec<Option<Vec<u64>>>) = if keep {
        first.into_iter().unzip()
    } else {
        (first.into_iter().map(|(h, _)| h).collect(), Vec::new())
    };
    let words_of = |i: usize| -> Option<Vec<u64>> {
        if keep {
            kept.get(i).cloned().flatten()
        } else {
            words_of(i)
        }
    };
    let t_hash = started.elapsed().as_millis();
    let mut groups: HashMap<u64, Vec<usize>> = HashMap::new();
    for &i in &order {
        if let Some((h, _)) = hashes[i] {
            groups.entry(h).or_default().push(i);
        }
    }
    let mut exact: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    exact.sort_by_key(|g| rank[g[0]]);
    let mut dup_of_earlier = vec![false; n];
    for g in &exact {
        for &i in &g[1..] {
            dup_of_earlier[i] = true;
        }
    }
    let mut out = Duplicates {
        stats: Stats {
            skills: n,
            exact_groups: exact.len(),
            ..Stats::default()
        },
        exact,
        near: Vec::new(),
    };
    if !near {
        out.stats.elapsed_ms = started.elapsed().as_millis();
        return out;
    }

    // 2. Signatures of the first copies, in copy order.
    let reps: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| !dup_of_earlier[i] && hashes[i].is_some_and(|(_, w)| w >= MIN_NEAR_WORDS))
        .collect();
    let compute_shingles = |i: usize| -> Vec<u64> {
        let mut s = words_of(i).map(|w| shingles(&w)).unwrap_or_default();
        s.sort_unstable();
        s.dedup();
        s
    };
    // With the words in memory, the shingles of each first copy are made once too.
    let rep_shingles: Vec<Vec<u64>> = if keep {
        reps.par_iter().map(|&i| compute_shingles(i)).collect()
    } else {
        Vec::new()
    };
    let rep_pos: HashMap<usize, usize> = if keep {
        reps.iter().enumerate().map(|(k, &i)| (i, k)).collect()
    } else {
        HashMap::new()
    };
    let shingles_of = |i: usize| -> std::borrow::Cow<'_, [u64]> {
        match rep_pos.get(&i) {
            Some(&k) => std::borrow::Cow::Borrowed(&rep_shingles[k]),
            None => std::borrow::Cow::Owned(compute_shingles(i)),
        }
    };
    // Document frequency of shingles, in a fixed-size counting table (collisions only make
    // rare shingles look a little more common). In a large library a deterministic sample of
    // one skill in `STRIDE` is enough to see boilerplate, which is in more than 1% of skills.
    let stride = if reps.len() > 20 * STRIDE * 100 {
        STRIDE
    } else {
        1
    };
    let limit = (reps.len() / 100 / stride).max(64 / stride).max(4);
    let table: Option<Vec<AtomicU32>> = (reps.len() > 1_000).then(|| {
        let t: Vec<AtomicU32> = (0..1usize << TABLE_BITS)
            .map(|_| AtomicU32::new(0))
            .collect();
        reps.par_iter().step_by(stride).for_each(|&i| {
            for &h in shingles_of(i).iter() {
                t[(h >> (64 - TABLE_BITS)) as usize].fetch_add(1, Ordering::Relaxed);
            }
        });
        t
    });
    let sigs: Vec<Option<Box<[u32]>>> = reps
        .par_iter()
        .map(|&i| {
            let mut s = shingles_of(i).into_owned();
            if let Some(t) = &table {
                s.retain(|h| {
                    t[(h >> (64 - TABLE_BITS)) as usize].load(Ordering::Relaxed) as usize <= limit
                });
            }
            minhash::signature(&s)
        })
        .collect();
    out.stats.signatures = sigs.iter().flatten().count();
    let t_sig = started.elapsed().as_millis();

    // 3. LSH banding: candidate pairs as positions in `reps`.
    let target = bigram_jaccard_for(threshold) * 0.8;
    let rows = minhash::rows_for(target);
    out.stats.rows_per_band = rows;
    let bands = BINS / rows;
    let mut candidates: Vec<(u32, u32)> = Vec::new();
    for band in 0..bands {
        let mut keys: Vec<(u64, u32)> = sigs
            .par_iter()
            .enumerate()
            .filter_map(|(k, s)| {
                s.as_ref()
                    .map(|s| (minhash::band_key(s, band, rows), k as u32))
            })
            .collect();
        keys.par_sort_unstable();
        let mut start = 0;
        while start < keys.len() {
            let mut end = start + 1;
            while end < keys.len() && keys[end].0 == keys[start].0 {
                end += 1;
            }
            let bucket = &keys[start..end];
            if bucket.len() <= MAX_BUCKET {
                for x in 0..bucket.len() {
                    for y in x + 1..bucket.len() {
                        candidates.push((bucket[x].1, bucket[y].1));
                    }
                }
            } else {
                for x in 1..bucket.len() {
                    candidates.push((bucket[0].1, bucket[x].1));
                    if x + 1 < bucket.len() {
                        candidates.push((bucket[x].1, bucket[x + 1].1));
                    }
                }
            }
            start = end;
        }
        if candidates.len() > 1 << 22 {
            candidates.par_sort_unstable();
            candidates.dedup();
        }
    }
    candidates.par_sort_unstable();
    candidates.dedup();
    out.stats.candidates = candidates.len();
    let t_lsh = started.elapsed().as_millis();

    // 4. Verify. With the words in memory, each candidate's are sorted once, not per pair.
    let sorted_words: HashMap<usize, Vec<u64>> = if keep {
        let mut need: Vec<u32> = candidates.iter().flat_map(|&(x, y)| [x, y]).collect();
        need.sort_unstable();
        need.dedup();
        need.par_iter()
            .filter_map(|&k| {
                let i = reps[k as usize];
                let mut w = kept.get(i)?.clone()?;
                w.sort_unstable();
                Some((i, w))
            })
            .collect()
    } else {
        HashMap::new()
    };
    let floor = target * 0.5;
    let verified: Vec<Option<NearPair>> = candidates
        .par_iter()
        .map(|&(x, y)| {
            let (Some(sx), Some(sy)) = (&sigs[x as usize], &sigs[y as usize]) else {
                return None;
            };
            if minhash::estimate(sx, sy) < floor {
                return None;
            }
            let (a, b) = (reps[x as usize], reps[y as usize]);
            let similarity = match (sorted_words.get(&a), sorted_words.get(&b)) {
                (Some(wa), Some(wb)) => dice_sorted(wa, wb),
                _ => dice(&words_of(a)?, &words_of(b)?),
            };
            Some(NearPair { a, b, similarity })
        })
        .collect();
    out.stats.verified = verified.iter().flatten().count();
    let mut near: Vec<NearPair> = verified
        .into_iter()
        .flatten()
        .filter(|p| p.similarity >= threshold)
        .collect();
    near.sort_by_key(|p| (rank[p.a], rank[p.b]));
    out.near = near;
    out.stats.elapsed_ms = started.elapsed().as_millis();
    out.stats.phase_ms = [
        t_hash,
        t_sig - t_hash,
        t_lsh - t_sig,
        out.stats.elapsed_ms - t_lsh,
    ];
    out
}

fn find(p: &mut [usize], mut x: usize) -> usize {
    while p[x] != x {
        p[x] = p[p[x]];
        x = p[x];
    }
    x
}

/// Cluster labels: skills joined by exact or near duplication share a cluster. Returns, per
/// skill, `Some(k)` (clusters numbered from 1 in copy order) or `None` for a skill with no
/// duplicate.
pub fn clusters(ws: &Workspace, dups: &Duplicates) -> Vec<Option<usize>> {
    let n = ws.skills.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let union = |p: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (find(p, a), find(p, b));
        if ra != rb {
            p[ra.max(rb)] = ra.min(rb);
        }
    };
    let mut linked = vec![false; n];
    for g in &dups.exact {
        for &i in &g[1..] {
            union(&mut parent, g[0], i);
        }
        for &i in g {
            linked[i] = true;
        }
    }
    for p in &dups.near {
        union(&mut parent, p.a, p.b);
        linked[p.a] = true;
        linked[p.b] = true;
    }
    let mut order: Vec<usize> = (0..n).filter(|&i| linked[i]).collect();
    order.sort_by_key(|&i| {
        let s = &ws.skills[i];
        copy_rank(&ws.files[s.file].entry.rel, s.path(ws))
    });
    let mut label: HashMap<usize, usize> = HashMap::new();
    let mut out = vec![None; n];
    for i in order {
        let root = find(&mut parent, i);
        let next = label.len() + 1;
        out[i] = Some(*label.entry(root).or_insert(next));
    }
    out
}
