//! A synthetic skill library for benchmarks and scale tests, deterministic by seed.
//!
//! The library is a marketplace (`.claude-plugin/marketplace.json`) listing department plugins
//! under `plugins/`, each with a manifest, skills, a command and an agent, plus loose skills
//! under `skills/`. A skill has frontmatter with `metadata` (owner, department, review date),
//! a body of 150-400 words under headings, links to its `references/` files, a fenced code
//! block and a script in `scripts/`. Drawn from a Zipf-like vocabulary, so texts share common
//! words the way real ones do. Seeded problems:
//! - about 1% exact copies and 1% near-duplicates (15% of words changed) of earlier skills;
//! - about 3% of skills with a rule finding: an uppercase name, a broken link, a missing
//!   trigger phrase, or a credential-shaped string (random, never a real key).
#![allow(clippy::cast_possible_truncation)]

use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// What to write.
#[derive(Debug, Clone)]
pub struct LibrarySpec {
    pub skills: usize,
    /// Plugins the skills are spread over (at least one if there are skills in plugins).
    pub plugins: usize,
    pub seed: u64,
}

impl Default for LibrarySpec {
    fn default() -> Self {
        Self {
            skills: 1000,
            plugins: 20,
            seed: 1,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct LibraryStats {
    pub skills: usize,
    pub skills_in_plugins: usize,
    pub plugins: usize,
    pub files: usize,
    pub bytes: u64,
    pub exact_copies: usize,
    pub near_duplicates: usize,
    pub with_findings: usize,
}

/// `SplitMix64`: small, fast and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
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
const HEADINGS: &[&str] = &[
    "Procedure",
    "Inputs",
    "Checks",
    "Output",
    "Edge cases",
    "Examples",
];

/// A vocabulary of made-up words, so no real text is needed.
pub fn vocabulary(rng: &mut Rng, size: usize) -> Vec<String> {
    (0..size)
        .map(|_| {
            let n = 2 + rng.below(3);
            (0..n)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect()
        })
        .collect()
}

/// `n` words, Zipf-like: common words are picked far more often.
pub fn words(rng: &mut Rng, vocab: &[String], n: usize) -> Vec<String> {
    (0..n)
        .map(|_| {
            let r = rng.below(vocab.len());
            vocab[rng.below(r + 1)].clone()
        })
        .collect()
}

/// Seeded problem of a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Defect {
    None,
    UppercaseName,
    BrokenLink,
    NoTrigger,
    CredentialShaped,
}

struct SkillDoc<'a> {
    name: &'a str,
    dept: &'a str,
    reviewed: &'a str,
    words: &'a [String],
    defect: Defect,
    token: String,
}

fn skill_md(s: &SkillDoc<'_>) -> String {
    let (desc, rest) = s.words.split_at(12.min(s.words.len()));
    let name = if s.defect == Defect::UppercaseName {
        s.name.to_ascii_uppercase()
    } else {
        s.name.to_string()
    };
    let trigger = if s.defect == Defect::NoTrigger {
        String::new()
    } else {
        format!(
            " Use when the user asks about {}.",
            desc.first().map_or("it", String::as_str)
        )
    };
    let mut t = format!(
        "---\nname: {name}\ndescription: {}.{trigger}\nmetadata:\n  owner: {dept}-team@example.com\n  department: {dept}\n  last-reviewed: \"{reviewed}\"\n---\n# {title}\n\n",
        desc.join(" "),
        dept = s.dept,
        reviewed = s.reviewed,
        title = s.name.replace('-', " "),
    );
    let chunks: Vec<&[String]> = rest.chunks(14).collect();
    let per_section = chunks.len().div_ceil(3).max(1);
    for (k, section) in chunks.chunks(per_section).enumerate() {
        let _ = writeln!(t, "## {}\n", HEADINGS[k % HEADINGS.len()]);
        for (i, line) in section.iter().enumerate() {
            let _ = writeln!(t, "{}. {}", i + 1, line.join(" "));
        }
        t.push('\n');
        if k == 0 {
            t.push_str("See [the field guide](references/guide.md) and run the check:\n\n```bash\nbash scripts/check.sh --input data.csv\n```\n\n");
        }
    }
    if s.defect == Defect::BrokenLink {
        t.push_str("Background is in [the old notes](references/missing-notes.md).\n");
    }
    if s.defect == Defect::CredentialShaped {
        let _ = writeln!(t, "Authenticate with `export GITHUB_TOKEN={}`.", s.token);
    }
    t
}

fn guide_md(name: &str, words: &[String]) -> String {
    let mut t =
        format!("# Field guide for {name}\n\n## Contents\n\n- Terms\n- Steps\n\n## Terms\n\n");
    for line in words.chunks(12) {
        let _ = writeln!(t, "- {}", line.join(" "));
    }
    t.push_str("\n## Steps\n\nRead the terms, then follow the procedure of the skill.\n");
    t
}

const CHECK_SH: &str = "#!/usr/bin/env bash\n# Validate the input file before the skill uses it.\nset -euo pipefail\ninput=\"${2:-data.csv}\"\ntest -f \"$input\" || { echo \"missing $input\" >&2; exit 1; }\nwc -l \"$input\"\n";

struct Writer {
    stats: LibraryStats,
}

impl Writer {
    fn write(&mut self, path: &Path, text: &str) -> io::Result<()> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)?;
        self.stats.files += 1;
        self.stats.bytes += text.len() as u64;
        Ok(())
    }
}

/// Write the library described by `spec` into `out` (created if missing).
pub fn gen_library(out: &Path, spec: &LibrarySpec) -> io::Result<LibraryStats> {
    let mut rng = Rng::new(spec.seed);
    let vocab = vocabulary(&mut rng, 4000);
    let mut w = Writer {
        stats: LibraryStats::default(),
    };
    std::fs::create_dir_all(out)?;
    let plugins = spec.plugins.max(1);
    // One skill in ten (at least none when there are fewer than ten) stays outside plugins.
    let loose = spec.skills / 10;
    let in_plugins = spec.skills - loose;
    let per_plugin = in_plugins.div_ceil(plugins).max(1);
    let mut originals: Vec<Vec<String>> = Vec::new();
    let mut entries = Vec::new();
    let mut index = 0usize;

    let mut skill = |w: &mut Writer, rng: &mut Rng, dir: &Path, dept: &str| -> io::Result<()> {
        let i = index;
        index += 1;
        let name = format!("{dept}-skill-{i}");
        let reviewed = if i % 97 == 0 {
            "2020-01-01"
        } else {
            "2026-10-01"
        };
        let roll = rng.below(100);
        let body = if roll == 0 && !originals.is_empty() {
            w.stats.exact_copies += 1;
            originals[rng.below(originals.len())].clone()
        } else if roll == 1 && !originals.is_empty() {
            w.stats.near_duplicates += 1;
            let mut words = originals[rng.below(originals.len())].clone();
            let len = words.len();
            for _ in 0..len * 15 / 100 {
                let at = rng.below(len);
                words[at] = vocab[rng.below(vocab.len())].clone() + "x";
            }
            words
        } else {
            let n = 150 + rng.below(250);
            words(rng, &vocab, n)
        };
        if originals.len() < 5_000 {
            originals.push(body.clone());
        }
        let defect = match rng.below(100) {
            0 => Defect::UppercaseName,
            1 => Defect::BrokenLink,
            2 => Defect::NoTrigger,
            3 if i % 2 == 0 => Defect::CredentialShaped,
            _ => Defect::None,
        };
        if defect != Defect::None {
            w.stats.with_findings += 1;
        }
        let token: String = (0..36)
            .map(|_| {
                let c = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                    [rng.below(62)];
                char::from(c)
            })
            .collect();
        let skill_dir = dir.join(&name);
        let doc = SkillDoc {
            name: &name,
            dept,
            reviewed,
            words: &body,
            defect,
            token: format!("ghp_{token}"),
        };
        w.write(&skill_dir.join("SKILL.md"), &skill_md(&doc))?;
        let n = 40 + rng.below(80);
        let guide = words(rng, &vocab, n);
        w.write(
            &skill_dir.join("references/guide.md"),
            &guide_md(&name, &guide),
        )?;
        w.write(&skill_dir.join("scripts/check.sh"), CHECK_SH)?;
        w.stats.skills += 1;
        Ok(())
    };

    for p in 0..plugins {
        let start = p * per_plugin;
        if start >= in_plugins && p > 0 {
            break;
        }
        let count = per_plugin.min(in_plugins.saturating_sub(start));
        let dept = DEPARTMENTS[p % DEPARTMENTS.len()];
        let plugin = format!("{dept}-pack-{p}");
        let root = out.join("plugins").join(&plugin);
        w.write(
            &root.join(".claude-plugin/plugin.json"),
            &format!(
                "{{\n  \"name\": \"{plugin}\",\n  \"version\": \"1.{p}.0\",\n  \"description\": \"Skills of the {dept} department.\",\n  \"author\": {{ \"name\": \"{dept} team\", \"email\": \"{dept}@example.com\" }},\n  \"license\": \"MIT\"\n}}\n"
            ),
        )?;
        w.write(
            &root.join("commands/review.md"),
            &format!("---\ndescription: Review the {dept} work of the day\nargument-hint: [date]\n---\nReview what the {dept} team changed on $ARGUMENTS and list open questions.\n"),
        )?;
        w.write(
            &root.join("agents/auditor.md"),
            &format!("---\nname: {dept}-auditor-{p}\ndescription: Audits {dept} records. Use proactively after changes.\ntools: Read, Grep\n---\nYou audit {dept} records and report discrepancies with file and line.\n"),
        )?;
        entries.push(format!(
            "    {{ \"name\": \"{plugin}\", \"source\": \"./plugins/{plugin}\", \"description\": \"{dept} skills\" }}"
        ));
        let skills_dir = root.join("skills");
        for _ in 0..count {
            skill(&mut w, &mut rng, &skills_dir, dept)?;
        }
        w.stats.skills_in_plugins += count;
        w.stats.plugins += 1;
    }
    let loose_dir = out.join("skills");
    for k in 0..loose {
        skill(
            &mut w,
            &mut rng,
            &loose_dir,
            DEPARTMENTS[k % DEPARTMENTS.len()],
        )?;
    }
    w.write(
        &out.join(".claude-plugin/marketplace.json"),
        &format!(
            "{{\n  \"name\": \"synthetic-skills\",\n  \"owner\": {{ \"name\": \"Platform team\", \"email\": \"platform@example.com\" }},\n  \"plugins\": [\n{}\n  ]\n}}\n",
            entries.join(",\n")
        ),
    )?;
    Ok(w.stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                    out.push((rel, std::fs::read(&p).unwrap()));
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn the_same_seed_writes_the_same_bytes_and_another_seed_does_not() {
        let spec = LibrarySpec {
            skills: 60,
            plugins: 3,
            seed: 7,
        };
        let (a, b, c) = (tempfile_dir("a"), tempfile_dir("b"), tempfile_dir("c"));
        let stats = gen_library(&a, &spec).unwrap();
        gen_library(&b, &spec).unwrap();
        gen_library(
            &c,
            &LibrarySpec {
                seed: 8,
                ..spec.clone()
            },
        )
        .unwrap();
        assert_eq!(stats.skills, 60);
        assert_eq!(stats.plugins, 3);
        assert_eq!(stats.skills_in_plugins, 54);
        let (sa, sb, sc) = (snapshot(&a), snapshot(&b), snapshot(&c));
        assert_eq!(sa.len(), stats.files);
        assert_eq!(sa, sb);
        assert_ne!(sa, sc);
        assert!(sa.iter().any(|(p, _)| p.ends_with("marketplace.json")));
        assert_eq!(
            sa.iter().filter(|(p, _)| p.ends_with("SKILL.md")).count(),
            60
        );
        for d in [a, b, c] {
            std::fs::remove_dir_all(d).unwrap();
        }
    }

    fn tempfile_dir(tag: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!(
            "xtask-gen-{tag}-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&d);
        d
    }
}
