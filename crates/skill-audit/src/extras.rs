//! Command-line extras: shell completions, the man page, `FORMAT=FILE` outputs and the
//! progress bar. Kept apart from `main.rs` so the entry point stays a plain dispatcher.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

use clap::{CommandFactory, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use crate::{Cli, OutputFormat};

/// Parse `FORMAT=FILE` for `--output-format`.
pub fn parse_format_file(value: &str) -> Result<(OutputFormat, PathBuf), String> {
    let (format, file) = value
        .split_once('=')
        .ok_or_else(|| format!("expected FORMAT=FILE, got `{value}`"))?;
    let format = OutputFormat::from_str(format.trim(), true).map_err(|_| {
        let names: Vec<String> = OutputFormat::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
            .collect();
        format!("unknown format `{format}` (one of: {})", names.join(", "))
    })?;
    if file.is_empty() {
        return Err(format!("no file after `{format:?}=`"));
    }
    Ok((format, PathBuf::from(file)))
}

/// The completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> String {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "skill-audit", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Write the man page (roff) generated from the clap definition: the program's, or one
/// subcommand's (named `skill-audit-SUBCOMMAND`, as git and cargo name theirs).
pub fn man(subcommand: Option<&str>, out: &mut Vec<u8>) -> anyhow::Result<()> {
    let cmd = Cli::command();
    let page = match subcommand {
        None => cmd,
        Some(name) => {
            let sub = cmd
                .get_subcommands()
                .find(|c| c.get_name() == name && !c.is_hide_set())
                .ok_or_else(|| anyhow::anyhow!("no subcommand `{name}`"))?
                .clone();
            // clap keeps names as `&'static str`; this runs once per process.
            let full: &'static str = Box::leak(format!("skill-audit-{name}").into_boxed_str());
            sub.name(full).bin_name(full)
        }
    };
    clap_mangen::Man::new(page).render(out)?;
    Ok(())
}

/// Below this many files a run is too short for a progress bar to help.
pub const PROGRESS_MIN_FILES: usize = 300;

/// Whether to draw a progress bar: stderr is a terminal, not in CI, not quiet.
pub fn progress_wanted(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

/// A progress callback for the runner that draws a bar on stderr once the run is known to
/// cover at least [`PROGRESS_MIN_FILES`] files. The bar is cleared when the returned handle
/// is dropped.
pub fn progress() -> (skill_audit::runner::Progress, ProgressGuard) {
    let bar = ProgressBar::hidden();
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} checking {pos}/{len} skills and files {wide_bar} {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let shown = bar.clone();
    let callback = skill_audit::runner::Progress::new(move |done, total| {
        if total < PROGRESS_MIN_FILES {
            return;
        }
        if shown.is_hidden() {
            shown.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            shown.set_length(total as u64);
        }
        shown.set_position(done as u64);
    });
    (callback, ProgressGuard(Arc::new(bar)))
}

/// Clears the progress bar when dropped.
pub struct ProgressGuard(Arc<ProgressBar>);

impl Drop for ProgressGuard {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_file_pairs() {
        let (f, p) = parse_format_file("sarif=out/results.sarif").unwrap();
        assert_eq!(f, OutputFormat::Sarif);
        assert_eq!(p, PathBuf::from("out/results.sarif"));
        let (f, _) = parse_format_file("json-lines=a=b.jsonl").unwrap();
        assert_eq!(f, OutputFormat::JsonLines);
        assert!(parse_format_file("sarif").is_err());
        assert!(parse_format_file("sarif=").is_err());
        assert!(parse_format_file("pdf=x").unwrap_err().contains("one of"));
    }

    #[test]
    fn completions_and_man_name_the_subcommands() {
        let bash = completions(clap_complete::Shell::Bash);
        assert!(bash.contains("skill-audit") && bash.contains("check"));
        let mut page = Vec::new();
        man(None, &mut page).unwrap();
        let page = String::from_utf8(page).unwrap();
        assert!(page.contains(".TH skill-audit"), "{page}");
        assert!(page.contains("completions"));
        let mut check = Vec::new();
        man(Some("check"), &mut check).unwrap();
        let check = String::from_utf8(check).unwrap();
        assert!(check.contains(".TH skill-audit-check"), "{check}");
        assert!(check.contains("output\\-format"), "{check}");
        assert!(man(Some("generate-docs"), &mut Vec::new()).is_err());
        assert!(man(Some("nope"), &mut Vec::new()).is_err());
    }
}
