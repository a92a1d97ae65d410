//! Data-driven rule packs in the lint run: the credential pack (`rules/credentials.toml`, CR
//! codes) plus the organisation packs named by `[credentials] extra-packs`.
//!
//! Packs are compiled once per distinct list of extra packs (the built-in pack alone is the
//! common case) and shared by every file that list applies to. Scanning is one Aho-Corasick
//! keyword pass per file, then only the regexes whose keywords occur (see
//! `skill-audit-patterns`). A finding never carries the secret itself: the message shows a
//! masked value and [`Diagnostic::secret`] marks the bytes every reporter must hide.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use skill_audit_patterns::{FusedKeywords, KeywordHits, Pack, PackSet};

use crate::config::{ConfigError, Settings};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::cr;
use crate::source::{slash_path, SourceFile};
use crate::text::TextRange;

/// Identity of an extra pack file: path, modification time and size, so an edited pack is
/// recompiled (the language server reloads packs this way).
type PackKey = Vec<(PathBuf, Option<SystemTime>, u64)>;

/// Compiled pack sets by their list of extra packs, one cache per family.
pub(crate) type SetCache = Mutex<HashMap<PackKey, Arc<PackSet>>>;

/// What sets one family of data-driven packs (credentials, security) apart when its packs are
/// loaded: the rest of [`load_set`] is shared.
pub(crate) struct PackFamily {
    /// Shown in messages: "credential", "security".
    pub label: &'static str,
    /// The built-in pack's origin, named when it fails to parse.
    pub builtin_origin: &'static str,
    pub builtin_pack: fn() -> Result<Pack, skill_audit_patterns::PackError>,
    /// The built-in pack alone, compiled once.
    pub builtin_set: fn() -> &'static Arc<PackSet>,
    pub cache: &'static OnceLock<SetCache>,
    /// Whether an organisation rule may use this code.
    pub allows: fn(&str) -> bool,
    /// The codes it may use, for the error message.
    pub allowed: &'static str,
}

/// The packs of `family` in force for `extra` (paths of organisation packs), compiled once per
/// list.
///
/// A pack that cannot be read or parsed, or a rule with a code the family does not allow, is a
/// configuration error naming the pack file and, where known, the line and column of the
/// problem; `config` is the config file that named the pack (where an unreadable pack is
/// reported).
pub(crate) fn load_set(
    family: &PackFamily,
    extra: &[PathBuf],
    config: Option<&Path>,
) -> Result<Arc<PackSet>, ConfigError> {
    if extra.is_empty() {
        return Ok(Arc::clone((family.builtin_set)()));
    }
    let cache = family.cache.get_or_init(|| Mutex::new(HashMap::new()));
    let key: PackKey = extra
        .iter()
        .map(|p| {
            let meta = std::fs::metadata(p).ok();
            (
                p.clone(),
                meta.as_ref().and_then(|m| m.modified().ok()),
                meta.map_or(0, |m| m.len()),
            )
        })
        .collect();
    if let Some(hit) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return Ok(hit);
    }
    let label = family.label;
    let mut packs = Vec::with_capacity(extra.len() + 1);
    packs.push((family.builtin_pack)().map_err(|e| ConfigError {
        path: PathBuf::from(family.builtin_origin),
        line: e.position.map_or(1, |p| p.0),
        column: e.position.map_or(1, |p| p.1),
        message: e.message,
    })?);
    for path in extra {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: config.map_or_else(|| path.clone(), Path::to_path_buf),
            line: 1,
            column: 1,
            message: format!("cannot read {label} pack {}: {e}", path.display()),
        })?;
        // Compiled in full here (not on first use) so a pattern too big to compile is a
        // config error at load, with its position.
        let pack = Pack::from_toml_str(&text, &slash_path(path))
            .and_then(|pack| pack.compile_all().map(|()| pack))
            .map_err(|e| ConfigError {
                path: path.clone(),
                line: e.position.map_or(1, |p| p.0),
                column: e.position.map_or(1, |p| p.1),
                message: format!("invalid {label} pack: {}", e.message),
            })?;
        if let Some(bad) = pack.rules().find(|r| !(family.allows)(&r.code)) {
            return Err(ConfigError {
                path: path.clone(),
                line: 1,
                column: 1,
                message: format!(
                    "rule `{}` has code `{}`: organisation {label} rules use {}",
                    bad.id, bad.code, family.allowed
                ),
            });
        }
        packs.push(pack);
    }
    let set = Arc::new(PackSet::new(packs));
    if let Ok(mut c) = cache.lock() {
        c.insert(key, Arc::clone(&set));
    }
    Ok(set)
}

fn builtin() -> &'static Arc<PackSet> {
    static SET: OnceLock<Arc<PackSet>> = OnceLock::new();
    SET.get_or_init(|| Arc::new(PackSet::builtin_credentials().clone()))
}

/// The built-in credential pack alone, shared.
pub fn builtin_set() -> Arc<PackSet> {
    Arc::clone(builtin())
}

static CREDENTIALS: PackFamily = PackFamily {
    label: "credential",
    builtin_origin: skill_audit_patterns::BUILTIN_CREDENTIALS_ORIGIN,
    builtin_pack: PackSet::builtin_credentials_pack,
    builtin_set: builtin,
    cache: &CREDENTIAL_SETS,
    allows: is_pack_code,
    allowed: "a built-in CR code (CR001-CR012) or CR900-CR999",
};
static CREDENTIAL_SETS: OnceLock<SetCache> = OnceLock::new();

/// The credential packs in force for `extra` (paths of organisation packs), compiled once
/// (see [`load_set`] for the errors).
pub fn credential_set(
    extra: &[PathBuf],
    config: Option<&Path>,
) -> Result<Arc<PackSet>, ConfigError> {
    load_set(&CREDENTIALS, extra, config)
}

/// Codes a credential pack may use: the built-in families, or `CR900`-`CR999` for an
/// organisation's own.
pub fn is_pack_code(code: &str) -> bool {
    cr::RULES.iter().any(|r| r.meta().code == code) || is_org_code(code)
}

/// `CR900`-`CR999`: codes reserved for organisation packs.
pub fn is_org_code(code: &str) -> bool {
    code.len() == 5 && code.starts_with("CR9") && code[3..].bytes().all(|b| b.is_ascii_digit())
}

/// Whether any credential code can fire under `settings` (else the scan is skipped).
pub fn credentials_enabled(settings: &Settings) -> bool {
    cr::RULES.iter().any(|r| settings.is_enabled(r.meta().code))
        || (!settings.extra_packs.is_empty() && settings.is_enabled("CR900"))
}

/// Scan one file for credentials and report what `settings` enables.
pub fn scan_file(
    src: &SourceFile,
    rel: &Path,
    set: &PackSet,
    settings: &Settings,
    out: &mut Vec<Diagnostic>,
) {
    scan_file_with(src, rel, set, settings, out, None);
}

/// [`scan_file`] with the keyword pass already done (see [`fused`]).
pub fn scan_file_with(
    src: &SourceFile,
    rel: &Path,
    set: &PackSet,
    settings: &Settings,
    out: &mut Vec<Diagnostic>,
    hits: Option<KeywordHits>,
) {
    let rel = slash_path(rel);
    let found = match hits {
        Some(h) => set.scan_with(&rel, &src.text, h),
        None => set.scan(&rel, &src.text),
    };
    for m in found {
        if let Some(d) = diagnostic(&m, set, settings, &src.path, &src.text, &rel) {
            out.push(d);
        }
    }
}

/// Report the file rules (credentials known by the file's name, such as a PKCS#12 key store)
/// for a file that has no text: binary, too large or unreadable. `display` is the path shown.
pub fn scan_unread(
    display: &Path,
    rel: &Path,
    set: &PackSet,
    settings: &Settings,
    out: &mut Vec<Diagnostic>,
) {
    let rel = slash_path(rel);
    for m in set.scan(&rel, "") {
        if let Some(d) = diagnostic(&m, set, settings, display, "", &rel) {
            out.push(d);
        }
    }
}

fn diagnostic(
    m: &skill_audit_patterns::Match,
    set: &PackSet,
    settings: &Settings,
    path: &Path,
    text: &str,
    rel: &str,
) -> Option<Diagnostic> {
    if !settings.is_enabled(&m.code) {
        return None;
    }
    let rule = set.rules().get(m.rule_index)?;
    let family = cr::RULES
        .iter()
        .find(|r| r.meta().code == m.code)
        .map(|r| r.meta());
    let severity = match m.severity {
        skill_audit_patterns::Severity::Error => Severity::Error,
        skill_audit_patterns::Severity::Warning => Severity::Warning,
        skill_audit_patterns::Severity::Info => Severity::Info,
    };
    let message = if rule.file {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        format!("{} `{name}` is part of the files", rule.name)
    } else if m.checksum == Some(false) {
        format!(
            "{} `{}` looks like a documentation example: its checksum does not verify",
            rule.name,
            m.redacted(text)
        )
    } else {
        format!(
            "{} `{}` is written in plain text",
            rule.name,
            m.redacted(text)
        )
    };
    let range = TextRange::new(m.secret.start, m.secret.end);
    let mut d = Diagnostic::new(
        m.code.clone(),
        family.map_or(rule.id.as_str(), |f| f.name),
        severity,
        path.to_path_buf(),
        range,
        message,
    );
    d.help = Some(if m.checksum == Some(false) {
        "if this is a real key, remove it and rotate it; if it is an example, mark it as one (`EXAMPLE`, `xxxx`, `<token>`)".to_string()
    } else {
        format!("{} (pattern `{}`)", rule.help, rule.id)
    });
    if !rule.file {
        d.secret = Some(range);
    }
    Some(d)
}

/// `text` with every credential the built-in pack finds in it masked (for panic messages and
/// logs, which must never carry a secret).
pub fn redact_text(text: &str) -> String {
    let ranges: Vec<TextRange> = builtin()
        .scan("", text)
        .iter()
        .map(|m| TextRange::new(m.secret.start, m.secret.end))
        .collect();
    crate::report::escape::mask_secrets(std::borrow::Cow::Borrowed(text), &ranges).into_owned()
}

/// One keyword automaton for the credential and the security packs of a configuration, so
/// each file is read once by the keyword pass of both. Built on first use and kept for the
/// process (with the sets it was built from, so their addresses stay theirs): a run has one
/// pair of sets per distinct configuration.
pub fn fused(credentials: &Arc<PackSet>, security: &Arc<PackSet>) -> Arc<FusedKeywords> {
    type Entry = (Arc<PackSet>, Arc<PackSet>, Arc<FusedKeywords>);
    static FUSED: Mutex<Vec<Entry>> = Mutex::new(Vec::new());
    let found = FUSED.lock().ok().and_then(|cache| {
        cache
            .iter()
            .find(|(c, s, _)| Arc::ptr_eq(c, credentials) && Arc::ptr_eq(s, security))
            .map(|(_, _, f)| Arc::clone(f))
    });
    if let Some(f) = found {
        return f;
    }
    let f = Arc::new(FusedKeywords::new(&[credentials, security]));
    if let Ok(mut cache) = FUSED.lock() {
        cache.push((
            Arc::clone(credentials),
            Arc::clone(security),
            Arc::clone(&f),
        ));
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redact_text_masks_credentials() {
        let token = skill_audit_patterns::template::expand_template("{{crc32token:ghp}}", 5);
        let msg = format!("called `Option::unwrap()` near token={token}");
        let shown = redact_text(&msg);
        assert!(!shown.contains(&token), "{shown}");
        assert!(shown.contains("ghp_"));
    }

    #[test]
    fn org_codes() {
        assert!(is_org_code("CR901"));
        assert!(!is_org_code("CR001") && !is_org_code("SK901") && !is_org_code("CR9a1"));
        assert!(is_pack_code("CR005") && is_pack_code("CR950") && !is_pack_code("CR013"));
    }
}
