//! The audited library: every file read once, and the skills, plugins and marketplaces in it.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::discovery::{Discovered, FileEntry};
use crate::frontmatter::{self, Frontmatter, Split};
use crate::markdown::{self, MarkdownInfo};
use crate::rules::sa;
use crate::source::SourceFile;
use crate::text::TextRange;
use crate::yaml::YamlLimits;

/// How much of a file is sniffed for NUL bytes to call it binary.
const BINARY_SNIFF: usize = 8 * 1024;

/// Why a file has no text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unread {
    TooLarge,
    Binary,
    Error,
}

/// A file of the library and, if it is text, its contents.
#[derive(Debug)]
pub struct WsFile {
    pub entry: FileEntry,
    /// Which audited root it was found under.
    pub root: usize,
    pub source: Option<Arc<SourceFile>>,
    pub unread: Option<Unread>,
}

/// An audited root.
#[derive(Debug)]
pub struct Root {
    pub path: PathBuf,
    pub display: PathBuf,
}

/// The frontmatter of a skill, as far as it could be parsed.
#[derive(Debug, Clone)]
pub enum FrontmatterState {
    Missing,
    Unclosed { open: TextRange },
    Parsed(Box<Frontmatter>),
}

/// A folder holding `SKILL.md`.
#[derive(Debug)]
pub struct Skill {
    /// Absolute folder.
    pub dir: PathBuf,
    /// Folder as shown to the user.
    pub display_dir: PathBuf,
    /// The folder's own name.
    pub dir_name: String,
    pub root: usize,
    /// Index of the skill file in [`Workspace::files`].
    pub file: usize,
    /// The file is `skill.md`, not `SKILL.md`.
    pub lowercase_file_name: bool,
    /// Its text, unless it could not be read (a diagnostic says why).
    pub source: Option<Arc<SourceFile>>,
    pub frontmatter: FrontmatterState,
    /// Where the Markdown body starts.
    pub body_start: usize,
    pub markdown: MarkdownInfo,
    /// Indexes into [`Workspace::files`] of every file in the folder (nested skills included).
    pub files: std::ops::Range<usize>,
    /// The closest skill folder that contains this one.
    pub parent: Option<usize>,
    /// Parsing the skill file failed internally (reported as SA001); other rules skip it.
    pub parse_failed: bool,
}

impl Skill {
    /// The frontmatter's root mapping, if it parsed to one.
    pub fn yaml_root(&self) -> Option<&crate::yaml::YamlNode> {
        match &self.frontmatter {
            FrontmatterState::Parsed(fm) => fm.yaml.root.as_ref(),
            _ => None,
        }
    }

    pub fn parsed(&self) -> Option<&Frontmatter> {
        match &self.frontmatter {
            FrontmatterState::Parsed(fm) => Some(fm),
            _ => None,
        }
    }

    /// The path shown for the skill file.
    pub fn path<'a>(&self, ws: &'a Workspace) -> &'a Path {
        &ws.files[self.file].entry.display
    }
}

/// Everything one run looks at.
#[derive(Debug, Default)]
pub struct Workspace {
    pub roots: Vec<Root>,
    /// Files of all roots, sorted by root then relative path.
    pub files: Vec<WsFile>,
    pub skills: Vec<Skill>,
    /// Plugin roots (folders holding `.claude-plugin/plugin.json`), absolute.
    pub plugins: Vec<PathBuf>,
    /// `.claude-plugin/marketplace.json` files, absolute.
    pub marketplaces: Vec<PathBuf>,
    /// Problems found while walking and reading.
    pub problems: Vec<Diagnostic>,
    /// Absolute path to index in `files`.
    by_path: HashMap<PathBuf, usize>,
    /// The library model (plugins, components, names), built on first use and shared by every
    /// library-level rule of the run.
    library: std::sync::OnceLock<crate::library::Library>,
    /// Every PL and MK finding, computed once by the first plugin rule that asks.
    plugin_findings: std::sync::OnceLock<Vec<Diagnostic>>,
    /// `[limits] json-max-depth`, when set (see [`Workspace::json_max_depth`]).
    pub json_max_depth: Option<usize>,
}

/// A file's text, `None` for binary, or why it was not read (boxed: the error path is rare).
fn read_entry(
    entry: &FileEntry,
    max_size: u64,
) -> Result<Option<Arc<SourceFile>>, Box<(Unread, Diagnostic)>> {
    if entry.size > max_size {
        return Err(Box::new((
            Unread::TooLarge,
            sa::file_too_large(&entry.display, entry.size, max_size),
        )));
    }
    let mut buf = Vec::with_capacity(usize::try_from(entry.size).unwrap_or(0).min(1 << 24));
    let read =
        std::fs::File::open(&entry.abs).and_then(|f| f.take(max_size + 1).read_to_end(&mut buf));
    if let Err(e) = read {
        return Err(Box::new((
            Unread::Error,
            sa::io_error(&entry.display, &e.to_string()),
        )));
    }
    if buf.len() as u64 > max_size {
        return Err(Box::new((
            Unread::TooLarge,
            sa::file_too_large(&entry.display, buf.len() as u64, max_size),
        )));
    }
    if memchr_nul(&buf[..buf.len().min(BINARY_SNIFF)]) {
        return Ok(None);
    }
    Ok(Some(SourceFile::from_bytes(
        entry.display.clone(),
        entry.abs.clone(),
        buf,
        entry.executable,
    )))
}

fn memchr_nul(bytes: &[u8]) -> bool {
    memchr::memchr(0, bytes).is_some()
}

/// Whether a file name makes a folder a skill.
pub fn skill_file_kind(name: &str) -> Option<bool> {
    match name {
        "SKILL.md" => Some(false),
        "skill.md" => Some(true),
        _ => None,
    }
}

impl Workspace {
    /// Read and model what the walks found. `max_file_size` caps every read.
    pub fn build(walks: Vec<Discovered>, max_file_size: u64, limits: YamlLimits) -> Self {
        Self::build_with_overlays(walks, max_file_size, limits, &HashMap::new())
    }

    /// Like [`Workspace::build`], but files whose canonical path is a key of `overlays` take
    /// their text from it instead of the disk (an editor's unsaved buffers).
    pub fn build_with_overlays(
        walks: Vec<Discovered>,
        max_file_size: u64,
        limits: YamlLimits,
        overlays: &HashMap<PathBuf, String>,
    ) -> Self {
        let mut ws = Workspace::default();
        for (root_index, walk) in walks.into_iter().enumerate() {
            ws.roots.push(Root {
                path: walk.root.clone(),
                display: walk.display_root.clone(),
            });
            ws.problems.extend(walk.problems);
            ws.files.extend(walk.files.into_iter().map(|entry| WsFile {
                entry,
                root: root_index,
                source: None,
                unread: None,
            }));
        }
        let results: Vec<_> = ws
            .files
            .par_iter()
            .map(|f| match overlays.get(&f.entry.abs) {
                Some(text) => Ok(Some(SourceFile::from_bytes(
                    f.entry.display.clone(),
                    f.entry.abs.clone(),
                    text.clone().into_bytes(),
                    f.entry.executable,
                ))),
                None => read_entry(&f.entry, max_file_size),
            })
            .collect();
        for (file, result) in ws.files.iter_mut().zip(results) {
            match result {
                Ok(Some(src)) => file.source = Some(src),
                Ok(None) => file.unread = Some(Unread::Binary),
                Err(boxed) => {
                    let (why, diag) = *boxed;
                    file.unread = Some(why);
                    ws.problems.push(diag);
                }
            }
        }
        ws.by_path = ws
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.entry.abs.clone(), i))
            .collect();
        ws.find_components();
        ws.build_skills(limits);
        ws
    }

    fn find_components(&mut self) {
        for f in &self.files {
            let rel = &f.entry.rel;
            let parent_is_manifest_dir = rel
                .parent()
                .and_then(Path::file_name)
                .is_some_and(|n| n == ".claude-plugin");
            if !parent_is_manifest_dir {
                continue;
            }
            let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let plugin_root = f
                .entry
                .abs
                .parent()
                .and_then(Path::parent)
                .map(Path::to_path_buf);
            match (name, plugin_root) {
                ("plugin.json", Some(r)) => self.plugins.push(r),
                ("marketplace.json", Some(_)) => self.marketplaces.push(f.entry.abs.clone()),
                _ => {}
            }
        }
    }

    fn build_skills(&mut self, limits: YamlLimits) {
        // A folder with both SKILL.md and skill.md is one skill (SKILL.md wins).
        let mut candidates: Vec<(usize, bool)> = Vec::new();
        for (i, f) in self.files.iter().enumerate() {
            let Some(name) = f.entry.rel.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let Some(lower) = skill_file_kind(name) else {
                continue;
            };
            if lower {
                let upper = f.entry.abs.with_file_name("SKILL.md");
                if self.by_path.contains_key(&upper) {
                    continue;
                }
            }
            candidates.push((i, lower));
        }
        let files = &self.files;
        let roots = &self.roots;
        let skills: Vec<(Skill, Option<Diagnostic>)> = candidates
            .par_iter()
            .map(|&(i, lower)| {
                let f = &files[i];
                let dir = f
                    .entry
                    .abs
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                let rel_dir = f
                    .entry
                    .rel
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                let display_dir = f
                    .entry
                    .display
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                let dir_name = if rel_dir.as_os_str().is_empty() {
                    roots[f.root]
                        .path
                        .file_name()
                        .and_then(|n| n.to_str())
                        .unwrap_or("")
                        .to_string()
                } else {
                    rel_dir
                        .file_name()
                        .and_then(|n| n.to_str())
                        .unwrap_or("")
                        .to_string()
                };
                let start = files.partition_point(|g| (g.root, &g.entry.rel) < (f.root, &rel_dir));
                let end = files[start..]
                    .iter()
                    .position(|g| g.root != f.root || !g.entry.rel.starts_with(&rel_dir))
                    .map_or(files.len(), |p| start + p);
                // Parsing is the first code to touch hostile input: a parser bug must cost
                // this one file, not the run.
                let parsed = match &f.source {
                    None => Ok((FrontmatterState::Missing, 0, MarkdownInfo::default())),
                    Some(src) => std::panic::catch_unwind(|| parse_skill_file(&src.text, limits)),
                };
                let (frontmatter, body_start, md, problem) = match parsed {
                    Ok((fm, b, md)) => (fm, b, md, None),
                    Err(_) => (
                        FrontmatterState::Missing,
                        0,
                        MarkdownInfo::default(),
                        Some(sa::internal_error(
                            &f.entry.display,
                            "the skill file could not be parsed",
                        )),
                    ),
                };
                (
                    Skill {
                        dir,
                        display_dir,
                        dir_name,
                        root: f.root,
                        file: i,
                        lowercase_file_name: lower,
                        source: f.source.clone(),
                        frontmatter,
                        body_start,
                        markdown: md,
                        files: start..end,
                        parent: None,
                        parse_failed: problem.is_some(),
                    },
                    problem,
                )
            })
            .collect();
        let (mut skills, problems): (Vec<Skill>, Vec<Option<Diagnostic>>) =
            skills.into_iter().unzip();
        self.problems.extend(problems.into_iter().flatten());
        skills.sort_by(|a, b| (a.root, &a.dir).cmp(&(b.root, &b.dir)));
        // Sorted by folder, a skill's ancestors are on a stack of the folders still open.
        let mut open: Vec<usize> = Vec::new();
        for i in 0..skills.len() {
            while let Some(&j) = open.last() {
                if skills[j].root == skills[i].root && skills[i].dir.starts_with(&skills[j].dir) {
                    break;
                }
                open.pop();
            }
            skills[i].parent = open.last().copied();
            open.push(i);
        }
        self.skills = skills;
    }

    /// A workspace holding only a library assembled from shards' indexes (for the
    /// library-level rules at merge time; it has no files).
    pub fn from_library(library: crate::library::Library) -> Self {
        Self {
            library: std::sync::OnceLock::from(library),
            ..Self::default()
        }
    }

    /// The library model of this workspace, built once on first use.
    pub fn library(&self) -> &crate::library::Library {
        self.library
            .get_or_init(|| crate::library::Library::new(self))
    }

    /// The deepest JSON nesting read before a manifest is refused.
    pub fn json_max_depth(&self) -> usize {
        self.json_max_depth.unwrap_or(crate::json::MAX_DEPTH)
    }

    /// The findings of the plugin and marketplace pass, computed once on first use.
    pub fn plugin_findings(&self) -> &[Diagnostic] {
        self.plugin_findings
            .get_or_init(|| crate::plugin::analyze(self))
    }

    /// Whether `abs` names a file or folder (a link is not followed: only its own entry counts).
    pub fn path_exists(&self, abs: &Path) -> bool {
        self.by_path.contains_key(abs) || std::fs::symlink_metadata(abs).is_ok()
    }

    /// Whether `abs` is a folder (not followed through a link).
    pub fn is_dir(&self, abs: &Path) -> bool {
        std::fs::symlink_metadata(abs).is_ok_and(|m| m.is_dir())
    }

    pub fn source_at(&self, abs: &Path) -> Option<&Arc<SourceFile>> {
        self.file_at(abs).and_then(|f| f.source.as_ref())
    }

    pub fn file_at(&self, abs: &Path) -> Option<&WsFile> {
        self.by_path.get(abs).map(|&i| &self.files[i])
    }
}

/// Split and parse a skill file: frontmatter (lenient, see [`frontmatter::parse_lenient`]),
/// where the body starts, and the body's Markdown structure.
pub fn parse_skill_file(text: &str, limits: YamlLimits) -> (FrontmatterState, usize, MarkdownInfo) {
    match frontmatter::split(text) {
        Split::Missing => {
            let start = frontmatter::bom_len(text);
            (
                FrontmatterState::Missing,
                start,
                markdown::analyze(text, start),
            )
        }
        Split::Unclosed { open } => (
            FrontmatterState::Unclosed { open },
            text.len(),
            MarkdownInfo::default(),
        ),
        Split::Closed(fences) => {
            let fm = frontmatter::parse_lenient(text, fences, limits);
            let md = markdown::analyze(text, fences.body_start);
            (
                FrontmatterState::Parsed(Box::new(fm)),
                fences.body_start,
                md,
            )
        }
    }
}
