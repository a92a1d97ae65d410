//! Scale features end to end on a generated library (`xtask::gen_library`) in a temporary
//! folder: sharded runs merged back equal a single run, and the result cache gives the same
//! bytes as an uncached run, survives corruption and notices changed files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn generate(dir: &Path, skills: usize) {
    xtask::gen_library(
        &dir.join("lib"),
        &xtask::LibrarySpec {
            skills,
            plugins: 4,
            seed: 11,
        },
    )
    .expect("generate library");
}

fn run(cwd: &Path, cache: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skill-audit"))
        .args(args)
        .current_dir(cwd)
        .env("SKILL_AUDIT_CACHE_DIR", cache)
        .env("SKILL_AUDIT_TIMINGS", "1")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .expect("run skill-audit")
}

fn text(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

fn err(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The JSON report with the run time zeroed (the only field that differs between runs).
fn report(out: &Output) -> Value {
    let mut v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("bad JSON ({e}); stderr: {}", err(out)));
    v["summary"]["elapsed_ms"] = Value::from(0);
    v
}

fn without_elapsed(s: &str) -> String {
    s.lines()
        .filter(|l| !l.contains("\"elapsed_ms\""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn four_shards_merged_equal_a_single_run_in_json_and_text() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    generate(dir, 240);
    let cache = dir.join("cache");
    // Suppressions of library-level rules are settled at merge: one that hides a near-duplicate
    // finding (used) and one that names a rule with nothing to hide (reported unused, SA010).
    let before = report(&run(
        dir,
        &cache,
        &["check", "lib", "--format", "json", "--no-cache"],
    ));
    let near = before["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "DU002")
        .expect("the library has a near-duplicate")["path"]
        .as_str()
        .unwrap()
        .to_string();
    let append = |path: &Path, line: &str| {
        let mut t = std::fs::read_to_string(path).unwrap();
        t.push_str(line);
        std::fs::write(path, t).unwrap();
    };
    append(
        &dir.join(&near),
        "\n<!-- skill-audit-ignore-file DU002: reviewed, kept on purpose -->\n",
    );
    let other = before["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["path"].as_str())
        .find(|p| p.ends_with("SKILL.md") && *p != near)
        .unwrap()
        .to_string();
    append(
        &dir.join(&other),
        "\n<!-- skill-audit-ignore-file NS002: no duplicate expected here -->\n",
    );
    let single = run(
        dir,
        &cache,
        &["check", "lib", "--format", "json", "--no-cache"],
    );
    assert_eq!(single.status.code(), Some(1), "{}", err(&single));
    let single_json = report(&single);
    let codes_at = |path: &str| -> Vec<String> {
        single_json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["path"] == path)
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(!codes_at(&near).contains(&"DU002".to_string()));
    assert!(codes_at(&other).contains(&"SA010".to_string()));
    assert!(single_json["diagnostics"].as_array().unwrap().len() > 5);
    let mut inputs = Vec::new();
    let mut per_shard = Vec::new();
    for k in 1..=4 {
        let index = format!("index-{k}.json");
        let results = format!("results-{k}.json");
        let out = run(
            dir,
            &cache,
            &[
                "check",
                "lib",
                "--shard",
                &format!("{k}/4"),
                "--emit-index",
                &index,
                "--format",
                "json",
                "-o",
                &results,
            ],
        );
        assert!(out.status.code().is_some_and(|c| c < 2), "{}", err(&out));
        let r: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(&results)).unwrap()).unwrap();
        per_shard.push(r["diagnostics"].as_array().unwrap().len());
        inputs.push(index);
        inputs.push(results);
    }
    // Work was really split: no shard holds every finding, and the library-level findings
    // (duplicates, names) come from the merge.
    let total = single_json["diagnostics"].as_array().unwrap().len();
    let library = single_json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            let c = d["code"].as_str().unwrap();
            c.starts_with("DU") || (c.starts_with("NS") && c != "NS001") || c == "SA010"
        })
        .count();
    assert!(library > 0);
    assert_eq!(per_shard.iter().sum::<usize>(), total - library);
    assert!(per_shard.iter().all(|&n| n < total), "{per_shard:?}");

    let mut args = vec!["merge", "--format", "json"];
    args.extend(inputs.iter().map(String::as_str));
    let merged = run(dir, &cache, &args);
    assert_eq!(merged.status.code(), Some(1), "{}", err(&merged));
    assert_eq!(
        without_elapsed(&text(&merged)),
        without_elapsed(&text(&single)),
        "merged JSON differs from the single run's"
    );

    let mut args = vec!["merge", "--format", "text", "--color", "never", "-q"];
    args.extend(inputs.iter().map(String::as_str));
    let merged_text = run(dir, &cache, &args);
    let single_text = run(
        dir,
        &cache,
        &["check", "lib", "--no-cache", "--color", "never", "-q"],
    );
    assert_eq!(text(&merged_text), text(&single_text));

    // A missing shard is an error, not a silently partial report.
    let mut args = vec!["merge", "--format", "json"];
    args.extend(inputs.iter().take(6).map(String::as_str));
    let partial = run(dir, &cache, &args);
    assert_eq!(partial.status.code(), Some(2));
    assert!(
        err(&partial).contains("missing shards: 4/4"),
        "{}",
        err(&partial)
    );
}

fn files_of(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p.clone());
            }
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn cached_runs_equal_uncached_ones_and_changes_are_noticed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    generate(dir, 80);
    let cache = dir.join("cache");
    let tree_before = files_of(&dir.join("lib"));
    let args = ["check", "lib", "--format", "json"];

    let uncached = run(
        dir,
        &cache,
        &["check", "lib", "--format", "json", "--no-cache"],
    );
    assert!(!err(&uncached).contains("cache"), "{}", err(&uncached));
    let first = run(dir, &cache, &args);
    assert!(
        err(&first).contains("timing: cache miss"),
        "{}",
        err(&first)
    );
    let second = run(dir, &cache, &args);
    assert!(
        err(&second).contains("timing: cache hit"),
        "{}",
        err(&second)
    );
    assert_eq!(second.stdout, first.stdout, "a hit replays the exact bytes");
    assert_eq!(second.status.code(), first.status.code());
    assert_eq!(report(&second), report(&uncached));
    // The cache lives in its own tagged folder; the audited tree is untouched.
    assert!(cache.join("CACHEDIR.TAG").is_file());
    assert!(cache.join(".gitignore").is_file());
    assert_eq!(files_of(&dir.join("lib")), tree_before);

    // Other options are other entries.
    let concise = run(dir, &cache, &["check", "lib", "--format", "concise"]);
    assert!(err(&concise).contains("timing: cache miss"));

    // A corrupt entry: a warning, then the same output as without a cache.
    let entries: Vec<PathBuf> = std::fs::read_dir(cache.join("v1"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(entries.len(), 2);
    for e in &entries {
        std::fs::write(e, b"{\"version\": 1, \"key\": tru").unwrap();
    }
    let corrupt = run(dir, &cache, &args);
    assert!(
        err(&corrupt).contains("corrupt cache entry"),
        "{}",
        err(&corrupt)
    );
    assert_eq!(report(&corrupt), report(&uncached));
    assert!(err(&run(dir, &cache, &args)).contains("timing: cache hit"));

    // Touching a file without changing it keeps the hit (the content hash decides).
    let skill = files_of(&dir.join("lib"))
        .into_iter()
        .find(|p| p.ends_with("SKILL.md") && p.to_string_lossy().contains("/skills/"))
        .unwrap();
    let original = std::fs::read_to_string(&skill).unwrap();
    std::fs::write(&skill, &original).unwrap();
    let touched = run(dir, &cache, &args);
    assert_eq!(report(&touched), report(&uncached));

    // Changing one file changes that file's findings only.
    let changed_text = original.replacen("\nname: ", "\nname: Upper_", 1);
    assert_ne!(changed_text, original);
    std::fs::write(&skill, changed_text).unwrap();
    let changed = run(dir, &cache, &args);
    assert!(
        err(&changed).contains("timing: cache miss"),
        "{}",
        err(&changed)
    );
    let fresh = run(
        dir,
        &cache,
        &["check", "lib", "--format", "json", "--no-cache"],
    );
    assert_eq!(report(&changed), report(&fresh));
    let shown = skill
        .strip_prefix(dir)
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let by_path = |v: &Value, same: bool| -> Vec<Value> {
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| (d["path"].as_str() == Some(shown.as_str())) == same)
            .cloned()
            .collect()
    };
    let (before, after) = (report(&uncached), report(&changed));
    assert_ne!(by_path(&before, true), by_path(&after, true));
    assert!(
        by_path(&after, true).iter().any(|d| d["code"] == "SK013"),
        "{:?}",
        by_path(&after, true)
    );
    // Library rules compare names, so only findings naming the changed skill may move.
    let others = |v: &Value| -> Vec<Value> {
        by_path(v, false)
            .into_iter()
            .filter(|d| !d.to_string().contains(&shown))
            .collect()
    };
    assert_eq!(others(&before), others(&after));
}
