//! Running the rules over a workspace: in parallel, each unit inside `catch_unwind`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::config::{ConfigError, Overrides, Resolver, Settings};
use crate::diagnostic::Diagnostic;
use crate::discovery::{self, display_path};
use crate::rules::{self, sa, Context, Rule};
use crate::source::{slash_path, SourceFile};
use crate::suppression::{self, InvalidSuppression, Suppression};
use crate::workspace::Workspace;

/// What to audit and how.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// An explicit config file; otherwise the closest `skill-audit.toml` above each skill.
    pub config: Option<PathBuf>,
    pub overrides: Overrides,
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// Unsaved editor buffers: absolute (canonical) path to text, used instead of the disk.
    pub overlays: HashMap<PathBuf, String>,
    /// Which rule hooks run (the language server splits per-folder and library-wide work).
    pub passes: Passes,
    /// Run only this shard's units (see [`crate::shard`]).
    pub shard: Option<crate::shard::Shard>,
    /// Called as skills and files are checked (the CLI draws a progress bar with it).
    pub progress: Option<Progress>,
}

/// A progress callback: `(units done, units total)`, where a unit is one skill or one file.
/// Called from worker threads, so it must be cheap and thread-safe.
#[derive(Clone)]
pub struct Progress(Arc<dyn Fn(usize, usize) + Send + Sync>);

impl Progress {
    pub fn new(f: impl Fn(usize, usize) + Send + Sync + 'static) -> Self {
        Self(Arc::new(f))
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress(..)")
    }
}

/// Which rule hooks a run calls and which findings it keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Passes {
    /// Everything, as the CLI does.
    #[default]
    All,
    /// Per-skill and per-file hooks only (no `check_workspace`) and no unused-suppression
    /// findings (a suppression may be for a library rule that did not run): what one skill or
    /// plugin folder shows while it is edited.
    Local,
    /// Every hook, but keep only what `check_workspace` rules found and unused suppressions:
    /// the library-wide findings that complement [`Passes::Local`] runs.
    Library,
}

/// Counts for the summary line and the JSON `summary` object.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub skills: usize,
    pub plugins: usize,
    pub marketplaces: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub elapsed_ms: u128,
}

/// The outcome of a run.
#[derive(Debug)]
pub struct Report {
    /// Sorted by path, line, column, code.
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
    /// Text of every file a diagnostic may point into, by shown path.
    pub sources: HashMap<PathBuf, Arc<SourceFile>>,
    /// Settings in force at the first audited path (for the exit code).
    pub settings: Arc<Settings>,
    /// The skill files and manifests that were checked (for per-file reports such as `JUnit`).
    pub checked: Vec<PathBuf>,
    /// In a sharded run: suppressions not used by this shard's findings that name a
    /// library-level rule, so that only the merge can tell whether they are unused (path and
    /// range of the comment).
    pub pending_suppressions: Vec<(PathBuf, crate::text::TextRange)>,
}

impl Report {
    /// Whether a finding reaches the failure threshold.
    pub fn failed(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| self.settings.fail_on.fails(d.severity))
    }

    pub fn source(&self, path: &Path) -> Option<&Arc<SourceFile>> {
        self.sources.get(path)
    }

    /// Recompute the severity counts after diagnostics were removed (baseline, filters).
    pub fn recount(&mut self) {
        self.summary.errors = 0;
        self.summary.warnings = 0;
        self.summary.infos = 0;
        for d in &self.diagnostics {
            match d.severity {
                crate::Severity::Error => self.summary.errors += 1,
                crate::Severity::Warning => self.summary.warnings += 1,
                crate::Severity::Info => self.summary.infos += 1,
            }
        }
    }
}

/// A problem that stops a run before any file is checked.
#[derive(Debug)]
pub enum CheckError {
    Config(ConfigError),
    /// An audited path does not exist or cannot be walked.
    Path(PathBuf, std::io::Error),
}

impl std::fmt::Display for CheckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckError::Config(e) => write!(f, "{e}"),
            CheckError::Path(p, e) => write!(f, "{}: {e}", p.display()),
        }
    }
}

impl std::error::Error for CheckError {}

impl From<ConfigError> for CheckError {
    fn from(e: ConfigError) -> Self {
        CheckError::Config(e)
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let raw = payload
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string());
    // Panic messages can quote the input (slicing errors quote the string): keep a short,
    // single-line prefix, drop anything the standard library quotes in backticks, and mask
    // whatever still looks like a credential.
    let mut line = raw
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(200)
        .collect::<String>();
    if let Some(i) = line.find(" of `") {
        line.truncate(i);
        line.push_str(" of <input>");
    }
    crate::packs::redact_text(&line)
}

/// Run `f` and turn a panic into an SA001 diagnostic naming `path`.
fn guarded(path: &Path, f: impl FnOnce() -> Vec<Diagnostic>) -> Vec<Diagnostic> {
    match panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(d) => d,
        Err(payload) => vec![sa::internal_error(path, &panic_message(payload.as_ref()))],
    }
}

/// Audit `paths` (folders, skill folders or `SKILL.md` files).
///
/// ```no_run
/// use skill_audit::{check, CheckOptions};
/// let report = check(&["skills".into()], &CheckOptions::default()).expect("paths exist");
/// for d in &report.diagnostics {
///     println!("{}: {} {}", d.path.display(), d.code, d.message);
/// }
/// ```
pub fn check(paths: &[PathBuf], options: &CheckOptions) -> Result<Report, CheckError> {
    check_with_workspace(paths, options).map(|(report, _)| report)
}

/// Like [`check`], but also return the workspace the rules ran over (for inventories and
/// content hashes: `vet`, `lock`, `verify`).
pub fn check_with_workspace(
    paths: &[PathBuf],
    options: &CheckOptions,
) -> Result<(Report, Workspace), CheckError> {
    let started = Instant::now();
    let resolver = Resolver::new(options.config.as_deref(), options.overrides.clone())?;
    let paths: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let threads = if options.threads == 0 {
        rayon::current_num_threads()
    } else {
        options.threads
    };

    let mut walks = Vec::new();
    let mut first_settings = None;
    for p in &paths {
        let meta = std::fs::metadata(p).map_err(|e| CheckError::Path(p.clone(), e))?;
        let (root, shown) = if meta.is_dir() {
            (p.clone(), display_path(p))
        } else {
            let parent = p
                .parent()
                .filter(|q| !q.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
            let shown = display_path(&parent);
            (parent, shown)
        };
        let walk =
            discovery::walk(&root, &shown, threads).map_err(|e| CheckError::Path(p.clone(), e))?;
        if first_settings.is_none() {
            first_settings = Some(resolver.settings_for(&walk.root)?);
        }
        walks.push(walk);
    }
    let base = first_settings.unwrap_or_default();
    phase("walk", started);
    let built = Instant::now();
    let mut workspace = Workspace::build_with_overlays(
        walks,
        base.max_file_size,
        base.yaml_limits(),
        &options.overlays,
    );
    workspace.json_max_depth = Some(base.json_max_depth);
    phase("read and parse", built);
    let ran = Instant::now();
    let mut report = run_rules_inner(
        &workspace,
        &resolver,
        &rules::all(),
        options.passes,
        options.progress.as_ref(),
        options.shard,
    )?;
    phase("rules", ran);
    report.settings = base;
    report.summary.elapsed_ms = started.elapsed().as_millis();
    Ok((report, workspace))
}

/// With `SKILL_AUDIT_TIMINGS` set, print how long a phase took to standard error (for
/// profiling; never part of a report).
fn phase(name: &str, since: Instant) {
    if std::env::var_os("SKILL_AUDIT_TIMINGS").is_some() {
        eprintln!(
            "timing: {name:<16} {:>8.1} ms",
            since.elapsed().as_secs_f64() * 1e3
        );
    }
}

/// Run `rules` over a built workspace.
pub fn run_rules(
    workspace: &Workspace,
    resolver: &Resolver,
    rules: &[&'static dyn Rule],
) -> Result<Report, CheckError> {
    run_rules_with(workspace, resolver, rules, Passes::All, None)
}

/// Run the `passes` of `rules` over a built workspace, telling `progress` (if any) as each
/// skill and file is done.
pub fn run_rules_with(
    workspace: &Workspace,
    resolver: &Resolver,
    rules: &[&'static dyn Rule],
    passes: Passes,
    progress: Option<&Progress>,
) -> Result<Report, CheckError> {
    run_rules_inner(workspace, resolver, rules, passes, progress, None)
}

fn run_rules_inner(
    workspace: &Workspace,
    resolver: &Resolver,
    rules: &[&'static dyn Rule],
    passes: Passes,
    progress: Option<&Progress>,
    shard: Option<crate::shard::Shard>,
) -> Result<Report, CheckError> {
    let ownership = shard.map(|s| (s, crate::shard::Ownership::new(workspace, s)));
    let owned = |file: usize| ownership.as_ref().is_none_or(|(_, o)| o.files[file]);
    let total = workspace.skills.len() + workspace.files.len();
    let done = AtomicUsize::new(0);
    let tick = || {
        if let Some(p) = progress {
            (p.0)(done.fetch_add(1, Ordering::Relaxed) + 1, total);
        }
    };
    // The credential scan is data-driven (crate::packs); it runs when the CR rules are among
    // the rules asked for.
    let scan_credentials = rules.iter().any(|r| r.meta().code.starts_with("CR"));
    // Likewise the security pack (crate::rules::se::scan) for the SE rules.
    let scan_security = rules.iter().any(|r| r.meta().code.starts_with("SE"));
    // Resolve settings per skill up front so config errors stop the run.
    let mut skill_settings = Vec::with_capacity(workspace.skills.len());
    for s in &workspace.skills {
        skill_settings.push(resolver.settings_for(&s.dir)?);
    }
    let mut file_settings = Vec::with_capacity(workspace.files.len());
    for f in &workspace.files {
        let dir = f.entry.abs.parent().unwrap_or(Path::new("/"));
        file_settings.push(resolver.settings_for(dir)?);
    }
    let root_settings = match workspace.roots.first() {
        Some(r) => resolver.settings_for(&r.path)?,
        None => Arc::new(Settings::default()),
    };

    let t = Instant::now();
    let skill_diags: Vec<Diagnostic> = workspace
        .skills
        .par_iter()
        .zip(skill_settings.par_iter())
        .filter(|(skill, _)| owned(skill.file))
        .flat_map_iter(|(skill, settings)| {
            let path = skill.path(workspace);
            let out = guarded(path, || {
                let mut cx = Context::new(settings, workspace);
                for r in rules.iter().filter(|r| settings.is_enabled(r.meta().code)) {
                    r.check_skill(skill, &mut cx);
                }
                cx.into_diagnostics()
            });
            tick();
            out
        })
        .collect();
    phase("  skill rules", t);
    let t = Instant::now();
    let file_diags: Vec<Diagnostic> = workspace
        .files
        .par_iter()
        .zip(file_settings.par_iter())
        .enumerate()
        .filter(|(i, _)| owned(*i))
        .filter_map(|(_, (f, settings))| {
            let Some(src) = f.source.as_ref() else {
                // A file without text (binary, too large, unreadable) can still be a
                // credential by its name alone (a PKCS#12 key store): the CR file rules.
                let mut out = Vec::new();
                if scan_credentials && crate::packs::credentials_enabled(settings) {
                    crate::packs::scan_unread(
                        &f.entry.display,
                        &f.entry.rel,
                        &settings.credential_packs,
                        settings,
                        &mut out,
                    );
                }
                tick();
                return (!out.is_empty()).then_some(Err(out));
            };
            Some(Ok((src, settings)))
        })
        .flat_map_iter(|unit| {
            let (src, settings) = match unit {
                Ok(unit) => unit,
                Err(found) => return found,
            };
            let out = guarded(&src.path, || {
                let mut cx = Context::new(settings, workspace);
                for r in rules.iter().filter(|r| settings.is_enabled(r.meta().code)) {
                    r.check_file(src, &mut cx);
                }
                let mut out = cx.into_diagnostics();
                let credentials = scan_credentials && crate::packs::credentials_enabled(settings);
                let security = scan_security && crate::rules::se::scan::enabled(settings);
                let rel = workspace
                    .file_at(&src.abs_path)
                    .map_or(src.path.as_path(), |f| f.entry.rel.as_path());
                // Both packs on: one keyword pass serves both.
                let (cr_hits, se_hits) = if credentials && security {
                    let fused =
                        crate::packs::fused(&settings.credential_packs, &settings.security_packs);
                    let mut both = fused
                        .hits(
                            &[&settings.credential_packs, &settings.security_packs],
                            &src.text,
                        )
                        .into_iter();
                    (both.next(), both.next())
                } else {
                    (None, None)
                };
                if credentials {
                    crate::packs::scan_file_with(
                        src,
                        rel,
                        &settings.credential_packs,
                        settings,
                        &mut out,
                        cr_hits,
                    );
                }
                if security {
                    crate::rules::se::scan::scan_file_with(src, rel, settings, &mut out, se_hits);
                }
                out
            });
            tick();
            out
        })
        .collect();
    phase("  file rules", t);
    let t = Instant::now();
    // Library-level rules run side by side; each is guarded on its own so one failing rule
    // does not hide the others' findings. `finish` sorts, so the order here does not matter.
    let ws_diags: Vec<Diagnostic> = rules
        .par_iter()
        .filter(|r| passes != Passes::Local && root_settings.is_enabled(r.meta().code))
        .filter(|r| shard.is_none() || !rules::LIBRARY_CODES.contains(&r.meta().code))
        .flat_map_iter(|r| {
            guarded(Path::new("."), || {
                let mut cx = Context::new(&root_settings, workspace);
                r.check_workspace(workspace, &mut cx);
                cx.into_diagnostics()
            })
        })
        .collect();
    phase("  library rules", t);
    let t = Instant::now();

    // What the library-wide hooks found, to tell it apart after suppressions.
    let library_found: std::collections::HashSet<(String, PathBuf, crate::text::TextRange)> =
        if passes == Passes::Library {
            ws_diags
                .iter()
                .map(|d| (d.code.clone(), d.path.clone(), d.range))
                .collect()
        } else {
            std::collections::HashSet::new()
        };
    let mut diagnostics: Vec<Diagnostic> = workspace
        .problems
        .iter()
        .filter(|d| root_settings.is_enabled(&d.code))
        .cloned()
        .chain(skill_diags)
        .chain(file_diags)
        .chain(ws_diags)
        .collect();

    let sources: HashMap<PathBuf, Arc<SourceFile>> = workspace
        .files
        .iter()
        .filter_map(|f| f.source.as_ref().map(|s| (s.path.clone(), Arc::clone(s))))
        .collect();

    // Settings in force where each finding is: per-file ignores, then severity overrides.
    let settings_by_path: HashMap<&Path, (&Path, &Arc<Settings>)> = workspace
        .files
        .iter()
        .zip(file_settings.iter())
        .map(|(f, s)| (f.entry.display.as_path(), (f.entry.abs.as_path(), s)))
        .collect();
    diagnostics.retain(|d| {
        settings_by_path
            .get(d.path.as_path())
            .is_none_or(|(abs, s)| !s.ignored_in_file(&d.code, abs))
    });
    let (mut diagnostics, mut pending_suppressions) =
        apply_suppressions(diagnostics, workspace, &file_settings, shard.is_some());
    if let Some((s, o)) = &ownership {
        diagnostics.retain(|d| o.owns_path(*s, &d.path));
        pending_suppressions.retain(|(p, _)| o.owns_path(*s, p));
    }
    match passes {
        Passes::All => {}
        Passes::Local => diagnostics.retain(|d| d.code != sa::UnusedSuppression::META.code),
        Passes::Library => diagnostics.retain(|d| {
            d.code == sa::UnusedSuppression::META.code
                || library_found.contains(&(d.code.clone(), d.path.clone(), d.range))
        }),
    }
    for d in &mut diagnostics {
        let s = settings_by_path
            .get(d.path.as_path())
            .map_or(&root_settings, |(_, s)| *s);
        d.severity = s.severity_for(&d.code, d.severity);
    }
    finish(&mut diagnostics, &sources);
    phase("  finish", t);

    let mut summary = Summary {
        files: workspace.files.len(),
        skills: workspace.skills.len(),
        plugins: workspace.plugins.len(),
        marketplaces: workspace.marketplaces.len(),
        ..Summary::default()
    };
    for d in &diagnostics {
        match d.severity {
            crate::Severity::Error => summary.errors += 1,
            crate::Severity::Warning => summary.warnings += 1,
            crate::Severity::Info => summary.infos += 1,
        }
    }
    let mut checked: Vec<PathBuf> = workspace
        .skills
        .iter()
        .map(|s| s.path(workspace).to_path_buf())
        .collect();
    checked.extend(
        workspace
            .files
            .iter()
            .filter(|f| {
                f.entry
                    .rel
                    .parent()
                    .and_then(Path::file_name)
                    .is_some_and(|n| n == ".claude-plugin")
            })
            .map(|f| f.entry.display.clone()),
    );
    if let Some((_, o)) = &ownership {
        checked.retain(|p| o.paths.contains(p));
    }
    checked.sort();
    Ok(Report {
        diagnostics,
        summary,
        sources,
        settings: root_settings,
        checked,
        pending_suppressions,
    })
}

/// Drop findings covered by suppression comments; report invalid and unused suppressions.
/// With `defer_library`, an unused suppression that names a library-level rule is returned
/// as pending instead of reported (the library rules run later, at merge).
#[allow(clippy::type_complexity)]
fn apply_suppressions(
    diagnostics: Vec<Diagnostic>,
    workspace: &Workspace,
    file_settings: &[Arc<Settings>],
    defer_library: bool,
) -> (Vec<Diagnostic>, Vec<(PathBuf, crate::text::TextRange)>) {
    let is_known = |c: &str| {
        rules::metas()
            .iter()
            .any(|m| m.code.len() >= c.len() && m.code[..c.len()].eq_ignore_ascii_case(c))
            || rules::is_dynamic_code(c)
    };
    let parsed: Vec<(usize, Vec<Suppression>, Vec<InvalidSuppression>)> = workspace
        .files
        .par_iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let src = f.source.as_ref()?;
            let (found, invalid) = suppression::parse(src, &is_known);
            (!found.is_empty() || !invalid.is_empty()).then_some((i, found, invalid))
        })
        .collect();
    let mut pending = Vec::new();
    if parsed.is_empty() {
        return (diagnostics, pending);
    }
    let mut by_path: HashMap<&Path, (usize, &[Suppression], Vec<bool>)> = HashMap::new();
    for (i, found, _) in &parsed {
        by_path.insert(
            workspace.files[*i].entry.display.as_path(),
            (*i, found.as_slice(), vec![false; found.len()]),
        );
    }
    let mut kept = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let unsuppressible = d.code == sa::InvalidSuppressionComment::META.code
            || d.code == sa::UnusedSuppression::META.code;
        if let (false, Some((i, found, used))) = (unsuppressible, by_path.get_mut(d.path.as_path()))
        {
            if let Some(src) = &workspace.files[*i].source {
                let line = src.index.line_of(d.range.start());
                if let Some(k) = found.iter().position(|s| s.covers(&d.code, line)) {
                    used[k] = true;
                    continue;
                }
            }
        }
        kept.push(d);
    }
    for (i, _, invalid) in &parsed {
        let path = &workspace.files[*i].entry.display;
        let settings = &file_settings[*i];
        if settings.is_enabled(sa::InvalidSuppressionComment::META.code) {
            for bad in invalid {
                kept.push(sa::invalid_suppression(path, bad.range, &bad.problem));
            }
        }
        if let Some((_, found, used)) = by_path.get(path.as_path()) {
            if settings.is_enabled(sa::UnusedSuppression::META.code) {
                for (s, was_used) in found.iter().zip(used) {
                    // Only a suppression whose rules all ran can be known to be unused.
                    if !was_used && s.codes.iter().all(|c| settings.is_enabled(c)) {
                        if defer_library && s.codes.iter().any(|c| rules::may_name_library_rule(c))
                        {
                            pending.push((path.clone(), s.range));
                        } else {
                            kept.push(sa::unused_suppression(path, s.range, &s.codes));
                        }
                    }
                }
            }
        }
    }
    (kept, pending)
}

/// Settle what a sharded run left to the merge: run the library-level rules over `workspace`
/// (assembled from the shards' indexes, see [`Workspace::from_library`]), keep their findings
/// that per-file ignores and suppressions let through, with severity overrides, and report the
/// `pending` suppressions (see [`Report::pending_suppressions`]) that are still unused.
/// `source_of(shown path)` gives the text of the files findings and pending suppressions are
/// in, `abs_of(shown path)` their absolute path (for the config that applies).
pub fn library_findings(
    workspace: &Workspace,
    resolver: &Resolver,
    root: &Path,
    source_of: &mut dyn FnMut(&Path) -> Option<Arc<SourceFile>>,
    pending: &[(PathBuf, crate::text::TextRange)],
    abs_of: &dyn Fn(&Path) -> PathBuf,
) -> Result<Vec<Diagnostic>, CheckError> {
    let root_settings = resolver.settings_for(root)?;
    let found: Vec<Diagnostic> = rules::all()
        .into_iter()
        .filter(|r| rules::LIBRARY_CODES.contains(&r.meta().code))
        .filter(|r| root_settings.is_enabled(r.meta().code))
        .flat_map(|r| {
            guarded(Path::new("."), || {
                let mut cx = Context::new(&root_settings, workspace);
                r.check_workspace(workspace, &mut cx);
                cx.into_diagnostics()
            })
        })
        .collect();
    let is_known = |c: &str| {
        rules::metas()
            .iter()
            .any(|m| m.code.len() >= c.len() && m.code[..c.len()].eq_ignore_ascii_case(c))
            || rules::is_dynamic_code(c)
    };
    let mut suppressions: HashMap<PathBuf, (Vec<Suppression>, Vec<bool>)> = HashMap::new();
    let mut settings_of: HashMap<PathBuf, Arc<Settings>> = HashMap::new();
    let mut settings_for = |path: &Path| -> Result<Arc<Settings>, CheckError> {
        if let Some(s) = settings_of.get(path) {
            return Ok(Arc::clone(s));
        }
        let abs = abs_of(path);
        let s = resolver.settings_for(abs.parent().unwrap_or(Path::new("/")))?;
        settings_of.insert(path.to_path_buf(), Arc::clone(&s));
        Ok(s)
    };
    let mut out = Vec::new();
    for mut d in found {
        let settings = settings_for(&d.path)?;
        if settings.ignored_in_file(&d.code, &abs_of(&d.path)) {
            continue;
        }
        let src = source_of(&d.path);
        let entry = suppressions.entry(d.path.clone()).or_insert_with(|| {
            let found = src
                .as_ref()
                .map(|src| suppression::parse(src, &is_known).0)
                .unwrap_or_default();
            let used = vec![false; found.len()];
            (found, used)
        });
        if let Some(src) = &src {
            let line = src.index.line_of(d.range.start());
            if let Some(k) = entry.0.iter().position(|s| s.covers(&d.code, line)) {
                entry.1[k] = true;
                continue;
            }
        }
        d.severity = settings.severity_for(&d.code, d.severity);
        out.push(d);
    }
    for (path, range) in pending {
        let used = suppressions
            .get(path)
            .and_then(|(found, used)| {
                found
                    .iter()
                    .position(|s| s.range == *range)
                    .map(|k| used[k])
            })
            .unwrap_or(false);
        if used {
            continue;
        }
        let Some(src) = source_of(path) else {
            continue;
        };
        let Some(s) = suppression::parse(&src, &is_known)
            .0
            .into_iter()
            .find(|s| s.range == *range)
        else {
            continue;
        };
        let mut d = sa::unused_suppression(path, s.range, &s.codes);
        let settings = settings_for(path)?;
        d.severity = settings.severity_for(&d.code, d.severity);
        out.push(d);
    }
    Ok(out)
}

/// Sort, drop exact duplicates and compute fingerprints.
pub fn finish<S: std::hash::BuildHasher + Sync>(
    diagnostics: &mut Vec<Diagnostic>,
    sources: &HashMap<PathBuf, Arc<SourceFile>, S>,
) {
    let key = |d: &Diagnostic| {
        let lc = sources.get(&d.path).map(|s| s.line_column(d.range.start()));
        (
            slash_path(&d.path),
            lc.map_or(0, |l| l.line),
            lc.map_or(0, |l| l.column),
            d.code.clone(),
            d.range,
            d.message.clone(),
        )
    };
    diagnostics.sort_by_cached_key(key);
    diagnostics.dedup_by(|a, b| {
        a.path == b.path && a.code == b.code && a.range == b.range && a.message == b.message
    });
    // Fingerprint: code, path and the text of the span's first and last lines, not the line
    // number, so an edit elsewhere in the file does not change it; repeated identical findings
    // get an ordinal. The hashes are computed in parallel, the ordinals in order.
    let bases: Vec<String> = diagnostics
        .par_iter()
        .map(|d| {
            let mut h = Sha256::new();
            h.update(d.code.as_bytes());
            h.update([0]);
            h.update(slash_path(&d.path).as_bytes());
            h.update([0]);
            if let Some(s) = sources.get(&d.path) {
                let first = s.index.line_of(d.range.start());
                let last = s.index.line_of(d.range.end());
                for line in if first == last {
                    vec![first]
                } else {
                    vec![first, last]
                } {
                    let r = s.index.line_range(line, &s.text);
                    let text = s.text.get(r.start()..r.end()).unwrap_or("");
                    for word in text.split_whitespace() {
                        h.update(word.as_bytes());
                        h.update([b' ']);
                    }
                    h.update([b'\n']);
                }
            }
            h.finalize()
                .iter()
                .take(8)
                .fold(String::with_capacity(16), |mut s, b| {
                    let _ = write!(s, "{b:02x}");
                    s
                })
        })
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (d, base) in diagnostics.iter_mut().zip(&bases) {
        let n = seen.entry(base.as_str()).or_insert(0);
        d.fingerprint = if *n == 0 {
            base.clone()
        } else {
            format!("{base}:{n}")
        };
        *n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;
    use crate::rules::{Described, RuleMeta};
    use crate::workspace::Skill;

    struct Panics;
    static PANICS: RuleMeta = RuleMeta {
        code: "SK999",
        name: "test-panic",
        severity: crate::Severity::Error,
        summary: "test",
        doc: "",
        fixable: false,
    };
    impl Described for Panics {
        fn meta(&self) -> &'static RuleMeta {
            &PANICS
        }
    }
    impl Rule for Panics {
        fn check_skill(&self, _skill: &Skill, _cx: &mut Context<'_>) {
            panic!("boom with sk-ant-api03-secretvalue\nsecond line");
        }
    }

    #[test]
    fn local_and_library_passes_split_the_findings_of_a_full_run() {
        let dir = tempfile::tempdir().unwrap();
        let text = "---\nname: pdf-tools\ndescription: Reads PDFs. Use when: asked\n---\n# PDF\n\nRun it.\n";
        for name in ["a", "b"] {
            let skill = dir.path().join(name).join("pdf-tools");
            std::fs::create_dir_all(&skill).unwrap();
            std::fs::write(skill.join("SKILL.md"), text).unwrap();
        }
        let run = |passes| {
            let options = CheckOptions {
                passes,
                ..CheckOptions::default()
            };
            let mut codes: Vec<String> = check(&[dir.path().to_path_buf()], &options)
                .unwrap()
                .diagnostics
                .into_iter()
                .map(|d| d.code)
                .collect();
            codes.sort();
            codes
        };
        let all = run(Passes::All);
        let local = run(Passes::Local);
        let library = run(Passes::Library);
        assert!(local.iter().any(|c| c == "SK007"), "{local:?}");
        assert!(library
            .iter()
            .all(|c| c.starts_with("DU") || c.starts_with("NS")));
        assert!(!library.is_empty());
        let mut both: Vec<String> = local.into_iter().chain(library).collect();
        both.sort();
        assert_eq!(both, all);
    }

    #[test]
    fn a_panicking_rule_becomes_an_internal_error_and_the_run_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["one", "two"] {
            std::fs::create_dir_all(dir.path().join(name)).unwrap();
            std::fs::write(
                dir.path().join(name).join("SKILL.md"),
                format!("---\nname: {name}\n---\n"),
            )
            .unwrap();
        }
        let walk = discovery::walk(dir.path(), Path::new("lib"), 2).unwrap();
        let ws = Workspace::build(vec![walk], 1 << 20, crate::yaml::YamlLimits::default());
        let resolver = Resolver::new(None, Overrides::default()).unwrap();
        let rules: Vec<&'static dyn Rule> = vec![&Panics];
        let prev = panic::take_hook();
        panic::set_hook(Box::new(|_| {}));
        let report = run_rules(&ws, &resolver, &rules).unwrap();
        panic::set_hook(prev);
        let internal: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == "SA001")
            .collect();
        assert_eq!(internal.len(), 2, "{:?}", report.diagnostics);
        assert!(internal[0].path.ends_with("one/SKILL.md"));
        assert!(!internal[0].message.contains("second line"));
    }
}
