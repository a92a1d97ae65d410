//! The machine-readable output formats, checked by the rules of their consumers, on
//! `fixtures/action/marketplace` (findings of the MK, PL, SK and SA families):
//!
//! - a snapshot per format (`tests/snapshots/reports__*.snap`);
//! - SARIF against the official SARIF 2.1.0 JSON schema (`tests/data/sarif-2.1.0.schema.json`,
//!   with format validation), plus what GitHub code scanning needs of the rule table and results;
//! - `JUnit` parsed by an XML parser, its structure and counts checked;
//! - every `github` line against GitHub's workflow-command grammar and escaping rules;
//! - `--output-format FORMAT=FILE` writing several formats from one run;
//! - the baseline round trip, `--fix` convergence and per-file ignores for JSON files.
//!
//! `scripts/validate_outputs.sh` runs the external consumers (Microsoft's SARIF multitool,
//! `junitparser`) on the same outputs.
//!
//! After an intended change of the output run
//! `INSTA_UPDATE=always cargo test -p skill-audit --test reports` and review the `.snap` diff.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const FIXTURE: &str = "fixtures/action/marketplace";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

fn run_in(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skill-audit"))
        .env("SKILL_AUDIT_NO_CACHE", "1")
        .args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .env_remove("CI")
        .stdin(Stdio::null())
        .output()
        .expect("run skill-audit")
}

/// `check fixtures/action/marketplace --format FORMAT` from the repository root.
fn fixture(format: &str) -> String {
    let out = run_in(&["check", FIXTURE, "--format", format], &root());
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Filters that make output independent of the tool version and the run time.
fn stable() -> Vec<(&'static str, &'static str)> {
    vec![
        (r#""elapsed_ms": ?\d+"#, r#""elapsed_ms": "[elapsed]""#),
        (
            r#""(semanticVersion|version)": "\d+\.\d+\.\d+[^"]*""#,
            r#""$1": "[version]""#,
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------------------------

#[test]
fn snapshot_concise() {
    insta::assert_snapshot!("fixture_concise", fixture("concise"));
}

#[test]
fn snapshot_github() {
    insta::assert_snapshot!("fixture_github", fixture("github"));
}

#[test]
fn snapshot_junit() {
    insta::assert_snapshot!("fixture_junit", fixture("junit"));
}

#[test]
fn snapshot_markdown() {
    insta::assert_snapshot!("fixture_markdown", fixture("markdown"));
}

#[test]
fn snapshot_json() {
    insta::with_settings!({filters => stable()}, {
        insta::assert_snapshot!("fixture_json", fixture("json"));
    });
}

#[test]
fn snapshot_json_lines() {
    insta::with_settings!({filters => stable()}, {
        insta::assert_snapshot!("fixture_json_lines", fixture("json-lines"));
    });
}

/// The SARIF log with the driver's rule table cut down to the rules the results use (the full
/// table documents every rule and changes whenever any rule's documentation does).
#[test]
fn snapshot_sarif() {
    let text = fixture("sarif");
    let full: Value = serde_json::from_str(&text).expect("SARIF is JSON");
    let table = full["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .clone();
    let mut log = full;
    let run = &mut log["runs"][0];
    let used: Vec<String> = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["ruleId"].as_str().expect("ruleId").to_string())
        .collect();
    let rules = run["tool"]["driver"]["rules"]
        .as_array_mut()
        .expect("rules");
    rules.retain(|r| used.iter().any(|u| r["id"] == u.as_str()));
    for r in rules.iter_mut() {
        // Long generated documentation; its presence is checked, its text is the docs' test.
        assert!(r["help"]["markdown"]
            .as_str()
            .is_some_and(|h| h.contains("## What it does")));
        r["help"] = Value::from("[rule documentation]");
    }
    // Rule indexes point into the full table; check them, then mask them.
    for r in run["results"].as_array_mut().unwrap() {
        let index = usize::try_from(r["ruleIndex"].as_u64().unwrap()).unwrap();
        assert_eq!(table[index]["id"], r["ruleId"]);
        r["ruleIndex"] = Value::from("[index]");
    }
    insta::with_settings!({filters => stable()}, {
        insta::assert_snapshot!("fixture_sarif", serde_json::to_string_pretty(&log).unwrap());
    });
}

// ---------------------------------------------------------------------------------------------
// SARIF
// ---------------------------------------------------------------------------------------------

fn sarif_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(root().join("tests/data/sarif-2.1.0.schema.json")).unwrap(),
    )
    .unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

/// What GitHub code scanning and other consumers need beyond the schema: every rule with an id,
/// a name, both descriptions, a help URI and a default level; every result pointing at a rule of
/// the table, with a region and partial fingerprints.
fn assert_complete_sarif(log: &Value) {
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert!(rules.len() > 100, "every rule of the registry is described");
    for r in rules {
        let id = r["id"].as_str().expect("rule id");
        for key in ["name", "helpUri"] {
            assert!(
                r[key].as_str().is_some_and(|v| !v.is_empty()),
                "{id}: {key}"
            );
        }
        for key in ["shortDescription", "fullDescription"] {
            assert!(
                r[key]["text"].as_str().is_some_and(|v| !v.is_empty()),
                "{id}: {key}"
            );
        }
        assert!(r["helpUri"].as_str().unwrap().starts_with("https://"));
        assert!(
            matches!(
                r["defaultConfiguration"]["level"].as_str(),
                Some("error" | "warning" | "note")
            ),
            "{id}: defaultConfiguration.level"
        );
    }
    let results = run["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for res in results {
        let index = usize::try_from(res["ruleIndex"].as_u64().expect("ruleIndex")).unwrap();
        assert_eq!(rules[index]["id"], res["ruleId"]);
        assert!(matches!(
            res["level"].as_str(),
            Some("error" | "warning" | "note")
        ));
        let fp = res["partialFingerprints"]
            .as_object()
            .expect("partialFingerprints");
        assert!(
            !fp.is_empty()
                && fp
                    .values()
                    .all(|v| v.as_str().is_some_and(|s| !s.is_empty()))
        );
        let region = &res["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().is_some_and(|l| l >= 1));
        assert!(region["startColumn"].as_u64().is_some_and(|c| c >= 1));
    }
}

#[test]
fn sarif_matches_the_official_schema_and_code_scanning_needs() {
    let validator = sarif_validator();
    let log: Value = serde_json::from_str(&fixture("sarif")).unwrap();
    let families: std::collections::BTreeSet<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["ruleId"].as_str().unwrap()[..2])
        .collect();
    assert!(families.len() >= 4, "several families: {families:?}");
    let errors = schema_errors(&validator, &log);
    assert!(
        errors.is_empty(),
        "SARIF schema errors:\n{}",
        errors.join("\n")
    );
    assert_complete_sarif(&log);
    // The shipped examples too (fixes and related locations appear there).
    let out = run_in(&["check", "examples/skills", "--format", "sarif"], &root());
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = schema_errors(&validator, &log);
    assert!(
        errors.is_empty(),
        "SARIF schema errors:\n{}",
        errors.join("\n")
    );
    assert_complete_sarif(&log);
}

/// The schema check is not vacuous: a log with a wrong level or a missing message is rejected.
#[test]
fn the_schema_check_can_fail() {
    let validator = sarif_validator();
    let good: Value = serde_json::from_str(&fixture("sarif")).unwrap();
    let mut bad = good.clone();
    bad["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!schema_errors(&validator, &bad).is_empty());
    let mut bad = good.clone();
    bad["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(!schema_errors(&validator, &bad).is_empty());
    let mut bad = good;
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    assert!(!schema_errors(&validator, &bad).is_empty());
}

// ---------------------------------------------------------------------------------------------
// JUnit
// ---------------------------------------------------------------------------------------------

#[test]
fn junit_parses_with_one_case_per_file_and_one_failure_per_finding() {
    let text = fixture("junit");
    let doc = roxmltree::Document::parse(&text).expect("JUnit output is well-formed XML");
    let suites = doc.root_element();
    assert_eq!(suites.tag_name().name(), "testsuites");
    let suite_list: Vec<_> = suites
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suite_list.len(), 1);
    let suite = suite_list[0];
    assert!(suite.attribute("name").is_some());
    let cases: Vec<_> = suite
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let tests: usize = suite.attribute("tests").unwrap().parse().unwrap();
    assert_eq!(tests, cases.len());
    assert_eq!(suites.attribute("tests"), suite.attribute("tests"));
    let mut names: Vec<&str> = cases.iter().map(|c| c.attribute("name").unwrap()).collect();
    let count = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), count, "one test case per file");
    let json: Value = serde_json::from_str(&fixture("json")).unwrap();
    let summary = &json["summary"];
    assert_eq!(
        count as u64,
        ["skills", "plugins", "marketplaces"]
            .iter()
            .map(|k| summary[*k].as_u64().unwrap())
            .sum::<u64>(),
        "a test case per skill file and manifest"
    );
    let failing = cases
        .iter()
        .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
        .count();
    for s in [suite, suites] {
        assert_eq!(
            s.attribute("failures").unwrap().parse::<usize>().unwrap(),
            failing
        );
    }
    let diagnostics = json["diagnostics"].as_array().unwrap();
    let failures: Vec<_> = cases
        .iter()
        .flat_map(|c| c.children().filter(|n| n.has_tag_name("failure")))
        .collect();
    assert_eq!(failures.len(), diagnostics.len(), "one failure per finding");
    for d in diagnostics {
        let case = cases
            .iter()
            .find(|c| c.attribute("name") == d["path"].as_str())
            .expect("a test case for the finding's file");
        let code = d["code"].as_str().unwrap();
        assert!(case
            .children()
            .filter(|n| n.has_tag_name("failure"))
            .any(|f| f.attribute("type") == Some(code)
                && f.attribute("message").is_some_and(|m| m.starts_with(code))
                && f.text()
                    .is_some_and(|t| t.contains(d["message"].as_str().unwrap()))));
    }
}

// ---------------------------------------------------------------------------------------------
// GitHub workflow commands
// ---------------------------------------------------------------------------------------------

/// GitHub's workflow-command grammar: `::command key=value,key=value::data`, where property
/// values escape `%`, CR, LF, `:` and `,` and data escapes `%`, CR and LF.
fn workflow_command() -> regex::Regex {
    let property = r"(?:[^,:%\r\n]|%25|%0D|%0A|%3A|%2C)+";
    regex::Regex::new(&format!(
        r"^::(error|warning|notice) file={property},line=[1-9]\d*,col=[1-9]\d*,endLine=[1-9]\d*,endColumn=[1-9]\d*,title=(?P<title>{property})::(?:[^%\r\n]|%25|%0D|%0A)*$"
    ))
    .unwrap()
}

#[test]
fn github_lines_match_the_workflow_command_grammar() {
    let grammar = workflow_command();
    let text = fixture("github");
    let json: Value = serde_json::from_str(&fixture("json")).unwrap();
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(
        text.lines().count(),
        diagnostics.len(),
        "one line per finding"
    );
    for (l, d) in text.lines().zip(diagnostics) {
        let caps = grammar
            .captures(l)
            .unwrap_or_else(|| panic!("not a workflow command: {l}"));
        let kind = match d["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        assert_eq!(&caps[1], kind);
        assert!(
            caps["title"].starts_with(d["code"].as_str().unwrap()),
            "{l}"
        );
        assert!(
            l.contains(&format!(",line={},", d["range"]["start"]["line"])),
            "{l}"
        );
    }
    // A multi-line message (the help line) is escaped, not split.
    assert!(text.contains("%0Ahelp: "), "{text}");
    // The grammar check is not vacuous.
    assert!(!grammar.is_match("::error file=a:b,line=1,col=1,endLine=1,endColumn=2,title=X::m"));
    assert!(!grammar.is_match("::error file=a,line=0,col=1,endLine=1,endColumn=2,title=X::m"));
}

#[test]
fn github_escapes_hostile_paths_and_messages() {
    let dir = tempfile::tempdir().unwrap();
    let skill = dir.path().join("a,b:c%d");
    fs::create_dir_all(&skill).unwrap();
    fs::write(
        skill.join("SKILL.md"),
        "---\nname: Bad Name\ndescription: x\n---\n# Body\n",
    )
    .unwrap();
    let out = run_in(&["check", ".", "--format", "github"], dir.path());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("file=a%2Cb%3Ac%25d/SKILL.md"), "{text}");
    let grammar = workflow_command();
    assert!(text.lines().count() >= 1);
    for l in text.lines() {
        assert!(grammar.is_match(l), "not a workflow command: {l}");
    }
}

// ---------------------------------------------------------------------------------------------
// Several formats from one run
// ---------------------------------------------------------------------------------------------

#[test]
fn output_format_writes_extra_files_from_the_same_run() {
    let dir = tempfile::tempdir().unwrap();
    let sarif = dir.path().join("out.sarif");
    let json = dir.path().join("out.json");
    let md = dir.path().join("summary.md");
    let out = run_in(
        &[
            "check",
            FIXTURE,
            "--format",
            "github",
            "--output-format",
            &format!("sarif={}", sarif.display()),
            "--output-format",
            &format!("json={}", json.display()),
            "--output-format",
            &format!("markdown={}", md.display()),
        ],
        &root(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), fixture("github"));
    let log: Value = serde_json::from_str(&fs::read_to_string(&sarif).unwrap()).unwrap();
    assert!(schema_errors(&sarif_validator(), &log).is_empty());
    let report: Value = serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(
        report["diagnostics"].as_array().unwrap().len(),
        log["runs"][0]["results"].as_array().unwrap().len()
    );
    assert_eq!(fs::read_to_string(&md).unwrap(), fixture("markdown"));
    for bad in ["pdf=x", "sarif", "sarif="] {
        let out = run_in(&["check", FIXTURE, "--output-format", bad], &root());
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
}

// ---------------------------------------------------------------------------------------------
// Baseline round trip
// ---------------------------------------------------------------------------------------------

fn findings(out: &Output) -> Vec<Value> {
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["diagnostics"].as_array().unwrap().clone()
}

#[test]
fn baseline_round_trip_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let skill = dir.path().join("skills/pdf-tools");
    fs::create_dir_all(&skill).unwrap();
    let file = skill.join("SKILL.md");
    let original = "---\nname: pdf-tools\ndescription: I fill PDF forms <fast>.\nauthor: alice\n---\n# PDF\n\nSee [style](missing.md).\n";
    fs::write(&file, original).unwrap();
    let cwd = dir.path();
    let json = ["check", "skills", "--format", "json"];
    let with_baseline = [
        "check",
        "skills",
        "--format",
        "json",
        "--baseline",
        "baseline.json",
    ];
    let found = findings(&run_in(&json, cwd)).len();
    assert!(found >= 3, "the skill has several findings");

    let wrote = run_in(
        &["check", "skills", "--write-baseline", "baseline.json"],
        cwd,
    );
    assert_eq!(wrote.status.code(), Some(0));
    assert_eq!(findings(&run_in(&with_baseline, cwd)).len(), 0);

    // Lines inserted above every finding (frontmatter and body): the same findings on other
    // lines, none of them new.
    let shifted = original
        .replace("name: pdf-tools\n", "license: MIT\nname: pdf-tools\n")
        .replace("# PDF\n", "# PDF\n\nIntro.\n\nMore intro.\n");
    fs::write(&file, &shifted).unwrap();
    let moved = findings(&run_in(&json, cwd));
    assert_eq!(moved.len(), found, "the same findings, moved");
    let out = run_in(&with_baseline, cwd);
    assert_eq!(
        findings(&out).len(),
        0,
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(out.status.code(), Some(0));

    // One new problem: exactly that one finding, and the run fails.
    fs::write(
        &file,
        shifted.replace("More intro.\n", "More intro.\n\nSee [new](gone.md).\n"),
    )
    .unwrap();
    let out = run_in(&with_baseline, cwd);
    let new = findings(&out);
    assert_eq!(new.len(), 1, "{}", String::from_utf8_lossy(&out.stdout));
    assert!(new[0]["message"].as_str().unwrap().contains("gone.md"));
    assert_eq!(out.status.code(), Some(1));
}

// ---------------------------------------------------------------------------------------------
// Fixes
// ---------------------------------------------------------------------------------------------

/// Every file under `dir`, relative path to content, sorted.
fn snapshot_tree(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, fs::read_to_string(&p).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}

fn copy_tree(from: &Path, to: &Path) {
    for (rel, text) in snapshot_tree(from) {
        let p = to.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
}

/// A library with something for every safe fix: a name that is not kebab-case, plugin and
/// marketplace paths without `./`, an unquoted `: ` and trailing whitespace in frontmatter.
fn fixable_library(dir: &Path) {
    copy_tree(&root().join(FIXTURE), dir);
    let skill = dir.join("plugins/close/skills/month-end/SKILL.md");
    fs::write(
        &skill,
        "---\nname: month-end   \ndescription: Runs the close. Use when: the user starts a month-end close\n---\n\n# Month-end close\n",
    )
    .unwrap();
}

fn codes(out: &Output) -> Vec<String> {
    findings(out)
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn fix_twice_equals_fix_once_and_reparses_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    fixable_library(&lib);
    let before = codes(&run_in(&["check", "lib", "--format", "json"], dir.path()));
    for code in ["SK013", "PL007", "MK007", "SK007", "SK009"] {
        assert!(before.iter().any(|c| c == code), "{code} in {before:?}");
    }
    let out = run_in(&["check", "lib", "--fix", "--format", "json"], dir.path());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Fixed "),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let once = snapshot_tree(&lib);
    let after = codes(&out);
    for code in ["SK013", "PL007", "MK007", "SK007", "SK009"] {
        assert!(!after.iter().any(|c| c == code), "{code} fixed: {after:?}");
    }
    // Nothing fixed introduced a parse error or another finding, except that the folder
    // `Report_Helper` no longer matches the fixed name: renaming it is SK015's unsafe fix.
    assert!(
        after.iter().all(|c| before.contains(c) || c == "SK015"),
        "{after:?}"
    );
    let sk015: Vec<Value> = findings(&out)
        .into_iter()
        .filter(|d| d["code"] == "SK015")
        .collect();
    assert_eq!(sk015.len(), 1, "{sk015:?}");
    assert_eq!(sk015[0]["fix"]["applicability"], "unsafe");
    assert_eq!(sk015[0]["fix"]["rename_folder"], "report-helper");
    assert!(!after.iter().any(|c| c.starts_with("SK00")), "{after:?}");
    let out = run_in(&["check", "lib", "--fix", "--format", "json"], dir.path());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("Fixed "));
    assert_eq!(snapshot_tree(&lib), once, "a second --fix changes nothing");
    assert_eq!(codes(&out), after);
    let diff = run_in(&["check", "lib", "--diff"], dir.path());
    assert!(diff.stdout.is_empty(), "no fix left to show");
    assert_eq!(diff.status.code(), Some(0));
    // The kebab-case name was set, the folder kept its name: renaming it is an unsafe fix.
    let skill = lib.join("plugins/reports/skills/Report_Helper/SKILL.md");
    assert!(fs::read_to_string(skill)
        .unwrap()
        .contains("name: report-helper\n"));
}

#[test]
fn unsafe_fixes_rename_the_skill_folder_to_its_kebab_case_name() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    fixable_library(&lib);
    let diff = run_in(&["check", "lib", "--diff"], dir.path());
    let diff = String::from_utf8(diff.stdout).unwrap();
    assert!(diff.contains("+name: report-helper"), "{diff}");
    let out = run_in(
        &[
            "check",
            "lib",
            "--fix",
            "--unsafe-fixes",
            "--format",
            "json",
        ],
        dir.path(),
    );
    let skills = lib.join("plugins/reports/skills");
    assert!(!skills.join("Report_Helper").exists());
    let moved = skills.join("report-helper/SKILL.md");
    assert!(fs::read_to_string(moved)
        .unwrap()
        .contains("name: report-helper\n"));
    let after = codes(&out);
    assert!(
        !after.iter().any(|c| c == "SK013" || c == "SK015"),
        "{after:?}"
    );
    let once = snapshot_tree(&lib);
    run_in(&["check", "lib", "--fix", "--unsafe-fixes"], dir.path());
    assert_eq!(snapshot_tree(&lib), once, "converged");
}

// ---------------------------------------------------------------------------------------------
// Per-file ignores: JSON cannot hold a suppression comment
// ---------------------------------------------------------------------------------------------

#[test]
fn per_file_ignores_silence_codes_in_json_files() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    copy_tree(&root().join(FIXTURE), &lib);
    let before = codes(&run_in(&["check", "lib", "--format", "json"], dir.path()));
    assert!(before.iter().any(|c| c == "PL007") && before.iter().any(|c| c == "MK007"));
    fs::write(
        lib.join("skill-audit.toml"),
        "[rules]\nper-file-ignores = { \"plugins/reports/.claude-plugin/plugin.json\" = [\"PL007\"], \".claude-plugin/*.json\" = [\"MK\"] }\n",
    )
    .unwrap();
    let after = codes(&run_in(&["check", "lib", "--format", "json"], dir.path()));
    assert!(
        !after.iter().any(|c| c == "PL007" || c.starts_with("MK")),
        "{after:?}"
    );
    assert_eq!(after.len(), before.len() - 2, "{before:?} -> {after:?}");
}

/// An audited path outside the working folder is shown absolute; SARIF then carries a `file://`
/// URI without `%SRCROOT%` (a relative reference starting with `/` would not combine with it).
#[test]
fn sarif_absolute_paths_are_file_uris() {
    let dir = tempfile::tempdir().unwrap();
    let skill = dir.path().join("Bad Skill");
    fs::create_dir_all(&skill).unwrap();
    fs::write(
        skill.join("SKILL.md"),
        "---\nname: Bad Skill\ndescription: x\n---\n",
    )
    .unwrap();
    let abs = dir.path().canonicalize().unwrap();
    let out = run_in(
        &["check", abs.to_str().unwrap(), "--format", "sarif"],
        &root(),
    );
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = schema_errors(&sarif_validator(), &log);
    assert!(errors.is_empty(), "{errors:?}");
    let location =
        &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    let uri = location["uri"].as_str().unwrap();
    assert!(
        uri.starts_with("file:///") && uri.ends_with("/Bad%20Skill/SKILL.md"),
        "{uri}"
    );
    assert!(location.get("uriBaseId").is_none());
}

// ---------------------------------------------------------------------------------------------
// Completions and man page
// ---------------------------------------------------------------------------------------------

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run_in(&["completions", shell], &root());
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("--output-format"),
            "{shell}: options are completed"
        );
    }
    assert_eq!(
        run_in(&["completions", "tcsh"], &root()).status.code(),
        Some(2)
    );
    let out = run_in(&["man"], &root());
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH skill-audit"),
        "{page}"
    );
    for sub in ["check", "rules", "completions", "man"] {
        assert!(page.contains(sub), "{sub} in the man page");
    }
    let out = run_in(&["man", "check"], &root());
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH skill-audit-check"), "{page}");
    assert!(page.contains("baseline"), "check's options are documented");
    assert_eq!(run_in(&["man", "nope"], &root()).status.code(), Some(2));
}
