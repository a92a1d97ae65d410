//! Score the built-in credentials pack on gitleaks' labelled test cases.
//!
//! ```text
//! cargo run --release -p skill-audit-patterns --example secrets_bench -- \
//!     ../shared/secrets-bench/gitleaks_cases.jsonl [--show-fp] [--show-miss RULE] [--corpus DIR [--show-findings]]
//! ```
//!
//! `--corpus DIR` also scans every UTF-8 file under `DIR` (a folder of real skills, which should
//! hold no live credential) and prints the findings per rule and severity and the throughput.
//!
//! Each case is scanned on its own (as one file, named after `path` when the case has one). A true
//! positive counts as detected when any credential finding lands in it; a false positive counts
//! when any finding does. Prints recall (overall and averaged per gitleaks rule), the
//! false-positive rate (also without the cases on which another gitleaks rule fires), the rules
//! with most misses, and the scan throughput.

use std::collections::BTreeMap;
use std::time::Instant;

use skill_audit_patterns::{PackSet, Severity};

struct Case {
    id: String,
    text: String,
    tp: bool,
    path: String,
    other_rule_fires: bool,
}

fn load(path: &str) -> Result<Vec<Case>, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let get = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        let id = get("id");
        let firing: Vec<String> = v
            .get("rules_firing")
            .and_then(|x| x.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let path = match get("path") {
            p if p.is_empty() => "case.txt".to_string(),
            p => p,
        };
        out.push(Case {
            other_rule_fires: firing.iter().any(|r| *r != id),
            tp: get("label") == "tp",
            text: get("text"),
            id,
            path,
        });
    }
    Ok(out)
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        #[allow(clippy::cast_precision_loss)]
        let r = 100.0 * a as f64 / b as f64;
        r
    }
}

fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&p, out),
            Ok(t) if t.is_file() => out.push(p),
            _ => {}
        }
    }
}

fn corpus(set: &PackSet, dir: &str, show: bool) {
    let mut files = Vec::new();
    walk(std::path::Path::new(dir), &mut files);
    files.sort();
    let texts: Vec<(String, String)> = files
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            if bytes.len() > 10 << 20 {
                return None;
            }
            let text = String::from_utf8(bytes).ok()?;
            let rel = p
                .strip_prefix(dir)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/");
            Some((rel, text))
        })
        .collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let t = Instant::now();
    let mut by_rule: BTreeMap<(Severity, String), usize> = BTreeMap::new();
    for (path, text) in &texts {
        for m in set.scan(path, text) {
            *by_rule.entry((m.severity, m.rule_id.clone())).or_default() += 1;
            if show {
                let line = text[..m.range.start].matches('\n').count() + 1;
                let ctx: String = text[m.range.clone()].chars().take(90).collect();
                if std::env::var_os("BENCH_UNMASKED").is_some() {
                    println!("  {} {} {path}:{line} {:?}", m.severity, m.rule_id, ctx);
                } else {
                    println!(
                        "  {} {} {path}:{line} {} {:?}",
                        m.severity,
                        m.rule_id,
                        m.redacted(text),
                        ctx.replace(&text[m.secret.clone()], &m.redacted(text))
                    );
                }
            }
        }
    }
    let el = t.elapsed();
    #[allow(clippy::cast_precision_loss)]
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {} text files, {mb:.1} MB, scanned at {:.1} MB/s",
        texts.len(),
        mb / el.as_secs_f64()
    );
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let v: Vec<String> = by_rule
            .iter()
            .filter(|((s, _), _)| *s == sev)
            .map(|((_, r), n)| format!("{r}={n}"))
            .collect();
        println!(
            "  {sev}: {} findings {v:?}",
            by_rule
                .iter()
                .filter(|((s, _), _)| *s == sev)
                .map(|(_, n)| n)
                .sum::<usize>()
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(file) = args.first().filter(|a| !a.starts_with("--")) else {
        eprintln!("usage: secrets_bench <gitleaks_cases.jsonl> [--show-fp] [--show-miss RULE]");
        std::process::exit(2);
    };
    let show_fp = args.iter().any(|a| a == "--show-fp");
    let corpus_dir = args
        .iter()
        .position(|a| a == "--corpus")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let show_miss = args
        .iter()
        .position(|a| a == "--show-miss")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let cases = match load(file) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let t0 = Instant::now();
    let set = PackSet::builtin_credentials();
    let compile = t0.elapsed();

    let mut tp_total = 0;
    let mut tp_hit = 0;
    let mut by_sev: BTreeMap<Severity, usize> = BTreeMap::new();
    let mut per_rule: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut fp_total = 0;
    let mut fp_hit = 0;
    let mut fp_clean_total = 0;
    let mut fp_clean_hit = 0;
    let mut fp_rules: BTreeMap<String, usize> = BTreeMap::new();
    for c in &cases {
        let found = set.scan(&c.path, &c.text);
        if c.tp {
            tp_total += 1;
            let e = per_rule.entry(c.id.as_str()).or_default();
            e.1 += 1;
            if found.is_empty() {
                if show_miss.as_deref() == Some(c.id.as_str()) {
                    println!("MISS {}: {:?}", c.id, c.text);
                }
            } else {
                tp_hit += 1;
                e.0 += 1;
                let best = found
                    .iter()
                    .map(|m| m.severity)
                    .min()
                    .unwrap_or(Severity::Info);
                *by_sev.entry(best).or_default() += 1;
            }
        } else {
            fp_total += 1;
            if !c.other_rule_fires {
                fp_clean_total += 1;
            }
            if !found.is_empty() {
                fp_hit += 1;
                if !c.other_rule_fires {
                    fp_clean_hit += 1;
                }
                for m in &found {
                    *fp_rules.entry(m.rule_id.clone()).or_default() += 1;
                }
                if show_fp {
                    let ids: Vec<&str> = found.iter().map(|m| m.rule_id.as_str()).collect();
                    println!("FP {} ({ids:?}): {:?}", c.id, c.text);
                }
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let per_rule_avg =
        per_rule.values().map(|&(h, t)| pct(h, t)).sum::<f64>() / per_rule.len().max(1) as f64;

    println!(
        "cases: {} ({} tp, {} fp), rules in the set: {}",
        cases.len(),
        tp_total,
        fp_total,
        set.rules().len()
    );
    println!("recall (tp): {:.1}% ({tp_hit}/{tp_total}); per-rule average {per_rule_avg:.1}% over {} gitleaks rules", pct(tp_hit, tp_total), per_rule.len());
    for (sev, n) in &by_sev {
        println!("  detected as {sev}: {n}");
    }
    println!(
        "false-positive rate (fp): {:.1}% ({fp_hit}/{fp_total}); without the cases where another gitleaks rule fires: {:.1}% ({fp_clean_hit}/{fp_clean_total})",
        pct(fp_hit, fp_total),
        pct(fp_clean_hit, fp_clean_total)
    );
    let mut fpr: Vec<_> = fp_rules.into_iter().collect();
    fpr.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("rules firing on false positives: {fpr:?}");

    let mut misses: Vec<(&str, usize, usize)> = per_rule
        .iter()
        .filter(|(_, &(h, t))| h < t)
        .map(|(id, &(h, t))| (*id, t - h, t))
        .collect();
    misses.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("per-rule misses (top 20):");
    for (id, miss, total) in misses.iter().take(20) {
        println!("  {id:<45} {miss:>3}/{total}");
    }

    // throughput: every case scanned as its own file, then all cases as one text
    let bytes: usize = cases.iter().map(|c| c.text.len()).sum();
    let rounds = 5;
    let t = Instant::now();
    let mut n = 0usize;
    for _ in 0..rounds {
        for c in &cases {
            n += set.scan(&c.path, &c.text).len();
        }
    }
    let per_file = t.elapsed();
    let joined: String = cases
        .iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let t = Instant::now();
    for _ in 0..rounds {
        n += set.scan("bench.txt", &joined).len();
    }
    let whole = t.elapsed();
    #[allow(clippy::cast_precision_loss)]
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "throughput: {:.1} MB/s scanning {} files of {:.2} MB ({} rounds); {:.1} MB/s as one text; pack compile {:.0} ms ({n} findings)",
        mb / per_file.as_secs_f64(),
        cases.len(),
        mb / f64::from(rounds as u32),
        rounds,
        mb / whole.as_secs_f64(),
        compile.as_secs_f64() * 1000.0,
    );
    if let Some(dir) = corpus_dir {
        corpus(set, &dir, args.iter().any(|a| a == "--show-findings"));
    }
}
