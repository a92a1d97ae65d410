//! The GitHub Action's shell steps, run locally the way the runner runs them: `GITHUB_OUTPUT`
//! and `GITHUB_STEP_SUMMARY` point at temporary files, `SKILL_AUDIT` at the binary under test.
//!
//! - `scripts/action-run.sh` on `fixtures/action/marketplace` (errors and a warning) and
//!   `fixtures/action/warnings-only` (one warning) with `fail-on` `error`, `warning` and `never`:
//!   annotations on stdout, the step summary, the SARIF file, the outputs and the exit status;
//! - `scripts/action-install.sh` on a release laid out by `scripts/package-release.sh` behind a
//!   `file://` URL: the binary is installed when the checksum matches and refused when not;
//! - `action.yml` declares the inputs and outputs the scripts use.
//!
//! These need `bash`, `sed`, `tar`, `sha256sum` and `curl`, as GitHub's runners have.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

struct Run {
    out: Output,
    outputs: String,
    summary: String,
    sarif: PathBuf,
    _dir: tempfile::TempDir,
}

impl Run {
    fn code(&self) -> Option<i32> {
        self.out.status.code()
    }
    fn stdout(&self) -> String {
        String::from_utf8(self.out.stdout.clone()).unwrap()
    }
    fn output(&self, name: &str) -> String {
        self.outputs
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .unwrap_or_else(|| panic!("no output {name} in {:?}", self.outputs))
            .to_string()
    }
}

/// `scripts/action-run.sh` from the repository root with the given inputs.
fn action(paths: &str, fail_on: &str, extra: &[(&str, &str)]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let outputs = dir.path().join("github_output");
    let summary = dir.path().join("step_summary.md");
    // Something already in the summary must be kept: the step appends.
    fs::write(&summary, "# Earlier step\n").unwrap();
    let sarif = dir.path().join("results/skill-audit.sarif");
    let mut cmd = Command::new("bash");
    cmd.arg(root().join("scripts/action-run.sh"))
        .env("SKILL_AUDIT_NO_CACHE", "1")
        .current_dir(root())
        .env("SKILL_AUDIT", env!("CARGO_BIN_EXE_skill-audit"))
        .env("INPUT_PATHS", paths)
        .env("INPUT_FAIL_ON", fail_on)
        .env("INPUT_SARIF_FILE", &sarif)
        .env("INPUT_CONFIG", "")
        .env("GITHUB_OUTPUT", &outputs)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("RUNNER_TEMP", dir.path())
        .env_remove("NO_COLOR")
        .stdin(Stdio::null());
    for (k, v) in extra {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("bash runs");
    Run {
        out,
        outputs: fs::read_to_string(&outputs).unwrap_or_default(),
        summary: fs::read_to_string(&summary).unwrap(),
        sarif,
        _dir: dir,
    }
}

fn workflow_command() -> regex::Regex {
    let property = r"(?:[^,:%\r\n]|%25|%0D|%0A|%3A|%2C)+";
    regex::Regex::new(&format!(
        r"^::(error|warning|notice) file={property},line=[1-9]\d*,col=[1-9]\d*,endLine=[1-9]\d*,endColumn=[1-9]\d*,title={property}::(?:[^%\r\n]|%25|%0D|%0A)*$"
    ))
    .unwrap()
}

const MARKETPLACE: &str = "fixtures/action/marketplace";
const WARNINGS: &str = "fixtures/action/warnings-only";

#[test]
fn marketplace_with_errors_under_each_fail_on() {
    let grammar = workflow_command();
    for (fail_on, code) in [("error", 1), ("warning", 1), ("never", 0)] {
        let run = action(MARKETPLACE, fail_on, &[]);
        assert_eq!(
            run.code(),
            Some(code),
            "fail-on {fail_on}: {}",
            String::from_utf8_lossy(&run.out.stderr)
        );
        // Annotations: one workflow command per finding, each on its file and line.
        let stdout = run.stdout();
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), 5, "{stdout}");
        for l in &lines {
            assert!(grammar.is_match(l), "not a workflow command: {l}");
        }
        assert_eq!(
            lines.iter().filter(|l| l.starts_with("::error ")).count(),
            4
        );
        assert!(stdout.contains(
            "::error file=fixtures/action/marketplace/plugins/reports/skills/Report_Helper/SKILL.md,line=2,col=7,"
        ));
        // Outputs.
        assert_eq!(run.output("errors"), "4");
        assert_eq!(run.output("warnings"), "1");
        assert_eq!(run.output("sarif-file"), run.sarif.to_string_lossy());
        // The summary is appended, with the verdict and the findings.
        assert!(
            run.summary.starts_with("# Earlier step\n## skill-audit\n"),
            "{}",
            run.summary
        );
        assert!(
            run.summary.contains("4 errors, 1 warning"),
            "{}",
            run.summary
        );
        assert!(
            run.summary.contains("| error | `SK013` |"),
            "{}",
            run.summary
        );
        // The SARIF file: the same findings, paths relative to the repository root.
        let log: Value = serde_json::from_str(&fs::read_to_string(&run.sarif).unwrap()).unwrap();
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), 5);
        assert!(results.iter().all(
            |r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .starts_with("fixtures/action/marketplace/")
        ));
        assert_eq!(log["version"], "2.1.0");
    }
}

#[test]
fn warnings_only_fails_only_under_fail_on_warning() {
    for (fail_on, code) in [("error", 0), ("warning", 1), ("never", 0)] {
        let run = action(WARNINGS, fail_on, &[]);
        assert_eq!(run.code(), Some(code), "fail-on {fail_on}");
        assert_eq!(run.output("errors"), "0");
        assert_eq!(run.output("warnings"), "1");
        let stdout = run.stdout();
        assert!(
            stdout.starts_with("::warning file=fixtures/action/warnings-only/skills/pdf/SKILL.md,"),
            "{stdout}"
        );
        // The summary's verdict follows the action's fail-on.
        let verdict = if code == 1 {
            "❌ failed"
        } else {
            "✅ passed"
        };
        assert!(run.summary.contains(verdict), "{fail_on}: {}", run.summary);
        assert!(run.sarif.is_file());
    }
}

#[test]
fn several_paths_config_and_bad_inputs() {
    // Two paths in one input, newline-separated; a config that ignores the SK rules.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("skill-audit.toml");
    fs::write(&config, "[rules]\nignore = [\"SK\"]\n").unwrap();
    let run = action(
        &format!("{MARKETPLACE}\n{WARNINGS}"),
        "warning",
        &[("INPUT_CONFIG", config.to_str().unwrap())],
    );
    assert_eq!(run.code(), Some(1));
    assert_eq!(run.output("errors"), "2", "MK007 and PL007");
    // SK015 is ignored, and a suppression of an ignored rule is not reported unused (SA010).
    assert_eq!(run.output("warnings"), "0");
    assert!(!run.stdout().contains("SK0"));

    let run = action(MARKETPLACE, "sometimes", &[]);
    assert_eq!(run.code(), Some(2));
    assert!(run.outputs.is_empty());
    let run = action("fixtures/action/no-such-folder", "never", &[]);
    assert_eq!(
        run.code(),
        Some(2),
        "a missing path is an error even with fail-on never"
    );
    assert!(run.stdout().contains("::error title=skill-audit::"));
}

#[test]
fn action_yml_declares_the_inputs_and_outputs() {
    let yml = fs::read_to_string(root().join("action.yml")).unwrap();
    let section = |name: &str| -> Vec<String> {
        let start = yml
            .find(&format!("\n{name}:\n"))
            .unwrap_or_else(|| panic!("{name}:"));
        yml[start + name.len() + 3..]
            .lines()
            .take_while(|l| l.is_empty() || l.starts_with(' '))
            .filter(|l| l.starts_with("  ") && !l.starts_with("   ") && l.ends_with(':'))
            .map(|l| l.trim().trim_end_matches(':').to_string())
            .collect()
    };
    assert_eq!(
        section("inputs"),
        ["paths", "config", "fail-on", "sarif-file", "version"]
    );
    assert_eq!(section("outputs"), ["sarif-file", "errors", "warnings"]);
    assert!(yml.contains("using: composite"));
    assert!(yml.contains("scripts/action-run.sh"));
    assert!(yml.contains("scripts/action-install.sh"));
    assert!(
        yml.contains("cargo install --locked --path \"$GITHUB_ACTION_PATH/crates/skill-audit\"")
    );
    assert!(yml.contains("actions/cache@"));
}

fn install(base: &Path, version: &str, target: &str, into: &Path) -> Output {
    Command::new("bash")
        .arg(root().join("scripts/action-install.sh"))
        .env("VERSION", version)
        .env("TARGET", target)
        .env("RELEASE_BASE_URL", format!("file://{}", base.display()))
        .env("INSTALL_DIR", into)
        .stdin(Stdio::null())
        .output()
        .expect("bash runs")
}

#[test]
fn install_checks_the_release_checksum() {
    let dir = tempfile::tempdir().unwrap();
    let version = env!("CARGO_PKG_VERSION");
    let release = dir.path().join(format!("releases/v{version}"));
    let target = "x86_64-unknown-linux-musl";
    let packaged = Command::new("bash")
        .arg(root().join("scripts/package-release.sh"))
        .arg(target)
        .arg(&release)
        .env("BIN", env!("CARGO_BIN_EXE_skill-audit"))
        .output()
        .unwrap();
    assert!(
        packaged.status.success(),
        "{}",
        String::from_utf8_lossy(&packaged.stderr)
    );
    let archive = release.join(format!("skill-audit-v{version}-{target}.tar.gz"));
    assert!(archive.is_file());

    let bin_dir = dir.path().join("bin");
    let out = install(&dir.path().join("releases"), version, target, &bin_dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bin = bin_dir.join("skill-audit");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        bin.to_string_lossy()
    );
    let v = Command::new(&bin).arg("--version").output().unwrap();
    assert!(String::from_utf8_lossy(&v.stdout).contains(version));

    // A tampered archive is refused and nothing is installed.
    let other = dir.path().join("bin2");
    let mut bytes = fs::read(&archive).unwrap();
    let n = bytes.len();
    bytes[n / 2] ^= 0xff;
    fs::write(&archive, bytes).unwrap();
    let out = install(&dir.path().join("releases"), version, target, &other);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("checksum mismatch"));
    assert!(!other.join("skill-audit").exists());

    // Not a version; a release that does not exist.
    assert_eq!(
        install(dir.path(), "latest; rm -rf /", target, &other)
            .status
            .code(),
        Some(2)
    );
    assert!(!install(dir.path(), "9.9.9", target, &other)
        .status
        .success());
}
