//! `skill-audit`: the command-line front end. Everything it shows comes from the core library.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use skill_audit::{check, docs, report, rules, CheckOptions, FailOn, Overrides, Profile};

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
    /// Run the language server over standard input and output (for editors; see docs/editors.md).
    Server,
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

#[derive(Clone, Copy, ValueEnum)]
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
struct CheckArgs {
    /// Folders, skill folders or SKILL.md files.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
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
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
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
        Command::Server => {
            skill_audit_lsp::run_stdio().map_err(|e| anyhow::anyhow!("language server: {e}"))?;
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
        select: args.select,
        ignore: args.ignore,
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
    let options = CheckOptions {
        config: args.config,
        overrides,
        threads: args.threads,
        ..CheckOptions::default()
    };
    if args.threads > 0 {
        // Sizing the global pool can only fail if it was already built; then keep it.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(args.threads)
            .build_global();
    }
    let mut report = check(&args.paths, &options)?;
    if args.diff {
        let files = skill_audit::fix::fixed_files(&report, args.unsafe_fixes);
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
        write_out(args.output.as_ref(), &out)?;
        return Ok(if files.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    if args.fix {
        // Apply, re-check, repeat: a fix may enable another (overlapping edits wait a pass).
        let mut fixed = 0usize;
        for _ in 0..10 {
            let files = skill_audit::fix::fixed_files(&report, args.unsafe_fixes);
            if files.is_empty() {
                break;
            }
            for f in &files {
                std::fs::write(&f.abs_path, &f.after)
                    .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", f.path.display()))?;
                fixed += f.applied;
            }
            report = check(&args.paths, &options)?;
        }
        if fixed > 0 && !args.quiet {
            eprintln!(
                "Fixed {fixed} problem{}.",
                if fixed == 1 { "" } else { "s" }
            );
        }
    }
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
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let text = if args.statistics {
        report::text::render_statistics(&report)
    } else {
        match args.format {
            OutputFormat::Json => report::json::render(&report),
            OutputFormat::JsonLines => report::json::render_lines(&report),
            OutputFormat::Sarif => report::sarif::render(&report),
            OutputFormat::Github => report::github::render(&report),
            OutputFormat::Junit => report::junit::render(&report),
            OutputFormat::Markdown => report::markdown::render(&report),
            OutputFormat::Concise => report::text::render_concise(&report, !args.quiet),
            OutputFormat::Text => {
                let mut t = report::text::render(&report, color);
                if args.quiet {
                    let summary = report::text::summary_line(&report);
                    if t.ends_with(&summary) {
                        t.truncate(t.len() - summary.len());
                    }
                }
                t
            }
        }
    };
    write_out(args.output.as_ref(), &text)?;
    Ok(if report.failed() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
