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
