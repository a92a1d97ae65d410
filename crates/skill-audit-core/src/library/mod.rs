//! The library view: what the governance rules (NS, DU, GV) and `skill-audit inventory` see
//! of a whole collection of skills and plugins at once.
//!
//! - [`Library`]: every skill with its name, plugin and marketplace; every plugin with its
//!   manifest's name, owner, version and licence; every command and agent of a plugin.
//! - [`dupes`]: exact duplicates (hash of normalised content) and near-duplicates (min-hash over
//!   word shingles, LSH banding for candidates, exact similarity for the verdict).
//! - [`names`]: name skeletons for case, separator and look-alike collisions.
//! - [`inventory`]: the curation table.

pub mod date;
pub mod dupes;
pub mod inventory;
pub mod minhash;
pub mod names;
pub mod text;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::config::GovernanceSection;
use crate::text::TextRange;
use crate::workspace::{Skill, Workspace};
use crate::yaml::YamlNode;

/// Where a plugin's name must be unique: the folder of the closest marketplace above it, or
/// else the audited root.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    /// Index into [`Library::marketplaces`].
    Marketplace(usize),
    /// Index into [`Workspace::roots`].
    Root(usize),
}

/// A plugin manifest's fields that governance looks at, with where they are.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    pub name: Option<(String, TextRange)>,
    /// `author.name` (or a plain string `author`), trimmed, if non-empty.
    pub author: Option<String>,
    /// The `author` property, present even when its name is empty.
    pub author_range: Option<TextRange>,
    pub version: Option<String>,
    pub version_range: Option<TextRange>,
    pub license: Option<String>,
}

fn range_of(r: jsonc_parser::common::Range) -> TextRange {
    TextRange::new(r.start, r.end.max(r.start))
}

/// Read the governance fields of a `plugin.json`; `None` if it is not a JSON object (the
/// plugin rules report that).
pub fn read_manifest(text: &str) -> Option<Manifest> {
    use jsonc_parser::ast::Value;
    let parsed = std::panic::catch_unwind(|| {
        jsonc_parser::parse_to_ast(
            text,
            &jsonc_parser::CollectOptions::default(),
            &jsonc_parser::ParseOptions::default(),
        )
        .ok()
        .and_then(|p| p.value)
        .and_then(|v| match v {
            Value::Object(o) => Some(read_object(&o)),
            _ => None,
        })
    });
    parsed.ok().flatten()
}

fn read_object(o: &jsonc_parser::ast::Object<'_>) -> Manifest {
    use jsonc_parser::ast::Value;
    let string = |key: &str| -> Option<(String, TextRange)> {
        let p = o.get(key)?;
        match &p.value {
            Value::StringLit(s) => Some((s.value.trim().to_string(), range_of(s.range))),
            _ => None,
        }
    };
    let mut m = Manifest {
        name: string("name").filter(|(n, _)| !n.is_empty()),
        ..Manifest::default()
    };
    if let Some(p) = o.get("author") {
        m.author_range = Some(range_of(p.range));
        m.author = match &p.value {
            Value::StringLit(s) => Some(s.value.trim().to_string()),
            Value::Object(a) => a.get_string("name").map(|s| s.value.trim().to_string()),
            _ => None,
        }
        .filter(|s| !s.is_empty());
    }
    if let Some(p) = o.get("version") {
        m.version_range = Some(range_of(p.range));
        m.version = match &p.value {
            Value::StringLit(s) => Some(s.value.trim().to_string()),
            Value::NumberLit(n) => Some(n.value.to_string()),
            _ => None,
        }
        .filter(|s| !s.is_empty());
    }
    m.license = string("license").map(|(s, _)| s).filter(|s| !s.is_empty());
    m
}

/// Whether a file is a plugin manifest (`.claude-plugin/plugin.json`).
pub fn is_plugin_manifest(rel: &Path) -> bool {
    rel.file_name().is_some_and(|n| n == "plugin.json")
        && rel
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|n| n == ".claude-plugin")
}

fn is_marketplace_manifest(rel: &Path) -> bool {
    rel.file_name().is_some_and(|n| n == "marketplace.json")
        && rel
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|n| n == ".claude-plugin")
}

/// The name a skill goes by: its frontmatter `name` if it is a non-empty string, else its
/// folder's name; and where to point at it (the `name` value, or the file's start).
pub fn skill_name(skill: &Skill) -> (String, TextRange) {
    if let Some(node) = skill.yaml_root().and_then(|r| r.get("name")) {
        if let Some(s) = node.as_str().map(str::trim).filter(|s| !s.is_empty()) {
            if node.as_map().is_none() && node.as_seq().is_none() {
                return (s.to_string(), node.range);
            }
        }
    }
    (skill.dir_name.clone(), TextRange::empty(0))
}

/// The text duplicate detection compares: the `description` and the Markdown body.
pub fn skill_content(skill: &Skill) -> Option<String> {
    let (description, body) = content_parts(skill)?;
    let mut out = String::with_capacity(description.len() + body.len() + 1);
    out.push_str(description);
    out.push('\n');
    out.push_str(body);
    Some(out)
}

fn content_parts(skill: &Skill) -> Option<(&str, &str)> {
    if skill.parse_failed {
        return None;
    }
    let src = skill.source.as_ref()?;
    let description = skill
        .yaml_root()
        .and_then(|r| r.get("description"))
        .and_then(YamlNode::as_str)
        .unwrap_or("");
    let body = src
        .text
        .get(skill.body_start.min(src.text.len())..)
        .unwrap_or("");
    Some((description, body))
}

/// The word hashes of [`skill_content`], without copying the text.
pub fn content_words(skill: &Skill) -> Option<Vec<u64>> {
    let (description, body) = content_parts(skill)?;
    let mut out = Vec::with_capacity((description.len() + body.len()) / 6);
    text::push_word_hashes(description, &mut out);
    text::push_word_hashes(body, &mut out);
    Some(out)
}

/// A string value of the frontmatter `metadata` map, trimmed; `Some("")` when present but empty.
pub fn metadata_value<'a>(skill: &'a Skill, key: &str) -> Option<(&'a str, TextRange)> {
    let node = skill.yaml_root()?.get("metadata")?.get(key)?;
    match node.as_str() {
        Some(s) => Some((s.trim(), node.range)),
        None => Some(("", node.range)),
    }
}

/// Whether any `[governance]` policy is set (governance rules are off until then).
pub fn governance_configured(g: &GovernanceSection) -> bool {
    !g.required_metadata.is_empty()
        || g.review_field.is_some()
        || g.max_review_age_days.is_some()
        || !g.namespace.is_empty()
}

/// A plugin of the library.
#[derive(Debug, Clone)]
pub struct LibPlugin {
    /// Absolute plugin root.
    pub root: PathBuf,
    /// The manifest as shown to the user.
    pub manifest_path: PathBuf,
    /// The manifest's path inside its audited root.
    pub manifest_rel: PathBuf,
    /// Its name (the manifest's, else the folder's) and where it is written.
    pub name: String,
    pub name_range: TextRange,
    pub manifest: Manifest,
    pub scope: Scope,
}

/// What kind of plugin component a name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ComponentKind {
    Skill,
    Command,
    Agent,
}

impl ComponentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ComponentKind::Skill => "skill",
            ComponentKind::Command => "command",
            ComponentKind::Agent => "agent",
        }
    }
}

/// A named component: a skill, or a plugin's command or agent.
#[derive(Debug, Clone)]
pub struct Component {
    pub kind: ComponentKind,
    pub name: String,
    /// The file shown to the user and where the name is.
    pub path: PathBuf,
    /// The file's path inside its audited root.
    pub rel: PathBuf,
    pub range: TextRange,
    /// Index into [`Library::plugins`].
    pub plugin: Option<usize>,
    /// Index into [`Workspace::skills`] for skills.
    pub skill: Option<usize>,
    /// For skills, the folder holding the skill's folder (absolute).
    pub folder: PathBuf,
}

/// The library model built from a workspace.
#[derive(Debug, Default)]
pub struct Library {
    /// Marketplace roots (folders holding `.claude-plugin/marketplace.json`), absolute.
    pub marketplaces: Vec<PathBuf>,
    pub plugins: Vec<LibPlugin>,
    /// One per workspace skill, in the same order.
    pub skills: Vec<Component>,
    /// Commands and agents of plugins.
    pub components: Vec<Component>,
    /// Per skill, its content's word hashes, when the library was assembled from parts that
    /// carry them (a merge of shards); otherwise they are computed from the workspace.
    pub words: Option<Vec<Option<Vec<u64>>>>,
}

/// The library as the parts it is assembled from: what one shard contributes to a merged
/// library, and what `--emit-index` writes.
#[derive(Debug, Clone, Default)]
pub struct Parts {
    /// Marketplace roots, absolute.
    pub marketplaces: Vec<PathBuf>,
    pub plugins: Vec<PluginPart>,
    pub skills: Vec<SkillPart>,
    pub components: Vec<ComponentPart>,
}

/// A plugin before its scope is known.
#[derive(Debug, Clone)]
pub struct PluginPart {
    pub root: PathBuf,
    /// Index of the audited root it was found under.
    pub root_index: usize,
    pub manifest_path: PathBuf,
    pub manifest_rel: PathBuf,
    pub name: String,
    pub name_range: TextRange,
    pub manifest: Manifest,
}

/// A skill before its plugin is known.
#[derive(Debug, Clone)]
pub struct SkillPart {
    /// Absolute skill folder.
    pub dir: PathBuf,
    pub root_index: usize,
    pub name: String,
    pub range: TextRange,
    pub path: PathBuf,
    pub rel: PathBuf,
    /// The word hashes of its content (see [`content_words`]), when the part carries them.
    pub words: Option<Vec<u64>>,
}

/// A command or agent before its plugin index is known.
#[derive(Debug, Clone)]
pub struct ComponentPart {
    pub kind: ComponentKind,
    pub name: String,
    pub path: PathBuf,
    pub rel: PathBuf,
    pub range: TextRange,
    pub plugin_root: PathBuf,
}

impl Parts {
    /// The parts of a workspace; `keep(file index)` selects the files whose parts are taken
    /// (all for a single run, a shard's own for an index), and `words` whether the skills'
    /// word hashes are included.
    pub fn of(ws: &Workspace, keep: &dyn Fn(usize) -> bool, words: bool) -> Self {
        let mut parts = Parts::default();
        let mut plugin_roots: Vec<&Path> = Vec::new();
        for (i, f) in ws.files.iter().enumerate() {
            if is_marketplace_manifest(&f.entry.rel) {
                if let (true, Some(root)) = (keep(i), f.entry.abs.parent().and_then(Path::parent)) {
                    parts.marketplaces.push(root.to_path_buf());
                }
            } else if is_plugin_manifest(&f.entry.rel) {
                let Some(root) = f.entry.abs.parent().and_then(Path::parent) else {
                    continue;
                };
                plugin_roots.push(root);
                if !keep(i) {
                    continue;
                }
                let manifest = f
                    .source
                    .as_ref()
                    .and_then(|s| read_manifest(&s.text))
                    .unwrap_or_default();
                let (name, name_range) = manifest.name.clone().unwrap_or_else(|| {
                    (
                        root.file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default(),
                        TextRange::empty(0),
                    )
                });
                parts.plugins.push(PluginPart {
                    root: root.to_path_buf(),
                    root_index: f.root,
                    manifest_path: f.entry.display.clone(),
                    manifest_rel: f.entry.rel.clone(),
                    name,
                    name_range,
                    manifest,
                });
            }
        }
        parts.skills = ws
            .skills
            .iter()
            .filter(|s| keep(s.file))
            .map(|s| {
                let (name, range) = skill_name(s);
                SkillPart {
                    dir: s.dir.clone(),
                    root_index: s.root,
                    name,
                    range,
                    path: s.path(ws).to_path_buf(),
                    rel: ws.files[s.file].entry.rel.clone(),
                    words: if words { content_words(s) } else { None },
                }
            })
            .collect();
        let plugin_roots: std::collections::HashSet<&Path> = plugin_roots.into_iter().collect();
        for (i, f) in ws.files.iter().enumerate() {
            if !keep(i)
                || f.entry
                    .rel
                    .extension()
                    .is_none_or(|e| !e.eq_ignore_ascii_case("md"))
            {
                continue;
            }
            // `<plugin>/commands/**/x.md` or `<plugin>/agents/x.md`.
            let Some((kind, plugin_root)) = f.entry.abs.ancestors().skip(1).take(4).find_map(|a| {
                let kind = match a.file_name()?.to_str()? {
                    "commands" => ComponentKind::Command,
                    "agents" => ComponentKind::Agent,
                    _ => return None,
                };
                let root = a.parent()?;
                plugin_roots.contains(root).then_some((kind, root))
            }) else {
                continue;
            };
            let stem = f
                .entry
                .rel
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let (name, range) = match (kind, &f.source) {
                (ComponentKind::Agent, Some(src)) => {
                    let (fm, _, _) = crate::workspace::parse_skill_file(
                        &src.text,
                        crate::yaml::YamlLimits::default(),
                    );
                    let named = match &fm {
                        crate::workspace::FrontmatterState::Parsed(p) => p
                            .yaml
                            .root
                            .as_ref()
                            .and_then(|r| r.get("name"))
                            .and_then(|n| {
                                n.as_str()
                                    .map(str::trim)
                                    .filter(|s| !s.is_empty())
                                    .map(|s| (s.to_string(), n.range))
                            }),
                        _ => None,
                    };
                    named.unwrap_or((stem, TextRange::empty(0)))
                }
                _ => (stem, TextRange::empty(0)),
            };
            parts.components.push(ComponentPart {
                kind,
                name,
                path: f.entry.display.clone(),
                rel: f.entry.rel.clone(),
                range,
                plugin_root: plugin_root.to_path_buf(),
            });
        }
        parts
    }

    /// Join the parts of several shards, in the order a single run lists them.
    pub fn join(all: Vec<Parts>) -> Self {
        let mut out = Parts::default();
        for p in all {
            out.marketplaces.extend(p.marketplaces);
            out.plugins.extend(p.plugins);
            out.skills.extend(p.skills);
            out.components.extend(p.components);
        }
        out.plugins
            .sort_by(|a, b| (a.root_index, &a.manifest_rel).cmp(&(b.root_index, &b.manifest_rel)));
        out.skills
            .sort_by(|a, b| (a.root_index, &a.dir).cmp(&(b.root_index, &b.dir)));
        out.components.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }
}

impl Library {
    pub fn new(ws: &Workspace) -> Self {
        Self::assemble(Parts::of(ws, &|_| true, false))
    }

    /// Resolve scopes and plugin memberships of `parts`.
    pub fn assemble(parts: Parts) -> Self {
        let mut lib = Library {
            marketplaces: parts.marketplaces,
            ..Library::default()
        };
        lib.marketplaces.sort();
        lib.marketplaces.dedup();
        let market_of: HashMap<&Path, usize> = lib
            .marketplaces
            .iter()
            .enumerate()
            .map(|(i, p)| (p.as_path(), i))
            .collect();
        for p in parts.plugins {
            let scope = p
                .root
                .ancestors()
                .take(64)
                .find_map(|a| market_of.get(a).copied())
                .map_or(Scope::Root(p.root_index), Scope::Marketplace);
            lib.plugins.push(LibPlugin {
                root: p.root,
                manifest_path: p.manifest_path,
                manifest_rel: p.manifest_rel,
                name: p.name,
                name_range: p.name_range,
                manifest: p.manifest,
                scope,
            });
        }
        let plugin_of: HashMap<PathBuf, usize> = lib
            .plugins
            .iter()
            .enumerate()
            .map(|(i, p)| (p.root.clone(), i))
            .collect();
        let find_plugin = |dir: &Path| {
            dir.ancestors()
                .take(64)
                .find_map(|a| plugin_of.get(a).copied())
        };
        let mut words = Vec::with_capacity(parts.skills.len());
        let mut any_words = false;
        for (i, s) in parts.skills.into_iter().enumerate() {
            any_words |= s.words.is_some();
            words.push(s.words);
            lib.skills.push(Component {
                kind: ComponentKind::Skill,
                name: s.name,
                path: s.path,
                rel: s.rel,
                range: s.range,
                plugin: find_plugin(&s.dir),
                skill: Some(i),
                folder: s.dir.parent().map(Path::to_path_buf).unwrap_or_default(),
            });
        }
        if any_words {
            lib.words = Some(words);
        }
        for c in parts.components {
            let Some(&plugin) = plugin_of.get(&c.plugin_root) else {
                continue;
            };
            lib.components.push(Component {
                kind: c.kind,
                name: c.name,
                path: c.path,
                rel: c.rel,
                range: c.range,
                plugin: Some(plugin),
                skill: None,
                folder: PathBuf::new(),
            });
        }
        lib
    }

    /// The scope a component's name must be unique in: its plugin's marketplace (or root).
    pub fn scope_of(&self, c: &Component) -> Option<Scope> {
        c.plugin.map(|p| self.plugins[p].scope)
    }
}

/// Order in which copies are listed: copies in `backup`, `archive` or `deprecated` folders
/// last, so the finding lands on the copy to delete and names the live one as its twin.
/// `rel` is the path inside the audited root (only it is searched for those words), `shown` the
/// path as displayed (the tie-breaker).
pub fn copy_rank(rel: &Path, shown: &Path) -> (bool, PathBuf) {
    let backupish = rel.components().any(|c| {
        let s = c.as_os_str().to_string_lossy().to_ascii_lowercase();
        s.contains("backup")
            || s.contains("archive")
            || s.contains("deprecated")
            || s == "old"
            || Path::new(&s).extension().is_some_and(|e| e == "bak")
    });
    (backupish, shown.to_path_buf())
}

/// The `[[governance.namespace]]` entries of `settings`, compiled.
pub fn namespace_matchers(
    settings: &crate::config::Settings,
) -> Vec<(globset::GlobMatcher, &crate::config::NamespaceRule)> {
    settings
        .governance
        .namespace
        .iter()
        .filter_map(|ns| {
            globset::Glob::new(ns.path.get_ref())
                .ok()
                .map(|g| (g.compile_matcher(), ns))
        })
        .collect()
}

/// The first namespace whose glob matches the skill folder `dir` (absolute) or its `SKILL.md`,
/// relative to the config file's folder.
pub fn namespace_for<'a>(
    matchers: &[(globset::GlobMatcher, &'a crate::config::NamespaceRule)],
    config_dir: Option<&Path>,
    dir: &Path,
) -> Option<&'a crate::config::NamespaceRule> {
    if matchers.is_empty() {
        return None;
    }
    let rel = config_dir
        .and_then(|d| dir.strip_prefix(d).ok())
        .unwrap_or(dir);
    let file = rel.join("SKILL.md");
    matchers
        .iter()
        .find(|(m, _)| m.is_match(rel) || m.is_match(&file))
        .map(|(_, ns)| *ns)
}
