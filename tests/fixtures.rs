//! Every rule has a failing and a passing fixture under `fixtures/rules/<CODE>/{fail,pass}/`.
//!
//! `fail/` must produce at least one finding of the rule (with only that rule selected, so other
//! rules cannot mask a miss); `pass/` must produce none of it with every rule enabled. A fixture
//! folder may hold a `skill-audit.toml` (for a profile or a limit). A file `expect.txt` in a
//! `fail/` case lists the `line:column` of each expected finding, one per line, and the findings
//! must be exactly there. `also-select.txt` in a `fail/` case names more codes to enable.
//!
//! Files named `*.tmpl` are templates: the case is copied to a temporary folder where each
//! template is expanded (`{{alnum:N}}`, `{{crc32token:ghp}}`, ... as in `docs/patterns.md`) and
//! saved without the suffix. Credential fixtures use them so the repository never holds a
//! string that looks like a live key.
//!
//! Rules whose failing case cannot be a committed file (a FIFO, a panic, an unreadable file as
//! root) are listed in `RUNTIME_ONLY` and tested in `tests/cli.rs` or in the core's unit tests.

use std::path::{Path, PathBuf};

use skill_audit::{check, CheckOptions, Overrides};

/// Rules tested by tests that build their failing input at run time.
const RUNTIME_ONLY: &[&str] = &["SA001", "SA002", "SA008"];

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/rules")
}

fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Copy `src` to `dst`, expanding `*.tmpl` files (seeded by `seed` and the file's position).
fn materialise(src: &Path, dst: &Path, seed: &str) {
    std::fs::create_dir_all(dst).unwrap();
    let mut entries: Vec<_> = std::fs::read_dir(src)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for (i, path) in entries.iter().enumerate() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            materialise(path, &dst.join(&name), &format!("{seed}/{name}"));
        } else if let Some(stem) = name.strip_suffix(".tmpl") {
            let text = std::fs::read_to_string(path).unwrap();
            let expanded = skill_audit_patterns::template::expand_template(
                &text,
                skill_audit_patterns::template::seed_for(seed, i),
            );
            std::fs::write(dst.join(stem), expanded).unwrap();
        } else {
            std::fs::copy(path, dst.join(&name)).unwrap();
        }
    }
}

fn has_templates(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .any(|e| {
            let p = e.path();
            if p.is_dir() {
                has_templates(&p)
            } else {
                p.extension().is_some_and(|x| x == "tmpl")
            }
        })
}

fn run(path: &Path, select: Option<Vec<String>>) -> skill_audit::Report {
    if has_templates(path) {
        let tmp = tempfile::tempdir().unwrap();
        let case = tmp.path().join(path.file_name().unwrap());
        let seed = path.strip_prefix(fixtures_root()).unwrap_or(path);
        materialise(path, &case, &seed.display().to_string());
        return run_on(&case, select);
    }
    run_on(path, select)
}

fn run_on(path: &Path, select: Option<Vec<String>>) -> skill_audit::Report {
    let options = CheckOptions {
        overrides: Overrides {
            select,
            ..Overrides::default()
        },
        ..CheckOptions::default()
    };
    check(&[path.to_path_buf()], &options).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_rule_has_fixtures_and_they_behave() {
    let mut problems = Vec::new();
    for meta in skill_audit::rules::metas() {
        let dir = fixtures_root().join(meta.code);
        let fail = cases(&dir.join("fail"));
        let pass = cases(&dir.join("pass"));
        if pass.is_empty() {
            problems.push(format!("{}: no pass/ fixture", meta.code));
        }
        if fail.is_empty() && !RUNTIME_ONLY.contains(&meta.code) {
            problems.push(format!("{}: no fail/ fixture", meta.code));
        }
        for case in &fail {
            // Only the rule under test runs, plus any rules a case lists in `also-select.txt`
            // (an unused-suppression case needs the suppressed rule to run).
            let mut select = vec![meta.code.to_string()];
            if let Ok(also) = std::fs::read_to_string(case.join("also-select.txt")) {
                select.extend(also.split_whitespace().map(String::from));
            }
            let report = run(case, Some(select));
            let found: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| d.code == meta.code)
                .collect();
            if found.is_empty() {
                problems.push(format!(
                    "{}: {} produced no {} finding",
                    meta.code,
                    case.display(),
                    meta.code
                ));
                continue;
            }
            if let Ok(expect) = std::fs::read_to_string(case.join("expect.txt")) {
                let mut want: Vec<String> = expect
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect();
                let mut got: Vec<String> = found
                    .iter()
                    .map(|d| {
                        let (s, _) = skill_audit::report::positions(&report, d);
                        format!("{}:{}", s.line, s.column)
                    })
                    .collect();
                want.sort();
                got.sort();
                if want != got {
                    problems.push(format!(
                        "{}: {} expected findings at {want:?}, got {got:?}",
                        meta.code,
                        case.display()
                    ));
                }
            }
        }
        for case in &pass {
            let report = run(case, None);
            let found: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| d.code == meta.code)
                .collect();
            if !found.is_empty() {
                problems.push(format!(
                    "{}: {} should pass but got: {}",
                    meta.code,
                    case.display(),
                    found
                        .iter()
                        .map(|d| format!("{} {}", d.path.display(), d.message))
                        .collect::<Vec<_>>()
                        .join("; ")
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "fixture problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_fixture_folder_names_a_rule() {
    let codes: Vec<&str> = skill_audit::rules::metas().iter().map(|m| m.code).collect();
    for entry in std::fs::read_dir(fixtures_root())
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(
            codes.contains(&name.as_str()),
            "fixtures/rules/{name} names no rule"
        );
    }
}

#[test]
fn generated_rule_docs_are_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules");
    let files = skill_audit::docs::generate();
    let mut stale = Vec::new();
    for (name, content) in &files {
        let current = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        if current != *content {
            stale.push(name.clone());
        }
    }
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !files.contains_key(&name) {
            stale.push(format!("{name} (no such rule)"));
        }
    }
    assert!(
        stale.is_empty(),
        "docs/rules is stale: {stale:?}; run `cargo run -p skill-audit -- generate-docs`"
    );
}

#[test]
fn rule_docs_have_the_required_sections() {
    for meta in skill_audit::rules::metas() {
        let doc = meta.doc_markdown();
        for section in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Fix",
        ] {
            assert!(doc.contains(section), "{} lacks `{section}`", meta.code);
        }
        assert!(
            !meta.summary.ends_with('.'),
            "{}: summary ends with a period",
            meta.code
        );
    }
}
