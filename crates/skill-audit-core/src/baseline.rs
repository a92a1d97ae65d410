//! Baselines: accept today's findings, report only new ones.
//!
//! A baseline records each finding's content-based fingerprint (code, path and the text of the
//! lines it points at, not the line number), so inserting or removing lines elsewhere in a file
//! does not bring a baselined finding back.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::runner::Report;
use crate::source::slash_path;

/// The baseline file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub fingerprint: String,
    pub code: String,
    pub path: String,
    pub message: String,
}

impl Baseline {
    /// A baseline accepting every finding of `report`.
    pub fn from_report(report: &Report) -> Self {
        let mut findings: Vec<BaselineEntry> = report
            .diagnostics
            .iter()
            .map(|d| BaselineEntry {
                fingerprint: d.fingerprint.clone(),
                code: d.code.clone(),
                path: slash_path(&d.path),
                message: d.message.clone(),
            })
            .collect();
        findings.sort();
        Self {
            version: 1,
            findings,
        }
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read baseline: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}:{}:{}: invalid baseline: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        })
    }

    /// Drop findings the baseline accepts; returns how many were dropped.
    pub fn filter(&self, report: &mut Report) -> usize {
        let known: BTreeSet<&str> = self
            .findings
            .iter()
            .map(|f| f.fingerprint.as_str())
            .collect();
        let before = report.diagnostics.len();
        report
            .diagnostics
            .retain(|d| !known.contains(d.fingerprint.as_str()));
        report.recount();
        before - report.diagnostics.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check, CheckOptions};

    #[test]
    fn baseline_survives_line_shifts_and_catches_new_findings() {
        let dir = tempfile::tempdir().unwrap();
        let skill = dir.path().join("pdf-tools");
        std::fs::create_dir_all(&skill).unwrap();
        let file = skill.join("SKILL.md");
        let body = "---\nname: pdf-tools\ndescription: I read PDFs.\nauthor: alice\n---\n# PDF\n";
        std::fs::write(&file, body).unwrap();
        let run = || check(&[dir.path().to_path_buf()], &CheckOptions::default()).unwrap();
        let first = run();
        assert!(!first.diagnostics.is_empty());
        let baseline = Baseline::from_report(&first);
        let baseline: Baseline = serde_json::from_str(&baseline.to_json()).unwrap();

        // Insert lines above the findings: nothing new.
        std::fs::write(
            &file,
            body.replace(
                "name: pdf-tools\n",
                "license: MIT\ncompatibility: Python 3\nname: pdf-tools\n",
            ),
        )
        .unwrap();
        let mut shifted = run();
        baseline.filter(&mut shifted);
        assert!(shifted.diagnostics.is_empty(), "{:?}", shifted.diagnostics);

        // Add one new problem: exactly one finding.
        std::fs::write(
            &file,
            body.replace("author: alice\n", "author: alice\nversion: 1\n"),
        )
        .unwrap();
        let mut added = run();
        baseline.filter(&mut added);
        assert_eq!(added.diagnostics.len(), 1, "{:?}", added.diagnostics);
        assert_eq!(
            added.summary.warnings + added.summary.errors + added.summary.infos,
            1
        );
    }
}
