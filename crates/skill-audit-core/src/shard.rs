//! Deterministic partition of a run into shards (`--shard K/N`) by unit: the outermost skill
//! folder or plugin root holding a file, or the file itself when it is in neither.
//!
//! Every shard walks and reads the whole tree (so links, marketplace sources and library-level
//! rules see everything) but runs the per-skill and per-file rules only on its own units, and
//! keeps only the findings in its own units' files. Every file is in exactly one unit and every
//! unit in exactly one shard, so the shards' findings together are a single run's.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::source::slash_path;
use crate::workspace::Workspace;

/// Shard `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl Shard {
    /// Parse `K/N` with `1 <= K <= N`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("`{s}` is not K/N (for example 2/4)"))?;
        let index: u32 = k
            .trim()
            .parse()
            .map_err(|_| format!("`{k}` is not a shard number"))?;
        let count: u32 = n
            .trim()
            .parse()
            .map_err(|_| format!("`{n}` is not a shard count"))?;
        if count == 0 || index == 0 || index > count {
            return Err(format!("shard {index}/{count}: need 1 <= K <= N"));
        }
        Ok(Self { index, count })
    }

    /// Whether the unit named `key` belongs to this shard.
    pub fn owns_key(self, key: &str) -> bool {
        (fnv1a(key.as_bytes()) % u64::from(self.count)) as u32 + 1 == self.index
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// 64-bit FNV-1a: stable across platforms and releases (unlike the standard library's hasher).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The unit of every file of a workspace, as a key (`root index` and the unit's path inside
/// its root, `/`-separated).
pub fn unit_keys(ws: &Workspace) -> Vec<String> {
    let mut unit_dirs: HashSet<&Path> = ws.skills.iter().map(|s| s.dir.as_path()).collect();
    unit_dirs.extend(ws.plugins.iter().map(PathBuf::as_path));
    ws.files
        .iter()
        .map(|f| {
            let root = &ws.roots[f.root].path;
            // The outermost unit folder between the root and the file.
            let unit = f
                .entry
                .abs
                .ancestors()
                .skip(1)
                .take_while(|a| a.starts_with(root))
                .filter(|a| unit_dirs.contains(a))
                .last();
            let rel = match unit {
                Some(dir) => dir.strip_prefix(root).unwrap_or(dir).to_path_buf(),
                None => f.entry.rel.clone(),
            };
            format!("{}:{}", f.root, slash_path(&rel))
        })
        .collect()
}

/// Which files of `ws` a shard owns, and the keys of its units.
pub struct Ownership {
    /// Per file of the workspace.
    pub files: Vec<bool>,
    /// Display paths of owned files.
    pub paths: HashSet<PathBuf>,
    /// Display paths of every file.
    pub all_paths: HashSet<PathBuf>,
    /// Every unit of the workspace (sorted, deduplicated).
    pub all_units: Vec<String>,
    /// This shard's units (sorted).
    pub units: Vec<String>,
}

impl Ownership {
    pub fn new(ws: &Workspace, shard: Shard) -> Self {
        let keys = unit_keys(ws);
        let files: Vec<bool> = keys.iter().map(|k| shard.owns_key(k)).collect();
        let paths = ws
            .files
            .iter()
            .zip(&files)
            .filter(|(_, &o)| o)
            .map(|(f, _)| f.entry.display.clone())
            .collect();
        let all_paths = ws.files.iter().map(|f| f.entry.display.clone()).collect();
        let mut all_units = keys.clone();
        all_units.sort();
        all_units.dedup();
        let units = all_units
            .iter()
            .filter(|k| shard.owns_key(k))
            .cloned()
            .collect();
        Self {
            files,
            paths,
            all_paths,
            all_units,
            units,
        }
    }

    /// Whether a finding at `path` is this shard's: a file it owns, or a path that is no file
    /// of the workspace (a folder, a broken link) whose own hash falls in the shard.
    pub fn owns_path(&self, shard: Shard, path: &Path) -> bool {
        if self.paths.contains(path) {
            return true;
        }
        if self.all_paths.contains(path) {
            return false;
        }
        shard.owns_key(&format!("path:{}", slash_path(path)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_k_of_n_and_rejects_the_rest() {
        assert_eq!(Shard::parse("2/4"), Ok(Shard { index: 2, count: 4 }));
        for bad in ["0/4", "5/4", "1/0", "x/2", "3", ""] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_key_is_in_exactly_one_shard() {
        for i in 0..500 {
            let key = format!("0:plugins/p{i}");
            let owners = (1..=4)
                .filter(|&k| Shard { index: k, count: 4 }.owns_key(&key))
                .count();
            assert_eq!(owners, 1, "{key}");
        }
        let spread: HashSet<u32> = (0..100)
            .filter_map(|i| {
                let key = format!("0:skills/s{i}");
                (1..=4).find(|&k| Shard { index: k, count: 4 }.owns_key(&key))
            })
            .collect();
        assert_eq!(spread.len(), 4);
    }
}
