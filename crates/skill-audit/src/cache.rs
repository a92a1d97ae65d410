//! The result cache of `check`: a re-run over an unchanged tree prints the stored report
//! without reading a file.
//!
//! One entry per set of audited paths and options (`<dir>/v1/<hash>.entry`: a line of JSON with
//! the key and the files, then the output verbatim). It is valid when
//! the tool version, the options (format and everything that changes findings), the contents
//! of the config files (explicit, and any `skill-audit.toml` above the audited folders), the
//! day (review-age rules depend on it) and the tree are the same. The tree is listed by the
//! cache itself (ignored files included, so nothing the run could see is missed) and compared
//! file by file: same list of paths, and for each file the same size, modification time and
//! inode, or else the same content hash (the file is then read and hashed; a touched but unchanged file
//! is still a hit). Files modified within two seconds of the entry being written are always
//! re-hashed (their timestamp cannot prove they did not change again in the same tick).
//!
//! Entries are written to a temporary file and renamed into place, so concurrent runs never
//! see half an entry; an unreadable or corrupt entry is ignored with a warning and replaced.
//! The default folder is outside the audited tree (`$SKILL_AUDIT_CACHE_DIR`, else
//! `$XDG_CACHE_HOME/skill-audit`, else `~/.cache/skill-audit`): `check` never writes into the
//! folders it audits unless `--fix` is given.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde_json::{json, Value};
use skill_audit::shard::fnv1a;

const ENTRY_VERSION: u64 = 1;

/// The default cache folder, if a home or cache folder is known.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("SKILL_AUDIT_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d).join("skill-audit"));
    }
    std::env::var_os("HOME")
        .filter(|d| !d.is_empty())
        .map(|h| PathBuf::from(h).join(".cache").join("skill-audit"))
}

/// Every entry under `dir` but folders and `.git`, with its `lstat` stamp: a superset of what
/// a run audits (ignored files are listed too, so a change to what `.gitignore` hides only
/// makes a needless miss). Reading folders and `stat`-ing entries relative to them, in
/// parallel, keeps this close to the cost of `find`. An unreadable folder is an entry too.
fn tree(dir: &Path) -> Vec<Stamp> {
    // Level by level (no recursion: folders may nest thousands deep), each level in parallel.
    let mut files = Vec::new();
    let mut level = vec![dir.to_path_buf()];
    while !level.is_empty() {
        let read: Vec<(Vec<Stamp>, Vec<PathBuf>)> = level.par_iter().map(|d| list(d)).collect();
        level = Vec::new();
        for (f, d) in read {
            files.extend(f);
            level.extend(d);
        }
    }
    files
}

/// The files (with stamps) and sub-folders of one folder.
fn list(dir: &Path) -> (Vec<Stamp>, Vec<PathBuf>) {
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    match std::fs::read_dir(dir) {
        Err(e) => files.push(Stamp {
            abs: dir.to_path_buf(),
            path: format!("{} (unreadable: {e})", dir.display()),
            size: u64::MAX,
            mtime_ns: 0,
            ino: 0,
        }),
        Ok(entries) => {
            for e in entries.flatten() {
                if e.file_name() == ".git" {
                    continue;
                }
                let Ok(ft) = e.file_type() else { continue };
                if ft.is_dir() {
                    dirs.push(e.path());
                } else if let Ok(m) = e.metadata() {
                    let (mtime_ns, ino) = skill_audit::discovery::stamp(&m);
                    let abs = e.path();
                    files.push(Stamp {
                        path: abs.to_string_lossy().into_owned(),
                        abs,
                        size: m.len(),
                        mtime_ns,
                        ino,
                    });
                }
            }
        }
    }
    (files, dirs)
}

/// One file of the tree as the walk saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    abs: PathBuf,
    path: String,
    size: u64,
    mtime_ns: i128,
    ino: u64,
}

fn hex(h: u64) -> String {
    format!("{h:016x}")
}

fn content_hash(bytes: &[u8]) -> String {
    hex(fnv1a(bytes) ^ (bytes.len() as u64).rotate_left(32))
}

fn now_ns() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(0))
}

/// The cache of one invocation.
pub struct Cache {
    entry: PathBuf,
    key: String,
    /// The audited tree's files, in walk order.
    files: Vec<Stamp>,
}

/// A stored result: the entry's bytes, the output being `bytes[start..]` (valid UTF-8).
pub struct Hit {
    bytes: Vec<u8>,
    start: usize,
    pub exit: u8,
}

impl Hit {
    pub fn output(&self) -> &str {
        std::str::from_utf8(&self.bytes[self.start..]).unwrap_or_default()
    }
}

impl Cache {
    /// Prepare the cache for `paths` audited with `options` (a canonical description of every
    /// option that changes the output). `None` when the paths cannot be walked (the run then
    /// reports that itself).
    pub fn open(dir: &Path, paths: &[PathBuf], options: &str) -> Option<Self> {
        let mut material = String::new();
        material.push_str(skill_audit::VERSION);
        material.push('\n');
        material.push_str(options);
        material.push('\n');
        let days = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        let _ = writeln!(material, "day {days}");
        let cwd = std::env::current_dir().ok()?;
        let _ = writeln!(material, "cwd {}", cwd.display());
        let mut files = Vec::new();
        let paths: Vec<PathBuf> = if paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            paths.to_vec()
        };
        for p in &paths {
            let meta = std::fs::metadata(p).ok()?;
            let root = if meta.is_dir() {
                p.clone()
            } else {
                p.parent()
                    .filter(|q| !q.as_os_str().is_empty())
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
            };
            let root = root.canonicalize().ok()?;
            let _ = writeln!(material, "root {} {}", p.display(), root.display());
            // Config files above the root apply too.
            for a in root.ancestors().skip(1) {
                for name in ["skill-audit.toml", ".skill-audit.toml"] {
                    if let Ok(text) = std::fs::read(a.join(name)) {
                        let _ = writeln!(
                            material,
                            "config {} {}",
                            a.join(name).display(),
                            content_hash(&text)
                        );
                    }
                }
            }
            let mut found = tree(&root);
            found.sort_by(|a, b| a.path.cmp(&b.path));
            files.extend(found);
        }
        let key = hex(fnv1a(material.as_bytes()));
        let roots: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        let name = hex(fnv1a(
            format!("{}\n{}\n{options}", cwd.display(), roots.join("\n")).as_bytes(),
        ));
        Some(Self {
            entry: dir.join("v1").join(format!("{name}.entry")),
            key,
            files,
        })
    }

    /// The stored result, if the entry is valid for the tree as it is now.
    ///
    /// An entry is one line of JSON (key, files, exit code) and then the output, verbatim.
    pub fn lookup(&self) -> Option<Hit> {
        let bytes = match std::fs::read(&self.entry) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(e) => {
                eprintln!(
                    "skill-audit: warning: ignoring the cache entry {}: {e}",
                    self.entry.display()
                );
                return None;
            }
        };
        let split = memchr_newline(&bytes);
        let header = split.and_then(|n| serde_json::from_slice::<Value>(&bytes[..n]).ok());
        let (Some(v), Some(n)) = (header.filter(valid_shape), split) else {
            eprintln!(
                "skill-audit: warning: ignoring the corrupt cache entry {} (it will be rewritten)",
                self.entry.display()
            );
            return None;
        };
        // Then one line per file, then the output.
        let files_len =
            usize::try_from(v["files_len"].as_u64().unwrap_or(u64::MAX)).unwrap_or(usize::MAX);
        let body = &bytes[n + 1..];
        let (files_text, rest) = if files_len <= body.len() {
            body.split_at(files_len)
        } else {
            (&body[..0], &body[..0])
        };
        let files_text = std::str::from_utf8(files_text).ok();
        let output = std::str::from_utf8(rest).ok();
        let start = n + 1 + files_len.min(body.len());
        let (Some(files_text), Some(output)) = (files_text, output) else {
            eprintln!(
                "skill-audit: warning: ignoring the corrupt cache entry {} (it will be rewritten)",
                self.entry.display()
            );
            return None;
        };
        if v["output_len"].as_u64() != Some(output.len() as u64) {
            eprintln!(
                "skill-audit: warning: ignoring the corrupt cache entry {} (it will be rewritten)",
                self.entry.display()
            );
            return None;
        }
        if v["key"].as_str() != Some(self.key.as_str()) {
            return None;
        }
        let stored: Vec<&str> = files_text.lines().collect();
        if stored.len() != self.files.len() {
            return None;
        }
        let written = v["written_ns"]
            .as_str()
            .and_then(|s| s.parse::<i128>().ok())?;
        let ok = stored
            .par_iter()
            .zip(self.files.par_iter())
            .all(|(line, n)| {
                // hash size mtime ino path (the path last: it may hold spaces)
                let mut it = line.splitn(5, ' ');
                let (Some(hash), Some(size), Some(mtime), Some(ino), Some(p)) =
                    (it.next(), it.next(), it.next(), it.next(), it.next())
                else {
                    return false;
                };
                if p != n.path {
                    return false;
                }
                let same_stamp = size.parse::<u64>().ok() == Some(n.size)
                    && mtime.parse::<i128>().ok() == Some(n.mtime_ns)
                    && ino.parse::<u64>().ok() == Some(n.ino)
                    && n.mtime_ns < written - 2_000_000_000;
                same_stamp
                    || (hash != "-"
                        && std::fs::read(&n.abs).is_ok_and(|b| hash == content_hash(&b)))
            });
        if !ok {
            return None;
        }
        let exit = u8::try_from(v["exit"].as_u64()?).ok()?;
        drop(stored);
        Some(Hit { bytes, start, exit })
    }

    /// Store a result: written to a temporary file in the same folder, then renamed over the
    /// entry. Failures only warn.
    pub fn store(&self, ws: &skill_audit::workspace::Workspace, output: &str, exit: u8) {
        let written = now_ns();
        let by_abs: std::collections::HashMap<&Path, &skill_audit::workspace::WsFile> = ws
            .files
            .iter()
            .map(|f| (f.entry.abs.as_path(), f))
            .collect();
        let files: Option<Vec<String>> = self
            .files
            .par_iter()
            .map(|st| {
                // Hash what the run read; the raw bytes when the text was not kept as is.
                let hash = match by_abs.get(st.abs.as_path()).and_then(|f| f.source.as_ref()) {
                    Some(src)
                        if src.invalid_utf8_at.is_none() && src.text.len() as u64 == st.size =>
                    {
                        content_hash(src.text.as_bytes())
                    }
                    // Not audited (ignored, binary, too large): only its stamp counts.
                    _ => "-".to_string(),
                };
                // A path with a line break cannot be stored in this format: do not cache.
                (!st.path.contains(['\n', '\r'])).then(|| {
                    format!(
                        "{hash} {} {} {} {}\n",
                        st.size, st.mtime_ns, st.ino, st.path
                    )
                })
            })
            .collect();
        let Some(files) = files else {
            return; // a file vanished during the run, or a path cannot be stored
        };
        let files = files.concat();
        let v = json!({
            "version": ENTRY_VERSION,
            "key": self.key,
            "written_ns": written.to_string(),
            "exit": exit,
            "output_len": output.len(),
            "files_len": files.len(),
        });
        if let Err(e) = self.write(&v, &files, output) {
            eprintln!(
                "skill-audit: warning: cannot write the cache entry {}: {e}",
                self.entry.display()
            );
        }
    }

    fn write(&self, v: &Value, files: &str, output: &str) -> std::io::Result<()> {
        let dir = self.entry.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let top = dir.parent().unwrap_or(dir);
        let tag = top.join("CACHEDIR.TAG");
        if !tag.exists() {
            std::fs::write(
                &tag,
                "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by skill-audit.\n# For information about cache directory tags see https://bford.info/cachedir/\n",
            )?;
        }
        let ignore = top.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(&ignore, "# Created by skill-audit automatically.\n*\n")?;
        }
        let tmp = dir.join(format!(
            ".{}.{}.{}.tmp",
            self.entry
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("entry"),
            std::process::id(),
            now_ns()
        ));
        let result = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            let mut header = serde_json::to_vec(v).unwrap_or_default();
            header.push(b'\n');
            f.write_all(&header)?;
            f.write_all(files.as_bytes())?;
            f.write_all(output.as_bytes())?;
            f.sync_all().ok();
            std::fs::rename(&tmp, &self.entry)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

fn valid_shape(v: &Value) -> bool {
    v["version"].as_u64() == Some(ENTRY_VERSION)
        && v["key"].is_string()
        && v["output_len"].is_u64()
        && v["exit"].is_u64()
        && v["written_ns"].is_string()
        && v["files_len"].is_u64()
}
