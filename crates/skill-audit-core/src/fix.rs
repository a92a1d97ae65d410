//! Applying fixes. The library computes new file contents; only the CLI writes them, and only
//! when `--fix` is given.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::diagnostic::{Applicability, Edit};
use crate::runner::Report;

/// Apply `edits` to `text`. Edits are applied in order of position; an edit that overlaps an
/// earlier one is skipped (it is applied by the next pass, after a re-check). Returns the new
/// text and how many edits were applied.
pub fn apply_edits(text: &str, edits: &[Edit]) -> (String, usize) {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len() + 64);
    let mut pos = 0usize;
    let mut applied = 0;
    for e in sorted {
        let (s, t) = (e.range.start(), e.range.end());
        if s < pos || t > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(t) {
            continue;
        }
        out.push_str(&text[pos..s]);
        out.push_str(&e.content);
        pos = t;
        applied += 1;
    }
    out.push_str(&text[pos..]);
    (out, applied)
}

/// A file the fixes would change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixedFile {
    /// Shown path.
    pub path: PathBuf,
    /// Path on disk.
    pub abs_path: PathBuf,
    pub before: String,
    pub after: String,
    pub applied: usize,
}

/// The new contents of every file with applicable fixes (`unsafe_fixes` also applies unsafe
/// ones), sorted by path.
pub fn fixed_files(report: &Report, unsafe_fixes: bool) -> Vec<FixedFile> {
    let mut edits: BTreeMap<&PathBuf, Vec<Edit>> = BTreeMap::new();
    for d in &report.diagnostics {
        let Some(fix) = &d.fix else { continue };
        if fix.applicability == Applicability::Unsafe && !unsafe_fixes {
            continue;
        }
        // All edits of one fix go together or not at all: apply one fix per diagnostic.
        edits
            .entry(&d.path)
            .or_default()
            .extend(fix.edits.iter().cloned());
    }
    let mut out = Vec::new();
    for (path, edits) in edits {
        let Some(src) = report.source(path) else {
            continue;
        };
        let (after, applied) = apply_edits(&src.text, &edits);
        if applied > 0 && after != src.text {
            out.push(FixedFile {
                path: path.clone(),
                abs_path: src.abs_path.clone(),
                before: src.text.clone(),
                after,
                applied,
            });
        }
    }
    out
}

/// A folder an unsafe fix renames (a skill folder renamed to its kebab-case `name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderRename {
    /// The folder as shown.
    pub path: PathBuf,
    /// The folder on disk.
    pub abs_path: PathBuf,
    /// The new folder as shown.
    pub new_path: PathBuf,
    /// The new folder on disk.
    pub new_abs_path: PathBuf,
}

/// The folder renames of the applicable fixes, sorted and without duplicates. Folder renames
/// only come with unsafe fixes, so this is empty unless `unsafe_fixes`.
pub fn folder_renames(report: &Report, unsafe_fixes: bool) -> Vec<FolderRename> {
    let mut out: BTreeMap<PathBuf, FolderRename> = BTreeMap::new();
    for d in &report.diagnostics {
        let Some(fix) = &d.fix else { continue };
        let Some(name) = &fix.rename_folder else {
            continue;
        };
        if fix.applicability == Applicability::Unsafe && !unsafe_fixes {
            continue;
        }
        // One plain path component: never a way out of the parent folder.
        let plain = !name.is_empty()
            && name != "."
            && name != ".."
            && !name.contains(['/', '\\', '\0', ':']);
        let Some(src) = report.source(&d.path) else {
            continue;
        };
        let (Some(dir), Some(shown)) = (src.abs_path.parent(), d.path.parent()) else {
            continue;
        };
        if !plain || shown.as_os_str().is_empty() || dir.file_name().is_none() {
            continue;
        }
        out.entry(dir.to_path_buf())
            .or_insert_with(|| FolderRename {
                path: shown.to_path_buf(),
                abs_path: dir.to_path_buf(),
                new_path: shown.with_file_name(name),
                new_abs_path: dir.with_file_name(name),
            });
    }
    out.into_values().collect()
}

/// Rename one folder: only a real folder (not a symbolic link), never onto an existing file or
/// folder (a rename that only changes letter case on a case-insensitive file system goes through
/// a temporary name).
pub fn apply_folder_rename(r: &FolderRename) -> std::io::Result<()> {
    use std::io::{Error, ErrorKind};
    let meta = std::fs::symlink_metadata(&r.abs_path)?;
    if !meta.is_dir() {
        return Err(Error::new(ErrorKind::InvalidInput, "not a folder"));
    }
    match std::fs::symlink_metadata(&r.new_abs_path) {
        Err(e) if e.kind() == ErrorKind::NotFound => std::fs::rename(&r.abs_path, &r.new_abs_path),
        Err(e) => Err(e),
        Ok(_) => {
            let same =
                std::fs::canonicalize(&r.abs_path)? == std::fs::canonicalize(&r.new_abs_path)?;
            if !same {
                return Err(Error::new(
                    ErrorKind::AlreadyExists,
                    "the new name is taken",
                ));
            }
            let tmp = r
                .abs_path
                .with_file_name(format!(".skill-audit-rename-{}", std::process::id()));
            std::fs::rename(&r.abs_path, &tmp)?;
            std::fs::rename(&tmp, &r.new_abs_path)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextRange;
    use crate::{check, CheckOptions};

    #[test]
    fn overlapping_edits_are_deferred() {
        let edits = vec![
            Edit {
                range: TextRange::new(0, 3),
                content: "X".into(),
            },
            Edit {
                range: TextRange::new(2, 4),
                content: "Y".into(),
            },
            Edit {
                range: TextRange::new(5, 5),
                content: "!".into(),
            },
        ];
        assert_eq!(apply_edits("abcdef", &edits), ("Xde!f".to_string(), 2));
    }

    #[test]
    fn fixes_reparse_cleanly_and_converge() {
        let dir = tempfile::tempdir().unwrap();
        let skill = dir.path().join("report-writer");
        std::fs::create_dir_all(&skill).unwrap();
        let file = skill.join("SKILL.md");
        std::fs::write(&file, "---\nname: report-writer   \ndescription: Writes reports. Use when: the user asks for a report\n---\n# Reports\n").unwrap();
        let run = || check(&[dir.path().to_path_buf()], &CheckOptions::default()).unwrap();
        let first = fixed_files(&run(), false);
        assert_eq!(first.len(), 1, "one file to fix");
        std::fs::write(&file, &first[0].after).unwrap();
        let report = run();
        assert!(
            report.diagnostics.iter().all(|d| d.fix.is_none()),
            "{:?}",
            report.diagnostics
        );
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| !d.code.starts_with("SK00")),
            "re-parses cleanly: {:?}",
            report.diagnostics
        );
        assert!(
            fixed_files(&report, false).is_empty(),
            "a second pass changes nothing"
        );
    }
}
