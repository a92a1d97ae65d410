//! `cargo run -p xtask -- gen-library DIR --skills N --plugins M [--seed S]`: write a synthetic
//! library of skills, plugins and a marketplace for benchmarks (see `docs/performance.md`).

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo run -p xtask -- gen-library DIR [--skills N] [--plugins M] [--seed S]
  DIR          folder to write (created; must be empty or missing)
  --skills N   number of skills (default 1000)
  --plugins M  number of plugins the skills are spread over (default N/50, at least 1);
               about one skill in ten stays outside plugins, in skills/
  --seed S     seed (default 1): the same seed writes the same bytes";

fn parse(args: &[String]) -> Result<(PathBuf, xtask::LibrarySpec), String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("gen-library") => {}
        Some(other) => return Err(format!("unknown task `{other}`")),
        None => return Err("no task given".into()),
    }
    let mut dir = None;
    let mut spec = xtask::LibrarySpec::default();
    let mut plugins = None;
    while let Some(a) = it.next() {
        let mut value = |name: &str| -> Result<u64, String> {
            it.next()
                .ok_or_else(|| format!("{name} needs a value"))?
                .parse::<u64>()
                .map_err(|e| format!("{name}: {e}"))
        };
        match a.as_str() {
            "--skills" => spec.skills = usize::try_from(value("--skills")?).unwrap_or(usize::MAX),
            "--plugins" => plugins = Some(usize::try_from(value("--plugins")?).unwrap_or(1)),
            "--seed" => spec.seed = value("--seed")?,
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') => return Err(format!("unknown option `{s}`")),
            s => {
                if dir.replace(PathBuf::from(s)).is_some() {
                    return Err("only one DIR".into());
                }
            }
        }
    }
    spec.plugins = plugins.unwrap_or((spec.skills / 50).max(1));
    Ok((dir.ok_or("DIR is required")?, spec))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, spec) = match parse(&args) {
        Ok(x) => x,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("xtask: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if std::fs::read_dir(&dir).is_ok_and(|mut d| d.next().is_some()) {
        eprintln!("xtask: {} is not empty", dir.display());
        return ExitCode::from(2);
    }
    match xtask::gen_library(&dir, &spec) {
        Ok(stats) => {
            eprintln!(
                "wrote {} skills ({} in plugins) in {} plugins, {} files, {} bytes to {} \
                 (seeded: {} exact copies, {} near-duplicates, {} skills with findings)",
                stats.skills,
                stats.skills_in_plugins,
                stats.plugins,
                stats.files,
                stats.bytes,
                dir.display(),
                stats.exact_copies,
                stats.near_duplicates,
                stats.with_findings
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("xtask: {}: {e}", dir.display());
            ExitCode::from(2)
        }
    }
}
