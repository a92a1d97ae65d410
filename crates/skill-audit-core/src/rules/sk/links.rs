//! Link helpers shared by the SK body rules (SK041–SK046): classify a Markdown destination,
//! resolve it lexically inside the skill folder, and collect the Markdown files a rule looks at
//! (`SKILL.md` plus the Markdown files `SKILL.md` links to).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::markdown::{self, Link};
use crate::rules::Context;
use crate::source::SourceFile;
use crate::text::TextRange;
use crate::workspace::Skill;

/// What a link destination points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Not a local file: a URL (any scheme), `mailto:`, an in-page anchor, an empty or templated
    /// destination, or a path under `${CLAUDE_PLUGIN_ROOT}` (outside the skill by design).
    Skip,
    /// An absolute path: `/x`, `\x`, `C:\x`, `C:/x`, `~/x`, `\\server\share` or `file:`.
    Absolute,
    /// A relative path (fragment and query stripped, percent-decoded, separators as written).
    Local {
        path: String,
        /// Written as `${CLAUDE_SKILL_DIR}/...`: relative to the skill folder, not the file.
        from_skill_dir: bool,
    },
}

/// Classify a destination as written in Markdown.
pub fn classify(dest: &str) -> Target {
    let d = dest.trim();
    if d.is_empty() || d.starts_with('#') {
        return Target::Skip;
    }
    let lower = d.to_ascii_lowercase();
    if lower.starts_with("file:") {
        return Target::Absolute;
    }
    let mut from_skill_dir = false;
    let mut rest = d;
    for prefix in ["${claude_skill_dir}", "$claude_skill_dir"] {
        if lower.starts_with(prefix) {
            // The prefix is ASCII, so its length is a char boundary of `d` too.
            let after = d.get(prefix.len()..).unwrap_or("");
            if !after.is_empty() && !after.starts_with(['/', '\\']) {
                return Target::Skip;
            }
            rest = after.trim_start_matches(['/', '\\']);
            from_skill_dir = true;
            break;
        }
    }
    if rest.starts_with('$') || rest.contains("${") || rest.contains("{{") {
        return Target::Skip;
    }
    if !from_skill_dir {
        let b = rest.as_bytes();
        let drive = b.len() >= 2
            && b[0].is_ascii_alphabetic()
            && b[1] == b':'
            && (b.len() == 2 || b[2] == b'/' || b[2] == b'\\');
        if drive {
            return Target::Absolute;
        }
        if has_scheme(rest) || rest.starts_with("//") {
            return Target::Skip;
        }
        if rest.starts_with(['/', '\\'])
            || rest == "~"
            || rest.starts_with("~/")
            || rest.starts_with("~\\")
        {
            return Target::Absolute;
        }
    }
    let cut = rest.find(['#', '?']).unwrap_or(rest.len());
    let path = percent_decode(rest.get(..cut).unwrap_or(""));
    if path.is_empty() && !from_skill_dir {
        return Target::Skip;
    }
    Target::Local {
        path,
        from_skill_dir,
    }
}

/// `scheme:` as in RFC 3986 (a letter, then letters, digits, `+`, `-`, `.`).
fn has_scheme(s: &str) -> bool {
    let Some(colon) = s.find(':') else {
        return false;
    };
    let scheme = &s[..colon];
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Decode `%XX` escapes; invalid escapes are kept as written, invalid UTF-8 is replaced.
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(v) = hex {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Where a relative path leads, worked out on the text alone (no file system access).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Path components relative to the skill folder (empty for the folder itself).
    Inside(Vec<String>),
    /// A `..` climbs above the skill folder.
    Escapes,
}

/// Resolve `path` (split on `/` and `\`) against `base`, the components of a folder inside the
/// skill.
pub fn resolve(base: &[String], path: &str) -> Resolved {
    let mut comps: Vec<String> = base.to_vec();
    for part in path.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                if comps.pop().is_none() {
                    return Resolved::Escapes;
                }
            }
            p => comps.push(p.to_string()),
        }
    }
    Resolved::Inside(comps)
}

/// Resolve a local link found in a file whose folder is `base` (relative to the skill).
pub fn resolve_target(base: &[String], path: &str, from_skill_dir: bool) -> Resolved {
    if from_skill_dir {
        resolve(&[], path)
    } else {
        resolve(base, path)
    }
}

/// The absolute path of components relative to the skill folder.
pub fn abs_path(skill: &Skill, comps: &[String]) -> PathBuf {
    let mut p = skill.dir.clone();
    for c in comps {
        p.push(c);
    }
    p
}

/// Whether a path inside the skill exists: a file the run read, or anything on disk (a folder, an
/// ignored file). Callers only pass components from [`Resolved::Inside`], so the path is inside
/// the skill folder and nothing outside it is ever looked at.
pub fn exists(skill: &Skill, cx: &Context<'_>, comps: &[String]) -> bool {
    if comps.is_empty() {
        return true;
    }
    let abs = abs_path(skill, comps);
    cx.workspace.file_at(&abs).is_some() || std::fs::symlink_metadata(&abs).is_ok()
}

/// Whether the last component names a Markdown file.
pub fn is_markdown_name(comps: &[String]) -> bool {
    comps.last().is_some_and(|n| {
        std::path::Path::new(n)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| {
                ["md", "markdown", "mdx"]
                    .iter()
                    .any(|m| e.eq_ignore_ascii_case(m))
            })
    })
}

/// Whether `file` belongs to a skill nested in `skill`: a folder between the skill folder
/// (exclusive) and the file holds a skill file. Only looks at files the run read.
pub fn in_nested_skill(skill: &Skill, cx: &Context<'_>, file: &Path) -> bool {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == skill.dir || !d.starts_with(&skill.dir) {
            return false;
        }
        if ["SKILL.md", "skill.md"]
            .iter()
            .any(|n| cx.workspace.file_at(&d.join(n)).is_some())
        {
            return true;
        }
        dir = d.parent();
    }
    false
}

/// A Markdown file whose links the rules check.
#[derive(Debug)]
pub struct Doc {
    pub src: Arc<SourceFile>,
    /// The file's folder, relative to the skill folder.
    pub dir: Vec<String>,
    /// The file's path, relative to the skill folder.
    pub rel: Vec<String>,
    pub links: Vec<Link>,
    /// This is the skill file itself.
    pub is_skill_file: bool,
}

/// The components of every local link in the skill file that resolves inside the skill.
pub fn skill_file_targets(skill: &Skill) -> Vec<Vec<String>> {
    skill
        .markdown
        .links
        .iter()
        .filter_map(|l| match classify(&l.dest) {
            Target::Local {
                path,
                from_skill_dir,
            } => match resolve_target(&[], &path, from_skill_dir) {
                Resolved::Inside(c) => Some(c),
                Resolved::Escapes => None,
            },
            _ => None,
        })
        .collect()
}

/// Where `SKILL.md` first links the file at `rel` (components relative to the skill).
pub fn skill_link_to(skill: &Skill, rel: &[String]) -> Option<TextRange> {
    skill
        .markdown
        .links
        .iter()
        .find_map(|l| match classify(&l.dest) {
            Target::Local {
                path,
                from_skill_dir,
            } => (resolve_target(&[], &path, from_skill_dir) == Resolved::Inside(rel.to_vec()))
                .then_some(l.dest_range),
            _ => None,
        })
}

/// The Markdown files `SKILL.md` links to directly (inside the skill but not in a nested skill,
/// read by this run), each once, in link order, with their own links parsed.
pub fn linked_docs(skill: &Skill, cx: &Context<'_>) -> Vec<Doc> {
    let skill_file = cx
        .workspace
        .files
        .get(skill.file)
        .map(|f| f.entry.abs.clone());
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut out = Vec::new();
    for comps in skill_file_targets(skill) {
        if !is_markdown_name(&comps) {
            continue;
        }
        let abs = abs_path(skill, &comps);
        if skill_file.as_ref() == Some(&abs)
            || in_nested_skill(skill, cx, &abs)
            || !seen.insert(abs.clone())
        {
            continue;
        }
        let Some(src) = cx.workspace.source_at(&abs) else {
            continue;
        };
        let links = markdown::analyze(&src.text, 0).links;
        let mut dir = comps.clone();
        dir.pop();
        out.push(Doc {
            src: Arc::clone(src),
            dir,
            rel: comps,
            links,
            is_skill_file: false,
        });
    }
    out
}

/// `SKILL.md` followed by [`linked_docs`].
pub fn all_docs(skill: &Skill, cx: &Context<'_>) -> Vec<Doc> {
    let mut out = Vec::new();
    if let Some(src) = &skill.source {
        out.push(Doc {
            src: Arc::clone(src),
            dir: Vec::new(),
            rel: vec![src.file_name().to_string()],
            links: skill.markdown.links.clone(),
            is_skill_file: true,
        });
    }
    out.extend(linked_docs(skill, cx));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(p: &str) -> Target {
        Target::Local {
            path: p.to_string(),
            from_skill_dir: false,
        }
    }

    #[test]
    fn classifies_destinations() {
        assert_eq!(classify("https://x.y/z"), Target::Skip);
        assert_eq!(classify("mailto:a@b.c"), Target::Skip);
        assert_eq!(classify("#usage"), Target::Skip);
        assert_eq!(classify("//cdn.x/y.png"), Target::Skip);
        assert_eq!(classify("${CLAUDE_PLUGIN_ROOT}/x.md"), Target::Skip);
        assert_eq!(classify("/etc/passwd"), Target::Absolute);
        assert_eq!(classify("C:\\x\\y.md"), Target::Absolute);
        assert_eq!(classify("c:/x"), Target::Absolute);
        assert_eq!(classify("~/notes.md"), Target::Absolute);
        assert_eq!(classify("file:///x"), Target::Absolute);
        assert_eq!(classify("\\\\srv\\share"), Target::Absolute);
        assert_eq!(
            classify("references/a%20b.md#top"),
            local("references/a b.md")
        );
        assert_eq!(classify("a.md?raw=1"), local("a.md"));
        assert_eq!(classify("?raw=1"), Target::Skip);
        assert_eq!(classify("a%zz%"), local("a%zz%"));
        assert_eq!(
            classify("${CLAUDE_SKILL_DIR}/scripts/x.py"),
            Target::Local {
                path: "scripts/x.py".into(),
                from_skill_dir: true
            }
        );
    }

    #[test]
    fn resolves_lexically() {
        let base = vec!["references".to_string()];
        assert_eq!(
            resolve(&base, "../SKILL.md"),
            Resolved::Inside(vec!["SKILL.md".into()])
        );
        assert_eq!(resolve(&base, "../../x"), Resolved::Escapes);
        assert_eq!(
            resolve(&[], "a/./b\\c"),
            Resolved::Inside(vec!["a".into(), "b".into(), "c".into()])
        );
        assert_eq!(resolve(&[], "a/../../b"), Resolved::Escapes);
    }
}
