//! `skill-audit merge INDEX... RESULTS...`: join the JSON reports of `check --shard K/N` runs
//! into one report, after checking with their indexes (`--emit-index`) that the shards cover
//! every unit exactly once and ran the same tool and options.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Context as _};
use serde_json::{json, Value};
use skill_audit::library::{ComponentKind, ComponentPart, Manifest, Parts, PluginPart, SkillPart};
use skill_audit::report::json::JSON_VERSION;
use skill_audit::runner::{Report, Summary};
use skill_audit::{
    Applicability, Diagnostic, Edit, Fix, Related, Settings, Severity, SourceFile, TextRange,
};
use skill_audit::{FailOn, Overrides};

/// Version of the index format.
pub const INDEX_VERSION: u32 = 1;

fn range_json(r: TextRange) -> Value {
    json!([r.start(), r.end()])
}

fn range_of(v: &Value) -> TextRange {
    let n = |i: usize| v[i].as_u64().unwrap_or(0) as usize;
    TextRange::new(n(0), n(1).max(n(0)))
}

fn path_json(p: &Path) -> Value {
    Value::from(p.to_string_lossy().into_owned())
}

fn path_of(v: &Value) -> PathBuf {
    PathBuf::from(v.as_str().unwrap_or_default())
}

fn words_hex(words: &[u64]) -> String {
    let mut out = String::with_capacity(words.len() * 16);
    for w in words {
        let _ = write!(out, "{w:016x}");
    }
    out
}

fn words_of(v: &Value) -> anyhow::Result<Option<Vec<u64>>> {
    let Some(s) = v.as_str() else {
        return Ok(None);
    };
    if s.len() % 16 != 0 || !s.is_ascii() {
        bail!("bad word hashes in index");
    }
    (0..s.len() / 16)
        .map(|i| u64::from_str_radix(&s[i * 16..i * 16 + 16], 16).context("bad word hash"))
        .collect::<anyhow::Result<Vec<u64>>>()
        .map(Some)
}

fn parts_json(parts: &Parts) -> Value {
    json!({
        "marketplaces": parts.marketplaces.iter().map(|p| path_json(p)).collect::<Vec<_>>(),
        "plugins": parts.plugins.iter().map(|p| json!({
            "root": path_json(&p.root),
            "root_index": p.root_index,
            "manifest_path": path_json(&p.manifest_path),
            "manifest_rel": path_json(&p.manifest_rel),
            "name": p.name,
            "name_range": range_json(p.name_range),
            "manifest": {
                "name": p.manifest.name.as_ref().map(|(n, r)| json!([n, range_json(*r)])),
                "author": p.manifest.author,
                "author_range": p.manifest.author_range.map(range_json),
                "version": p.manifest.version,
                "version_range": p.manifest.version_range.map(range_json),
                "license": p.manifest.license,
            },
        })).collect::<Vec<_>>(),
        "skills": parts.skills.iter().map(|s| json!({
            "dir": path_json(&s.dir),
            "root_index": s.root_index,
            "name": s.name,
            "range": range_json(s.range),
            "path": path_json(&s.path),
            "rel": path_json(&s.rel),
            "words": s.words.as_deref().map(words_hex),
        })).collect::<Vec<_>>(),
        "components": parts.components.iter().map(|c| json!({
            "kind": c.kind.as_str(),
            "name": c.name,
            "path": path_json(&c.path),
            "rel": path_json(&c.rel),
            "range": range_json(c.range),
            "plugin_root": path_json(&c.plugin_root),
        })).collect::<Vec<_>>(),
    })
}

fn parts_of(v: &Value) -> anyhow::Result<Parts> {
    let list = |k: &str| v[k].as_array().cloned().unwrap_or_default();
    let opt_str = |x: &Value| x.as_str().map(ToString::to_string);
    let opt_range = |x: &Value| (!x.is_null()).then(|| range_of(x));
    let mut parts = Parts {
        marketplaces: list("marketplaces").iter().map(path_of).collect(),
        ..Parts::default()
    };
    for p in list("plugins") {
        let m = &p["manifest"];
        parts.plugins.push(PluginPart {
            root: path_of(&p["root"]),
            root_index: p["root_index"].as_u64().unwrap_or(0) as usize,
            manifest_path: path_of(&p["manifest_path"]),
            manifest_rel: path_of(&p["manifest_rel"]),
            name: p["name"].as_str().unwrap_or_default().to_string(),
            name_range: range_of(&p["name_range"]),
            manifest: Manifest {
                name: m["name"].as_array().map(|a| {
                    (
                        a[0].as_str().unwrap_or_default().to_string(),
                        range_of(&a[1]),
                    )
                }),
                author: opt_str(&m["author"]),
                author_range: opt_range(&m["author_range"]),
                version: opt_str(&m["version"]),
                version_range: opt_range(&m["version_range"]),
                license: opt_str(&m["license"]),
            },
        });
    }
    for s in list("skills") {
        parts.skills.push(SkillPart {
            dir: path_of(&s["dir"]),
            root_index: s["root_index"].as_u64().unwrap_or(0) as usize,
            name: s["name"].as_str().unwrap_or_default().to_string(),
            range: range_of(&s["range"]),
            path: path_of(&s["path"]),
            rel: path_of(&s["rel"]),
            words: words_of(&s["words"])?,
        });
    }
    for c in list("components") {
        parts.components.push(ComponentPart {
            kind: match c["kind"].as_str() {
                Some("agent") => ComponentKind::Agent,
                Some("command") => ComponentKind::Command,
                _ => ComponentKind::Skill,
            },
            name: c["name"].as_str().unwrap_or_default().to_string(),
            path: path_of(&c["path"]),
            rel: path_of(&c["rel"]),
            range: range_of(&c["range"]),
            plugin_root: path_of(&c["plugin_root"]),
        });
    }
    Ok(parts)
}

/// What the shards were run with that changes findings, so the merge resolves the same
/// settings for the library-level rules.
pub struct ShardOptions<'a> {
    pub config: Option<&'a Path>,
    pub overrides: &'a Overrides,
    /// A digest of the options (compared between shards).
    pub digest: &'a str,
}

/// The index of one shard: what `merge` needs besides the shard's JSON report.
pub fn index_json(
    report: &Report,
    ws: &skill_audit::workspace::Workspace,
    shard: skill_audit::shard::Shard,
    options: &ShardOptions<'_>,
) -> Value {
    let own = skill_audit::shard::Ownership::new(ws, shard);
    let parts = Parts::of(ws, &|i| own.files[i], true);
    let s = &report.summary;
    let o = options.overrides;
    json!({
        "version": INDEX_VERSION,
        "tool": {"name": "skill-audit", "version": skill_audit::VERSION},
        "shard": {"index": shard.index, "count": shard.count},
        "options": options.digest,
        "settings": {
            "config": options.config.map(path_json),
            "profile": o.profile.map(|p| match p {
                skill_audit::Profile::Agentskills => "agentskills",
                skill_audit::Profile::ClaudeCode => "claude-code",
            }),
            "fail_on": o.fail_on.map(|f| match f {
                FailOn::Error => "error",
                FailOn::Warning => "warning",
                FailOn::Info => "info",
                FailOn::Never => "never",
            }),
            "select": o.select,
            "ignore": o.ignore,
            "max_file_size": o.max_file_size,
        },
        "root": ws.roots.first().map(|r| path_json(&r.display)),
        "units_total": own.all_units.len(),
        "units_digest": format!("{:016x}", skill_audit::shard::fnv1a(own.all_units.join("\n").as_bytes())),
        "units": own.units,
        "summary": {"files": s.files, "skills": s.skills, "plugins": s.plugins, "marketplaces": s.marketplaces},
        "checked": report.checked.iter().map(|p| skill_audit::source::slash_path(p)).collect::<Vec<_>>(),
        "pending_suppressions": report.pending_suppressions.iter().map(|(p, r)| json!([path_json(p), r.start(), r.end()])).collect::<Vec<_>>(),
        "library": parts_json(&parts),
    })
}

fn overrides_of(v: &Value) -> anyhow::Result<(Option<PathBuf>, Overrides)> {
    let strings = |x: &Value| -> Vec<String> {
        x.as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(ToString::to_string))
            .collect()
    };
    let overrides = Overrides {
        profile: match v["profile"].as_str() {
            Some(p) => {
                Some(serde_json::from_value(Value::from(p)).context("bad profile in index")?)
            }
            None => None,
        },
        fail_on: match v["fail_on"].as_str() {
            Some(f) => {
                Some(serde_json::from_value(Value::from(f)).context("bad fail-on in index")?)
            }
            None => None,
        },
        select: (!v["select"].is_null()).then(|| strings(&v["select"])),
        ignore: strings(&v["ignore"]),
        max_file_size: v["max_file_size"].as_u64(),
    };
    Ok((v["config"].as_str().map(PathBuf::from), overrides))
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
    fn try_get(&mut self, path: &Path) -> Option<Arc<SourceFile>> {
        self.get(path).ok()
    }

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
        let related_range = sources.range(&rpath, &r["range"])?;
        d.related.push(Related {
            path: rpath,
            range: related_range,
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
            rename_folder: f
                .get("rename_folder")
                .and_then(Value::as_str)
                .map(str::to_string),
        });
    }
    Ok(d)
}

/// Read the indexes and results, check them, and build the merged report.
pub fn merge(inputs: &[PathBuf], settings: Settings) -> anyhow::Result<Report> {
    let mut indexes = Vec::new();
    let mut results = Vec::new();
    // Each index's library parts (most of its size: every skill's word hashes) are decoded as
    // the index is read, so only one index is held as a JSON tree at a time.
    let mut libraries = Vec::new();
    for p in inputs {
        let mut v = read_json(p)?;
        if v.get("units").is_some() && v.get("shard").is_some() {
            let library = v.get_mut("library").map(Value::take).unwrap_or_default();
            libraries.push(parts_of(&library).with_context(|| format!("in {}", p.display()))?);
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

    let all_parts = libraries;
    let mut pending = Vec::new();
    for (_, ix) in &indexes {
        for x in ix["pending_suppressions"].as_array().into_iter().flatten() {
            let n = |i: usize| x[i].as_u64().unwrap_or(0) as usize;
            pending.push((path_of(&x[0]), TextRange::new(n(1), n(2))));
        }
    }
    let library = skill_audit::library::Library::assemble(Parts::join(all_parts));
    let (config, overrides) = overrides_of(&first["settings"])?;
    let resolver = skill_audit::config::Resolver::new(config.as_deref(), overrides)?;
    let cwd = std::env::current_dir()?;
    let abs_of = |p: &Path| cwd.join(p);
    let root = first["root"]
        .as_str()
        .map(|r| abs_of(Path::new(r)))
        .and_then(|r| r.canonicalize().ok())
        .context("the audited folder of the shards is not here: run merge where the shards ran")?;
    let mut sources = Sources {
        map: HashMap::new(),
    };
    let ws = skill_audit::workspace::Workspace::from_library(library);
    let library_diags = skill_audit::runner::library_findings(
        &ws,
        &resolver,
        &root,
        &mut |p| sources.try_get(p),
        &pending,
        &abs_of,
    )?;
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
    for d in &library_diags {
        for r in &d.related {
            sources.get(&r.path)?;
        }
    }
    diagnostics.extend(library_diags);
    // The single run's order and fingerprints (see `runner::finish`).
    let map = sources.map;
    skill_audit::runner::finish(&mut diagnostics, &map);
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
        pending_suppressions: Vec::new(),
    };
    report.recount();
    Ok(report)
}
