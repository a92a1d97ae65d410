//! `skill-audit.lock`: what was approved, byte for byte.
//!
//! One entry per skill or plugin: its folder (relative to the lockfile's folder), the sha256 of
//! every file, the combined hash, the verdict, who approved and when. The file is TOML (or JSON
//! when its name ends in `.json`), sorted, with no timestamps beyond the approval day, so that
//! re-locking an unchanged tree rewrites the same bytes and a diff of the lockfile in review
//! shows exactly which skills were re-approved.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{hash, UnitKind, Verdict};
use crate::source::slash_path;

/// The lockfile's default name.
pub const DEFAULT_LOCKFILE: &str = "skill-audit.lock";
/// Version of the lockfile format.
pub const LOCK_VERSION: u32 = 1;

/// A lockfile that cannot be read, parsed or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockError(pub String);

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LockError {}

/// The whole lockfile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockFile {
    pub version: u32,
    #[serde(default, rename = "unit")]
    pub units: Vec<LockEntry>,
}

/// One approved skill or plugin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LockEntry {
    /// Folder relative to the lockfile's folder, `/`-separated (`.` for the folder itself).
    pub path: String,
    pub kind: UnitKind,
    pub name: String,
    /// Combined content hash ([`hash::combined`]).
    pub hash: String,
    pub verdict: Verdict,
    pub approver: String,
    /// `YYYY-MM-DD`.
    pub approved_at: String,
    /// File path (relative to `path`) to hex sha256.
    pub files: BTreeMap<String, String>,
}

impl LockEntry {
    /// Whether `hash` is the combined hash of `files` (a hand-edited entry is not).
    pub fn is_consistent(&self) -> bool {
        hash::combined(self.files.iter().map(|(p, h)| (p.as_str(), h.as_str()))) == self.hash
    }
}

/// Whether the lockfile at `path` is JSON (by extension) rather than TOML.
pub fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// Read a lockfile; a missing file is an empty lock when `missing_ok`.
pub fn load(path: &Path, missing_ok: bool) -> Result<LockFile, LockError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if missing_ok && e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(LockFile {
                version: LOCK_VERSION,
                units: Vec::new(),
            })
        }
        Err(e) => return Err(LockError(format!("{}: {e}", path.display()))),
    };
    let lock: LockFile = if is_json(path) {
        serde_json::from_str(&text).map_err(|e| {
            LockError(format!(
                "{}:{}:{}: {}",
                path.display(),
                e.line(),
                e.column(),
                e
            ))
        })?
    } else {
        toml::from_str(&text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            let lc = crate::text::LineIndex::new(&text).line_column(at, &text);
            LockError(format!(
                "{}:{}:{}: {}",
                path.display(),
                lc.line,
                lc.column,
                e.message().trim()
            ))
        })?
    };
    if lock.version != LOCK_VERSION {
        return Err(LockError(format!(
            "{}: lockfile version {} is not supported (expected {LOCK_VERSION})",
            path.display(),
            lock.version
        )));
    }
    Ok(lock)
}

/// The lockfile's text: entries sorted by path, files sorted by name.
pub fn render(lock: &LockFile, json: bool) -> Result<String, LockError> {
    let mut sorted = lock.clone();
    sorted.units.sort_by(|a, b| a.path.cmp(&b.path));
    if json {
        let mut s = serde_json::to_string_pretty(&sorted).map_err(|e| LockError(e.to_string()))?;
        s.push('\n');
        return Ok(s);
    }
    let body = toml::to_string(&sorted).map_err(|e| LockError(e.to_string()))?;
    Ok(format!(
        "# skill-audit lockfile: what was approved, byte for byte. Commit it.\n\
         # Update with `skill-audit lock`; check with `skill-audit verify`.\n\n{body}"
    ))
}

/// The key of a unit folder: its path relative to the lockfile's folder (both canonical).
pub fn key_for(lock_dir: &Path, unit_dir: &Path) -> Result<String, LockError> {
    let rel = unit_dir.strip_prefix(lock_dir).map_err(|_| {
        LockError(format!(
            "{} is not inside the lockfile's folder {}",
            unit_dir.display(),
            lock_dir.display()
        ))
    })?;
    if rel.as_os_str().is_empty() {
        return Ok(".".to_string());
    }
    Ok(slash_path(rel))
}

/// Whether a lock key lies under the scope key `scope` (`.` covers everything).
pub fn in_scope(key: &str, scope: &str) -> bool {
    scope == "." || key == scope || key.starts_with(&format!("{scope}/"))
}

/// The canonical folder of a lockfile path (its parent, which must exist).
pub fn lock_dir(lockfile: &Path) -> Result<PathBuf, LockError> {
    let parent = lockfile
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    parent
        .canonicalize()
        .map_err(|e| LockError(format!("{}: {e}", parent.display())))
}

/// What re-locking did to one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Update {
    /// Not locked before.
    Added,
    /// Locked before with other contents: approved anew.
    Changed,
    /// Same contents: the old entry (approver, date) is kept.
    Unchanged,
}

/// Put `entry` into the lock, keeping an unchanged entry as it was.
pub fn upsert(lock: &mut LockFile, entry: LockEntry) -> Update {
    match lock.units.iter_mut().find(|e| e.path == entry.path) {
        Some(old)
            if old.hash == entry.hash && old.files == entry.files && old.kind == entry.kind =>
        {
            Update::Unchanged
        }
        Some(old) => {
            *old = entry;
            Update::Changed
        }
        None => {
            lock.units.push(entry);
            lock.units.sort_by(|a, b| a.path.cmp(&b.path));
            Update::Added
        }
    }
}

/// What `verify` found wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// A skill or plugin that is not in the lock.
    Unlocked,
    /// A file added since approval.
    Added,
    /// A file removed since approval.
    Removed,
    /// A file whose bytes changed since approval.
    Changed,
    /// A locked skill or plugin that is no longer there.
    Missing,
    /// A lock entry whose hash does not match its own file list (edited by hand).
    Tampered,
}

impl ProblemKind {
    pub fn code(self) -> &'static str {
        match self {
            ProblemKind::Unlocked => "LK001",
            ProblemKind::Added => "LK002",
            ProblemKind::Removed => "LK003",
            ProblemKind::Changed => "LK004",
            ProblemKind::Missing => "LK005",
            ProblemKind::Tampered => "LK006",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ProblemKind::Unlocked => "unlocked",
            ProblemKind::Added => "file-added",
            ProblemKind::Removed => "file-removed",
            ProblemKind::Changed => "file-changed",
            ProblemKind::Missing => "locked-unit-missing",
            ProblemKind::Tampered => "lock-entry-tampered",
        }
    }
}

/// One mismatch between the tree and the lock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The unit's lock key.
    pub unit: String,
    /// The unit's folder as shown.
    pub unit_path: String,
    /// The file, relative to the unit, for file problems.
    pub file: Option<String>,
    pub message: String,
}

impl Problem {
    /// The file (or the unit folder) as shown.
    pub fn shown_path(&self) -> String {
        match &self.file {
            Some(f) if self.unit_path == "." => f.clone(),
            Some(f) => format!("{}/{f}", self.unit_path),
            None => self.unit_path.clone(),
        }
    }
}

/// A unit as found on disk, for [`verify`].
#[derive(Debug, Clone)]
pub struct Current {
    pub key: String,
    pub shown: String,
    pub kind: UnitKind,
    pub name: String,
    pub files: BTreeMap<String, String>,
}

/// Compare the units found under the verified paths (`scopes`: their lock keys) with the lock.
pub fn verify(lock: &LockFile, current: &[Current], scopes: &[String]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let by_key: BTreeMap<&str, &LockEntry> =
        lock.units.iter().map(|e| (e.path.as_str(), e)).collect();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for c in current {
        seen.insert(c.key.as_str());
        let Some(entry) = by_key.get(c.key.as_str()) else {
            problems.push(Problem {
                kind: ProblemKind::Unlocked,
                unit: c.key.clone(),
                unit_path: c.shown.clone(),
                file: None,
                message: format!(
                    "{} `{}` is not in the lock: it was never approved",
                    c.kind.as_str(),
                    c.name
                ),
            });
            continue;
        };
        if !entry.is_consistent() {
            problems.push(Problem {
                kind: ProblemKind::Tampered,
                unit: c.key.clone(),
                unit_path: c.shown.clone(),
                file: None,
                message: "the lock entry's hash does not match its own file list (edited by hand?)"
                    .to_string(),
            });
        }
        let names: BTreeSet<&String> = entry.files.keys().chain(c.files.keys()).collect();
        for name in names {
            let (kind, what) = match (entry.files.get(name), c.files.get(name)) {
                (None, Some(_)) => (ProblemKind::Added, "added since approval"),
                (Some(_), None) => (ProblemKind::Removed, "removed since approval"),
                (Some(a), Some(b)) if a != b => (ProblemKind::Changed, "changed since approval"),
                _ => continue,
            };
            problems.push(Problem {
                kind,
                unit: c.key.clone(),
                unit_path: c.shown.clone(),
                file: Some(name.clone()),
                message: format!("`{name}` was {what} of `{}`", entry.name),
            });
        }
    }
    for e in &lock.units {
        if seen.contains(e.path.as_str()) || !scopes.iter().any(|s| in_scope(&e.path, s)) {
            continue;
        }
        problems.push(Problem {
            kind: ProblemKind::Missing,
            unit: e.path.clone(),
            unit_path: e.path.clone(),
            file: None,
            message: format!(
                "locked {} `{}` is not there any more (remove it from the lock with `skill-audit lock`)",
                e.kind.as_str(),
                e.name
            ),
        });
    }
    problems.sort_by(|a, b| (&a.unit, &a.file, a.kind).cmp(&(&b.unit, &b.file, b.kind)));
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, files: &[(&str, &str)]) -> LockEntry {
        let files: BTreeMap<String, String> = files
            .iter()
            .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
            .collect();
        LockEntry {
            path: path.to_string(),
            kind: UnitKind::Skill,
            name: path.to_string(),
            hash: hash::combined(files.iter().map(|(a, b)| (a.as_str(), b.as_str()))),
            verdict: Verdict::Approve,
            approver: "ana".to_string(),
            approved_at: "2026-01-02".to_string(),
            files,
        }
    }

    #[test]
    fn toml_round_trip_is_stable_and_sorted() {
        let lock = LockFile {
            version: 1,
            units: vec![
                entry("b", &[("SKILL.md", "22")]),
                entry("a", &[("z.md", "1"), ("SKILL.md", "2")]),
            ],
        };
        let text = render(&lock, false).unwrap();
        assert!(text.find("path = \"a\"").unwrap() < text.find("path = \"b\"").unwrap());
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("skill-audit.lock");
        std::fs::write(&p, &text).unwrap();
        let back = load(&p, false).unwrap();
        assert_eq!(render(&back, false).unwrap(), text);
        let pj = dir.path().join("lock.json");
        std::fs::write(&pj, render(&lock, true).unwrap()).unwrap();
        assert_eq!(load(&pj, false).unwrap().units.len(), 2);
    }

    #[test]
    fn unchanged_entries_keep_their_approval() {
        let mut lock = LockFile::default();
        assert_eq!(
            upsert(&mut lock, entry("a", &[("SKILL.md", "1")])),
            Update::Added
        );
        let mut again = entry("a", &[("SKILL.md", "1")]);
        again.approver = "bob".to_string();
        assert_eq!(upsert(&mut lock, again), Update::Unchanged);
        assert_eq!(lock.units[0].approver, "ana");
        let mut changed = entry("a", &[("SKILL.md", "2")]);
        changed.approver = "bob".to_string();
        assert_eq!(upsert(&mut lock, changed), Update::Changed);
        assert_eq!(lock.units[0].approver, "bob");
    }

    #[test]
    fn verify_names_every_difference() {
        let lock = LockFile {
            version: 1,
            units: vec![
                entry("a", &[("SKILL.md", "1"), ("ref.md", "2"), ("gone.md", "3")]),
                entry("old", &[("SKILL.md", "9")]),
            ],
        };
        let cur = |key: &str, files: &[(&str, &str)]| Current {
            key: key.to_string(),
            shown: key.to_string(),
            kind: UnitKind::Skill,
            name: key.to_string(),
            files: files
                .iter()
                .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
                .collect(),
        };
        let found = [
            cur("a", &[("SKILL.md", "1"), ("ref.md", "X"), ("new.md", "4")]),
            cur("b", &[("SKILL.md", "5")]),
        ];
        let p = verify(&lock, &found, &[".".to_string()]);
        let kinds: Vec<_> = p.iter().map(|p| (p.kind, p.shown_path())).collect();
        assert_eq!(
            kinds,
            [
                (ProblemKind::Removed, "a/gone.md".to_string()),
                (ProblemKind::Added, "a/new.md".to_string()),
                (ProblemKind::Changed, "a/ref.md".to_string()),
                (ProblemKind::Unlocked, "b".to_string()),
                (ProblemKind::Missing, "old".to_string()),
            ]
        );
        // Out of scope, a missing entry is not a problem.
        let p = verify(&lock, &found[..1], &["a".to_string()]);
        assert!(p.iter().all(|p| p.kind != ProblemKind::Missing));
        assert!(in_scope("a/b", "a") && !in_scope("ab", "a"));
    }
}
