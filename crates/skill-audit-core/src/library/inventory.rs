//! `skill-audit inventory`: one row per skill for quarterly curation.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::date::{format_days, parse_date, today};
use super::dupes::{self, Duplicates};
use super::{metadata_value, namespace_for, namespace_matchers};
use crate::diagnostic::Severity;
use crate::runner::Report;
use crate::source::slash_path;
use crate::workspace::Workspace;

/// Finding counts.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// One skill of the inventory.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub name: String,
    /// The skill folder, as shown.
    pub path: String,
    pub plugin: Option<String>,
    /// The `[[governance.namespace]]` prefix that applies to the skill's folder.
    pub namespace: Option<String>,
    /// `metadata.owner`, else the plugin's `author.name`.
    pub owner: Option<String>,
    /// `metadata.department`.
    pub department: Option<String>,
    /// The review date (`[governance] review-field`, default `last-reviewed`), as written.
    pub reviewed: Option<String>,
    /// Days since the review date, if it is a valid date.
    pub review_age_days: Option<i64>,
    /// Bytes of every file of the skill folder (nested skills excluded).
    pub bytes: u64,
    /// Words of the description and body.
    pub words: usize,
    /// Duplicate cluster number (exact or near duplicates share one), if any.
    pub duplicate_cluster: Option<usize>,
    pub findings: Counts,
}

/// The inventory of a library.
#[derive(Debug, Clone, Serialize)]
pub struct Inventory {
    pub version: u32,
    /// The day the ages are counted from (`YYYY-MM-DD`).
    pub date: String,
    pub skills: Vec<Entry>,
    pub plugins: usize,
    pub duplicate_clusters: usize,
}

/// Build the inventory of the workspace a report was made from.
pub fn build(report: &Report, ws: &Workspace) -> Inventory {
    let settings = &report.settings;
    let lib = ws.library();
    let dups: Duplicates = dupes::analyze(ws, settings.near_threshold, true);
    let cluster = dupes::clusters(ws, &dups);
    let matchers = namespace_matchers(settings);
    let review_field = settings
        .governance
        .review_field
        .as_deref()
        .unwrap_or("last-reviewed");
    let today = today();

    // Which skill each file belongs to (the innermost: nested skills come later).
    let mut owner_of: HashMap<&Path, usize> = HashMap::new();
    let mut bytes = vec![0u64; ws.skills.len()];
    for (i, s) in ws.skills.iter().enumerate() {
        for f in ws.files.get(s.files.clone()).unwrap_or(&[]) {
            owner_of.insert(f.entry.display.as_path(), i);
        }
    }
    for f in &ws.files {
        if let Some(&i) = owner_of.get(f.entry.display.as_path()) {
            bytes[i] += f.entry.size;
        }
    }
    let mut counts = vec![Counts::default(); ws.skills.len()];
    for d in &report.diagnostics {
        if let Some(&i) = owner_of.get(d.path.as_path()) {
            match d.severity {
                Severity::Error => counts[i].errors += 1,
                Severity::Warning => counts[i].warnings += 1,
                Severity::Info => counts[i].infos += 1,
            }
        }
    }
    let non_empty = |v: Option<(&str, crate::text::TextRange)>| {
        v.map(|(s, _)| s.to_string()).filter(|s| !s.is_empty())
    };
    let skills = ws
        .skills
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let c = &lib.skills[i];
            let plugin = c.plugin.map(|p| &lib.plugins[p]);
            let reviewed = non_empty(metadata_value(s, review_field));
            let words = super::content_words(s).map_or(0, |w| w.len());
            Entry {
                name: c.name.clone(),
                path: slash_path(&s.display_dir),
                plugin: plugin.map(|p| p.name.clone()),
                namespace: namespace_for(&matchers, settings.config_dir.as_deref(), &s.dir)
                    .map(|ns| ns.prefix.clone()),
                owner: non_empty(metadata_value(s, "owner"))
                    .or_else(|| plugin.and_then(|p| p.manifest.author.clone())),
                department: non_empty(metadata_value(s, "department")),
                review_age_days: reviewed.as_deref().and_then(parse_date).map(|d| today - d),
                reviewed,
                bytes: bytes[i],
                words,
                duplicate_cluster: cluster[i],
                findings: counts[i],
            }
        })
        .collect();
    Inventory {
        version: 1,
        date: format_days(today),
        skills,
        plugins: lib.plugins.len(),
        duplicate_clusters: cluster.iter().flatten().max().copied().unwrap_or(0),
    }
}

/// The inventory as pretty JSON.
pub fn to_json(inv: &Inventory) -> String {
    serde_json::to_string_pretty(inv).unwrap_or_default() + "\n"
}

fn cell(s: Option<&str>) -> String {
    match s {
        None | Some("") => String::new(),
        Some(s) => s
            .replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace(['\n', '\r'], " "),
    }
}

/// The inventory as a Markdown table a champion can paste into a review.
pub fn to_markdown(inv: &Inventory) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Skill inventory ({})\n\n{} skills, {} plugins, {} duplicate clusters.\n",
        inv.date,
        inv.skills.len(),
        inv.plugins,
        inv.duplicate_clusters
    );
    out.push_str("| skill | plugin | namespace | owner | department | reviewed | age (days) | size (bytes) | words | duplicates | errors | warnings | path |\n");
    out.push_str("|---|---|---|---|---|---|---:|---:|---:|---|---:|---:|---|\n");
    for e in &inv.skills {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(Some(&e.name)),
            cell(e.plugin.as_deref()),
            cell(e.namespace.as_deref()),
            cell(e.owner.as_deref()),
            cell(e.department.as_deref()),
            cell(e.reviewed.as_deref()),
            e.review_age_days.map(|d| d.to_string()).unwrap_or_default(),
            e.bytes,
            e.words,
            e.duplicate_cluster
                .map(|c| format!("D{c}"))
                .unwrap_or_default(),
            e.findings.errors,
            e.findings.warnings,
            cell(Some(&e.path)),
        );
    }
    out
}
