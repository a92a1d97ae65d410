//! Hostile input: whatever the tool is fed, it finishes, names the file, keeps memory bounded,
//! never reads outside the audited folder and follows the exit-code contract.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn skill_audit(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skill-audit"))
        .env("SKILL_AUDIT_NO_CACHE", "1")
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
    let comments = "<!-- skill-audit-ignore SK001: reviewed -->\n".repeat(5_000);
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
    assert_eq!(unused, 5_000);
}

/// A plugin whose every JSON manifest nests 100,000 deep: each is refused with a diagnostic at
/// the point where the limit is crossed, and the limit is configurable.
#[test]
fn json_nested_100000_deep_is_refused_in_every_manifest() {
    let tmp = tempfile::tempdir().unwrap();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let p = tmp.path().join("plug");
    fs::create_dir_all(p.join(".claude-plugin")).unwrap();
    fs::create_dir_all(p.join("hooks")).unwrap();
    fs::write(
        p.join(".claude-plugin/plugin.json"),
        format!("{{\"name\":\"plug\",\"x\":{deep}}}"),
    )
    .unwrap();
    fs::write(p.join("hooks/hooks.json"), &deep).unwrap();
    fs::write(
        p.join(".mcp.json"),
        format!(
            "{{\"mcpServers\":{}1{}}}",
            "{\"a\":".repeat(100_000),
            "}".repeat(100_000)
        ),
    )
    .unwrap();
    fs::write(p.join(".lsp.json"), &deep).unwrap();
    let m = tmp.path().join("market");
    fs::create_dir_all(m.join(".claude-plugin")).unwrap();
    fs::write(
        m.join(".claude-plugin/marketplace.json"),
        format!("{{\"name\":\"m\",\"plugins\":{deep}}}"),
    )
    .unwrap();
    let out = skill_audit(&["check", ".", "--format", "json"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    for (file, code) in [
        ("plugin.json", "PL001"),
        ("hooks.json", "PL001"),
        (".mcp.json", "PL001"),
        (".lsp.json", "PL001"),
        ("marketplace.json", "MK001"),
    ] {
        let found: Vec<_> = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["path"].as_str().unwrap().ends_with(file) && d["code"] == code)
            .collect();
        assert_eq!(found.len(), 1, "{file}: {report}");
        assert!(
            found[0]["message"]
                .as_str()
                .unwrap()
                .contains("deeper than 256"),
            "{file}: {}",
            found[0]["message"]
        );
    }
    // A tighter limit from the config applies to the same files.
    fs::write(
        tmp.path().join("skill-audit.toml"),
        "[limits]\njson-max-depth = 3\n",
    )
    .unwrap();
    fs::write(p.join(".lsp.json"), "{\"a\": {\"b\": {\"c\": {\"d\": 1}}}}").unwrap();
    let report = json(&skill_audit(
        &["check", ".", "--format", "json"],
        tmp.path(),
    ));
    assert!(
        report["diagnostics"].as_array().unwrap().iter().any(|d| {
            d["path"].as_str().unwrap().ends_with(".lsp.json")
                && d["message"].as_str().unwrap().contains("deeper than 3")
        }),
        "{report}"
    );
}

/// Invalid UTF-8 in every kind of file a skill or plugin holds: each is named with SA006 and the
/// rest of the tree is still audited.
#[test]
fn invalid_utf8_in_every_file_kind_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("plug");
    let files = [
        ".claude-plugin/plugin.json",
        "hooks/hooks.json",
        ".mcp.json",
        ".lsp.json",
        "monitors/monitors.json",
        "agents/reviewer.md",
        "commands/deploy.md",
        "skills/tidy/SKILL.md",
        "skills/tidy/references/guide.md",
        "skills/tidy/scripts/run.py",
        "skills/tidy/scripts/run.sh",
        "skills/tidy/assets/config.yaml",
        "skills/tidy/.env",
    ];
    for f in files {
        let path = p.join(f);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(
            &path,
            b"{\"name\": \"caf\xe9\", \"x\": \"\xff\xfe\xc3\x28\"}\n",
        )
        .unwrap();
    }
    let m = tmp.path().join("market/.claude-plugin/marketplace.json");
    fs::create_dir_all(m.parent().unwrap()).unwrap();
    fs::write(&m, b"{\"name\": \"m\xe9\"}").unwrap();
    write_skill(tmp.path(), "fine", "");
    let out = skill_audit(&["check", ".", "--format", "json"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    for f in files
        .iter()
        .chain(std::iter::once(&".claude-plugin/marketplace.json"))
    {
        let codes = codes_for(&report, f);
        assert!(codes.contains(&"SA006"), "{f}: {codes:?}");
    }
    assert_eq!(report["summary"]["skills"], 2, "{report}");
}

/// A folder named to inject workflow commands: the `github` format prints exactly one annotation
/// per finding, each on one line, with `::` and newlines in the file name escaped.
#[test]
fn github_format_cannot_be_injected_through_file_names() {
    let tmp = tempfile::tempdir().unwrap();
    let name = "x\n::error file=evil.md,line=1::injected\r\n::add-mask::y";
    let dir = tmp.path().join(name);
    if fs::create_dir_all(&dir).is_err() {
        return; // the file system refuses such names
    }
    fs::write(
        dir.join("SKILL.md"),
        "---\nname: Bad_Name\ndescription: x\nfoo: 1\n---\n# T\n",
    )
    .unwrap();
    let report = json(&skill_audit(
        &["check", ".", "--format", "json"],
        tmp.path(),
    ));
    let findings = report["diagnostics"].as_array().unwrap().len();
    assert!(findings >= 2, "{report}");
    let gh = skill_audit(&["check", ".", "--format", "github"], tmp.path());
    let text = String::from_utf8(gh.stdout).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(lines.len(), findings, "{text}");
    assert_eq!(text.lines().count(), findings, "no other lines: {text}");
    for line in lines {
        // `::severity props::message`: the properties hold no raw `::`, the message no newline.
        let rest = line.split_once(' ').unwrap().1;
        let (props, _message) = rest.split_once("::").unwrap();
        assert!(!props.contains("::"), "{line}");
        assert!(props.contains("%0A") && props.contains("%3A%3A"), "{line}");
        assert!(!line.contains('\r'));
    }
    assert!(!text.contains("\n::error file=evil.md"));
    assert!(!text.contains("\n::add-mask"));
}

/// Peak memory of a run over a tree of hostile files stays bounded (measured with GNU time when
/// it is installed; skipped otherwise).
#[cfg(target_os = "linux")]
#[test]
fn memory_stays_bounded_on_hostile_trees() {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let big = tmp.path().join("big");
    fs::create_dir_all(&big).unwrap();
    // 20 MB on one line (over the 10 MiB cap), an alias bomb, and a deep JSON file.
    fs::write(big.join("SKILL.md"), "a".repeat(20 * 1024 * 1024)).unwrap();
    let mut bomb = String::from("---\nname: bomb\na: &a [x,x,x,x,x,x,x,x,x,x]\n");
    let mut prev = 'a';
    for c in 'b'..='p' {
        let refs = vec![format!("*{prev}"); 10].join(",");
        bomb.push_str(
            &[
                c.to_string(),
                ": &".into(),
                c.to_string(),
                " [".into(),
                refs,
                "]\n".into(),
            ]
            .concat(),
        );
        prev = c;
    }
    bomb.push_str("---\n");
    write_skill(tmp.path(), "bomb", "");
    fs::write(tmp.path().join("bomb/SKILL.md"), bomb).unwrap();
    let p = tmp.path().join("plug/.claude-plugin");
    fs::create_dir_all(&p).unwrap();
    fs::write(
        p.join("plugin.json"),
        format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000)),
    )
    .unwrap();
    let out = Command::new(time)
        .env("SKILL_AUDIT_NO_CACHE", "1")
        .args(["-f", "peak-rss-kb=%M"])
        .arg(env!("CARGO_BIN_EXE_skill-audit"))
        .args(["check", ".", "--format", "json"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let kb: u64 = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak-rss-kb="))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no figure from time: {stderr}"));
    assert!(kb < 512 * 1024, "peak RSS {kb} KB");
    assert_eq!(out.status.code(), Some(1));
}
