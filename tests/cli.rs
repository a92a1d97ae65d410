//! End-to-end tests of the `skill-audit` binary: output snapshots of the shipped examples, the
//! exit-code contract, the JSON contract, `rules`/`rule`, determinism across thread counts and
//! the runtime-only rules (SA002 unreadable file, SA008 FIFO) that cannot be committed fixtures.
//!
//! Every command runs from the repository root, so paths in the output are
//! `examples/skills/...`, exactly as a newcomer sees them after the README's first command.
//! Snapshots live in `tests/snapshots/`; after an intended change of the output run
//! `INSTA_UPDATE=always cargo test -p skill-audit --test cli` and review the `.snap` diff.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The repository root (the working directory of every run).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

fn command(args: &[&str], cwd: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_skill-audit"));
    cmd.args(args)
        .env("SKILL_AUDIT_NO_CACHE", "1")
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null());
    cmd
}

fn run_in(args: &[&str], cwd: &Path) -> Output {
    command(args, cwd).output().expect("run skill-audit")
}

fn run(args: &[&str]) -> Output {
    run_in(args, &root())
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "bad JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            stderr(out)
        )
    })
}

/// The JSON report with `summary.elapsed_ms`, the only field that varies between runs, zeroed.
fn masked(out: &Output) -> Value {
    let mut v = json(out);
    v["summary"]["elapsed_ms"] = Value::from(0);
    v
}

fn codes_in(report: &Value, path_part: &str) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .filter(|d| d["path"].as_str().is_some_and(|p| p.contains(path_part)))
        .filter_map(|d| d["code"].as_str().map(str::to_string))
        .collect()
}

fn write_skill(dir: &Path, name: &str) -> PathBuf {
    let d = dir.join(name);
    fs::create_dir_all(&d).unwrap();
    fs::write(
        d.join("SKILL.md"),
        format!(
            "---\nname: {name}\ndescription: Formats CSV files. Use when the user asks to tidy a CSV.\n---\n# {name}\n"
        ),
    )
    .unwrap();
    d
}

// ---------------------------------------------------------------------------------------------
// Snapshots of the newcomer's first command
// ---------------------------------------------------------------------------------------------

#[test]
fn examples_text_snapshot() {
    let out = run(&["check", "examples/skills", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        !text.contains('\u{1b}'),
        "--color never must not emit escapes"
    );
    insta::assert_snapshot!("examples_text", text);
}

#[test]
fn examples_json_snapshot() {
    let out = run(&["check", "examples/skills", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    json(&out); // valid JSON
    insta::with_settings!({filters => vec![(r#""elapsed_ms": \d+"#, r#""elapsed_ms": "[elapsed]""#)]}, {
        insta::assert_snapshot!("examples_json", stdout(&out));
    });
}

#[test]
fn examples_findings_are_only_in_bad_skill() {
    let out = run(&["check", "examples/skills", "--format", "json"]);
    let report = json(&out);
    let bad = codes_in(&report, "examples/skills/Bad_Skill/");
    for code in ["SK013", "SK015", "SK024", "SK025", "SK030"] {
        assert!(bad.iter().any(|c| c == code), "{code} missing: {bad:?}");
    }
    for good in [
        "examples/skills/pdf-tools/",
        "examples/skills/meeting-notes/",
    ] {
        assert!(
            codes_in(&report, good).is_empty(),
            "{good} should be clean: {report:#}"
        );
    }
    assert_eq!(report["summary"]["skills"], 3);
}

// ---------------------------------------------------------------------------------------------
// The JSON contract (docs/json-output.md)
// ---------------------------------------------------------------------------------------------

#[test]
fn json_contract_shape_and_order() {
    let out = run(&[
        "check",
        "examples/skills",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["version"], 1);
    assert_eq!(v["tool"]["name"], "skill-audit");
    assert_eq!(v["tool"]["version"], env!("CARGO_PKG_VERSION"));
    let keys = |o: &Value| -> Vec<String> {
        let mut k: Vec<String> = o.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&v), ["diagnostics", "summary", "tool", "version"]);
    assert_eq!(
        keys(&v["summary"]),
        [
            "elapsed_ms",
            "errors",
            "files",
            "infos",
            "marketplaces",
            "plugins",
            "skills",
            "warnings"
        ]
    );
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty());
    let mut sort_keys = Vec::new();
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    for d in diags {
        assert_eq!(
            keys(d),
            [
                "code",
                "fingerprint",
                "fix",
                "help",
                "message",
                "path",
                "range",
                "related",
                "rule",
                "severity"
            ]
        );
        let path = d["path"].as_str().unwrap();
        assert!(path.starts_with("examples/skills/"), "{path}");
        assert!(!path.contains('\\'), "{path}");
        let (line, column) = (
            d["range"]["start"]["line"].as_u64().unwrap(),
            d["range"]["start"]["column"].as_u64().unwrap(),
        );
        assert!(line >= 1 && column >= 1, "1-based: {d}");
        let end = &d["range"]["end"];
        assert!(end["line"].as_u64().unwrap() >= line);
        assert!(d["related"].is_array());
        assert!(!d["fingerprint"].as_str().unwrap().is_empty());
        match d["severity"].as_str().unwrap() {
            "error" => errors += 1,
            "warning" => warnings += 1,
            "info" => infos += 1,
            other => panic!("severity {other}"),
        }
        sort_keys.push((
            path.to_string(),
            line,
            column,
            d["code"].as_str().unwrap().to_string(),
        ));
    }
    let mut sorted = sort_keys.clone();
    sorted.sort();
    assert_eq!(sort_keys, sorted, "sorted by path, line, column, code");
    assert_eq!(v["summary"]["errors"], errors);
    assert_eq!(v["summary"]["warnings"], warnings);
    assert_eq!(v["summary"]["infos"], infos);
}

#[test]
fn json_columns_count_characters_not_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("notes");
    fs::create_dir_all(&d).unwrap();
    // `é` is two bytes: the `<` is at character column 28, byte column 30.
    fs::write(
        d.join("SKILL.md"),
        "---\nname: notes\ndescription: Résumé writer <b>. Use when asked for a CV.\n---\n# Notes\n",
    )
    .unwrap();
    let out = run_in(
        &["check", ".", "--format", "json", "--select", "SK024"],
        tmp.path(),
    );
    let v = json(&out);
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "SK024", "{v:#}");
    assert_eq!(d["path"], "notes/SKILL.md");
    assert_eq!(d["range"]["start"]["line"], 3);
    assert_eq!(d["range"]["start"]["column"], 28);
}

// ---------------------------------------------------------------------------------------------
// Exit codes
// ---------------------------------------------------------------------------------------------

#[test]
fn exit_0_on_a_clean_skill() {
    let out = run(&["check", "examples/skills/meeting-notes", "--color", "never"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let out = run(&["check", "examples/skills/pdf-tools/SKILL.md"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
}

#[test]
fn exit_1_with_errors() {
    let out = run(&["check", "examples/skills/Bad_Skill"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("SK013"), "{}", stdout(&out));
}

#[test]
fn fail_on_never_exits_0() {
    let out = run(&["check", "examples/skills", "--fail-on", "never"]);
    assert_eq!(out.status.code(), Some(0));
    // ...and still prints the findings.
    assert!(stdout(&out).contains("SK013"));
}

#[test]
fn fail_on_warning_and_ignore() {
    // Ignore every code that reports an error in Bad_Skill: only warnings are left, so the exit
    // code is 0 by default and 1 with --fail-on warning.
    let report = json(&run(&[
        "check",
        "examples/skills/Bad_Skill",
        "--format",
        "json",
    ]));
    let mut errors: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .filter_map(|d| d["code"].as_str())
        .collect();
    errors.sort_unstable();
    errors.dedup();
    assert!(!errors.is_empty());
    let ignore = errors.join(",");
    let mut args = vec!["check", "examples/skills/Bad_Skill", "--ignore", &ignore];
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("warning["), "{}", stdout(&out));
    args.extend(["--fail-on", "warning"]);
    let out = run(&args);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
}

#[test]
fn profile_changes_unknown_key_severity() {
    let sev = |profile: &str| {
        let out = run(&[
            "check",
            "examples/skills/Bad_Skill",
            "--format",
            "json",
            "--select",
            "SK030",
            "--profile",
            profile,
        ]);
        json(&out)["diagnostics"][0]["severity"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(sev("agentskills"), "error");
    assert_eq!(sev("claude-code"), "warning");
}

#[test]
fn exit_2_on_a_missing_path() {
    let out = run(&["check", "examples/no-such-folder"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("examples/no-such-folder"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn exit_2_on_a_config_with_an_unknown_key() {
    let tmp = tempfile::tempdir().unwrap();
    write_skill(tmp.path(), "csv-tidy");
    fs::write(
        tmp.path().join("skill-audit.toml"),
        "profile = \"agentskills\"\n\n[rules]\nselekt = [\"SK\"]\n",
    )
    .unwrap();
    // Found as the closest config above the skill...
    let out = run_in(&["check", "."], tmp.path());
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("skill-audit.toml:4:"), "{err}");
    assert!(err.contains("selekt"), "{err}");
    // ...and given with --config.
    let cfg = tmp.path().join("skill-audit.toml");
    let out = run_in(
        &["check", "csv-tidy", "--config", cfg.to_str().unwrap()],
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("skill-audit.toml:4:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn config_keys_of_the_readme_are_accepted() {
    let tmp = tempfile::tempdir().unwrap();
    write_skill(tmp.path(), "csv-tidy");
    fs::write(
        tmp.path().join("skill-audit.toml"),
        r#"profile = "agentskills"
fail-on = "warning"
max-file-size = 1048576

[rules]
select = ["SK", "SA"]
ignore = ["SK023"]

[rules.severity]
SK026 = "info"

[limits]
yaml-max-nodes = 10000
yaml-max-depth = 64
"#,
    )
    .unwrap();
    let out = run_in(&["check", "."], tmp.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
}

#[test]
fn exit_2_on_an_unknown_select_code() {
    let out = run(&["check", "examples/skills", "--select", "XY999"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("XY999"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn exit_2_on_a_usage_error() {
    let out = run(&["check", "examples/skills", "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["check", "examples/skills", "--fail-on", "sometimes"]);
    assert_eq!(out.status.code(), Some(2));
}

// ---------------------------------------------------------------------------------------------
// --output, rules, rule
// ---------------------------------------------------------------------------------------------

#[test]
fn output_writes_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("report.json");
    let out = run(&[
        "check",
        "examples/skills",
        "--format",
        "json",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        !stdout(&out).contains("\"diagnostics\""),
        "the report goes to the file, not stdout"
    );
    let written = fs::read(&file).expect("report written");
    let mut from_file: Value = serde_json::from_slice(&written).expect("JSON in the file");
    from_file["summary"]["elapsed_ms"] = Value::from(0);
    let direct = masked(&run(&["check", "examples/skills", "--format", "json"]));
    assert_eq!(from_file, direct);
}

#[test]
fn rules_json_lists_every_rule_with_exact_keys() {
    let out = run(&["rules", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    let rules = v.as_array().expect("an array");
    assert!(rules.len() >= 30, "{}", rules.len());
    let mut codes = Vec::new();
    for r in rules {
        let mut keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["code", "family", "fixable", "name", "severity", "summary"],
            "{r}"
        );
        let code = r["code"].as_str().unwrap();
        assert!(code.starts_with(r["family"].as_str().unwrap()), "{r}");
        assert!(
            matches!(r["severity"].as_str(), Some("error" | "warning" | "info")),
            "{r}"
        );
        assert!(r["fixable"].is_boolean(), "{r}");
        assert!(!r["name"].as_str().unwrap().is_empty(), "{r}");
        assert!(!r["summary"].as_str().unwrap().is_empty(), "{r}");
        codes.push(code.to_string());
    }
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(codes, sorted, "codes unique and sorted");
    for code in ["SA001", "SA008", "SK001", "SK013", "SK030"] {
        assert!(codes.iter().any(|c| c == code), "{code}");
    }
}

#[test]
fn rule_prints_the_doc() {
    let out = run(&["rule", "SK001"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("# SK001 `frontmatter-missing`"), "{text}");
    assert!(text.contains("## What it does"), "{text}");
    let committed = fs::read_to_string(root().join("docs/rules/SK001.md")).unwrap();
    assert_eq!(text, committed, "`rule SK001` prints docs/rules/SK001.md");
    // By name too; an unknown code is a usage error.
    let out = run(&["rule", "frontmatter-missing"]);
    assert_eq!(out.status.code(), Some(0));
    let out = run(&["rule", "SK999"]);
    assert_eq!(out.status.code(), Some(2));
}

// ---------------------------------------------------------------------------------------------
// Determinism
// ---------------------------------------------------------------------------------------------

#[test]
fn same_output_with_1_and_4_threads() {
    for path in ["examples/skills", "fixtures"] {
        let one = run(&["check", path, "--format", "json", "-j", "1"]);
        let four = run(&["check", path, "--format", "json", "-j", "4"]);
        assert_eq!(one.status.code(), four.status.code(), "{path}");
        assert_eq!(masked(&one), masked(&four), "{path}: JSON differs");
        let one = run(&["check", path, "--color", "never", "-j", "1"]);
        let four = run(&["check", path, "--color", "never", "-j", "4"]);
        assert_eq!(stdout(&one), stdout(&four), "{path}: text differs");
    }
}

// ---------------------------------------------------------------------------------------------
// Runtime-only rules and robustness
// ---------------------------------------------------------------------------------------------

/// Runs with a deadline, so a blocking read fails the test instead of hanging it.
fn run_with_deadline(args: &[&str], cwd: &Path, deadline: Duration) -> Output {
    let mut child = command(args, cwd)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn skill-audit");
    // Drain stdout on a thread so a large report cannot fill the pipe and stall the child.
    let mut out_pipe = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        out_pipe.read_to_end(&mut buf).ok();
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > deadline {
            child.kill().ok();
            child.wait().ok();
            panic!("skill-audit {args:?} did not finish within {deadline:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr_buf = Vec::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_end(&mut stderr_buf)
        .ok();
    Output {
        status,
        stdout: reader.join().unwrap(),
        stderr: stderr_buf,
    }
}

#[cfg(unix)]
#[test]
fn fifo_named_skill_md_does_not_block_and_yields_sa008() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("pipe")).unwrap();
    let made = Command::new("mkfifo")
        .arg(tmp.path().join("pipe/SKILL.md"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    write_skill(tmp.path(), "csv-tidy");
    let out = run_with_deadline(
        &["check", ".", "--format", "json"],
        tmp.path(),
        Duration::from_secs(60),
    );
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    let v = json(&out);
    assert!(
        codes_in(&v, "pipe/SKILL.md").contains(&"SA008".to_string()),
        "{v:#}"
    );
    assert!(codes_in(&v, "csv-tidy/").is_empty(), "{v:#}");
}

#[cfg(unix)]
#[test]
fn unreadable_file_yields_sa002() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let skill = write_skill(tmp.path(), "csv-tidy");
    let secret = skill.join("notes.md");
    fs::write(&secret, "# notes\n").unwrap();
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&secret).is_ok() {
        eprintln!("skipped: running with privileges that can read a mode-000 file");
        return;
    }
    let out = run_in(&["check", ".", "--format", "json"], tmp.path());
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = json(&out);
    assert!(
        codes_in(&v, "csv-tidy/notes.md").contains(&"SA002".to_string()),
        "{v:#}"
    );
}

/// Malformed and odd skills: every one gets diagnostics, none makes the checker panic (SA001)
/// or exit with an error (2).
#[test]
fn malformed_skills_never_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let cases: &[(&str, &str)] = &[
        ("empty", ""),
        ("only-fence", "---"),
        ("two-fences", "---\n---\n"),
        ("unclosed", "---\nname: unclosed\n"),
        ("bom-crlf", "\u{feff}---\r\nname: bom-crlf\r\ndescription: Does X. Use when Y.\r\n---\r\n# T\r\n"),
        ("not-mapping", "---\n- a\n- b\n---\n"),
        ("scalar", "---\njust text\n---\n"),
        ("bad-yaml", "---\nname: [unclosed\ndescription: x: y: z\n---\n"),
        ("tabs", "---\n\tname: tabs\n---\n"),
        ("dup-keys", "---\nname: dup-keys\nname: dup-keys\ndescription: d\n---\n"),
        ("numbers", "---\nname: 12\ndescription: 3.5\nmetadata: 7\ncompatibility: []\nallowed-tools: {a: 1}\n---\n"),
        ("nulls", "---\nname:\ndescription: ~\n---\n"),
        ("unicode", "---\nname: ｕｎｉｃｏｄｅ\ndescription: \u{202e}é\u{200b} 名前 🙂. Use when 🙂.\n---\n# 🙂\n[x](ｆ.md) ![y](../../../etc/passwd) [z](C:\\\\x) [w](/abs) [v](<>) [u]()\n"),
        ("deep-yaml", &format!("---\nname: deep-yaml\ndescription: {}x{}\n---\n", "[".repeat(500), "]".repeat(500))),
        ("long-line", &format!("---\nname: long-line\ndescription: {}\n---\n{}\n", "a".repeat(5000), "b ".repeat(100_000))),
        ("links", "---\nname: links\ndescription: Does X. Use when Y.\n---\n[a](#anchor) [b](mailto:x@y) [c](https://x) [d](./) [e](.) [f](..) [g](%2e%2e/x) [h]: <sp ace.md>\n```\n[in code](missing.md)\n```\n"),
        ("fence-in-value", "---\nname: fence-in-value\ndescription: a --- b\n---\n"),
        ("anchors", "---\nname: &n anchors\ndescription: *n\nmetadata: {<<: {a: b}}\n---\n"),
    ];
    for (name, text) in cases {
        let d = tmp.path().join(name);
        fs::create_dir_all(&d).unwrap();
        fs::write(d.join("SKILL.md"), text).unwrap();
    }
    // A lowercase skill.md and a nested skill.
    fs::create_dir_all(tmp.path().join("lower")).unwrap();
    fs::write(tmp.path().join("lower/skill.md"), "---\nname: lower\n---\n").unwrap();
    write_skill(&tmp.path().join("links"), "nested");
    for profile in ["agentskills", "claude-code"] {
        let out = run_with_deadline(
            &["check", ".", "--format", "json", "--profile", profile],
            tmp.path(),
            Duration::from_secs(120),
        );
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
        let v = json(&out);
        let all = codes_in(&v, "");
        assert!(!all.iter().any(|c| c == "SA001"), "internal error: {v:#}");
        for (name, _) in cases {
            // Valid skills, or problems only later rule families report: just must not panic.
            if matches!(*name, "bom-crlf" | "unicode" | "links") {
                continue;
            }
            assert!(
                !codes_in(&v, &format!("{name}/")).is_empty(),
                "{name} should get a finding: {v:#}"
            );
        }
        // Text output works on the same input too.
        let out = run_with_deadline(
            &["check", ".", "--color", "never", "--profile", profile],
            tmp.path(),
            Duration::from_secs(120),
        );
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    }
}
