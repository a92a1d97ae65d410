//! `skill-audit.toml`: discovery, strict parsing and the resolved [`Settings`].
//!
//! The closest `skill-audit.toml` (or `.skill-audit.toml`) above a skill wins, unless a file is
//! given explicitly. Unknown keys and bad values are errors that name the file, line and column.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::text::LineIndex;
use crate::yaml::YamlLimits;

/// Config file names, in lookup order within one folder.
pub const CONFIG_NAMES: [&str; 2] = ["skill-audit.toml", ".skill-audit.toml"];

/// Which set of frontmatter rules applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// The open Agent Skills specification (portable: claude.ai uploads, the API, other agents).
    Agentskills,
    /// Claude Code: its extra frontmatter fields are allowed, portability issues warn.
    #[default]
    ClaudeCode,
}

impl Profile {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "agentskills" => Some(Profile::Agentskills),
            "claude-code" => Some(Profile::ClaudeCode),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Agentskills => "agentskills",
            Profile::ClaudeCode => "claude-code",
        }
    }
}

/// The lowest severity that makes the run fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    #[default]
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "error" => Some(FailOn::Error),
            "warning" => Some(FailOn::Warning),
            "info" => Some(FailOn::Info),
            "never" => Some(FailOn::Never),
            _ => None,
        }
    }

    /// Whether a finding of `severity` fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }
}

/// The file format, as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    pub profile: Option<Profile>,
    pub fail_on: Option<FailOn>,
    /// Files larger than this many bytes are reported instead of read.
    pub max_file_size: Option<u64>,
    #[serde(default)]
    pub rules: RulesSection,
    #[serde(default)]
    pub limits: LimitsSection,
    #[serde(default)]
    pub governance: GovernanceSection,
    #[serde(default)]
    pub duplicates: DuplicatesSection,
    #[serde(default)]
    pub credentials: CredentialsSection,
    #[serde(default)]
    pub security: SecuritySection,
    #[serde(default)]
    pub vet: VetSection,
}

/// `[vet]`: how `skill-audit vet` turns findings into a verdict.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct VetSection {
    /// Lowest severity that rejects (default `error`).
    pub reject_on: Option<FailOn>,
    /// Lowest severity that needs changes (default `warning`).
    pub needs_changes_on: Option<FailOn>,
    /// Codes or prefixes whose warnings and errors always reject (default `["CR"]`).
    pub reject_codes: Option<Vec<toml::Spanned<String>>>,
}

/// `[governance]`: house policy for skill metadata and names (off until configured).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct GovernanceSection {
    /// Keys required in the frontmatter `metadata` map (`license` means the top-level key).
    #[serde(default)]
    pub required_metadata: Vec<String>,
    /// Metadata key holding the last review date (`YYYY-MM-DD`).
    pub review_field: Option<String>,
    /// A review older than this many days is stale.
    pub max_review_age_days: Option<u32>,
    /// Namespace prefixes by folder.
    #[serde(default)]
    pub namespace: Vec<NamespaceRule>,
}

/// `[[governance.namespace]]`: skills under `path` (a glob relative to the config file's
/// folder) must have names starting with `prefix`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NamespaceRule {
    pub path: toml::Spanned<String>,
    pub prefix: String,
}

/// `[duplicates]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DuplicatesSection {
    /// Similarity (0 to 1) at or above which two skills are near-duplicates.
    pub near_threshold: Option<toml::Spanned<f64>>,
}

/// `[credentials]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CredentialsSection {
    /// Extra credential rule packs (TOML, same format as `rules/credentials.toml`), relative
    /// to the config file's folder.
    #[serde(default)]
    pub extra_packs: Vec<toml::Spanned<String>>,
}

/// `[security]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SecuritySection {
    /// Extra security rule packs (TOML, same format as `rules/security.toml`), relative to the
    /// config file's folder.
    #[serde(default)]
    pub extra_packs: Vec<toml::Spanned<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RulesSection {
    pub select: Option<Vec<String>>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Glob (relative to the config file's folder) to codes ignored in matching files; the way
    /// to accept findings in JSON manifests, which cannot hold comments.
    #[serde(default)]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LimitsSection {
    pub yaml_max_nodes: Option<usize>,
    pub yaml_max_depth: Option<usize>,
    pub json_max_depth: Option<usize>,
}

/// A configuration problem, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl std::error::Error for ConfigError {}

/// Default size cap: 10 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// Settings in force for one skill, after config and command-line overrides.
#[derive(Debug, Clone)]
pub struct Settings {
    pub profile: Profile,
    pub fail_on: FailOn,
    /// Codes or prefixes to enable; empty means all.
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
    pub max_file_size: u64,
    pub yaml_max_nodes: usize,
    pub yaml_max_depth: usize,
    /// Deepest JSON nesting read (`[limits] json-max-depth`).
    pub json_max_depth: usize,
    /// The config file these settings came from.
    pub config_path: Option<PathBuf>,
    /// `[governance]` as written (paths relative to the config file's folder).
    pub governance: GovernanceSection,
    /// `[duplicates] near-threshold`.
    pub near_threshold: f64,
    /// `[credentials] extra-packs`, resolved against the config file's folder.
    pub extra_packs: Vec<PathBuf>,
    /// `[rules] per-file-ignores`, compiled; globs match paths relative to `config_dir`.
    pub per_file_ignores: Vec<(globset::GlobMatcher, Vec<String>)>,
    /// The folder of the config file (where relative globs and paths start).
    pub config_dir: Option<PathBuf>,
    /// `[vet]` as written.
    pub vet: VetSection,
    /// The credential packs in force: the built-in pack plus `extra_packs`, compiled once and
    /// shared (see [`crate::packs`]).
    pub credential_packs: Arc<skill_audit_patterns::PackSet>,
    /// `[security] extra-packs`, resolved against the config file's folder.
    pub security_extra_packs: Vec<PathBuf>,
    /// The security packs in force: the built-in pack plus `security_extra_packs`.
    pub security_packs: Arc<skill_audit_patterns::PackSet>,
}

/// Default near-duplicate similarity threshold.
pub const DEFAULT_NEAR_THRESHOLD: f64 = 0.8;

impl Default for Settings {
    fn default() -> Self {
        let limits = YamlLimits::default();
        Self {
            profile: Profile::default(),
            fail_on: FailOn::default(),
            select: Vec::new(),
            ignore: Vec::new(),
            severity: BTreeMap::new(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            yaml_max_nodes: limits.max_nodes,
            yaml_max_depth: limits.max_depth,
            json_max_depth: crate::json::MAX_DEPTH,
            config_path: None,
            governance: GovernanceSection::default(),
            near_threshold: DEFAULT_NEAR_THRESHOLD,
            extra_packs: Vec::new(),
            per_file_ignores: Vec::new(),
            config_dir: None,
            vet: VetSection::default(),
            credential_packs: crate::packs::builtin_set(),
            security_extra_packs: Vec::new(),
            security_packs: crate::rules::se::scan::builtin_set(),
        }
    }
}

fn prefix_len(pattern: &str, code: &str) -> Option<usize> {
    if pattern.eq_ignore_ascii_case("ALL") {
        return Some(0);
    }
    (code.len() >= pattern.len() && code[..pattern.len()].eq_ignore_ascii_case(pattern))
        .then_some(pattern.len())
}

impl Settings {
    /// Whether a rule runs: the most specific matching `select` or `ignore` entry decides
    /// (`select = ["SK"]`, `ignore = ["SK040"]` runs every SK rule but SK040; on a tie, ignore wins).
    pub fn is_enabled(&self, code: &str) -> bool {
        let selected = if crate::rules::is_default_off(code) {
            // Off by default: only a selector longer than the family prefix turns it on.
            self.select
                .iter()
                .filter_map(|p| prefix_len(p, code))
                .filter(|&l| l > 2)
                .max()
        } else if self.select.is_empty() {
            Some(0)
        } else {
            self.select.iter().filter_map(|p| prefix_len(p, code)).max()
        };
        let ignored = self.ignore.iter().filter_map(|p| prefix_len(p, code)).max();
        match (selected, ignored) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(s), Some(i)) => s > i,
        }
    }

    /// Whether `[rules] per-file-ignores` drops `code` in the file at absolute `path`.
    pub fn ignored_in_file(&self, code: &str, path: &Path) -> bool {
        if self.per_file_ignores.is_empty() {
            return false;
        }
        let rel = self
            .config_dir
            .as_deref()
            .and_then(|d| path.strip_prefix(d).ok())
            .unwrap_or(path);
        self.per_file_ignores.iter().any(|(g, codes)| {
            g.is_match(rel) && codes.iter().any(|c| prefix_len(c, code).is_some())
        })
    }

    /// The severity a finding is shown with, after `[rules.severity]` overrides.
    pub fn severity_for(&self, code: &str, default: Severity) -> Severity {
        self.severity
            .iter()
            .filter_map(|(p, s)| prefix_len(p, code).map(|l| (l, *s)))
            .max_by_key(|(l, _)| *l)
            .map_or(default, |(_, s)| s)
    }

    pub fn yaml_limits(&self) -> YamlLimits {
        YamlLimits {
            max_nodes: self.yaml_max_nodes,
            max_depth: self.yaml_max_depth,
        }
    }

    /// Apply a config file on top of these settings.
    pub fn apply(&mut self, file: &ConfigFile) {
        if let Some(p) = file.profile {
            self.profile = p;
        }
        if let Some(f) = file.fail_on {
            self.fail_on = f;
        }
        if let Some(m) = file.max_file_size {
            self.max_file_size = m;
        }
        if let Some(s) = &file.rules.select {
            self.select.clone_from(s);
        }
        self.ignore.extend(file.rules.ignore.iter().cloned());
        for (k, v) in &file.rules.severity {
            self.severity.insert(k.clone(), *v);
        }
        if let Some(n) = file.limits.yaml_max_nodes {
            self.yaml_max_nodes = n;
        }
        if let Some(d) = file.limits.yaml_max_depth {
            self.yaml_max_depth = d;
        }
        if let Some(d) = file.limits.json_max_depth {
            self.json_max_depth = d;
        }
        self.governance = file.governance.clone();
        self.vet = file.vet.clone();
        for (glob, codes) in &file.rules.per_file_ignores {
            if let Ok(g) = globset::Glob::new(glob) {
                self.per_file_ignores
                    .push((g.compile_matcher(), codes.clone()));
            }
        }
        if let Some(t) = &file.duplicates.near_threshold {
            self.near_threshold = *t.get_ref();
        }
    }
}

/// Overrides from the command line, applied after any config file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub profile: Option<Profile>,
    pub fail_on: Option<FailOn>,
    /// Replaces the config's `select` when given.
    pub select: Option<Vec<String>>,
    /// Added to the config's `ignore`.
    pub ignore: Vec<String>,
    pub max_file_size: Option<u64>,
}

impl Overrides {
    pub fn apply(&self, s: &mut Settings) {
        if let Some(p) = self.profile {
            s.profile = p;
        }
        if let Some(f) = self.fail_on {
            s.fail_on = f;
        }
        if let Some(sel) = &self.select {
            s.select.clone_from(sel);
        }
        s.ignore.extend(self.ignore.iter().cloned());
        if let Some(m) = self.max_file_size {
            s.max_file_size = m;
        }
    }
}

/// Every code or prefix the configuration may name.
fn check_codes(file: &ConfigFile, src: &str, path: &Path) -> Result<(), ConfigError> {
    let known = crate::rules::metas();
    let valid = |p: &str| {
        p.eq_ignore_ascii_case("ALL")
            || known.iter().any(|m| prefix_len(p, m.code).is_some())
            || crate::rules::is_dynamic_code(p)
    };
    let names = file
        .rules
        .select
        .iter()
        .flatten()
        .chain(file.rules.ignore.iter())
        .chain(file.rules.severity.keys())
        .chain(file.rules.per_file_ignores.values().flatten());
    for name in names {
        if !valid(name) {
            let at = src
                .find(&format!("\"{name}\""))
                .or_else(|| src.find(name.as_str()))
                .unwrap_or(0);
            let lc = LineIndex::new(src).line_column(at, src);
            return Err(ConfigError {
                path: path.to_path_buf(),
                line: lc.line as usize,
                column: lc.column as usize,
                message: format!("unknown rule code or prefix `{name}`"),
            });
        }
    }
    Ok(())
}

/// Parse a config file's text strictly.
pub fn parse_config(src: &str, path: &Path) -> Result<ConfigFile, ConfigError> {
    let file: ConfigFile = toml::from_str(src).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        let lc = LineIndex::new(src).line_column(at, src);
        ConfigError {
            path: path.to_path_buf(),
            line: lc.line as usize,
            column: lc.column as usize,
            message: e.message().trim().to_string(),
        }
    })?;
    check_codes(&file, src, path)?;
    check_values(&file, src, path)?;
    Ok(file)
}

/// Values serde cannot check: globs, ranges, names.
fn check_values(file: &ConfigFile, src: &str, path: &Path) -> Result<(), ConfigError> {
    let err = |at: usize, message: String| {
        let lc = LineIndex::new(src).line_column(at, src);
        ConfigError {
            path: path.to_path_buf(),
            line: lc.line as usize,
            column: lc.column as usize,
            message,
        }
    };
    for glob in file.rules.per_file_ignores.keys() {
        if let Err(e) = globset::Glob::new(glob) {
            let at = src.find(glob.as_str()).unwrap_or(0);
            return Err(err(at, format!("invalid glob `{glob}`: {}", e.kind())));
        }
    }
    for ns in &file.governance.namespace {
        if let Err(e) = globset::Glob::new(ns.path.get_ref()) {
            return Err(err(
                ns.path.span().start,
                format!("invalid glob `{}`: {}", ns.path.get_ref(), e.kind()),
            ));
        }
    }
    if let Some(t) = &file.duplicates.near_threshold {
        let v = *t.get_ref();
        if !(v > 0.0 && v <= 1.0) {
            return Err(err(
                t.span().start,
                format!("near-threshold must be in (0, 1], found {v}"),
            ));
        }
    }
    for code in file.vet.reject_codes.iter().flatten() {
        let c = code.get_ref();
        let known_family = crate::rules::family_name(c) != "other";
        let known_rule = crate::rules::metas()
            .iter()
            .any(|m| prefix_len(c, m.code).is_some())
            || crate::rules::is_dynamic_code(c);
        if c.eq_ignore_ascii_case("ALL") || !(known_family || known_rule) {
            return Err(err(
                code.span().start,
                format!("reject-codes: unknown rule code or family `{c}`"),
            ));
        }
    }
    for p in file
        .credentials
        .extra_packs
        .iter()
        .chain(&file.security.extra_packs)
    {
        if p.get_ref().trim().is_empty() {
            return Err(err(
                p.span().start,
                "extra-packs entries must be file paths".to_string(),
            ));
        }
    }
    Ok(())
}

/// Read and parse a config file.
pub fn load_config(path: &Path) -> Result<ConfigFile, ConfigError> {
    let src = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message: format!("cannot read config file: {e}"),
    })?;
    parse_config(&src, path)
}

/// Finds and caches the settings for each folder.
pub struct Resolver {
    explicit: Option<(PathBuf, ConfigFile)>,
    overrides: Overrides,
    cache: Mutex<HashMap<PathBuf, Result<Arc<Settings>, ConfigError>>>,
}

impl Resolver {
    /// With `explicit`, that config applies everywhere; otherwise the closest one above each folder.
    pub fn new(explicit: Option<&Path>, overrides: Overrides) -> Result<Self, ConfigError> {
        let explicit = match explicit {
            Some(p) => Some((p.to_path_buf(), load_config(p)?)),
            None => None,
        };
        Ok(Self {
            explicit,
            overrides,
            cache: Mutex::new(HashMap::new()),
        })
    }

    /// Settings for files in `dir` (an absolute folder).
    pub fn settings_for(&self, dir: &Path) -> Result<Arc<Settings>, ConfigError> {
        // Walk up without recursion (a folder 2,000 levels deep must not overflow the stack) to
        // the nearest folder that is cached or has its own config, then cache the whole chain.
        let mut chain: Vec<&Path> = Vec::new();
        let mut cur = dir;
        let result = loop {
            if let Some(hit) = self.cache.lock().ok().and_then(|c| c.get(cur).cloned()) {
                break hit;
            }
            let own = CONFIG_NAMES.iter().any(|n| cur.join(n).is_file());
            match cur.parent() {
                Some(parent) if self.explicit.is_none() && !own => {
                    chain.push(cur);
                    cur = parent;
                }
                _ => {
                    chain.push(cur);
                    break self.compute(cur);
                }
            }
        };
        if let Ok(mut cache) = self.cache.lock() {
            for d in chain {
                cache.insert(d.to_path_buf(), result.clone());
            }
        }
        result
    }

    fn compute(&self, dir: &Path) -> Result<Arc<Settings>, ConfigError> {
        let mut settings = Settings::default();
        if let Some((path, file)) = &self.explicit {
            settings.apply(file);
            let base = path.parent().unwrap_or(Path::new("."));
            settings.extra_packs = file
                .credentials
                .extra_packs
                .iter()
                .map(|p| base.join(p.get_ref()))
                .collect();
            settings.security_extra_packs = file
                .security
                .extra_packs
                .iter()
                .map(|p| base.join(p.get_ref()))
                .collect();
            settings.config_dir = Some(base.to_path_buf());
            settings.config_path = Some(path.clone());
        } else {
            // A folder without its own config inherits its parent's settings, so each folder
            // costs two `stat` calls however deep the tree is.
            let own = CONFIG_NAMES
                .iter()
                .map(|n| dir.join(n))
                .find(|p| p.is_file());
            match (own, dir.parent()) {
                (Some(path), _) => {
                    let file = load_config(&path)?;
                    settings.apply(&file);
                    settings.extra_packs = file
                        .credentials
                        .extra_packs
                        .iter()
                        .map(|p| dir.join(p.get_ref()))
                        .collect();
                    settings.security_extra_packs = file
                        .security
                        .extra_packs
                        .iter()
                        .map(|p| dir.join(p.get_ref()))
                        .collect();
                    settings.config_dir = Some(dir.to_path_buf());
                    settings.config_path = Some(path);
                }
                (None, Some(parent)) => return self.settings_for(parent),
                (None, None) => {}
            }
        }
        self.overrides.apply(&mut settings);
        settings.credential_packs =
            crate::packs::credential_set(&settings.extra_packs, settings.config_path.as_deref())?;
        settings.security_packs = crate::rules::se::scan::security_set(
            &settings.security_extra_packs,
            settings.config_path.as_deref(),
        )?;
        Ok(Arc::new(settings))
    }
}

/// The closest config file in `dir` or above it.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    for d in dir.ancestors() {
        for name in CONFIG_NAMES {
            let p = d.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_errors_with_lines() {
        let err = parse_config(
            "profile = \"agentskills\"\n\n[rules]\nselcet = [\"SK\"]\n",
            Path::new("x.toml"),
        )
        .unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.message.contains("selcet"), "{}", err.message);
    }

    #[test]
    fn bad_globs_and_thresholds_are_errors_with_lines() {
        let src = "[governance]\nrequired-metadata = [\"owner\"]\n\n[[governance.namespace]]\npath = \"plugins/[finance/**\"\nprefix = \"finance-\"\n";
        let err = parse_config(src, Path::new("x.toml")).unwrap_err();
        assert_eq!(err.line, 5, "{err}");
        let err =
            parse_config("[duplicates]\nnear-threshold = 1.5\n", Path::new("x.toml")).unwrap_err();
        assert_eq!(err.line, 2, "{err}");
        let ok = parse_config(
            "[duplicates]\nnear-threshold = 0.8\n[credentials]\nextra-packs = [\"org.toml\"]\n",
            Path::new("x.toml"),
        );
        assert!(ok.is_ok());
    }

    #[test]
    fn vet_section_is_strict() {
        let ok = parse_config(
            "[vet]\nreject-on = \"error\"\nneeds-changes-on = \"info\"\nreject-codes = [\"CR\", \"SK001\"]\n",
            Path::new("x.toml"),
        )
        .unwrap();
        assert_eq!(ok.vet.needs_changes_on, Some(FailOn::Info));
        let err =
            parse_config("[vet]\nreject-on = \"sometimes\"\n", Path::new("x.toml")).unwrap_err();
        assert_eq!(err.line, 2, "{err}");
        let err = parse_config("[vet]\nrejct-on = \"error\"\n", Path::new("x.toml")).unwrap_err();
        assert!(err.message.contains("rejct-on"), "{err}");
        let err =
            parse_config("[vet]\n\nreject-codes = [\"ZZ\"]\n", Path::new("x.toml")).unwrap_err();
        assert_eq!((err.line, err.column), (3, 17), "{err}");
    }

    #[test]
    fn unknown_codes_are_errors() {
        let err = parse_config("[rules]\nignore = [\"ZZ999\"]\n", Path::new("x.toml")).unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn default_off_rules_need_an_explicit_selector() {
        let mut s = Settings::default();
        assert!(!s.is_enabled("SE901"));
        s.select = vec!["SE".into()];
        assert!(!s.is_enabled("SE901") && s.is_enabled("SE001"));
        s.select = vec!["ALL".into()];
        assert!(!s.is_enabled("SE901"));
        s.select = vec!["SE9".into()];
        assert!(s.is_enabled("SE901") && !s.is_enabled("SE001"));
        s.select = vec!["SE901".into()];
        s.ignore = vec!["SE901".into()];
        assert!(!s.is_enabled("SE901"));
    }

    #[test]
    fn most_specific_selector_wins() {
        let s = Settings {
            select: vec!["SK".into()],
            ignore: vec!["SK040".into()],
            ..Settings::default()
        };
        assert!(s.is_enabled("SK041"));
        assert!(!s.is_enabled("SK040"));
        assert!(!s.is_enabled("SA001"));
        let s = Settings {
            select: vec!["SK040".into()],
            ignore: vec!["SK".into()],
            ..Settings::default()
        };
        assert!(s.is_enabled("SK040"));
        assert!(!s.is_enabled("SK041"));
    }
}
