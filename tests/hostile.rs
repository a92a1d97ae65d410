//! Hostile input: whatever the tool is fed, it finishes, names the file, keeps memory bounded,
//! never reads outside the audited folder and follows the exit-code contract.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn skill_audit(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skill-audit"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run skill-audit")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "bad JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn codes_for<'a>(report: &'a serde_json::Value, path_part: &str) -> Vec<&'a str> {
    report["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["path"].as_str().is_some_and(|p| p.contains(path_part)))
        .filter_map(|d| d["code"].as_str())
        .collect()
}

fn write_skill(dir: &Path, name: &str, extra: &str) {
    let d = dir.join(name);
    fs::create_dir_all(&d).unwrap();
    fs::write(d.join("SKILL.md"), format!("---\nname: {name}\ndescription: Formats CSV files. Use when the user asks to tidy a CSV.\n{extra}---\n# {name}\n")).unwrap();
}

#[test]
fn yaml_alias_bomb_is_a_diagnostic() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec![
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"
            .to_string(),
    ];
    let mut prev = 'a';
    for c in 'b'..='j' {
        let refs = vec![format!("*{prev}"); 9].join(",");
        lines.push(format!("{c}: &{c} [{refs}]"));
        prev = c;
    }
    let extra = lines.join("\n") + "\n";
    write_skill(tmp.path(), "bomb", &extra);
    let out = skill_audit(&["check", ".", "--format", "json"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert!(
        codes_for(&report, "bomb/SKILL.md").contains(&"SK003"),
        "{report}"
    );
}

#[test]
fn huge_single_line_file_is_reported_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    write_skill(tmp.path(), "big", "");
    fs::write(
        tmp.path().join("big/data.txt"),
        "x".repeat(20 * 1024 * 1024),
    )
    .unwrap();
    let out = skill_audit(&["check", ".", "--format", "json"], tmp.path());
    let report = json(&out);
    assert!(
        codes_for(&report, "big/data.txt").contains(&"SA003"),
        "{report}"
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "a warning does not fail the run"
    );
}

#[test]
fn nul_bytes_and_invalid_utf8_are_named() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("nul")).unwrap();
    fs::write(
        tmp.path().join("nul/SKILL.md"),
        b"---\nname: nul\x00\x01\n---\n",
    )
    .unwrap();
    fs::create_dir_all(tmp.path().join("latin")).unwrap();
    fs::write(
        tmp.path().join("latin/SKILL.md"),
        b"---\nname: latin\ndescription: Caf\xe9 menus. Use when asked.\n---\n",
    )
    .unwrap();
    fs::write(
        tmp.path().join("latin/notes.md"),
        b"\xff\xfe broken \xc3\x28",
    )
    .unwrap();
    let out = skill_audit(&["check", ".", "--format", "json"], tmp.path());
    let report = json(&out);
    assert!(
        codes_for(&report, "nul/SKILL.md").contains(&"SA007"),
        "{report}"
    );
    assert!(
        codes_for(&report, "latin/SKILL.md").contains(&"SA006"),
        "{report}"
    );
    assert!(
        codes_for(&report, "latin/notes.md").contains(&"SA006"),
        "{report}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_root_are_never_read() {
    let tmp = tempfile::tempdir().unwrap();
    let outside = tmp.path().join("outside");
    fs::create_dir_all(&outside).unwrap();
    let marker = "OUTSIDE-CONTENT-MARKER-7f3a";
    fs::write(
        outside.join("creds.md"),
        format!("aws_secret_access_key = {marker}\n"),
    )
    .unwrap();
    let root = tmp.path().join("root");
    write_skill(&root, "leaky", "");
    std::os::unix::fs::symlink(outside.join("creds.md"), root.join("leaky/creds.md")).unwrap();
    std::os::unix::fs::symlink(&outside, root.join("leaky/dir")).unwrap();
    // A loop, too.
    std::os::unix::fs::symlink(root.join("leaky/loop-b"), root.join("leaky/loop-a")).unwrap();
    std::os::unix::fs::symlink(root.join("leaky/loop-a"), root.join("leaky/loop-b")).unwrap();
    for format in ["json", "text", "sarif", "github", "junit", "markdown"] {
        let out = skill_audit(
            &["check", "root", "--format", format, "--color", "never"],
            tmp.path(),
        );
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !all.contains(marker),
            "{format} output mentions content from outside the root"
        );
        assert_eq!(out.status.code(), Some(1), "{format}: {all}");
    }
    let report = json(&skill_audit(
        &["check", "root", "--format", "json"],
        tmp.path(),
    ));
    assert!(
        codes_for(&report, "leaky/creds.md").contains(&"SA005"),
        "{report}"
    );
    assert!(
        codes_for(&report, "leaky/dir").contains(&"SA005"),
        "{report}"
    );
    assert!(
        codes_for(&report, "leaky/loop-a").contains(&"SA004"),
        "{report}"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_named_skill_md_does_not_block() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("fifo")).unwrap();
    let status = Command::new("mkfifo")
        .arg(tmp.path().join("fifo/SKILL.md"))
        .status();
    if !status.is_ok_and(|s| s.success()) {
        return; // no mkfifo on this system
    }
    let out = skill_audit(&["check", ".", "--format", "json"], tmp.path());
    let report = json(&out);
    assert!(
        codes_for(&report, "fifo/SKILL.md").contains(&"SA008"),
        "{report}"
    );
}

#[test]
fn odd_file_names_are_escaped_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    let name = "we\"ird, na:me\n::error file=x::pwned";
    let dir = tmp.path().join(name);
    if fs::create_dir_all(&dir).is_err() {
        return; // the file system refuses such names
    }
    fs::write(
        dir.join("SKILL.md"),
        "---\nname: Bad_Name\ndescription: x\n---\n",
    )
    .unwrap();
    let gh = skill_audit(&["check", ".", "--format", "github"], tmp.path());
    let text = String::from_utf8_lossy(&gh.stdout);
    for line in text.lines() {
        assert!(
            line.starts_with("::error ")
                || line.starts_with("::warning ")
                || line.starts_with("::notice "),
            "injected line: {line:?}"
        );
    }
    let junit = skill_audit(&["check", ".", "--format", "junit"], tmp.path());
    let xml = String::from_utf8_lossy(&junit.stdout);
    assert!(!xml.contains("we\"ird"), "quotes must be escaped in XML");
    let report = json(&skill_audit(
        &["check", ".", "--format", "json"],
        tmp.path(),
    ));
    assert!(
        report["diagnostics"][0]["path"]
            .as_str()
            .unwrap()
            .contains('\n'),
        "JSON keeps the real name, escaped by JSON"
    );
}

#[test]
fn deep_folders_and_many_files_finish() {
    let tmp = tempfile::tempdir().unwrap();
    let mut deep = tmp.path().to_path_buf();
    for _ in 0..2000 {
        deep.push("d");
    }
    if fs::create_dir_all(&deep).is_err() {
        return; // path too long for this file system
    }
    write_skill(&deep, "deep-skill", "");
    let out = skill_audit(&["check", ".", "--format", "json"], tmp.path());
    let report = json(&out);
    assert_eq!(report["summary"]["skills"], 1, "{report}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn missing_path_and_bad_config_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let out = skill_audit(&["check", "no-such-folder"], tmp.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-folder"));
    write_skill(tmp.path(), "ok-skill", "");
    fs::write(
        tmp.path().join("skill-audit.toml"),
        "profile = \"claude-code\"\nfial-on = \"error\"\n",
    )
    .unwrap();
    let out = skill_audit(&["check", "."], tmp.path());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("skill-audit.toml:2:"), "{err}");
}

#[test]
fn terminal_escapes_in_names_and_content_never_reach_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("evil\u{1b}[2Jskill");
    if fs::create_dir_all(&dir).is_err() {
        return; // the file system refuses such names
    }
    fs::write(
        dir.join("SKILL.md"),
        "---\nname: Bad\u{1b}]0;title\u{7}_Name\u{202E}\ndescription: x\u{1b}[8m hidden\n---\n",
    )
    .unwrap();
    for format in ["text", "concise", "markdown"] {
        let out = skill_audit(
            &["check", ".", "--format", format, "--color", "never"],
            tmp.path(),
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.is_empty(), "{format}: no output");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202E}'),
            "{format}: a control character reached the output: {text:?}"
        );
    }
}

/// Inputs the fuzzers found slow (`fuzz/artifacts/*/timeout-*`), kept as regression cases: each is
/// audited as a `SKILL.md` and must finish with findings and no internal error.
#[test]
fn fuzz_regressions_finish_without_internal_errors() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/fuzz");
    let mut seen = 0;
    for entry in fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        let tmp = tempfile::tempdir().unwrap();
        let skill = tmp.path().join("case");
        fs::create_dir_all(&skill).unwrap();
        fs::copy(&path, skill.join("SKILL.md")).unwrap();
        let out = skill_audit(&["check", ".", "--format", "json"], tmp.path());
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{}",
            path.display()
        );
        let report = json(&out);
        assert!(
            !codes_for(&report, "case").contains(&"SA001"),
            "internal error on {}",
            path.display()
        );
        seen += 1;
    }
    assert!(
        seen >= 2,
        "regression inputs are missing from {}",
        data.display()
    );
}

/// A long paragraph of suppression comments: each one's block is the rest of the paragraph, which
/// was once computed per comment (quadratic). Every unused comment is still reported.
#[test]
fn a_paragraph_of_suppression_comments_is_handled_once() {
    let tmp = tempfile::tempdir().unwrap();
    let comments = "<!-- skill-audit-ignore SK001: reviewed -->\n".repeat(20_000);
    write_skill(tmp.path(), "many", "");
    let skill = tmp.path().join("many/SKILL.md");
    let mut text = fs::read_to_string(&skill).unwrap();
    text.push_str(&comments);
    fs::write(&skill, text).unwrap();
    let out = skill_audit(&["check", ".", "--format", "json"], tmp.path());
    let report = json(&out);
    let unused = codes_for(&report, "many")
        .iter()
        .filter(|c| **c == "SA010")
        .count();
    assert_eq!(unused, 20_000);
}
