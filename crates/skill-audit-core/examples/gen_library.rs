//! Write a synthetic skill library for benchmarks: `cargo run --release --example gen_library
//! -- OUT [SKILLS=100000] [SEED=1]`.
//!
//! The library is a marketplace of department plugins (50 skills each) with realistic
//! frontmatter (owner, department, review dates) and bodies of 150-400 words drawn from a
//! 4,000-word vocabulary plus shared template boilerplate. Seeded defects: 1% exact copies
//! (in another plugin), 1% near-duplicates (about 15% of words changed), a few stale reviews.
#![allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const DEPARTMENTS: &[&str] = &[
    "finance",
    "sales",
    "legal",
    "hr",
    "ops",
    "security",
    "data",
    "marketing",
    "support",
    "eng",
];
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ner", "to", "va", "sel", "qui", "dra", "pen", "ro", "stu", "fi", "gal",
    "mor", "ben", "tic", "zu", "pra", "lem",
];
const BOILERPLATE: &str =
    "## Instructions\n\nFollow these steps in order and report what you did.\n";

fn vocabulary(rng: &mut Rng) -> Vec<String> {
    (0..4000)
        .map(|_| {
            let n = 2 + rng.below(3);
            (0..n)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect()
        })
        .collect()
}

fn body(rng: &mut Rng, vocab: &[String]) -> Vec<String> {
    let n = 150 + rng.below(250);
    (0..n)
        .map(|_| {
            // Zipf-like: common words are picked far more often.
            let r = rng.below(vocab.len());
            vocab[rng.below(r + 1)].clone()
        })
        .collect()
}

fn write_skill(dir: &Path, name: &str, dept: &str, reviewed: &str, words: &[String]) {
    let _ = std::fs::create_dir_all(dir);
    let (desc, rest) = words.split_at(12.min(words.len()));
    let mut text = format!(
        "---\nname: {name}\ndescription: {}. Use when the user asks about {}.\nmetadata:\n  owner: {dept}-team@example.com\n  department: {dept}\n  last-reviewed: \"{reviewed}\"\n---\n# Procedure\n\n{BOILERPLATE}\n",
        desc.join(" "),
        desc.first().map_or("it", String::as_str)
    );
    for (i, line) in rest.chunks(14).enumerate() {
        let _ = writeln!(text, "{}. {}", i + 1, line.join(" "));
    }
    let _ = std::fs::write(dir.join("SKILL.md"), text);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().unwrap_or_else(|| "library".into()));
    let total: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut rng = Rng(seed);
    let vocab = vocabulary(&mut rng);
    let per_plugin = 50;
    let plugins = total.div_ceil(per_plugin);
    let mut entries = Vec::new();
    let mut originals: Vec<(String, Vec<String>)> = Vec::new();
    let (mut exact, mut near) = (0, 0);
    for p in 0..plugins {
        let dept = DEPARTMENTS[p % DEPARTMENTS.len()];
        let plugin = format!("{dept}-pack-{p}");
        let root = out.join("plugins").join(&plugin);
        let _ = std::fs::create_dir_all(root.join(".claude-plugin"));
        let _ = std::fs::write(
            root.join(".claude-plugin/plugin.json"),
            format!("{{\n  \"name\": \"{plugin}\",\n  \"version\": \"1.{p}.0\",\n  \"description\": \"Skills of the {dept} department.\",\n  \"author\": {{ \"name\": \"{dept} team\" }}\n}}\n"),
        );
        entries.push(format!(
            "{{\"name\": \"{plugin}\", \"source\": \"./plugins/{plugin}\"}}"
        ));
        for k in 0..per_plugin.min(total - p * per_plugin) {
            let i = p * per_plugin + k;
            let name = format!("{dept}-skill-{i}");
            let reviewed = if i % 97 == 0 {
                "2020-01-01"
            } else {
                "2026-10-01"
            };
            let roll = rng.below(100);
            let words = if roll == 0 && !originals.is_empty() {
                exact += 1;
                originals[rng.below(originals.len())].1.clone()
            } else if roll == 1 && !originals.is_empty() {
                near += 1;
                let mut w = originals[rng.below(originals.len())].1.clone();
                let len = w.len();
                for _ in 0..len * 15 / 100 {
                    let at = rng.below(len);
                    w[at] = vocab[rng.below(vocab.len())].clone() + "x";
                }
                w
            } else {
                body(&mut rng, &vocab)
            };
            if originals.len() < 5_000 {
                originals.push((name.clone(), words.clone()));
            }
            write_skill(
                &root.join("skills").join(&name),
                &name,
                dept,
                reviewed,
                &words,
            );
        }
    }
    let _ = std::fs::create_dir_all(out.join(".claude-plugin"));
    let _ = std::fs::write(
        out.join(".claude-plugin/marketplace.json"),
        format!(
            "{{\n  \"name\": \"synthetic\",\n  \"owner\": {{ \"name\": \"Platform\" }},\n  \"plugins\": [\n    {}\n  ]\n}}\n",
            entries.join(",\n    ")
        ),
    );
    eprintln!(
        "wrote {total} skills in {plugins} plugins to {} ({exact} exact copies, {near} near-duplicates seeded)",
        out.display()
    );
}
