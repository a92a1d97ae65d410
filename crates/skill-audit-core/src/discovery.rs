//! Finding skills, plugins and marketplaces under the audited paths.
//!
//! The walk uses the `ignore` crate's parallel walker: `.gitignore` is respected, dot-folders such
//! as `.claude/skills` and `.claude-plugin` are entered (only `.git` itself is skipped), and
//! symlinks are never followed: a link that resolves inside the audited root is read through
//! its own path, one that leaves the root or loops is reported and never opened.

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use ignore::{WalkBuilder, WalkState};

use crate::diagnostic::Diagnostic;
use crate::rules::sa;
use crate::text::TextRange;

/// A file found by the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    /// Absolute path (the audited root joined with `rel`; not canonicalised, so a symlink keeps
    /// its own name).
    pub abs: PathBuf,
    /// Path relative to the audited root.
    pub rel: PathBuf,
    /// Path shown to the user.
    pub display: PathBuf,
    pub size: u64,
    pub executable: bool,
    /// Reached through a symlink that stays inside the root.
    pub via_symlink: bool,
    /// Modification time (nanoseconds since the Unix epoch) and inode number (0 where the
    /// platform has none): with `size`, what the result cache compares.
    pub mtime_ns: i128,
    pub ino: u64,
}

/// Modification time in nanoseconds since the epoch and inode number of `meta`.
pub fn stamp(meta: &fs::Metadata) -> (i128, u64) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        (
            i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
            meta.ino(),
        )
    }
    #[cfg(not(unix))]
    {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(0));
        (mtime, 0)
    }
}

/// The result of walking one audited path.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Canonical absolute root.
    pub root: PathBuf,
    /// How the root is shown (as the user wrote it).
    pub display_root: PathBuf,
    /// Regular files (and in-root symlinks to files), sorted by `rel`.
    pub files: Vec<FileEntry>,
    /// Problems met while walking (symlink loops and escapes, unreadable folders, FIFOs).
    pub problems: Vec<Diagnostic>,
}

/// Join `base` and a relative path, dropping a leading `./`.
fn display_join(base: &Path, rel: &Path) -> PathBuf {
    if base.as_os_str().is_empty() || base == Path::new(".") {
        rel.to_path_buf()
    } else {
        base.join(rel)
    }
}

/// How to show `path`: relative to the working directory when it is below it.
pub fn display_path(path: &Path) -> PathBuf {
    if path.is_absolute() {
        if let Ok(cwd) = std::env::current_dir() {
            if let Ok(rel) = path.strip_prefix(&cwd) {
                return rel.to_path_buf();
            }
            if let Ok(canon_cwd) = cwd.canonicalize() {
                if let Ok(rel) = path.strip_prefix(&canon_cwd) {
                    return rel.to_path_buf();
                }
            }
        }
    }
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

#[cfg(unix)]
fn is_executable(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn is_executable(_meta: &fs::Metadata) -> bool {
    false
}

fn is_loop(err: &std::io::Error) -> bool {
    // ELOOP is 40 on Linux, 62 on macOS and the BSDs.
    matches!(err.raw_os_error(), Some(40 | 62)) || err.to_string().contains("symbolic links")
}

/// Walk `root` (a folder; the caller maps a `SKILL.md` path to its folder).
pub fn walk(root: &Path, display_root: &Path, threads: usize) -> std::io::Result<Discovered> {
    let canon = root.canonicalize()?;
    let files = Mutex::new(Vec::new());
    let problems = Mutex::new(Vec::new());
    let mut builder = WalkBuilder::new(&canon);
    builder
        .hidden(false)
        .parents(true)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .require_git(false)
        .ignore(true)
        .follow_links(false)
        .threads(threads)
        .filter_entry(|e| e.file_name() != ".git");
    let walker = builder.build_parallel();
    walker.run(|| {
        let files = &files;
        let problems = &problems;
        let canon = &canon;
        Box::new(move |entry| {
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    let path = err_path(&err).unwrap_or_else(|| canon.clone());
                    let rel = path.strip_prefix(canon).unwrap_or(&path).to_path_buf();
                    let shown = display_join(display_root, &rel);
                    let diag = sa::io_error(&shown, &err.to_string());
                    if let Ok(mut p) = problems.lock() {
                        p.push(diag);
                    }
                    return WalkState::Continue;
                }
            };
            let path = entry.path();
            let Ok(rel) = path.strip_prefix(canon) else {
                return WalkState::Continue;
            };
            let rel = rel.to_path_buf();
            let shown = display_join(display_root, &rel);
            let Some(ft) = entry.file_type() else {
                return WalkState::Continue;
            };
            if ft.is_dir() {
                return WalkState::Continue;
            }
            let mut via_symlink = false;
            let meta = if ft.is_symlink() {
                match fs::canonicalize(path) {
                    Err(e) if is_loop(&e) => {
                        push(problems, sa::symlink_loop(&shown));
                        return WalkState::Continue;
                    }
                    // A dangling link: nothing to read; a Markdown link to it is reported as missing.
                    Err(_) => return WalkState::Continue,
                    Ok(target) => {
                        if !target.starts_with(canon) {
                            push(problems, sa::symlink_escapes(&shown));
                            return WalkState::Continue;
                        }
                        match fs::metadata(&target) {
                            // A folder inside the root is walked under its own path.
                            Ok(m) if m.is_dir() => return WalkState::Continue,
                            Ok(m) => {
                                via_symlink = true;
                                m
                            }
                            Err(e) => {
                                push(problems, sa::io_error(&shown, &e.to_string()));
                                return WalkState::Continue;
                            }
                        }
                    }
                }
            } else {
                match entry.metadata() {
                    Ok(m) => m,
                    Err(e) => {
                        push(problems, sa::io_error(&shown, &e.to_string()));
                        return WalkState::Continue;
                    }
                }
            };
            if !meta.is_file() {
                // FIFOs, sockets and devices are never opened: reading one could block forever.
                push(problems, sa::not_regular_file(&shown));
                return WalkState::Continue;
            }
            let (mtime_ns, ino) = stamp(&meta);
            let fe = FileEntry {
                abs: path.to_path_buf(),
                rel,
                display: shown,
                size: meta.len(),
                executable: is_executable(&meta),
                via_symlink,
                mtime_ns,
                ino,
            };
            if let Ok(mut f) = files.lock() {
                f.push(fe);
            }
            WalkState::Continue
        })
    });
    let mut files = files.into_inner().unwrap_or_default();
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    let mut problems = problems.into_inner().unwrap_or_default();
    problems.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.code.cmp(&b.code)));
    Ok(Discovered {
        root: canon,
        display_root: display_root.to_path_buf(),
        files,
        problems,
    })
}

fn push(problems: &Mutex<Vec<Diagnostic>>, d: Diagnostic) {
    if let Ok(mut p) = problems.lock() {
        p.push(d);
    }
}

fn err_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            err_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

/// An empty range, for findings about a whole file.
pub const WHOLE_FILE: TextRange = TextRange { start: 0, end: 0 };
