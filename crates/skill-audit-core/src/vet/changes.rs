//! `vet --against LOCKFILE`: only what changed since a skill or plugin was approved.
//!
//! Files are compared by their locked sha256. The lock holds hashes, not contents, so the
//! unified diff of a changed text file needs the approved copy: `--base DIR`, a checkout of the
//! approved tree laid out like the lockfile's folder (`git worktree add DIR <approved-commit>`).
//! A base file is used only if its hash is the locked one. Findings are kept only in added
//! files and, when a diff is known, on the changed lines of changed files.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;
use similar::{ChangeTag, DiffTag, TextDiff};
use skill_audit_patterns::PackSet;

use super::lock::{key_for, LockFile};
use super::{group, hash, redact, Counts, Finding, Unit, Verdict, VetReport};
use crate::workspace::Workspace;

/// Lines of one diff kept at most.
const MAX_DIFF_LINES: usize = 2000;

/// The approval a unit is compared with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Approval {
    pub hash: String,
    pub verdict: Verdict,
    pub approver: String,
    pub approved_at: String,
}

/// A changed file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangedFile {
    pub path: String,
    /// Unified diff, secrets masked (absent for binary files or without an approved copy).
    pub diff: Option<String>,
    /// Why there is no diff.
    pub note: Option<String>,
}

/// What changed in one unit since approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// `None`: the unit is not in the lock (everything is new).
    pub approved: Option<Approval>,
    pub unchanged: bool,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<ChangedFile>,
}

/// New-side line numbers (1-based) an edit touched, from a line diff.
fn touched_lines(diff: &TextDiff<'_, '_, '_, str>) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    for op in diff.ops() {
        if op.tag() == DiffTag::Delete {
            // A pure deletion touches the lines on both sides of the gap it leaves.
            let at = op.new_range().start;
            out.insert(at + 1);
            if at > 0 {
                out.insert(at);
            }
            continue;
        }
        for change in diff.iter_changes(op) {
            if change.tag() == ChangeTag::Insert {
                if let Some(i) = change.new_index() {
                    out.insert(i + 1);
                }
            }
        }
    }
    out
}

/// The approved copy of a file under `base`, if its hash is the locked one.
fn approved_text(base: &Path, key: &str, rel: &str, locked: &str) -> Result<String, String> {
    let p = if key == "." {
        base.join(rel)
    } else {
        base.join(key).join(rel)
    };
    let bytes = std::fs::read(&p).map_err(|e| format!("no approved copy ({e})"))?;
    if hash::bytes_sha256(&bytes) != locked {
        return Err("the copy under --base is not the approved version".to_string());
    }
    String::from_utf8(bytes).map_err(|_| "binary file".to_string())
}

fn unified(set: &PackSet, path: &str, old: &str, new: &str) -> (String, BTreeSet<usize>) {
    let old = redact::mask_text(set, path, old);
    let new = redact::mask_text(set, path, new);
    let diff = TextDiff::from_lines(&old, &new);
    let touched = touched_lines(&diff);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("approved/{path}"), &format!("current/{path}"))
        .to_string();
    // No control character, zero-width character or bidirectional override of a file may
    // reach a terminal or a Markdown viewer.
    let text: String = text
        .chars()
        .map(|c| {
            if (c.is_control() && c != '\n' && c != '\t')
                || crate::report::escape::hidden_on_terminal(c)
            {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    let mut lines = text.lines();
    let mut out: String = lines
        .by_ref()
        .take(MAX_DIFF_LINES)
        .fold(String::new(), |mut s, l| {
            s.push_str(l);
            s.push('\n');
            s
        });
    let rest = lines.count();
    if rest > 0 {
        let _ = writeln!(out, "… {rest} more diff lines");
    }
    (out, touched)
}

/// Narrow `report` (built by [`super::build`] over `ws`) to the changes since the approvals in
/// `lock`, whose folder is `lock_dir` (canonical). Diffs are masked with the credential packs
/// `set` (those of the check the report came from).
pub fn apply(
    report: &mut VetReport,
    ws: &Workspace,
    lock: &LockFile,
    lock_dir: &Path,
    base: Option<&Path>,
    set: &PackSet,
) {
    let units: Vec<Unit> = super::units(ws);
    for (unit, ur) in units.iter().zip(report.units.iter_mut()) {
        let Ok(key) = key_for(lock_dir, &unit.dir) else {
            continue;
        };
        let current: BTreeMap<&str, &str> = ur
            .inventory
            .files
            .iter()
            .map(|f| (f.path.as_str(), f.sha256.as_str()))
            .collect();
        let Some(entry) = lock.units.iter().find(|e| e.path == key) else {
            ur.changes = Some(Changes {
                approved: None,
                unchanged: false,
                added: current.keys().map(|s| (*s).to_string()).collect(),
                removed: Vec::new(),
                changed: Vec::new(),
            });
            ur.reason = format!("not in the lock (never approved); {}", ur.reason);
            continue;
        };
        let mut added = Vec::new();
        let mut removed = Vec::new();
        let mut changed = Vec::new();
        // Per file: `None` keeps every finding, `Some(lines)` only those on these lines.
        let mut keep: BTreeMap<String, Option<BTreeSet<usize>>> = BTreeMap::new();
        let names: BTreeSet<&str> = entry
            .files
            .keys()
            .map(String::as_str)
            .chain(current.keys().copied())
            .collect();
        for name in names {
            match (entry.files.get(name), current.get(name)) {
                (None, Some(_)) => {
                    added.push(name.to_string());
                    keep.insert(name.to_string(), None);
                }
                (Some(_), None) => removed.push(name.to_string()),
                (Some(old), Some(new)) if old != new => {
                    let file = unit
                        .files
                        .iter()
                        .find(|&&i| unit.rel(ws, i) == name)
                        .and_then(|&i| ws.files[i].source.as_ref());
                    let (diff, note, lines) = match (file, base) {
                        (None, _) => (None, Some("binary or unread file".to_string()), None),
                        (Some(_), None) => (
                            None,
                            Some("no approved copy to diff against (pass --base DIR)".to_string()),
                            None,
                        ),
                        (Some(src), Some(base)) => match approved_text(base, &key, name, old) {
                            Ok(old_text) => {
                                let (d, lines) = unified(set, name, &old_text, &src.text);
                                (Some(d), None, Some(lines))
                            }
                            Err(why) => (None, Some(why), None),
                        },
                    };
                    keep.insert(name.to_string(), lines);
                    changed.push(ChangedFile {
                        path: name.to_string(),
                        diff,
                        note,
                    });
                }
                _ => {}
            }
        }
        let unchanged = added.is_empty() && removed.is_empty() && changed.is_empty();
        // Keep the findings in the changed parts only.
        let prefix = if ur.path == "." {
            String::new()
        } else {
            format!("{}/", ur.path)
        };
        let findings: Vec<Finding> = std::mem::take(&mut ur.findings)
            .into_iter()
            .flat_map(|g| g.findings)
            .filter(|f| {
                let rel = f.path.strip_prefix(&prefix).unwrap_or(&f.path);
                match keep.get(rel) {
                    None => false,
                    Some(None) => true,
                    Some(Some(lines)) => lines
                        .range(f.line..=f.end_line.max(f.line))
                        .next()
                        .is_some(),
                }
            })
            .collect();
        let (verdict, reason) = report.policy.verdict(&findings);
        ur.verdict = verdict;
        ur.reason = if unchanged {
            format!(
                "unchanged since approval by {} on {}",
                entry.approver, entry.approved_at
            )
        } else {
            format!("in the changes since approval: {reason}")
        };
        ur.counts = Counts::of(&findings);
        ur.findings = group(findings);
        ur.changes = Some(Changes {
            approved: Some(Approval {
                hash: entry.hash.clone(),
                verdict: entry.verdict,
                approver: entry.approver.clone(),
                approved_at: entry.approved_at.clone(),
            }),
            unchanged,
            added,
            removed,
            changed,
        });
    }
    report.recompute();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn touched_lines_cover_inserts_and_deletions() {
        let old = "a\nb\nc\nd\n";
        let new = "a\nB\nc\n";
        let diff = TextDiff::from_lines(old, new);
        let t = touched_lines(&diff);
        assert!(t.contains(&2), "{t:?}");
        assert!(t.contains(&3), "{t:?}");
        assert!(!t.contains(&1), "{t:?}");
    }
}
