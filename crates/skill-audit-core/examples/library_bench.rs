//! Time and peak memory of the library pass (NS, DU and GV rules) over a folder:
//! `cargo run --release --example library_bench -- PATH [THREADS=2]`.
//!
//! Prints the time to walk and read the folder, the time of the library pass alone (every
//! `check_workspace` of the NS, DU and GV rules, run as `skill-audit check` runs them), the
//! duplicate pass's counters, and the process's peak resident memory (`VmHWM`).
#![allow(clippy::cast_precision_loss)]

use std::path::PathBuf;
use std::time::Instant;

use skill_audit::config::{Overrides, Resolver};
use skill_audit::library::dupes;
use skill_audit::rules::{self, Rule};
use skill_audit::workspace::Workspace;

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<f64>().ok())
            })
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().unwrap_or_else(|| "library".into()));
    let threads: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(2);
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global();
    let t = Instant::now();
    let walk = skill_audit::discovery::walk(&path, &path, threads).expect("the path exists");
    let ws = Workspace::build(
        vec![walk],
        10 << 20,
        skill_audit::yaml::YamlLimits::default(),
    );
    let read = t.elapsed();
    let rss_read = peak_rss_mib();
    let resolver = Resolver::new(None, Overrides::default()).expect("config");
    let library: Vec<&'static dyn Rule> = rules::all()
        .into_iter()
        .filter(|r| matches!(r.meta().family(), "NS" | "DU" | "GV"))
        .collect();
    let t = Instant::now();
    let report = skill_audit::runner::run_rules(&ws, &resolver, &library).expect("run");
    let pass = t.elapsed();
    let rss_pass = peak_rss_mib();
    let t = Instant::now();
    let d = dupes::analyze(&ws, skill_audit::config::DEFAULT_NEAR_THRESHOLD, true);
    let dup_time = t.elapsed();
    let mut by_code = std::collections::BTreeMap::new();
    for diag in &report.diagnostics {
        *by_code.entry(diag.code.clone()).or_insert(0usize) += 1;
    }
    println!(
        "{} files, {} skills, {} plugins; {threads} threads",
        ws.files.len(),
        ws.skills.len(),
        ws.plugins.len()
    );
    println!(
        "walk + read + parse: {:.2} s (peak RSS {rss_read:.0} MiB)",
        read.as_secs_f64()
    );
    println!(
        "library pass (NS+DU+GV rules): {:.2} s (peak RSS {rss_pass:.0} MiB, {:.0} MiB above the read)",
        pass.as_secs_f64(),
        rss_pass - rss_read
    );
    println!(
        "duplicate analysis alone: {:.2} s; {} exact groups, {} near pairs, {} signatures, {} rows/band, {} candidates, {} verified",
        dup_time.as_secs_f64(),
        d.exact.len(),
        d.near.len(),
        d.stats.signatures,
        d.stats.rows_per_band,
        d.stats.candidates,
        d.stats.verified
    );
    println!(
        "  phases (hash, sign, band, verify): {:?} ms",
        d.stats.phase_ms
    );
    println!("findings: {by_code:?}");
    println!(
        "peak RSS (with the stand-alone duplicate analysis): {:.0} MiB",
        peak_rss_mib()
    );
}
