//! The data-driven part of the SE family: the security pack (`rules/security.toml`) plus
//! organisation packs (`[security] extra-packs`), scanned once per file, with each match
//! weighed by where it stands (prose, quotation, code fence, script comment) and a second pass
//! over a de-obfuscated copy of the text for the prompt-injection codes.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use skill_audit_patterns::{KeywordHits, Match, PackSet};

use crate::config::{ConfigError, Settings};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::se;
use crate::rules::se::context::{self, FileContext, Lowered};
use crate::rules::se::{chars, normalize};
use crate::source::{slash_path, SourceFile};
use crate::text::TextRange;

fn builtin() -> &'static Arc<PackSet> {
    static SET: OnceLock<Arc<PackSet>> = OnceLock::new();
    SET.get_or_init(|| Arc::new(PackSet::builtin_security().clone()))
}

/// The built-in security pack alone, shared.
pub fn builtin_set() -> Arc<PackSet> {
    Arc::clone(builtin())
}

static SECURITY: crate::packs::PackFamily = crate::packs::PackFamily {
    label: "security",
    builtin_origin: skill_audit_patterns::BUILTIN_SECURITY_ORIGIN,
    builtin_pack: PackSet::builtin_security_pack,
    builtin_set: builtin,
    cache: &SECURITY_SETS,
    allows: is_pack_code,
    allowed: "a built-in pack code (SE001-SE016) or SE800-SE899",
};
static SECURITY_SETS: OnceLock<crate::packs::SetCache> = OnceLock::new();

/// The security packs in force for `extra` (organisation packs), compiled once per list.
///
/// An unreadable or malformed pack, or a rule whose code is neither a built-in pack code nor
/// `SE800`-`SE899`, is a configuration error pointing at the pack (see
/// [`crate::packs::load_set`]).
pub fn security_set(extra: &[PathBuf], config: Option<&Path>) -> Result<Arc<PackSet>, ConfigError> {
    crate::packs::load_set(&SECURITY, extra, config)
}

/// Codes a security pack may use: the built-in pack families, or `SE800`-`SE899`.
pub fn is_pack_code(code: &str) -> bool {
    se::PACK_RULES.iter().any(|r| r.meta().code == code) || is_org_code(code)
}

/// `SE800`-`SE899`: codes reserved for organisation security packs.
pub fn is_org_code(code: &str) -> bool {
    code.len() == 5 && code.starts_with("SE8") && code[3..].bytes().all(|b| b.is_ascii_digit())
}

/// Whether any pack code can fire under `settings` (else the scan is skipped).
pub fn enabled(settings: &Settings) -> bool {
    se::PACK_RULES
        .iter()
        .any(|r| settings.is_enabled(r.meta().code))
        || (!settings.security_extra_packs.is_empty() && settings.is_enabled("SE800"))
}

/// Whether `code` is one of the prompt-manipulation codes (matched on de-obfuscated text too,
/// and lowered further in documenting context).
pub fn is_injection_code(code: &str) -> bool {
    matches!(code, "SE001" | "SE002" | "SE003")
}

fn lower(s: Severity, steps: u8) -> Severity {
    let mut s = s;
    for _ in 0..steps {
        s = match s {
            Severity::Error => Severity::Warning,
            Severity::Warning | Severity::Info => Severity::Info,
        };
    }
    s
}

fn to_severity(s: skill_audit_patterns::Severity) -> Severity {
    match s {
        skill_audit_patterns::Severity::Error => Severity::Error,
        skill_audit_patterns::Severity::Warning => Severity::Warning,
        skill_audit_patterns::Severity::Info => Severity::Info,
    }
}

/// A short, single-line excerpt of a match for messages.
pub fn excerpt(text: &str) -> String {
    let one: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = one.chars().take(70).collect();
    if one.chars().count() > 70 {
        out.push('…');
    }
    out.replace('`', "'")
}

/// Scan `text` with the pack, plus its de-obfuscated copy for the injection codes. Ranges are
/// in `text`; the flag says the match was only visible after de-obfuscation.
pub fn find(set: &PackSet, rel: &str, text: &str) -> Vec<(Match, bool)> {
    find_with(set, rel, text, &chars::profile(text), None)
}

/// [`find`] with the text's [`chars::Profile`] already known.
pub fn find_with(
    set: &PackSet,
    rel: &str,
    text: &str,
    profile: &chars::Profile,
    hits: Option<KeywordHits>,
) -> Vec<(Match, bool)> {
    let first = match hits {
        Some(h) => set.scan_with(rel, text, h),
        None => set.scan(rel, text),
    };
    let mut found: Vec<(Match, bool)> = first.into_iter().map(|m| (m, false)).collect();
    for window in normalize::changed_windows(text, profile) {
        let piece = &text[window.clone()];
        let Some(norm) = normalize::normalize(piece) else {
            continue;
        };
        for mut m in set.scan(rel, &norm.text) {
            if !is_injection_code(&m.code) {
                continue;
            }
            let local = norm.original(m.range.clone());
            let range = local.start + window.start..local.end + window.start;
            if found
                .iter()
                .any(|(f, _)| f.range.start < range.end && range.start < f.range.end)
            {
                continue;
            }
            m.secret = range.clone();
            m.range = range;
            found.push((m, true));
        }
    }
    found
}

/// Scan one file with the security packs and report what `settings` enables.
pub fn scan_file(src: &SourceFile, rel: &Path, settings: &Settings, out: &mut Vec<Diagnostic>) {
    scan_file_with(src, rel, settings, out, None);
}

/// [`scan_file`] with the keyword pass already done (see [`crate::packs::fused`]).
pub fn scan_file_with(
    src: &SourceFile,
    rel: &Path,
    settings: &Settings,
    out: &mut Vec<Diagnostic>,
    hits: Option<KeywordHits>,
) {
    let set = &settings.security_packs;
    let rel = slash_path(rel);
    let found = find_with(set, &rel, &src.text, &src.char_profile(), hits);
    if found.is_empty() {
        return;
    }
    let cx = FileContext::new(src);
    for (m, obfuscated) in found {
        if !settings.is_enabled(&m.code) {
            continue;
        }
        let Some(rule) = set.rules().get(m.rule_index) else {
            continue;
        };
        let range = TextRange::new(m.range.start, m.range.end);
        let Some(family) = se::PACK_RULES
            .iter()
            .map(|r| r.meta())
            .find(|f| f.code == m.code)
            .or_else(|| is_org_code(&m.code).then_some(se::ORG_META))
        else {
            continue;
        };
        let injection = is_injection_code(&m.code);
        let Lowered { steps, why } = cx.lowering(range, injection);
        let severity = lower(to_severity(m.severity), steps);
        let shown = excerpt(src.slice(range));
        let mut message = format!("{}: `{shown}`", rule.name);
        if obfuscated {
            message.push_str(" (after removing obfuscation: look-alike letters, invisible characters or letter spacing)");
        }
        let mut d = Diagnostic::new(
            m.code.clone(),
            family.name,
            severity,
            src.path.clone(),
            range,
            message,
        );
        let mut help = format!("{} (pattern `{}`)", rule.help, rule.id);
        if !why.is_empty() {
            help.push_str("; severity lowered: ");
            help.push_str(&why.join(", "));
        }
        d.help = Some(help);
        out.push(d);
    }
}

/// Pack findings in a piece of decoded text (for SE024): the codes found.
pub fn codes_in(set: &PackSet, text: &str) -> Vec<String> {
    let mut codes: Vec<String> = find(set, "", text)
        .into_iter()
        .map(|(m, _)| m.code)
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

/// Re-export for rules that need the documenting-context test.
pub use context::is_attack_heading;
