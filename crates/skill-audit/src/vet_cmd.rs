//! `skill-audit vet`, `lock` and `verify`: the CLI glue over `skill_audit::vet`.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::ValueEnum;
use skill_audit::vet::{self, lock, Policy, Unit, Verdict};
use skill_audit::{CheckOptions, Diagnostic, Overrides, Profile, Severity};

use skill_audit::report::escape::one_line;

use super::{write_out, ProfileArg};

#[derive(Clone, Copy, ValueEnum)]
pub enum VetFormat {
    /// One self-contained HTML page (inline CSS, no network).
    Html,
    /// Markdown, for a pull-request comment or a ticket.
    Markdown,
    /// JSON with a top-level `verdict`.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum VerifyFormat {
    Text,
    Json,
    Github,
    Sarif,
}

#[derive(clap::Args)]
pub struct VetArgs {
    /// A skill folder, a plugin folder, or a marketplace (each skill and plugin under it).
    path: Option<PathBuf>,
    /// Output format (default: from the --output extension, else Markdown).
    #[arg(long, value_enum)]
    format: Option<VetFormat>,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Use this config file instead of the closest skill-audit.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Which frontmatter rules apply.
    #[arg(long, value_enum)]
    profile: Option<ProfileArg>,
    /// Show only what changed since the approval recorded in this lockfile.
    #[arg(long, value_name = "LOCKFILE")]
    against: Option<PathBuf>,
    /// With --against: a copy of the approved tree (laid out like the lockfile's folder) to
    /// diff changed files against.
    #[arg(long, value_name = "DIR", requires = "against")]
    base: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct LockArgs {
    /// Skills, plugins or folders of them to record as approved.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The lockfile (TOML, or JSON if it ends in `.json`).
    #[arg(long, default_value = lock::DEFAULT_LOCKFILE)]
    lockfile: PathBuf,
    /// Who approves (default: `$SKILL_AUDIT_APPROVER`, else `$USER`).
    #[arg(long)]
    approver: Option<String>,
    /// Also lock skills and plugins whose verdict is `reject`.
    #[arg(long)]
    force: bool,
    /// Use this config file instead of the closest skill-audit.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Which frontmatter rules apply.
    #[arg(long, value_enum)]
    profile: Option<ProfileArg>,
}

#[derive(clap::Args)]
pub struct VerifyArgs {
    /// Folders to verify (default: the current folder).
    paths: Vec<PathBuf>,
    /// The lockfile.
    #[arg(long, default_value = lock::DEFAULT_LOCKFILE)]
    lockfile: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = VerifyFormat::Text)]
    format: VerifyFormat,
    /// Write the result to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

fn options(config: Option<PathBuf>, profile: Option<ProfileArg>) -> CheckOptions {
    CheckOptions {
        config,
        overrides: Overrides {
            profile: profile.map(|p| match p {
                ProfileArg::Agentskills => Profile::Agentskills,
                ProfileArg::ClaudeCode => Profile::ClaudeCode,
            }),
            ..Overrides::default()
        },
        ..CheckOptions::default()
    }
}

fn vet_paths(
    paths: &[PathBuf],
    options: &CheckOptions,
) -> anyhow::Result<(
    vet::VetReport,
    skill_audit::workspace::Workspace,
    Arc<skill_audit::Settings>,
)> {
    let (report, ws) = skill_audit::runner::check_with_workspace(paths, options)?;
    let policy = Policy::from_settings(&report.settings);
    let vetted = vet::build(&report, &ws, &policy);
    Ok((vetted, ws, Arc::clone(&report.settings)))
}

pub fn run_vet(args: VetArgs) -> anyhow::Result<ExitCode> {
    let paths: Vec<PathBuf> = args.path.into_iter().collect();
    let (mut report, ws, settings) = vet_paths(&paths, &options(args.config, args.profile))?;
    if let Some(lockfile) = &args.against {
        let lock = lock::load(lockfile, false)?;
        let dir = lock::lock_dir(lockfile)?;
        vet::changes::apply(
            &mut report,
            &ws,
            &lock,
            &dir,
            args.base.as_deref(),
            &settings.credential_packs,
        );
    }
    let format = args.format.unwrap_or_else(|| {
        match args
            .output
            .as_deref()
            .and_then(Path::extension)
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("html" | "htm") => VetFormat::Html,
            Some("json") => VetFormat::Json,
            _ => VetFormat::Markdown,
        }
    });
    let text = match format {
        VetFormat::Html => vet::html::render(&report),
        VetFormat::Markdown => vet::render::markdown(&report),
        VetFormat::Json => vet::render::json(&report),
    };
    write_out(args.output.as_ref(), &text)?;
    if args.output.is_some() {
        eprintln!("Verdict: {} ({})", report.verdict, one_line(&report.reason));
    }
    Ok(if report.verdict == Verdict::Approve {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The hashes of a unit's files, without the lockfile itself.
fn unit_files(
    ws: &skill_audit::workspace::Workspace,
    unit: &Unit,
    lockfile: &Path,
) -> anyhow::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for &i in &unit.files {
        let abs = &ws.files[i].entry.abs;
        if abs == lockfile {
            continue;
        }
        let sha = vet::hash::file_sha256(abs).map_err(|e| {
            anyhow::anyhow!("cannot read {}: {e}", ws.files[i].entry.display.display())
        })?;
        out.insert(unit.rel(ws, i), sha);
    }
    Ok(out)
}

fn absolute_lockfile(lockfile: &Path) -> anyhow::Result<(PathBuf, PathBuf)> {
    let dir = lock::lock_dir(lockfile)?;
    let name = lockfile
        .file_name()
        .ok_or_else(|| anyhow::anyhow!("{}: not a file name", lockfile.display()))?;
    let abs = dir.join(name);
    Ok((dir, abs))
}

fn default_approver() -> String {
    ["SKILL_AUDIT_APPROVER", "USER", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_string())
}

pub fn run_lock(args: LockArgs) -> anyhow::Result<ExitCode> {
    let (dir, abs_lock) = absolute_lockfile(&args.lockfile)?;
    let json = lock::is_json(&args.lockfile);
    let mut lockfile = lock::load(&args.lockfile, true)?;
    let before = if args.lockfile.exists() {
        Some(std::fs::read_to_string(&args.lockfile)?)
    } else {
        None
    };
    let approver = args.approver.unwrap_or_else(default_approver);
    let (report, ws, _) = vet_paths(&args.paths, &options(args.config, args.profile))?;
    let units = vet::units(&ws);
    if units.is_empty() {
        anyhow::bail!("no skill or plugin found to lock");
    }
    let today = vet::today_string();
    let mut refused = 0usize;
    for (unit, ur) in units.iter().zip(&report.units) {
        let key = lock::key_for(&dir, &unit.dir)?;
        if ur.verdict == Verdict::Reject && !args.force {
            eprintln!(
                "not locked: {} ({}; fix it or pass --force)",
                one_line(&ur.path),
                one_line(&ur.reason)
            );
            refused += 1;
            continue;
        }
        let files = unit_files(&ws, unit, &abs_lock)?;
        let entry = lock::LockEntry {
            path: key,
            kind: unit.kind,
            name: ur.name.clone(),
            hash: vet::hash::combined(files.iter().map(|(a, b)| (a.as_str(), b.as_str()))),
            verdict: ur.verdict,
            approver: approver.clone(),
            approved_at: today.clone(),
            files,
        };
        let what = match lock::upsert(&mut lockfile, entry) {
            lock::Update::Added => "locked",
            lock::Update::Changed => "re-locked (changed)",
            lock::Update::Unchanged => "unchanged",
        };
        eprintln!("{what}: {} ({})", one_line(&ur.path), ur.verdict);
    }
    let text = lock::render(&lockfile, json)?;
    if before.as_deref() != Some(text.as_str()) {
        std::fs::write(&args.lockfile, &text)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", args.lockfile.display()))?;
    }
    Ok(if refused > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn problems_report(problems: &[lock::Problem]) -> skill_audit::Report {
    let mut diagnostics: Vec<Diagnostic> = problems
        .iter()
        .map(|p| {
            let mut d = Diagnostic::new(
                p.kind.code(),
                p.kind.name(),
                Severity::Error,
                PathBuf::from(p.shown_path()),
                skill_audit::discovery::WHOLE_FILE,
                p.message.clone(),
            );
            d.help = Some(match p.kind {
                lock::ProblemKind::Unlocked => {
                    "vet it (`skill-audit vet`), then record the approval with `skill-audit lock`"
                        .to_string()
                }
                _ => "re-vet the change (`skill-audit vet --against`), then `skill-audit lock` it"
                    .to_string(),
            });
            d
        })
        .collect();
    let sources = HashMap::new();
    skill_audit::runner::finish(&mut diagnostics, &sources);
    let mut report = skill_audit::Report {
        diagnostics,
        summary: skill_audit::Summary::default(),
        sources,
        settings: Arc::new(skill_audit::Settings::default()),
        checked: Vec::new(),
        pending_suppressions: Vec::new(),
    };
    report.recount();
    report
}

pub fn run_verify(args: &VerifyArgs) -> anyhow::Result<ExitCode> {
    let (dir, abs_lock) = absolute_lockfile(&args.lockfile)?;
    let lockfile = lock::load(&args.lockfile, false)?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut walks = Vec::new();
    let mut scopes = Vec::new();
    for p in &paths {
        let canon = p
            .canonicalize()
            .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
        let root = if canon.is_dir() {
            canon
        } else {
            canon.parent().map(Path::to_path_buf).unwrap_or(canon)
        };
        scopes.push(lock::key_for(&dir, &root)?);
        let shown = skill_audit::discovery::display_path(&root);
        walks.push(skill_audit::discovery::walk(&root, &shown, 0)?);
    }
    let ws = skill_audit::workspace::Workspace::build(
        walks,
        skill_audit::config::DEFAULT_MAX_FILE_SIZE,
        skill_audit::yaml::YamlLimits::default(),
    );
    let mut current = Vec::new();
    for unit in vet::units(&ws) {
        let files = unit_files(&ws, &unit, &abs_lock)?;
        let about = vet::extract::describe(&ws, &unit, &skill_audit::packs::builtin_set());
        current.push(lock::Current {
            key: lock::key_for(&dir, &unit.dir)?,
            shown: skill_audit::source::slash_path(&unit.display),
            kind: unit.kind,
            name: about.name,
            files,
        });
    }
    let problems = lock::verify(&lockfile, &current, &scopes);
    let text = match args.format {
        VerifyFormat::Text => {
            let mut out = String::new();
            for p in &problems {
                let _ = writeln!(
                    out,
                    "{}: {} {}",
                    skill_audit::report::escape::one_line(&p.shown_path()),
                    p.kind.code(),
                    skill_audit::report::escape::one_line(&p.message)
                );
            }
            let _ = writeln!(
                out,
                "{} {} verified against {}: {}.",
                current.len(),
                if current.len() == 1 {
                    "skill or plugin"
                } else {
                    "skills and plugins"
                },
                args.lockfile.display(),
                if problems.is_empty() {
                    "everything matches".to_string()
                } else {
                    format!(
                        "{} problem{}",
                        problems.len(),
                        if problems.len() == 1 { "" } else { "s" }
                    )
                }
            );
            out
        }
        VerifyFormat::Json => {
            let v = serde_json::json!({
                "version": 1,
                "lockfile": skill_audit::source::slash_path(&args.lockfile),
                "ok": problems.is_empty(),
                "units": current.len(),
                "problems": problems.iter().map(|p| serde_json::json!({
                    "code": p.kind.code(),
                    "kind": p.kind,
                    "unit": p.unit,
                    "path": p.shown_path(),
                    "file": p.file,
                    "message": p.message,
                })).collect::<Vec<_>>(),
            });
            serde_json::to_string_pretty(&v)? + "\n"
        }
        VerifyFormat::Github => skill_audit::report::github::render(&problems_report(&problems)),
        VerifyFormat::Sarif => skill_audit::report::sarif::render(&problems_report(&problems)),
    };
    write_out(args.output.as_ref(), &text)?;
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
