//! Running the core over what the editor shows: one skill or plugin folder per change, the
//! whole workspace in the background.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use skill_audit::config::{load_config, ConfigError, CONFIG_NAMES};
use skill_audit::runner::check_with_workspace;
use skill_audit::{check, CheckError, CheckOptions, Passes, Report};

/// The folder whose audit gives a file's diagnostics: the closest skill folder (holding
/// `SKILL.md`), else the closest plugin or marketplace root (holding `.claude-plugin/`), else
/// the file's own folder. The search stops at the workspace root holding the file.
pub fn unit_root(file: &Path, roots: &[PathBuf], overlays: &HashMap<PathBuf, String>) -> PathBuf {
    let dir = file.parent().unwrap_or(Path::new("/"));
    let stop = roots
        .iter()
        .filter(|r| file.starts_with(r))
        .max_by_key(|r| r.as_os_str().len());
    for d in dir.ancestors() {
        let is_skill = ["SKILL.md", "skill.md"].iter().any(|n| {
            let p = d.join(n);
            overlays.contains_key(&p) || p.is_file()
        });
        if is_skill || d.join(".claude-plugin").is_dir() {
            return d.to_path_buf();
        }
        if stop.is_some_and(|s| d == s.as_path()) {
            break;
        }
    }
    dir.to_path_buf()
}

/// Options for a run over the editor's buffers.
pub fn options(
    config: Option<&Path>,
    overlays: HashMap<PathBuf, String>,
    passes: Passes,
) -> CheckOptions {
    CheckOptions {
        config: config.map(Path::to_path_buf),
        overlays,
        passes,
        ..CheckOptions::default()
    }
}

/// Per-file findings of one unit folder.
pub fn check_unit(
    unit: &Path,
    config: Option<&Path>,
    overlays: HashMap<PathBuf, String>,
) -> Result<Report, CheckError> {
    check(
        &[unit.to_path_buf()],
        &options(config, overlays, Passes::Local),
    )
}

/// Library-wide findings of the workspace roots.
pub fn check_library(
    roots: &[PathBuf],
    config: Option<&Path>,
    overlays: HashMap<PathBuf, String>,
) -> Result<Report, CheckError> {
    check(roots, &options(config, overlays, Passes::Library))
}

/// The text of `file` with every safe fix applied (several passes: a fix may enable another),
/// or None when nothing changes.
pub fn fix_all(
    file: &Path,
    text: &str,
    unit: &Path,
    config: Option<&Path>,
    mut overlays: HashMap<PathBuf, String>,
) -> Option<String> {
    let mut current = text.to_string();
    for _ in 0..10 {
        overlays.insert(file.to_path_buf(), current.clone());
        let opts = options(config, overlays.clone(), Passes::Local);
        let (report, _) = check_with_workspace(&[unit.to_path_buf()], &opts).ok()?;
        let fixed = skill_audit::fix::fixed_files(&report, false);
        let Some(f) = fixed.into_iter().find(|f| f.abs_path == file) else {
            break;
        };
        if f.after == current {
            break;
        }
        current = f.after;
    }
    (current != text).then_some(current)
}

/// Whether a path names a configuration file.
pub fn is_config(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| CONFIG_NAMES.contains(&n))
}

/// Parse a configuration file (an editor buffer if given, else the disk).
pub fn validate_config(path: &Path, text: Option<&str>) -> Result<(), ConfigError> {
    match text {
        Some(t) => skill_audit::config::parse_config(t, path).map(|_| ()),
        None if path.is_file() => load_config(path).map(|_| ()),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_the_closest_skill_or_plugin_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let skill = root.join("plug/skills/pdf");
        std::fs::create_dir_all(skill.join("scripts")).unwrap();
        std::fs::create_dir_all(root.join("plug/.claude-plugin")).unwrap();
        std::fs::create_dir_all(root.join("plug/agents")).unwrap();
        std::fs::write(skill.join("SKILL.md"), "---\nname: pdf\n---\n").unwrap();
        let roots = vec![root.clone()];
        let none = HashMap::new();
        assert_eq!(
            unit_root(&skill.join("scripts/run.sh"), &roots, &none),
            skill
        );
        assert_eq!(unit_root(&skill.join("SKILL.md"), &roots, &none), skill);
        assert_eq!(
            unit_root(&root.join("plug/agents/a.md"), &roots, &none),
            root.join("plug")
        );
        assert_eq!(
            unit_root(&root.join("plug/.claude-plugin/plugin.json"), &roots, &none),
            root.join("plug")
        );
        assert_eq!(
            unit_root(&root.join("notes/x.md"), &roots, &none),
            root.join("notes")
        );
    }
}
