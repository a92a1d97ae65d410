//! `skill-audit vet`, `lock` and `verify`: the champion's review of a skill or plugin.
//!
//! - [`build`] turns a checked workspace into a [`VetReport`]: per skill or plugin a verdict
//!   (from the findings and the `[vet]` policy), what it is (name, description, owner,
//!   metadata), what it touches ([`extract`]: files, scripts, URLs, tools, MCP servers, hooks),
//!   every finding grouped by family with a masked source excerpt, and its content hash.
//! - [`render`] and [`html`] write it as JSON, Markdown or one self-contained HTML page.
//! - [`lock`] records what was approved (a hash per file); `verify` compares a tree against it.
//! - [`changes`] narrows a report to what changed since approval (`vet --against`).
//!
//! Nothing shown may carry a secret: excerpts, URLs, hook commands and diffs go through
//! [`redact`].

pub mod changes;
pub mod extract;
pub mod hash;
pub mod html;
pub mod lock;
pub mod redact;
pub mod render;

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::config::{FailOn, Settings};
use skill_audit_patterns::PackSet;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::family_name;
use crate::runner::Report;
use crate::source::slash_path;
use crate::workspace::Workspace;

/// Version of the vet JSON report.
pub const VET_JSON_VERSION: u32 = 1;

/// Lines of source shown per finding at most.
const EXCERPT_LINES: usize = 6;
/// Characters of one excerpt line shown at most.
const EXCERPT_WIDTH: usize = 240;

/// The outcome of a review. Ordered: `Approve < NeedsChanges < Reject`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Approve,
    NeedsChanges,
    Reject,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Approve => "approve",
            Verdict::NeedsChanges => "needs-changes",
            Verdict::Reject => "reject",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "approve" => Some(Verdict::Approve),
            "needs-changes" => Some(Verdict::NeedsChanges),
            "reject" => Some(Verdict::Reject),
            _ => None,
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How findings become a verdict (`[vet]` in `skill-audit.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Policy {
    /// Lowest severity that rejects.
    pub reject_on: String,
    /// Lowest severity that needs changes.
    pub needs_changes_on: String,
    /// Codes or prefixes whose warnings and errors reject.
    pub reject_codes: Vec<String>,
    #[serde(skip)]
    reject: FailOn,
    #[serde(skip)]
    needs: FailOn,
}

fn fail_on_str(f: FailOn) -> &'static str {
    match f {
        FailOn::Error => "error",
        FailOn::Warning => "warning",
        FailOn::Info => "info",
        FailOn::Never => "never",
    }
}

impl Default for Policy {
    fn default() -> Self {
        Self::new(FailOn::Error, FailOn::Warning, vec!["CR".to_string()])
    }
}

impl Policy {
    pub fn new(reject: FailOn, needs: FailOn, reject_codes: Vec<String>) -> Self {
        Self {
            reject_on: fail_on_str(reject).to_string(),
            needs_changes_on: fail_on_str(needs).to_string(),
            reject_codes,
            reject,
            needs,
        }
    }

    /// The policy of a config's `[vet]` section (defaults for what it leaves out).
    pub fn from_settings(settings: &Settings) -> Self {
        let v = &settings.vet;
        let codes = v.reject_codes.as_ref().map_or_else(
            || vec!["CR".to_string()],
            |c| c.iter().map(|s| s.get_ref().clone()).collect(),
        );
        Self::new(
            v.reject_on.unwrap_or(FailOn::Error),
            v.needs_changes_on.unwrap_or(FailOn::Warning),
            codes,
        )
    }

    fn is_reject_code(&self, code: &str) -> bool {
        self.reject_codes
            .iter()
            .any(|p| code.len() >= p.len() && code[..p.len()].eq_ignore_ascii_case(p))
    }

    /// The verdict for a set of findings, and the one-line reason.
    pub fn verdict<'a>(
        &self,
        findings: impl IntoIterator<Item = &'a Finding>,
    ) -> (Verdict, String) {
        let mut worst: Option<(Verdict, String)> = None;
        for f in findings {
            let (v, why) = if f.severity > Severity::Info && self.is_reject_code(&f.code) {
                (
                    Verdict::Reject,
                    format!("{} {} is on the reject list", f.code, f.severity),
                )
            } else if self.reject.fails(f.severity) {
                (
                    Verdict::Reject,
                    format!(
                        "{} {} reaches reject-on = {}",
                        f.code, f.severity, self.reject_on
                    ),
                )
            } else if self.needs.fails(f.severity) {
                (
                    Verdict::NeedsChanges,
                    format!(
                        "{} {} reaches needs-changes-on = {}",
                        f.code, f.severity, self.needs_changes_on
                    ),
                )
            } else {
                continue;
            };
            if worst.as_ref().is_none_or(|(w, _)| v > *w) {
                worst = Some((v, why));
            }
        }
        worst.unwrap_or((
            Verdict::Approve,
            "no finding reaches the policy".to_string(),
        ))
    }
}

/// What a reviewed unit is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Skill,
    Plugin,
}

impl UnitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Skill => "skill",
            UnitKind::Plugin => "plugin",
        }
    }
}

/// A skill or plugin: what is vetted, locked and verified as one piece.
#[derive(Debug, Clone)]
pub struct Unit {
    pub kind: UnitKind,
    /// Absolute folder.
    pub dir: PathBuf,
    /// Folder as shown.
    pub display: PathBuf,
    /// Index of its audited root in [`Workspace::roots`].
    pub root: usize,
    /// Indexes into [`Workspace::files`] of its files.
    pub files: Vec<usize>,
}

impl Unit {
    /// A file's path relative to the unit folder, `/`-separated.
    pub fn rel(&self, ws: &Workspace, file: usize) -> String {
        let abs = &ws.files[file].entry.abs;
        slash_path(abs.strip_prefix(&self.dir).unwrap_or(abs))
    }
}

fn display_join(base: &Path, rel: &Path) -> PathBuf {
    if rel.as_os_str().is_empty() {
        return base.to_path_buf();
    }
    if base.as_os_str().is_empty() || base == Path::new(".") {
        rel.to_path_buf()
    } else {
        base.join(rel)
    }
}

/// The skills and plugins of a workspace: every plugin, and every skill outside a plugin;
/// a unit inside another unit is part of it (the outermost wins; a plugin beats a skill in the
/// same folder).
pub fn units(ws: &Workspace) -> Vec<Unit> {
    let mut candidates: Vec<(PathBuf, UnitKind, usize)> = Vec::new();
    for p in &ws.plugins {
        let root = ws
            .roots
            .iter()
            .position(|r| p.starts_with(&r.path))
            .unwrap_or(0);
        candidates.push((p.clone(), UnitKind::Plugin, root));
    }
    for s in &ws.skills {
        candidates.push((s.dir.clone(), UnitKind::Skill, s.root));
    }
    // Outermost first; in one folder the plugin first.
    candidates.sort_by(|a, b| {
        (a.2, a.0.components().count(), &a.0, std::cmp::Reverse(a.1)).cmp(&(
            b.2,
            b.0.components().count(),
            &b.0,
            std::cmp::Reverse(b.1),
        ))
    });
    let mut kept: Vec<(PathBuf, UnitKind, usize)> = Vec::new();
    let mut kept_dirs: std::collections::HashSet<(usize, PathBuf)> =
        std::collections::HashSet::new();
    for c in candidates {
        if c.0
            .ancestors()
            .any(|a| kept_dirs.contains(&(c.2, a.to_path_buf())))
        {
            continue;
        }
        kept_dirs.insert((c.2, c.0.clone()));
        kept.push(c);
    }
    kept.sort_by(|a, b| (a.2, &a.0).cmp(&(b.2, &b.0)));
    kept.into_iter()
        .map(|(dir, kind, root)| {
            let r = &ws.roots[root];
            let rel = dir
                .strip_prefix(&r.path)
                .unwrap_or(Path::new(""))
                .to_path_buf();
            let display = display_join(&r.display, &rel);
            // Files are sorted by root, then relative path: the unit's files are one run.
            let start = ws
                .files
                .partition_point(|f| (f.root, &f.entry.rel) < (root, &rel));
            let files = (start..ws.files.len())
                .take_while(|&i| {
                    ws.files[i].root == root && ws.files[i].entry.rel.starts_with(&rel)
                })
                .collect();
            Unit {
                kind,
                dir,
                display,
                root,
                files,
            }
        })
        .collect()
}

/// Finding counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Self {
        let mut c = Counts::default();
        for f in findings {
            match f.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }
}

/// One line of a source excerpt, secrets masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExcerptLine {
    /// 1-based line number.
    pub line: usize,
    pub text: String,
    /// Characters `[start, end)` of `text` the finding points at (absent when masking moved
    /// the text or the span is elsewhere).
    pub mark: Option<(usize, usize)>,
}

/// One finding, as the reviewer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: String,
    pub rule: String,
    pub severity: Severity,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub message: String,
    pub help: Option<String>,
    pub excerpt: Vec<ExcerptLine>,
}

/// The findings of one family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FamilyGroup {
    pub family: String,
    pub name: String,
    pub findings: Vec<Finding>,
}

/// Group findings by family (families in code order, findings in report order).
pub fn group(findings: Vec<Finding>) -> Vec<FamilyGroup> {
    let mut by: BTreeMap<String, Vec<Finding>> = BTreeMap::new();
    for f in findings {
        let end = f
            .code
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(f.code.len());
        by.entry(f.code[..end].to_string()).or_default().push(f);
    }
    by.into_iter()
        .map(|(family, findings)| FamilyGroup {
            name: family_name(&family).to_string(),
            family,
            findings,
        })
        .collect()
}

/// The review of one skill or plugin.
#[derive(Debug, Clone, Serialize)]
pub struct UnitReport {
    pub kind: UnitKind,
    /// Folder as shown.
    pub path: String,
    pub name: String,
    pub description: Option<String>,
    pub owner: Option<String>,
    pub version: Option<String>,
    pub license: Option<String>,
    /// Other metadata (frontmatter `metadata` map, or the manifest's other fields).
    pub metadata: BTreeMap<String, String>,
    pub verdict: Verdict,
    pub reason: String,
    /// Combined content hash ([`hash::combined`]).
    pub content_hash: String,
    pub counts: Counts,
    pub inventory: extract::Inventory,
    pub findings: Vec<FamilyGroup>,
    /// With `vet --against`: what changed since approval.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<changes::Changes>,
}

/// The whole review.
#[derive(Debug, Clone, Serialize)]
pub struct VetReport {
    pub version: u32,
    pub tool: String,
    pub tool_version: String,
    /// The worst verdict of all units (and of findings outside any unit).
    pub verdict: Verdict,
    pub reason: String,
    pub policy: Policy,
    pub date: String,
    pub units: Vec<UnitReport>,
    /// Findings in files of no skill or plugin (a marketplace manifest, the audited root).
    pub other_findings: Vec<FamilyGroup>,
}

impl VetReport {
    /// Recompute the overall verdict from the units and the other findings.
    pub fn recompute(&mut self) {
        let others: Vec<&Finding> = self
            .other_findings
            .iter()
            .flat_map(|g| g.findings.iter())
            .collect();
        let (mut verdict, mut reason) = self.policy.verdict(others);
        if !matches!(verdict, Verdict::Approve) {
            reason = format!("outside any skill or plugin: {reason}");
        }
        for u in &self.units {
            if u.verdict > verdict {
                verdict = u.verdict;
                reason = format!("{}: {}", u.path, u.reason);
            }
        }
        if self.units.is_empty() && verdict == Verdict::Approve {
            reason = "no skill or plugin found".to_string();
        }
        self.verdict = verdict;
        self.reason = reason;
    }
}

/// Per file: text and secret ranges, computed once.
struct Masks<'a> {
    ws: &'a Workspace,
    set: &'a PackSet,
    by_display: HashMap<&'a Path, usize>,
    cache: HashMap<PathBuf, Vec<Range<usize>>>,
}

impl<'a> Masks<'a> {
    fn new(ws: &'a Workspace, set: &'a PackSet) -> Self {
        Self {
            ws,
            set,
            by_display: ws
                .files
                .iter()
                .enumerate()
                .map(|(i, f)| (f.entry.display.as_path(), i))
                .collect(),
            cache: HashMap::new(),
        }
    }

    /// The file's path relative to its audited root, `/`-separated.
    fn rel(&self, shown: &Path) -> Option<String> {
        self.by_display
            .get(shown)
            .map(|&i| slash_path(&self.ws.files[i].entry.rel))
    }

    fn for_path(&mut self, shown: &Path, rel: &str) -> &[Range<usize>] {
        let (ws, set) = (self.ws, self.set);
        let index = self.by_display.get(shown).copied();
        self.cache.entry(shown.to_path_buf()).or_insert_with(|| {
            index
                .and_then(|i| ws.files[i].source.as_ref())
                .map(|src| redact::secrets(set, rel, &src.text))
                .unwrap_or_default()
        })
    }
}

/// Today as `YYYY-MM-DD` (`SKILL_AUDIT_TODAY` pins it).
pub fn today_string() -> String {
    crate::library::date::format_days(crate::library::date::today())
}

/// Build the review of every skill and plugin of a checked workspace.
pub fn build(report: &Report, ws: &Workspace, policy: &Policy) -> VetReport {
    let units = units(ws);
    // Which unit each shown path belongs to.
    let mut unit_of: HashMap<&Path, usize> = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        for &f in &u.files {
            unit_of.insert(ws.files[f].entry.display.as_path(), i);
        }
    }
    let set: &PackSet = &report.settings.credential_packs;
    let mut masks = Masks::new(ws, set);
    let mut per_unit: Vec<Vec<Finding>> = vec![Vec::new(); units.len()];
    let mut others = Vec::new();
    for d in &report.diagnostics {
        let f = finding(report, d, &mut masks);
        match unit_of.get(d.path.as_path()) {
            Some(&i) => per_unit[i].push(f),
            None => others.push(f),
        }
    }
    let unit_reports: Vec<UnitReport> = units
        .par_iter()
        .zip(per_unit.into_par_iter())
        .map(|(u, mut findings)| {
            findings.sort_by(|a, b| {
                (&a.path, a.line, a.column, &a.code).cmp(&(&b.path, b.line, b.column, &b.code))
            });
            let (verdict, reason) = policy.verdict(&findings);
            let about = extract::describe(ws, u, set);
            let inventory = extract::inventory(ws, u, set);
            let content_hash = hash::combined(
                inventory
                    .files
                    .iter()
                    .map(|f| (f.path.as_str(), f.sha256.as_str())),
            );
            UnitReport {
                kind: u.kind,
                path: slash_path(&u.display),
                name: about.name,
                description: about.description,
                owner: about.owner,
                version: about.version,
                license: about.license,
                metadata: about.metadata,
                verdict,
                reason,
                content_hash,
                counts: Counts::of(&findings),
                inventory,
                findings: group(findings),
                changes: None,
            }
        })
        .collect();
    let mut out = VetReport {
        version: VET_JSON_VERSION,
        tool: "skill-audit".to_string(),
        tool_version: crate::VERSION.to_string(),
        verdict: Verdict::Approve,
        reason: String::new(),
        policy: policy.clone(),
        date: today_string(),
        units: unit_reports,
        other_findings: group(others),
    };
    out.recompute();
    out
}

/// A diagnostic as a finding with a masked excerpt.
fn finding(report: &Report, d: &Diagnostic, masks: &mut Masks<'_>) -> Finding {
    let path = slash_path(&d.path);
    let Some(src) = report.source(&d.path) else {
        return Finding {
            code: d.code.clone(),
            rule: d.rule.clone(),
            severity: d.severity,
            path,
            line: 1,
            column: 1,
            end_line: 1,
            message: d.message.clone(),
            help: d.help.clone(),
            excerpt: Vec::new(),
        };
    };
    let start = src.line_column(d.range.start());
    let end = src.line_column(d.range.end());
    let rel = masks.rel(&d.path).unwrap_or_else(|| path.clone());
    let mut secrets = masks.for_path(&d.path, &rel).to_vec();
    // The bytes a finding marks as secret, and every credential finding's whole span, are
    // hidden whatever pattern found them.
    let flagged = d
        .secret
        .into_iter()
        .chain((d.family() == "CR").then_some(d.range))
        .filter(|r| !r.is_empty());
    let before = secrets.len();
    secrets.extend(flagged.map(crate::text::TextRange::as_range));
    if secrets.len() > before {
        redact::normalize(&mut secrets);
    }
    let first = src.index.line_of(d.range.start());
    let last = src
        .index
        .line_of(d.range.end())
        .min(first + EXCERPT_LINES - 1);
    let mut excerpt = Vec::new();
    for line in first..=last {
        let r = src.index.line_range(line, &src.text);
        let (masked, was_masked) = redact::mask_window(&src.text, r.as_range(), &secrets);
        let mut text: String = masked.chars().take(EXCERPT_WIDTH).collect();
        let cut = text.len() < masked.len();
        if cut {
            text.push('…');
        }
        let mark = if was_masked || d.range.is_empty() {
            None
        } else {
            let line_text = src.text.get(r.as_range()).unwrap_or("");
            let s = if line == first {
                line_text
                    .get(..d.range.start() - r.start())
                    .map_or(0, |t| t.chars().count())
            } else {
                0
            };
            let e = if d.range.end() <= r.end() {
                line_text
                    .get(..d.range.end() - r.start())
                    .map_or(s, |t| t.chars().count())
            } else {
                line_text.chars().count()
            };
            let shown = text.chars().count();
            (s < e && s < shown).then_some((s, e.min(shown)))
        };
        excerpt.push(ExcerptLine {
            line: line + 1,
            text,
            mark,
        });
    }
    Finding {
        code: d.code.clone(),
        rule: d.rule.clone(),
        severity: d.severity,
        path,
        line: start.line as usize,
        column: start.column as usize,
        end_line: end.line as usize,
        message: d.message.clone(),
        help: d.help.clone(),
        excerpt,
    }
}

/// Alphanumeric noise from a fixed seed (xorshift), for key-shaped strings built at test time
/// (no key-shaped string is ever committed).
#[doc(hidden)]
pub fn pseudo_random(len: usize, seed: u64) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            ALPHABET[(x % ALPHABET.len() as u64) as usize] as char
        })
        .collect()
}
