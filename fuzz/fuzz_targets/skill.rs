//! A whole skill audited in memory: the input is the text of `SKILL.md`, given to the full
//! pipeline (discovery, parsing, every rule, suppressions, reporters) as an editor overlay. No
//! input may panic: an internal error would show up as an SA001 diagnostic, which fails here.
#![no_main]

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use skill_audit::{check, CheckOptions};

/// A skill folder on disk, made once; each input replaces its `SKILL.md` in memory.
fn skill_dir() -> &'static (tempfile::TempDir, PathBuf) {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    DIR.get_or_init(|| {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().join("fuzz-skill");
        std::fs::create_dir_all(dir.join("references")).expect("skill dir");
        std::fs::write(dir.join("SKILL.md"), "---\nname: fuzz-skill\n---\n").expect("write");
        std::fs::write(dir.join("references/guide.md"), "# Guide\n").expect("write");
        let dir = dir.canonicalize().expect("canonical");
        (tmp, dir)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (_, dir) = skill_dir();
    let mut overlays = HashMap::new();
    overlays.insert(dir.join("SKILL.md"), text.to_string());
    let options = CheckOptions {
        threads: 1,
        overlays,
        ..CheckOptions::default()
    };
    let report = check(&[dir.clone()], &options).expect("the folder exists");
    assert!(
        report.diagnostics.iter().all(|d| d.code != "SA001"),
        "internal error: {:?}",
        report.diagnostics.iter().find(|d| d.code == "SA001").map(|d| &d.message)
    );
    let _ = skill_audit::report::json::render(&report);
    let _ = skill_audit::report::text::render(&report, false);
    let _ = skill_audit::report::sarif::render(&report);
});
