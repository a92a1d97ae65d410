//! `skill-audit merge INDEX... RESULTS...`: join the JSON reports of `check --shard K/N` runs
//! into one report, after checking with their indexes (`--emit-index`) that the shards cover
//! every unit exactly once and ran the same tool and options.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Context as _};
use serde_json::{json, Value};
use skill_audit::report::json::JSON_VERSION;
use skill_audit::runner::{Report, Summary};
use skill_audit::{
    Applicability, Diagnostic, Edit, Fix, Related, Settings, Severity, SourceFile, TextRange,
};

/// Version of the index format.
pub const INDEX_VERSION: u32 = 1;

/// The index of one shard: what `merge` needs besides the shard's JSON report.
pub fn index_json(
    report: &Report,
    ws: &skill_audit::workspace::Workspace,
    shard: skill_audit::shard::Shard,
    options_hash: &str,
) -> Value {
    let own = skill_audit::shard::Ownership::new(ws, shard);
    let keys = skill_audit::shard::unit_keys(ws);
    let lib = ws.library();
    let skills: Vec<Value> = ws
        .skills
        .iter()
        .enumerate()
        .filter(|(_, s)| own.files[s.file])
        .map(|(i, s)| {
            let c = &lib.skills[i];
            let words = skill_audit::library::content_words(s).unwrap_or_default();
            let content = words.iter().fold(0x243f_6a88_85a3_08d3_u64, |h, &w| {
                skill_audit::library::text::mix(h ^ w).rotate_left(5)
            });
            let meta = |k: &str| skill_audit::library::metadata_value(s, k).map(|(v, _)| v);
            json!({
                "unit": keys[s.file],
                "path": skill_audit::source::slash_path(&c.path),
                "name": c.name,
                "plugin": c.plugin.map(|p| lib.plugins[p].name.clone()),
                "content_hash": format!("{content:016x}"),
                "words": words.len(),
                "owner": meta("owner"),
                "department": meta("department"),
            })
        })
        .collect();
    let s = &report.summary;
    json!({
        "version": INDEX_VERSION,
        "tool": {"name": "skill-audit", "version": skill_audit::VERSION},
        "shard": {"index": shard.index, "count": shard.count},
        "options": options_hash,
        "units_total": own.all_units.len(),
        "units_digest": format!("{:016x}", skill_audit::shard::fnv1a(own.all_units.join("\n").as_bytes())),
        "units": own.units,
        "summary": {"files": s.files, "skills": s.skills, "plugins": s.plugins, "marketplaces": s.marketplaces},
        "checked": report.checked.iter().map(|p| skill_audit::source::slash_path(p)).collect::<Vec<_>>(),
        "skills": skills,
    })
}

fn read_json(path: &Path) -> anyhow::Result<Value> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))
}

/// Byte offset of a 1-based line and column (columns count characters, as reports do).
fn offset_of(src: &SourceFile, pos: &Value) -> usize {
    let line = pos["line"].as_u64().unwrap_or(1).max(1) as usize - 1;
    let column = pos["column"].as_u64().unwrap_or(1).max(1) as usize - 1;
    if line >= src.index.line_count() {
        return src.text.len();
    }
    let start = src.index.line_start(line);
    let rest = &src.text[start..];
    start
        + rest
            .char_indices()
            .nth(column)
            .map_or(rest.len(), |(i, _)| i)
}

struct Sources {
    map: HashMap<PathBuf, Arc<SourceFile>>,
}

impl Sources {
    fn get(&mut self, path: &Path) -> anyhow::Result<Arc<SourceFile>> {
        if let Some(s) = self.map.get(path) {
            return Ok(Arc::clone(s));
        }
        let bytes = std::fs::read(path).with_context(|| {
            format!(
                "cannot read {} (run merge from the folder the shards ran in, with the same files)",
                path.display()
            )
        })?;
        let src = SourceFile::from_bytes(path.to_path_buf(), path.to_path_buf(), bytes, false);
        self.map.insert(path.to_path_buf(), Arc::clone(&src));
        Ok(src)
    }

    fn range(&mut self, path: &Path, r: &Value) -> anyhow::Result<TextRange> {
        let src = self.get(path)?;
        let start = offset_of(&src, &r["start"]);
        let end = offset_of(&src, &r["end"]).max(start);
        Ok(TextRange::new(start, end))
    }
}

fn severity(v: &Value) -> anyhow::Result<Severity> {
    v.as_str()
        .and_then(Severity::parse)
        .ok_or_else(|| anyhow::anyhow!("bad severity {v}"))
}

fn diagnostic(v: &Value, sources: &mut Sources) -> anyhow::Result<Diagnostic> {
    let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
    let path = PathBuf::from(s("path"));
    let range = sources.range(&path, &v["range"])?;
    let mut d = Diagnostic::new(
        s("code"),
        s("rule"),
        severity(&v["severity"])?,
        path.clone(),
        range,
        s("message"),
    );
    d.help = v["help"].as_str().map(ToString::to_string);
    d.fingerprint = s("fingerprint");
    if d.code.starts_with("CR") {
        // Credential findings point at the secret itself (masked in source excerpts).
        d.secret = Some(range);
    }
    for r in v["related"].as_array().into_iter().flatten() {
        let rpath = PathBuf::from(r["path"].as_str().unwrap_or_default());
        let rrange = sources.range(&rpath, &r["range"])?;
        d.related.push(Related {
            path: rpath,
            range: rrange,
            message: r["message"].as_str().unwrap_or_default().to_string(),
        });
    }
    if let Some(f) = v["fix"].as_object() {
        let mut edits = Vec::new();
        for e in f
            .get("edits")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            edits.push(Edit {
                range: sources.range(&path, &e["range"])?,
                content: e["content"].as_str().unwrap_or_default().to_string(),
            });
        }
        d.fix = Some(Fix {
            title: f
                .get("title")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            applicability: if f.get("applicability").and_then(Value::as_str) == Some("safe") {
                Applicability::Safe
            } else {
                Applicability::Unsafe
            },
            edits,
        });
    }
    Ok(d)
}

/// Read the indexes and results, check them, and build the merged report.
pub fn merge(inputs: &[PathBuf], settings: Settings) -> anyhow::Result<Report> {
    let mut indexes = Vec::new();
    let mut results = Vec::new();
    for p in inputs {
        let v = read_json(p)?;
        if v.get("units").is_some() && v.get("shard").is_some() {
            indexes.push((p, v));
        } else if v.get("diagnostics").is_some() {
            results.push((p, v));
        } else {
            bail!("{} is neither a shard index nor a JSON report", p.display());
        }
    }
    if indexes.is_empty() {
        bail!("no index given (write one per shard with `check --shard K/N --emit-index FILE`)");
    }
    if results.len() != indexes.len() {
        bail!(
            "{} indexes but {} JSON reports: give one report (`check --shard K/N --format json`) per index",
            indexes.len(),
            results.len()
        );
    }
    let first = &indexes[0].1;
    let count = first["shard"]["count"].as_u64().unwrap_or(0);
    let mut seen_shards = BTreeSet::new();
    let mut units = BTreeSet::new();
    let mut checked = Vec::new();
    for (p, ix) in &indexes {
        if ix["version"].as_u64() != Some(u64::from(INDEX_VERSION)) {
            bail!(
                "{}: index version {} is not {INDEX_VERSION}",
                p.display(),
                ix["version"]
            );
        }
        for key in ["tool", "options", "units_total", "units_digest", "summary"] {
            if ix[key] != first[key] {
                bail!(
                    "{}: `{key}` differs from {}'s: the shards ran different versions, options or trees",
                    p.display(),
                    indexes[0].0.display()
                );
            }
        }
        if ix["shard"]["count"].as_u64() != Some(count) {
            bail!("{}: shard count differs", p.display());
        }
        let k = ix["shard"]["index"].as_u64().unwrap_or(0);
        if !seen_shards.insert(k) {
            bail!("{}: shard {k}/{count} given twice", p.display());
        }
        for u in ix["units"].as_array().into_iter().flatten() {
            if !units.insert(u.as_str().unwrap_or_default().to_string()) {
                bail!("{}: unit {u} is in two shards", p.display());
            }
        }
        for c in ix["checked"].as_array().into_iter().flatten() {
            checked.push(PathBuf::from(c.as_str().unwrap_or_default()));
        }
    }
    if seen_shards.len() as u64 != count {
        let missing: Vec<String> = (1..=count)
            .filter(|k| !seen_shards.contains(k))
            .map(|k| format!("{k}/{count}"))
            .collect();
        bail!("missing shards: {}", missing.join(", "));
    }
    if units.len() as u64 != first["units_total"].as_u64().unwrap_or(0) {
        bail!(
            "the shards hold {} units of {}",
            units.len(),
            first["units_total"]
        );
    }

    let mut sources = Sources {
        map: HashMap::new(),
    };
    let mut diagnostics = Vec::new();
    let mut elapsed = 0u128;
    for (p, r) in &results {
        if r["version"].as_u64() != Some(u64::from(JSON_VERSION)) {
            bail!(
                "{}: JSON report version {} is not {JSON_VERSION}",
                p.display(),
                r["version"]
            );
        }
        if r["tool"] != first["tool"] {
            bail!("{}: made by another version of skill-audit", p.display());
        }
        elapsed = elapsed.max(u128::from(r["summary"]["elapsed_ms"].as_u64().unwrap_or(0)));
        for d in r["diagnostics"].as_array().into_iter().flatten() {
            diagnostics
                .push(diagnostic(d, &mut sources).with_context(|| format!("in {}", p.display()))?);
        }
    }
    // The single run's order (see `runner::finish`); fingerprints are kept as the shards
    // computed them (a file's findings are all in one shard).
    let key = |d: &Diagnostic, s: &HashMap<PathBuf, Arc<SourceFile>>| {
        let lc = s.get(&d.path).map(|src| src.line_column(d.range.start()));
        (
            skill_audit::source::slash_path(&d.path),
            lc.map_or(0, |l| l.line),
            lc.map_or(0, |l| l.column),
            d.code.clone(),
            d.range,
            d.message.clone(),
        )
    };
    let map = sources.map;
    diagnostics.sort_by_cached_key(|d| key(d, &map));
    checked.sort();
    let totals = &first["summary"];
    let n = |k: &str| totals[k].as_u64().unwrap_or(0) as usize;
    let mut report = Report {
        diagnostics,
        summary: Summary {
            files: n("files"),
            skills: n("skills"),
            plugins: n("plugins"),
            marketplaces: n("marketplaces"),
            elapsed_ms: elapsed,
            ..Summary::default()
        },
        sources: map,
        settings: Arc::new(settings),
        checked,
    };
    report.recount();
    Ok(report)
}
