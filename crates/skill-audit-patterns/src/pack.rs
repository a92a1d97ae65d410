//! Pack file format (TOML), validation and compilation.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::{PatternRule, Severity};

/// A malformed pack. `Display` gives `origin:line:col: message` (1-based; `origin:` alone
/// when no position is known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackError {
    pub origin: String,
    /// 1-based line and column of the offending TOML, when known.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.origin, self.message),
            None => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

impl std::error::Error for PackError {}

fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = src.get(..offset).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map_or(1, |l| l.chars().count() + 1);
    (line, col)
}

// ---------------------------------------------------------------------------------------------
// Raw (deserialised) form

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPack {
    #[allow(dead_code)]
    title: Option<String>,
    #[allow(dead_code)]
    description: Option<String>,
    #[serde(default)]
    defines: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    defaults: RawDefaults,
    allowlist: Option<RawAllowlist>,
    #[serde(default)]
    rules: Vec<Spanned<RawRule>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawDefaults {
    severity: Option<Severity>,
    help: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawAllowlist {
    #[allow(dead_code)]
    description: Option<String>,
    #[serde(default)]
    target: Option<Spanned<String>>,
    #[serde(default)]
    regexes: Vec<Spanned<String>>,
    #[serde(default)]
    stopwords: Vec<String>,
    #[serde(default)]
    paths: Vec<Spanned<String>>,
    #[serde(default)]
    heuristics: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExampleSet {
    #[serde(default)]
    fail: Vec<String>,
    #[serde(default)]
    pass: Vec<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawExamples {
    One(RawExampleSet),
    Many(Vec<RawExampleSet>),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawGroup {
    Index(usize),
    Name(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRule {
    id: Spanned<String>,
    code: Spanned<String>,
    name: String,
    description: Option<String>,
    severity: Option<Severity>,
    help: Option<String>,
    regex: Option<Spanned<String>>,
    #[serde(default)]
    keywords: Vec<String>,
    entropy: Option<Spanned<f64>>,
    secret_group: Option<Spanned<RawGroup>>,
    #[serde(default)]
    paths: Vec<Spanned<String>>,
    #[serde(default)]
    exclude_paths: Vec<Spanned<String>>,
    #[serde(default)]
    generic: bool,
    #[serde(default)]
    multiline: bool,
    checksum: Option<Spanned<String>>,
    #[serde(default)]
    allowlist: Vec<RawAllowlist>,
    examples: Option<RawExamples>,
    example_path: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Compiled form

/// What an allowlist regex or stopword is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Secret,
    Match,
    Line,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Heuristic {
    Repeated,
    Sequential,
}

#[derive(Debug, Clone)]
pub(crate) struct Allowlist {
    pub target: Target,
    pub regexes: Vec<Regex>,
    /// Lower-cased.
    pub stopwords: Vec<String>,
    pub paths: Option<GlobSet>,
    pub heuristics: Vec<Heuristic>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Checksum {
    Github,
}

#[derive(Debug, Clone)]
pub(crate) enum SecretGroup {
    Whole,
    Index(usize),
    /// The first capture group that participated in the match.
    FirstParticipating,
}

/// One compiled rule.
#[derive(Debug, Clone)]
pub(crate) struct CompiledRule {
    pub meta: PatternRule,
    /// `None` for a file rule (see [`PatternRule::file`]).
    pub regex: Option<Arc<LazyRegex>>,
    pub entropy: Option<f64>,
    pub secret_group: SecretGroup,
    pub paths: Option<GlobSet>,
    pub exclude_paths: Option<GlobSet>,
    pub allowlists: Vec<Allowlist>,
    pub checksum: Option<Checksum>,
    /// Scan the whole text, not only the lines around keyword hits.
    pub multiline: bool,
    pub examples_fail: Vec<String>,
    pub examples_pass: Vec<String>,
    pub example_path: Option<String>,
}

/// One parsed and compiled pack (one TOML file).
#[derive(Debug, Clone)]
pub struct Pack {
    pub(crate) origin: String,
    pub(crate) rules: Vec<CompiledRule>,
    pub(crate) global: Option<Allowlist>,
}

/// Examples of one rule, as written in the pack (fail examples are templates, see
/// [`crate::template`]).
#[derive(Debug, Clone, Copy)]
pub struct RuleExamples<'a> {
    pub fail: &'a [String],
    pub pass: &'a [String],
    /// The path the examples are scanned under (`example-path`), for rules with path filters.
    pub path: Option<&'a str>,
}

struct Ctx<'a> {
    src: &'a str,
    origin: &'a str,
}

impl Ctx<'_> {
    fn err(&self, span: Option<Range<usize>>, message: impl Into<String>) -> PackError {
        PackError {
            origin: self.origin.to_string(),
            position: span.map(|s| line_col(self.src, s.start)),
            message: message.into(),
        }
    }
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 5
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..].iter().all(u8::is_ascii_digit)
}

/// Replace `{{name}}` by the define `name`. Unknown names are an error.
fn expand_defines(regex: &str, defines: &BTreeMap<String, String>) -> Result<String, String> {
    let mut out = String::with_capacity(regex.len() * 2);
    let mut rest = regex;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else {
            break;
        };
        let name = &rest[start + 2..start + 2 + len];
        let Some(value) = defines.get(name) else {
            return Err(format!(
                "unknown define `{{{{{name}}}}}` (add it under [defines])"
            ));
        };
        out.push_str(&rest[..start]);
        out.push_str(value);
        rest = &rest[start + 4 + len..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Make the Perl classes ASCII, as in gitleaks (Go RE2): `\w`, `\d`, `\s` become ASCII classes and
/// `\b` an ASCII word boundary. Unicode-aware classes would make the automata many times larger and
/// slower to build, and keys are ASCII anyway.
fn asciify(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut depth = 0usize;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(n) = chars.next() else {
                    out.push(c);
                    break;
                };
                let inside = depth > 0;
                match (n, inside) {
                    ('w', false) => out.push_str("[0-9A-Za-z_]"),
                    ('w', true) => out.push_str("0-9A-Za-z_"),
                    ('d', false) => out.push_str("[0-9]"),
                    ('d', true) => out.push_str("0-9"),
                    ('s', false) => out.push_str("[\\t\\n\\x0B\\x0C\\r ]"),
                    ('s', true) => out.push_str("\\t\\n\\x0B\\x0C\\r "),
                    ('b', false) => out.push_str("(?-u:\\b)"),
                    _ => {
                        out.push('\\');
                        out.push(n);
                    }
                }
            }
            '[' => {
                out.push(c);
                if depth > 0 && chars.peek() == Some(&':') {
                    // POSIX class `[:alpha:]`: copy through `:]`
                    while let Some(x) = chars.next() {
                        out.push(x);
                        if x == ':' && chars.peek() == Some(&']') {
                            if let Some(y) = chars.next() {
                                out.push(y);
                            }
                            break;
                        }
                    }
                    continue;
                }
                depth += 1;
                // a `]` right after `[` or `[^` is a literal
                if chars.peek() == Some(&'^') {
                    if let Some(x) = chars.next() {
                        out.push(x);
                    }
                }
                if chars.peek() == Some(&']') {
                    if let Some(x) = chars.next() {
                        out.push(x);
                    }
                }
            }
            ']' if depth > 0 => {
                depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn raw_examples(r: &RawRule) -> (Vec<String>, Vec<String>) {
    match &r.examples {
        None => (Vec::new(), Vec::new()),
        Some(RawExamples::One(s)) => (s.fail.clone(), s.pass.clone()),
        Some(RawExamples::Many(v)) => (
            v.iter().flat_map(|s| s.fail.iter().cloned()).collect(),
            v.iter().flat_map(|s| s.pass.iter().cloned()).collect(),
        ),
    }
}

/// A rule without `regex`: it reports every file whose path matches `paths`. Keys that only
/// make sense with a regex are an error, so a forgotten `regex` is not silently a file rule.
fn file_rule(
    ctx: &Ctx<'_>,
    spanned: &Spanned<RawRule>,
    default_help: &str,
    default_severity: Severity,
) -> Result<CompiledRule, PackError> {
    let r = spanned.get_ref();
    let id = r.id.get_ref();
    let err = |m: String| ctx.err(Some(spanned.span()), m);
    if r.paths.is_empty() {
        return Err(err(format!(
            "rule `{id}` has no `regex`: give it one, or `paths` to report files by name"
        )));
    }
    let misplaced = [
        ("keywords", !r.keywords.is_empty()),
        ("entropy", r.entropy.is_some()),
        ("secret-group", r.secret_group.is_some()),
        ("checksum", r.checksum.is_some()),
        ("multiline", r.multiline),
        ("allowlist", !r.allowlist.is_empty()),
    ];
    if let Some((key, _)) = misplaced.iter().find(|(_, set)| *set) {
        return Err(err(format!(
            "rule `{id}` has no `regex`, so `{key}` does not apply (a file rule reports files by name)"
        )));
    }
    let (examples_fail, examples_pass) = raw_examples(r);
    Ok(CompiledRule {
        meta: PatternRule {
            id: id.clone(),
            code: r.code.get_ref().clone(),
            name: r.name.clone(),
            description: r
                .description
                .clone()
                .unwrap_or_else(|| format!("A {} is part of the audited files.", r.name)),
            severity: r.severity.unwrap_or(default_severity),
            help: r.help.clone().unwrap_or_else(|| default_help.to_string()),
            keywords: Vec::new(),
            generic: r.generic,
            origin: ctx.origin.to_string(),
            file: true,
        },
        regex: None,
        entropy: None,
        secret_group: SecretGroup::Whole,
        paths: build_globs(ctx, &r.paths)?,
        exclude_paths: build_globs(ctx, &r.exclude_paths)?,
        allowlists: Vec::new(),
        checksum: None,
        multiline: true,
        examples_fail,
        examples_pass,
        example_path: r.example_path.clone(),
    })
}

/// Compile a regex now (allowlists, which are few and small).
fn build_regex(ctx: &Ctx<'_>, pattern: &str, span: Range<usize>) -> Result<Regex, PackError> {
    compile(&asciify(pattern)).map_err(|msg| ctx.err(Some(span), format!("invalid regex: {msg}")))
}

fn compile(pattern: &str) -> Result<Regex, String> {
    RegexBuilder::new(pattern)
        .size_limit(32 << 20)
        .dfa_size_limit(32 << 20)
        .build()
        .map_err(|e| e.to_string().replace('\n', " "))
}

/// A rule's regex, compiled on first use.
///
/// Compiling the few hundred regexes of the built-in packs takes about 0.2 s of one core,
/// longer than auditing a small folder; compiled lazily, a run pays only for the rules whose
/// keywords occur, and the compiling is spread over the worker threads. The pattern's syntax
/// and its groups are checked when the pack is loaded (parsing is cheap); only a pattern too
/// big for the size limits can fail later, which [`Pack::compile_all`] reports up front for
/// packs that are not built in.
#[derive(Debug)]
pub(crate) struct LazyRegex {
    pattern: String,
    /// Where the pattern is written, for the error of [`Pack::compile_all`].
    origin: String,
    position: Option<(usize, usize)>,
    captures_len: usize,
    capture_names: Vec<Option<String>>,
    cell: OnceLock<Option<Regex>>,
}

impl LazyRegex {
    fn new(ctx: &Ctx<'_>, pattern: &str, span: Range<usize>) -> Result<LazyRegex, PackError> {
        let pattern = asciify(pattern);
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(&pattern)
            .map_err(|e| {
                let msg = e.to_string().replace('\n', " ");
                ctx.err(Some(span.clone()), format!("invalid regex: {msg}"))
            })?;
        let mut capture_names = vec![None; hir.properties().explicit_captures_len() + 1];
        collect_capture_names(&hir, &mut capture_names);
        Ok(LazyRegex {
            captures_len: capture_names.len(),
            capture_names,
            origin: ctx.origin.to_string(),
            position: Some(line_col(ctx.src, span.start)),
            pattern,
            cell: OnceLock::new(),
        })
    }

    /// The compiled regex; `None` if it exceeds the size limits (a rule that never matches).
    pub(crate) fn get(&self) -> Option<&Regex> {
        self.cell
            .get_or_init(|| compile(&self.pattern).ok())
            .as_ref()
    }

    pub(crate) fn captures_len(&self) -> usize {
        self.captures_len
    }

    fn compile_now(&self) -> Result<(), PackError> {
        if self.get().is_some() {
            return Ok(());
        }
        let message = match compile(&self.pattern) {
            Err(msg) => format!("invalid regex: {msg}"),
            Ok(_) => "invalid regex".to_string(),
        };
        Err(PackError {
            origin: self.origin.clone(),
            position: self.position,
            message,
        })
    }
}

/// The names of the capture groups of `hir`, by group index (explicit groups nest at most as
/// deep as the parser's nesting limit, so the recursion is bounded).
fn collect_capture_names(hir: &regex_syntax::hir::Hir, out: &mut [Option<String>]) {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Capture(c) => {
            if let (Some(slot), Some(name)) = (out.get_mut(c.index as usize), &c.name) {
                *slot = Some(name.to_string());
            }
            collect_capture_names(&c.sub, out);
        }
        HirKind::Repetition(r) => collect_capture_names(&r.sub, out),
        HirKind::Concat(v) | HirKind::Alternation(v) => {
            for h in v {
                collect_capture_names(h, out);
            }
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {}
    }
}

fn build_globs(ctx: &Ctx<'_>, globs: &[Spanned<String>]) -> Result<Option<GlobSet>, PackError> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for g in globs {
        let glob = GlobBuilder::new(g.get_ref())
            .case_insensitive(true)
            .literal_separator(false)
            .build()
            .map_err(|e| ctx.err(Some(g.span()), format!("invalid glob: {e}")))?;
        b.add(glob);
    }
    b.build()
        .map(Some)
        .map_err(|e| ctx.err(None, format!("invalid globs: {e}")))
}

fn build_allowlist(ctx: &Ctx<'_>, raw: &RawAllowlist) -> Result<Allowlist, PackError> {
    let target = match raw.target.as_ref() {
        None => Target::Secret,
        Some(t) => match t.get_ref().as_str() {
            "secret" => Target::Secret,
            "match" => Target::Match,
            "line" => Target::Line,
            other => {
                return Err(ctx.err(
                    Some(t.span()),
                    format!("unknown allowlist target `{other}` (expected secret, match or line)"),
                ))
            }
        },
    };
    let regexes = raw
        .regexes
        .iter()
        .map(|r| build_regex(ctx, r.get_ref(), r.span()))
        .collect::<Result<Vec<_>, _>>()?;
    let heuristics = raw
        .heuristics
        .iter()
        .map(|h| match h.get_ref().as_str() {
            "repeated" => Ok(Heuristic::Repeated),
            "sequential" => Ok(Heuristic::Sequential),
            other => Err(ctx.err(
                Some(h.span()),
                format!("unknown heuristic `{other}` (expected repeated or sequential)"),
            )),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Allowlist {
        target,
        regexes,
        stopwords: raw
            .stopwords
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.to_lowercase())
            .collect(),
        paths: build_globs(ctx, &raw.paths)?,
        heuristics,
    })
}

impl Pack {
    /// Compile every rule's regex now, reporting the first that exceeds the size limits (the
    /// rest of the pack is checked by [`Pack::from_toml_str`]). Call it for packs that are
    /// not built in, so a too-big pattern is a load error rather than a rule that never fires.
    pub fn compile_all(&self) -> Result<(), PackError> {
        self.rules
            .iter()
            .filter_map(|r| r.regex.as_deref())
            .try_for_each(LazyRegex::compile_now)
    }

    /// Parse and compile a pack. `origin` names it in errors (usually its path).
    pub fn from_toml_str(src: &str, origin: &str) -> Result<Pack, PackError> {
        let ctx = Ctx { src, origin };
        let raw: RawPack = toml::from_str(src)
            .map_err(|e| ctx.err(e.span(), e.message().trim().replace('\n', " ")))?;

        let mut defines = BTreeMap::new();
        for (name, value) in &raw.defines {
            // defines may use earlier defines (alphabetical order is not meaningful, so allow
            // any define that does not itself reference an unknown one)
            defines.insert(name.clone(), value.get_ref().clone());
        }
        // resolve nested defines (bounded depth)
        for _ in 0..4 {
            let snapshot = defines.clone();
            for (name, value) in &mut defines {
                *value = expand_defines(value, &snapshot)
                    .map_err(|m| ctx.err(raw.defines.get(name).map(Spanned::span), m))?;
            }
        }

        let default_severity = raw.defaults.severity.unwrap_or(Severity::Error);
        let default_help = raw.defaults.help.clone().unwrap_or_else(|| {
            "remove the value from the file and load it from an environment variable or a secret store; rotate it if it was ever shared".to_string()
        });

        let global = raw
            .allowlist
            .as_ref()
            .map(|a| build_allowlist(&ctx, a))
            .transpose()?;

        let mut seen = HashSet::new();
        let mut rules = Vec::with_capacity(raw.rules.len());
        for spanned in &raw.rules {
            let r = spanned.get_ref();
            let id = r.id.get_ref();
            if !is_kebab(id) {
                return Err(ctx.err(
                    Some(r.id.span()),
                    format!("rule id `{id}` must be kebab-case (a-z, 0-9, single hyphens)"),
                ));
            }
            if !seen.insert(id.clone()) {
                return Err(ctx.err(Some(r.id.span()), format!("duplicate rule id `{id}`")));
            }
            let code = r.code.get_ref();
            if !is_code(code) {
                return Err(ctx.err(
                    Some(r.code.span()),
                    format!("code `{code}` must be two capital letters and three digits (CR001)"),
                ));
            }
            let Some(raw_regex) = r.regex.as_ref() else {
                rules.push(file_rule(&ctx, spanned, &default_help, default_severity)?);
                continue;
            };
            let pattern = expand_defines(raw_regex.get_ref(), &defines)
                .map_err(|m| ctx.err(Some(raw_regex.span()), m))?;
            let regex = LazyRegex::new(&ctx, &pattern, raw_regex.span())?;
            let secret_group = match r.secret_group.as_ref() {
                None => {
                    if regex.captures_len() > 1 {
                        SecretGroup::FirstParticipating
                    } else {
                        SecretGroup::Whole
                    }
                }
                Some(g) => match g.get_ref() {
                    RawGroup::Index(0) => SecretGroup::Whole,
                    RawGroup::Index(i) if *i < regex.captures_len() => SecretGroup::Index(*i),
                    RawGroup::Index(i) => {
                        return Err(ctx.err(
                            Some(g.span()),
                            format!(
                                "secret-group {i} does not exist (the regex has {} groups)",
                                regex.captures_len() - 1
                            ),
                        ))
                    }
                    RawGroup::Name(n) => match regex
                        .capture_names
                        .iter()
                        .position(|c| c.as_deref() == Some(n.as_str()))
                    {
                        Some(i) => SecretGroup::Index(i),
                        None => {
                            return Err(ctx.err(
                                Some(g.span()),
                                format!("secret-group `{n}` is not a named group of the regex"),
                            ))
                        }
                    },
                },
            };
            if let Some(e) = r.entropy.as_ref() {
                let v = *e.get_ref();
                if !(0.0..=8.0).contains(&v) {
                    return Err(ctx.err(Some(e.span()), "entropy must be between 0 and 8"));
                }
            }
            let checksum = match r.checksum.as_ref() {
                None => None,
                Some(c) if c.get_ref() == "github-crc32" => Some(Checksum::Github),
                Some(c) => {
                    return Err(ctx.err(
                        Some(c.span()),
                        format!("unknown checksum `{}` (expected github-crc32)", c.get_ref()),
                    ))
                }
            };
            let mut keywords = Vec::new();
            for k in &r.keywords {
                let k = k.to_lowercase();
                if k.is_empty() {
                    return Err(
                        ctx.err(Some(spanned.span()), format!("rule `{id}`: empty keyword"))
                    );
                }
                if !keywords.contains(&k) {
                    keywords.push(k);
                }
            }
            let (examples_fail, examples_pass) = raw_examples(r);
            let allowlists = r
                .allowlist
                .iter()
                .map(|a| build_allowlist(&ctx, a))
                .collect::<Result<Vec<_>, _>>()?;
            rules.push(CompiledRule {
                meta: PatternRule {
                    id: id.clone(),
                    code: code.clone(),
                    name: r.name.clone(),
                    description: r
                        .description
                        .clone()
                        .unwrap_or_else(|| format!("A {} was found in the file.", r.name)),
                    severity: r.severity.unwrap_or(default_severity),
                    help: r.help.clone().unwrap_or_else(|| default_help.clone()),
                    keywords,
                    generic: r.generic,
                    origin: origin.to_string(),
                    file: false,
                },
                regex: Some(Arc::new(regex)),
                entropy: r.entropy.as_ref().map(|e| *e.get_ref()),
                secret_group,
                paths: build_globs(&ctx, &r.paths)?,
                exclude_paths: build_globs(&ctx, &r.exclude_paths)?,
                allowlists,
                checksum,
                multiline: r.multiline || r.keywords.is_empty(),
                examples_fail,
                examples_pass,
                example_path: r.example_path.clone(),
            });
        }
        Ok(Pack {
            origin: origin.to_string(),
            rules,
            global,
        })
    }

    /// Where the pack comes from.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Metadata of the rules, in file order.
    pub fn rules(&self) -> impl Iterator<Item = &PatternRule> {
        self.rules.iter().map(|r| &r.meta)
    }

    /// The examples of rule `id`, if it exists.
    pub fn examples(&self, id: &str) -> Option<RuleExamples<'_>> {
        self.rules
            .iter()
            .find(|r| r.meta.id == id)
            .map(|r| RuleExamples {
                fail: &r.examples_fail,
                pass: &r.examples_pass,
                path: r.example_path.as_deref(),
            })
    }

    /// A copy of this pack with only rule `id` (and the pack's global allowlist): the
    /// one-rule detector the example tests use.
    pub fn only(&self, id: &str) -> Option<Pack> {
        let rule = self.rules.iter().find(|r| r.meta.id == id)?.clone();
        Some(Pack {
            origin: self.origin.clone(),
            rules: vec![rule],
            global: self.global.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> String {
        Pack::from_toml_str(src, "org.toml")
            .unwrap_err()
            .to_string()
    }

    const OK_RULE: &str =
        "[[rules]]\nid = \"a-b\"\ncode = \"CR001\"\nname = \"x\"\nregex = 'ab(c)'\n";

    #[test]
    fn regexes_compile_lazily_but_too_big_ones_are_reported() {
        let p = Pack::from_toml_str(OK_RULE, "org.toml").unwrap();
        let lazy = |p: &Pack| p.rules[0].regex.clone().unwrap();
        assert!(lazy(&p).cell.get().is_none(), "compiled before use");
        p.compile_all().unwrap();
        assert!(lazy(&p).get().is_some());
        let big = "[[rules]]\nid = \"a\"\ncode = \"CR001\"\nname = \"x\"\nregex = '(?:[a-z]{1000}){1000}'\n";
        let p = Pack::from_toml_str(big, "org.toml").unwrap();
        let e = p.compile_all().unwrap_err().to_string();
        assert!(e.starts_with("org.toml:5:9: invalid regex"), "{e}");
        assert!(lazy(&p).get().is_none());
    }

    #[test]
    fn file_rules_report_files_by_name() {
        let file = "[[rules]]\nid = \"key-store\"\ncode = \"CR006\"\nname = \"key store\"\npaths = ['*.p12']\n";
        let p = Pack::from_toml_str(file, "org.toml").unwrap();
        assert!(p.rules[0].meta.file);
        let set = crate::PackSet::new(vec![p]);
        let m = set.scan("certs/Client.P12", "");
        assert_eq!(m.len(), 1);
        assert_eq!((m[0].range.clone(), m[0].secret.clone()), (0..0, 0..0));
        assert!(set.scan("certs/client.p12.md", "").is_empty());
        // without `regex` a rule needs `paths`, and keys that need a regex are refused
        let e = Pack::from_toml_str(
            "[[rules]]\nid = \"a\"\ncode = \"CR001\"\nname = \"x\"\n",
            "org.toml",
        )
        .unwrap_err();
        assert!(e.message.contains("has no `regex`"), "{e}");
        let e =
            Pack::from_toml_str(&format!("{file}keywords = ['p12']\n"), "org.toml").unwrap_err();
        assert!(e.message.contains("`keywords` does not apply"), "{e}");
    }

    #[test]
    fn named_secret_groups_resolve_without_compiling() {
        let src = "[[rules]]\nid = \"a\"\ncode = \"CR001\"\nname = \"x\"\nregex = '(k)=(?P<v>[a-z]+)'\nsecret-group = 'v'\n";
        let p = Pack::from_toml_str(src, "org.toml").unwrap();
        assert!(matches!(p.rules[0].secret_group, SecretGroup::Index(2)));
    }

    #[test]
    fn parses_minimal() {
        let p = Pack::from_toml_str(OK_RULE, "org.toml").unwrap();
        assert_eq!(p.rules().count(), 1);
    }

    #[test]
    fn errors_have_positions() {
        let bad = err("[[rules]]\nid = \"a-b\"\ncode = \"CR001\"\nname = \"x\"\nregex = 'a('\n");
        assert!(bad.starts_with("org.toml:5:9: invalid regex: "), "{bad}");
        assert!(!bad.contains('\n'), "{bad}");
        assert!(
            err("[[rules]]\nid = \"A_b\"\n code = \"CR001\"\nname = \"x\"\nregex = 'a'\n")
                .starts_with("org.toml:2:6: rule id `A_b` must be kebab-case")
        );
        assert!(
            err("[[rules]]\nid = \"a\"\ncode = \"CR1\"\nname = \"x\"\nregex = 'a'\n")
                .starts_with("org.toml:3:8: code `CR1`")
        );
        assert!(err(&format!("{OK_RULE}{OK_RULE}"))
            .starts_with("org.toml:7:6: duplicate rule id `a-b`"));
        let unknown =
            err("[[rules]]\nid = \"a\"\ncode = \"CR001\"\nname = \"x\"\nregex = 'a'\nbogus = 1\n");
        assert!(
            unknown.starts_with("org.toml:6:1: unknown field `bogus`"),
            "{unknown}"
        );
        let bad_toml = err("[[rules]\n");
        assert!(bad_toml.starts_with("org.toml:1:"), "{bad_toml}");
        assert!(
            err("[[rules]]\nid = \"a\"\ncode = \"CR001\"\nname = \"x\"\nregex = '{{nope}}'\n")
                .contains("unknown define `{{nope}}`")
        );
        assert!(err("[[rules]]\nid = \"a\"\ncode = \"CR001\"\nname = \"x\"\nregex = 'a'\nsecret-group = 2\n")
            .contains("secret-group 2 does not exist"));
    }

    #[test]
    fn asciify_rewrites_perl_classes() {
        assert_eq!(
            asciify(r"\w+\d[\w.-]\s\b\W"),
            r"[0-9A-Za-z_]+[0-9][0-9A-Za-z_.-][\t\n\x0B\x0C\r ](?-u:\b)\W"
        );
        assert_eq!(
            asciify(r"[^\s\]]x[]\w]"),
            r"[^\t\n\x0B\x0C\r \]]x[]0-9A-Za-z_]"
        );
        assert_eq!(asciify(r"[[:alpha:]\d]\\w"), r"[[:alpha:]0-9]\\w");
        assert!(Regex::new(&asciify(r"(?i)\bkey\s*=\s*([\w.-]{10,})")).is_ok());
    }

    #[test]
    fn line_col_is_one_based() {
        assert_eq!(line_col("ab\ncd", 0), (1, 1));
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("ab", 99), (1, 3));
    }
}
