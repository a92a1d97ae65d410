//! `skill-audit`: the command-line front end. Everything it shows comes from the core library.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod cache;
mod merge;
mod vet_cmd;
use skill_audit::{check, docs, report, rules, CheckOptions, FailOn, Overrides, Profile};

mod extras;

#[derive(Parser)]
#[command(
    name = "skill-audit",
    version,
    about = "Fast static auditor for AI-agent skills, Claude Code plugins and marketplaces"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Audit skills, plugins and marketplaces under the given paths (default: the current folder).
    Check(CheckArgs),
    /// Print the documentation of one rule.
    Rule {
        /// A rule code (`SK012`) or name (`name-too-long`).
        code: String,
    },
    /// List every rule.
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// List every skill with its plugin, namespace, owner, review age, size, duplicate cluster
    /// and finding counts, for quarterly curation.
    Inventory {
        /// The library folder (default: the current folder).
        path: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = InventoryFormat::Markdown)]
        format: InventoryFormat,
        /// Write the inventory to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Use this config file instead of the closest skill-audit.toml.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Review one skill or plugin (or each under a folder): verdict, inventory, findings.
    Vet(vet_cmd::VetArgs),
    /// Record skills and plugins as approved in a lockfile (a sha256 per file).
    Lock(vet_cmd::LockArgs),
    /// Check that skills and plugins are byte for byte what the lockfile approved.
    Verify(vet_cmd::VerifyArgs),
    /// Run the language server over standard input and output (for editors; see docs/editors.md).
    Server,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) generated from the command-line definition: `skill-audit(1)`,
    /// or with a subcommand its own page (`skill-audit man check` is `skill-audit-check(1)`).
    Man {
        /// A subcommand whose page to print (`check`, `rules`, ...).
        subcommand: Option<String>,
    },
    /// Merge the JSON reports of `check --shard K/N` runs into one report, checking with their
    /// indexes (`--emit-index`) that every unit was audited exactly once (see docs/scaling.md).
    /// Run it in the folder the shards ran in, with the same files: source excerpts and
    /// positions are read from them.
    Merge(MergeArgs),
    /// Write the rule documentation pages (docs/rules/) generated from the code.
    #[command(hide = true)]
    GenerateDocs {
        /// Folder to write into.
        #[arg(long, default_value = "docs/rules")]
        out: PathBuf,
        /// Only check that the folder is up to date (exit 1 if not).
        #[arg(long)]
        check: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum InventoryFormat {
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
enum OutputFormat {
    /// Source excerpts with carets, for people.
    Text,
    /// One line per finding: `path:line:col: CODE message`.
    Concise,
    /// The versioned JSON report (docs/json-output.md).
    Json,
    /// One JSON object per finding and line.
    JsonLines,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// `JUnit` XML.
    Junit,
    /// A Markdown summary (for `$GITHUB_STEP_SUMMARY` or PR comments).
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum ProfileArg {
    Agentskills,
    ClaudeCode,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(clap::Args)]
struct MergeArgs {
    /// The shards' index files and JSON reports, in any order.
    #[arg(required = true, value_name = "INDEX_OR_RESULTS")]
    inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOnArg::Error)]
    fail_on: FailOnArg,
    /// When to color text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Print nothing but the findings (no summary line).
    #[arg(long, short)]
    quiet: bool,
    /// Print counts per rule code instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Report only findings not in this baseline file (give the shards the same one).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Folders, skill folders or SKILL.md files.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Also write the report in FORMAT to FILE from the same run (repeatable), e.g.
    /// `--output-format sarif=results.sarif --output-format json=report.json`.
    #[arg(long, value_name = "FORMAT=FILE", value_parser = extras::parse_format_file)]
    output_format: Vec<(OutputFormat, PathBuf)>,
    /// Use this config file for every path instead of the closest skill-audit.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Which frontmatter rules apply.
    #[arg(long, value_enum)]
    profile: Option<ProfileArg>,
    /// Rule codes or prefixes to enable (replaces the config's `select`).
    #[arg(long, value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// Rule codes or prefixes to disable (added to the config's `ignore`).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// Files larger than this many bytes are reported instead of read.
    #[arg(long)]
    max_file_size: Option<u64>,
    /// Worker threads (default: one per available core); the output does not depend on it.
    #[arg(
        long = "jobs",
        short = 'j',
        visible_alias = "threads",
        default_value_t = 0
    )]
    threads: usize,
    /// When to color text output (`auto` honours `NO_COLOR` and only colors a terminal).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Print nothing but the findings (no summary line).
    #[arg(long, short)]
    quiet: bool,
    /// Print counts per rule code instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Apply safe fixes to the files, then report what remains.
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff, also apply unsafe fixes (they may change meaning).
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print the fixes as a unified diff without writing anything.
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
    /// Report only findings not in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Write a baseline of today's findings to FILE (and exit 0).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Do not read or write the result cache (also when `$SKILL_AUDIT_NO_CACHE` is set and not
    /// empty).
    #[arg(long)]
    no_cache: bool,
    /// Cache folder (default: `$SKILL_AUDIT_CACHE_DIR`, else `$XDG_CACHE_HOME/skill-audit`,
    /// else `~/.cache/skill-audit`; never inside the audited folders).
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// Audit only shard K of N (for CI matrices; merge the reports with `skill-audit merge`).
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    shard: Option<skill_audit::shard::Shard>,
    /// With --shard, write the shard's index (units, skill signatures, totals) for `merge`.
    #[arg(long, value_name = "FILE", requires = "shard")]
    emit_index: Option<PathBuf>,
}

fn parse_shard(s: &str) -> Result<skill_audit::shard::Shard, String> {
    skill_audit::shard::Shard::parse(s)
}

fn main() -> ExitCode {
    // A panic inside a rule is caught and reported as an SA001 diagnostic naming the file;
    // the default hook would also print the panic message, which may quote file content.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("skill-audit: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn write_out(output: Option<&PathBuf>, text: &str) -> anyhow::Result<()> {
    if let Some(path) = output {
        return std::fs::write(path, text)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()));
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(Into::into),
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Vet(args) => vet_cmd::run_vet(args),
        Command::Lock(args) => vet_cmd::run_lock(args),
        Command::Verify(args) => vet_cmd::run_verify(&args),
        Command::Rule { code } => match rules::find(&code) {
            Some(meta) => {
                write_out(None, &docs::rule_page(meta))?;
                Ok(ExitCode::SUCCESS)
            }
            None => anyhow::bail!("no rule with code or name `{code}` (see `skill-audit rules`)"),
        },
        Command::Rules { format } => {
            let metas = rules::metas();
            let text = match format {
                ListFormat::Json => {
                    let list: Vec<_> = metas
                        .iter()
                        .map(|m| {
                            serde_json::json!({
                                "code": m.code,
                                "name": m.name,
                                "family": m.family(),
                                "severity": m.severity,
                                "summary": m.summary,
                                "fixable": m.fixable,
                            })
                        })
                        .collect();
                    serde_json::to_string_pretty(&list)? + "\n"
                }
                ListFormat::Text => metas.iter().fold(String::new(), |mut out, m| {
                    let _ = writeln!(
                        out,
                        "{:<6} {:<8} {:<36} {}",
                        m.code,
                        m.severity.as_str(),
                        m.name,
                        m.summary
                    );
                    out
                }),
            };
            write_out(None, &text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Inventory {
            path,
            format,
            output,
            config,
        } => {
            let options = CheckOptions {
                config,
                ..CheckOptions::default()
            };
            let paths: Vec<PathBuf> = path.into_iter().collect();
            let (report, workspace) = skill_audit::runner::check_with_workspace(&paths, &options)?;
            let inventory = skill_audit::library::inventory::build(&report, &workspace);
            let text = match format {
                InventoryFormat::Json => skill_audit::library::inventory::to_json(&inventory),
                InventoryFormat::Markdown => {
                    skill_audit::library::inventory::to_markdown(&inventory)
                }
            };
            write_out(output.as_ref(), &text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Merge(args) => run_merge(&args),
        Command::Server => {
            skill_audit_lsp::run_stdio().map_err(|e| anyhow::anyhow!("language server: {e}"))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            write_out(None, &extras::completions(shell))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { subcommand } => {
            let mut page = Vec::new();
            extras::man(subcommand.as_deref(), &mut page)?;
            write_out(None, &String::from_utf8_lossy(&page))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::GenerateDocs { out, check } => {
            let files = docs::generate();
            let mut stale = Vec::new();
            for (name, content) in &files {
                let path = out.join(name);
                let current = std::fs::read_to_string(&path).unwrap_or_default();
                if current != *content {
                    stale.push(path.clone());
                    if !check {
                        std::fs::create_dir_all(&out)?;
                        std::fs::write(&path, content)?;
                    }
                }
            }
            if check && !stale.is_empty() {
                for p in &stale {
                    eprintln!("stale: {}", p.display());
                }
                return Ok(ExitCode::from(1));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[allow(clippy::needless_pass_by_value)]
fn run_check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let overrides = Overrides {
        profile: args.profile.map(|p| match p {
            ProfileArg::Agentskills => Profile::Agentskills,
            ProfileArg::ClaudeCode => Profile::ClaudeCode,
        }),
        fail_on: args.fail_on.map(|f| match f {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Info => FailOn::Info,
            FailOnArg::Never => FailOn::Never,
        }),
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        max_file_size: args.max_file_size,
    };
    for code in overrides
        .select
        .iter()
        .flatten()
        .chain(overrides.ignore.iter())
    {
        let known = code.eq_ignore_ascii_case("ALL")
            || rules::metas().iter().any(|m| {
                m.code.len() >= code.len() && m.code[..code.len()].eq_ignore_ascii_case(code)
            })
            || rules::is_dynamic_code(code);
        if !known {
            anyhow::bail!("unknown rule code or prefix `{code}` (see `skill-audit rules`)");
        }
    }
    let (progress, progress_guard) = if extras::progress_wanted(args.quiet) {
        let (p, g) = extras::progress();
        (Some(p), Some(g))
    } else {
        (None, None)
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let cacheable = !args.no_cache
        && std::env::var_os("SKILL_AUDIT_NO_CACHE").is_none_or(|v| v.is_empty())
        && !args.fix
        && !args.diff
        && args.write_baseline.is_none()
        && args.emit_index.is_none()
        && args.output_format.is_empty();
    let timings = std::env::var_os("SKILL_AUDIT_TIMINGS").is_some();
    let opened = std::time::Instant::now();
    let cache = if cacheable {
        args.cache_dir
            .clone()
            .or_else(cache::default_dir)
            .and_then(|dir| cache::Cache::open(&dir, &args.paths, &cache_options(&args, color)))
    } else {
        None
    };
    if timings && cache.is_some() {
        eprintln!(
            "timing: cache walk {:>8.1} ms",
            opened.elapsed().as_secs_f64() * 1e3
        );
    }
    let looked = std::time::Instant::now();
    if let Some(hit) = cache.as_ref().and_then(cache::Cache::lookup) {
        if timings {
            eprintln!(
                "timing: cache hit  {:>8.1} ms",
                looked.elapsed().as_secs_f64() * 1e3
            );
        }
        write_out(args.output.as_ref(), hit.output())?;
        return Ok(ExitCode::from(hit.exit));
    }
    if timings && cache.is_some() {
        eprintln!("timing: cache miss");
    }
    let options = CheckOptions {
        config: args.config.clone(),
        overrides,
        threads: args.threads,
        progress,
        shard: args.shard,
        ..CheckOptions::default()
    };
    if args.threads > 0 {
        // Sizing the global pool can only fail if it was already built; then keep it.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(args.threads)
            .build_global();
    }
    let (mut report, workspace) = skill_audit::runner::check_with_workspace(&args.paths, &options)?;
    if let (Some(path), Some(shard)) = (&args.emit_index, args.shard) {
        let key = options_key(&args, false, true);
        let digest = format!("{:016x}", skill_audit::shard::fnv1a(key.as_bytes()));
        let index = merge::index_json(
            &report,
            &workspace,
            shard,
            &merge::ShardOptions {
                config: options.config.as_deref(),
                overrides: &options.overrides,
                digest: &digest,
            },
        );
        // Streamed to the file: an index of a large shard is over 100 MB of JSON.
        let write = || -> std::io::Result<()> {
            let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
            serde_json::to_writer_pretty(&mut out, &index)?;
            out.write_all(b"\n")?;
            out.flush()
        };
        write().map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    }
    if args.diff {
        let files = skill_audit::fix::fixed_files(&report, args.unsafe_fixes);
        let renames = skill_audit::fix::folder_renames(&report, args.unsafe_fixes);
        let mut out = String::new();
        for f in &files {
            let name = skill_audit::source::slash_path(&f.path);
            let diff = similar::TextDiff::from_lines(&f.before, &f.after);
            out.push_str(
                &diff
                    .unified_diff()
                    .context_radius(2)
                    .header(&format!("a/{name}"), &format!("b/{name}"))
                    .to_string(),
            );
        }
        for r in &renames {
            let (from, to) = (
                skill_audit::source::slash_path(&r.path),
                skill_audit::source::slash_path(&r.new_path),
            );
            let _ = writeln!(
                out,
                "diff --git a/{from} b/{to}\nrename from {from}\nrename to {to}"
            );
        }
        write_out(args.output.as_ref(), &out)?;
        return Ok(if files.is_empty() && renames.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    if args.fix {
        // Apply, re-check, repeat: a fix may enable another (overlapping edits wait a pass, and a
        // folder is renamed once its skill's `name` is fixed).
        let mut fixed = 0usize;
        let mut refused: Vec<String> = Vec::new();
        for _ in 0..10 {
            let files = skill_audit::fix::fixed_files(&report, args.unsafe_fixes);
            let renames: Vec<_> = skill_audit::fix::folder_renames(&report, args.unsafe_fixes)
                .into_iter()
                .filter(|r| {
                    // Renaming an audited path (or a folder holding one) would lose it.
                    let ok = !args.paths.iter().any(|p| {
                        std::fs::canonicalize(p).is_ok_and(|p| p.starts_with(&r.abs_path))
                    });
                    if !ok {
                        refused.push(format!(
                            "{}: not renamed, it is an audited path",
                            r.path.display()
                        ));
                    }
                    ok
                })
                .collect();
            if files.is_empty() && renames.is_empty() {
                break;
            }
            for f in &files {
                std::fs::write(&f.abs_path, &f.after)
                    .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", f.path.display()))?;
                fixed += f.applied;
            }
            let mut folders_renamed = 0;
            for r in &renames {
                match skill_audit::fix::apply_folder_rename(r) {
                    Ok(()) => folders_renamed += 1,
                    Err(e) => refused.push(format!(
                        "{}: not renamed to {}: {e}",
                        r.path.display(),
                        r.new_path.display()
                    )),
                }
            }
            fixed += folders_renamed;
            report = check(&args.paths, &options)?;
            if files.is_empty() && folders_renamed == 0 {
                break;
            }
        }
        refused.sort();
        refused.dedup();
        for r in &refused {
            eprintln!("skill-audit: warning: {r}");
        }
        if fixed > 0 && !args.quiet {
            eprintln!(
                "Fixed {fixed} problem{}.",
                if fixed == 1 { "" } else { "s" }
            );
        }
    }
    drop(progress_guard);
    if let Some(path) = &args.write_baseline {
        let baseline = skill_audit::baseline::Baseline::from_report(&report);
        std::fs::write(path, baseline.to_json())
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
        if !args.quiet {
            eprintln!(
                "Wrote a baseline of {} findings to {}.",
                baseline.findings.len(),
                path.display()
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(path) = &args.baseline {
        let baseline =
            skill_audit::baseline::Baseline::load(path).map_err(|e| anyhow::anyhow!(e))?;
        baseline.filter(&mut report);
    }
    for (format, path) in &args.output_format {
        write_out(
            Some(path),
            &render(&report, *format, false, args.quiet, false),
        )?;
    }
    let text = render(&report, args.format, color, args.quiet, args.statistics);
    write_out(args.output.as_ref(), &text)?;
    let exit: u8 = u8::from(report.failed());
    if let Some(cache) = &cache {
        cache.store(&workspace, &text, exit);
    }
    // The process ends next: freeing every file's text and index one by one would only delay
    // the exit (tens of milliseconds on a large library), so leave it to the OS.
    std::mem::forget(report);
    std::mem::forget(workspace);
    Ok(ExitCode::from(exit))
}

/// Everything of a `check` invocation that changes its output, for the cache key: the command
/// line (less the options that only change where the output goes or how fast it comes), the
/// contents of the config and baseline files, and whether text is colored.
fn cache_options(args: &CheckArgs, color: bool) -> String {
    options_key(args, color, false)
}

/// With `for_index`, also leave out what may differ between the shards of one run: the shard,
/// the index file and the output format.
fn options_key(args: &CheckArgs, color: bool, for_index: bool) -> String {
    let mut out = String::new();
    let mut command_line = std::env::args().skip(1).peekable();
    while let Some(a) = command_line.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        match name.as_str() {
            "--no-cache" => continue,
            "--cache-dir" | "-o" | "--output" | "-j" | "--jobs" | "--threads" => {
                if inline.is_none() {
                    command_line.next();
                }
                continue;
            }
            "--shard" | "--emit-index" | "--format" | "--color" if for_index => {
                if inline.is_none() {
                    command_line.next();
                }
                continue;
            }
            "-q" | "--quiet" | "--statistics" if for_index => continue,
            _ => {}
        }
        out.push_str(&a);
        out.push('\0');
    }
    for f in [&args.config, &args.baseline].into_iter().flatten() {
        let digest = std::fs::read(f).map_or(0, |b| skill_audit::shard::fnv1a(&b));
        let _ = write!(out, "\nfile {} {digest:016x}", f.display());
    }
    let _ = write!(out, "\ncolor {color}");
    out
}

fn render(
    report: &skill_audit::Report,
    format: OutputFormat,
    color: bool,
    quiet: bool,
    statistics: bool,
) -> String {
    if statistics {
        return report::text::render_statistics(report);
    }
    match format {
        OutputFormat::Json => report::json::render(report),
        OutputFormat::JsonLines => report::json::render_lines(report),
        OutputFormat::Sarif => report::sarif::render(report),
        OutputFormat::Github => report::github::render(report),
        OutputFormat::Junit => report::junit::render(report),
        OutputFormat::Markdown => report::markdown::render(report),
        OutputFormat::Concise => report::text::render_concise(report, !quiet),
        OutputFormat::Text => {
            let mut t = report::text::render(report, color);
            if quiet {
                let summary = report::text::summary_line(report);
                if t.ends_with(&summary) {
                    t.truncate(t.len() - summary.len());
                }
            }
            t
        }
    }
}

fn run_merge(args: &MergeArgs) -> anyhow::Result<ExitCode> {
    let settings = skill_audit::Settings {
        fail_on: match args.fail_on {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Info => FailOn::Info,
            FailOnArg::Never => FailOn::Never,
        },
        ..skill_audit::Settings::default()
    };
    let mut report = merge::merge(&args.inputs, settings)?;
    if let Some(path) = &args.baseline {
        let baseline =
            skill_audit::baseline::Baseline::load(path).map_err(|e| anyhow::anyhow!(e))?;
        baseline.filter(&mut report);
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let text = render(&report, args.format, color, args.quiet, args.statistics);
    write_out(args.output.as_ref(), &text)?;
    Ok(if report.failed() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
