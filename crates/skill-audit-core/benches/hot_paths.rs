//! Micro-benchmarks of the hot paths: `cargo bench -p skill-audit-core`.
//!
//! - frontmatter: split and parse the YAML frontmatter of a typical `SKILL.md`;
//! - markdown: the body's structure (headings, links, code blocks);
//! - credentials: the keyword prefilter and pattern scan over 1 MiB of skill text;
//! - library: the library model and the duplicate pass (LSH) over 1,000 generated skills.
//!
//! Inputs come from the synthetic library generator (`cargo run -p xtask -- gen-library`), so
//! the figures can be reproduced anywhere.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use skill_audit::frontmatter::{self, Split};
use skill_audit::library::{dupes, Library};
use skill_audit::workspace::Workspace;
use skill_audit::yaml::YamlLimits;

/// A generated library in a temporary folder (removed when dropped).
struct Generated {
    dir: tempfile::TempDir,
}

fn generated(skills: usize) -> Generated {
    let dir = tempfile::tempdir().expect("temp dir");
    xtask::gen_library(
        dir.path(),
        &xtask::LibrarySpec {
            skills,
            plugins: (skills / 50).max(1),
            seed: 42,
        },
    )
    .expect("generate");
    Generated { dir }
}

fn skill_texts(root: &Path, limit: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&d)
            .expect("read dir")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n == "SKILL.md") {
                out.push(std::fs::read_to_string(&p).expect("read"));
                if out.len() == limit {
                    return out;
                }
            }
        }
    }
    out
}

fn workspace(root: &Path) -> Workspace {
    let walk = skill_audit::discovery::walk(root, root, 2).expect("walk");
    Workspace::build(vec![walk], 10 << 20, YamlLimits::default())
}

fn bench_parsing(c: &mut Criterion) {
    let lib = generated(200);
    let texts = skill_texts(lib.dir.path(), 200);
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("frontmatter (200 SKILL.md)", |b| {
        b.iter(|| {
            for t in &texts {
                if let Split::Closed(f) = frontmatter::split(t) {
                    black_box(frontmatter::parse_lenient(t, f, YamlLimits::default()));
                }
            }
        });
    });
    g.bench_function("markdown (200 SKILL.md)", |b| {
        b.iter(|| {
            for t in &texts {
                let start = match frontmatter::split(t) {
                    Split::Closed(f) => f.body_start,
                    _ => 0,
                };
                black_box(skill_audit::markdown::analyze(t, start));
            }
        });
    });
    g.finish();
}

fn bench_credentials(c: &mut Criterion) {
    let lib = generated(400);
    let mut text = String::new();
    for t in skill_texts(lib.dir.path(), 400) {
        if text.len() >= 1 << 20 {
            break;
        }
        text.push_str(&t);
    }
    let mut end = text.len().min(1 << 20);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    let set = skill_audit::packs::builtin_set();
    let mut g = c.benchmark_group("credentials");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("scan 1 MiB of skill text", |b| {
        b.iter(|| black_box(set.scan("skills/x/SKILL.md", black_box(&text))));
    });
    g.finish();
}

fn bench_library(c: &mut Criterion) {
    let lib = generated(1000);
    let ws = workspace(lib.dir.path());
    assert_eq!(ws.skills.len(), 1000);
    let mut g = c.benchmark_group("library");
    g.sample_size(10);
    g.throughput(Throughput::Elements(1000));
    g.bench_function("model (1,000 skills)", |b| {
        b.iter(|| black_box(Library::new(&ws)));
    });
    g.bench_function("duplicates, exact and near (1,000 skills)", |b| {
        b.iter_batched(
            || (),
            |()| black_box(dupes::analyze(&ws, 0.8, true)),
            BatchSize::SmallInput,
        );
    });
    g.finish();
}

criterion_group!(benches, bench_parsing, bench_credentials, bench_library);
criterion_main!(benches);
