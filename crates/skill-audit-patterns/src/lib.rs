//! Data-driven pattern packs for skill-audit.
//!
//! A *pack* is one TOML file of rules (see `docs/patterns.md` for the format). Each rule is a
//! regular expression with a list of cheap *keywords*, an optional Shannon-entropy floor on the
//! captured secret, path filters, allowlists and its own true-positive (`fail`) and
//! false-positive (`pass`) examples.
//!
//! A [`PackSet`] compiles several packs together. [`PackSet::scan`] makes **one**
//! case-insensitive Aho-Corasick pass over a text for the keywords of every rule, then runs only
//! the regexes whose keywords occur (rules without keywords always run). Candidates then go
//! through the entropy floor, the rule's allowlists, the pack's global allowlist (documentation
//! placeholders, published example keys, masks, repeated or sequential characters) and an
//! optional checksum; overlapping findings of the same secret are resolved in favour of the more
//! specific (non-generic) rule.
//!
//! The built-in credentials pack (`rules/credentials.toml`, CR codes) is embedded at build time:
//! [`PackSet::builtin_credentials`]. Organisations load extra packs at run time with
//! [`Pack::from_toml_str`] and [`PackSet::new`].
//!
//! Secrets never leave this crate unmasked through its own formatting: [`Match`]'s `Debug` prints
//! ranges only, error messages never quote scanned text, and [`redact`] masks a value for display.

#![forbid(unsafe_code)]

mod checks;
mod pack;
mod set;
pub mod template;

pub use checks::{github_checksum_ok, redact, shannon_entropy};
pub use pack::{Pack, PackError, RuleExamples};
pub use set::{
    FusedKeywords, KeywordHits, PackSet, BUILTIN_CREDENTIALS_ORIGIN, BUILTIN_CREDENTIALS_TOML,
    BUILTIN_SECURITY_ORIGIN, BUILTIN_SECURITY_TOML,
};

use std::fmt;
use std::ops::Range;

/// Severity of a pattern rule, as written in the pack (`error`, `warning`, `info`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Metadata of one rule of a [`PackSet`], for documentation and reporting.
#[derive(Debug, Clone)]
pub struct PatternRule {
    /// Kebab-case identifier, unique in the set (`github-pat`).
    pub id: String,
    /// Diagnostic code (`CR002`); several ids may share a code (a family).
    pub code: String,
    /// Short human name (`GitHub personal access token`).
    pub name: String,
    /// One sentence on what the rule finds.
    pub description: String,
    /// Severity of a finding (a finding whose checksum does not verify is reported as `info`).
    pub severity: Severity,
    /// The remedy shown with a finding.
    pub help: String,
    /// Prefilter keywords (lower case).
    pub keywords: Vec<String>,
    /// Generic rules (`generic = true`) lose against any specific rule on the same secret.
    pub generic: bool,
    /// Where the rule comes from (`rules/credentials.toml`, or the path of an organisation pack).
    pub origin: String,
    /// A file rule (no `regex`): the file itself is the credential, found by its name through
    /// `paths` (a PKCS#12 key store). Its finding covers no bytes (`range` and `secret` are
    /// `0..0`) and it fires on binary files too, which are scanned as empty text.
    pub file: bool,
}

/// One finding of [`PackSet::scan`]. Ranges are byte offsets into the scanned text.
///
/// `Debug` deliberately prints no text, only ids and ranges.
#[derive(Clone, PartialEq)]
pub struct Match {
    /// Id of the rule that matched (`github-pat`).
    pub rule_id: String,
    /// Its code (`CR002`).
    pub code: String,
    /// Index of the rule in [`PackSet::rules`].
    pub rule_index: usize,
    /// Effective severity: the rule's, or `Info` when the secret's checksum does not verify
    /// (a made-up documentation example).
    pub severity: Severity,
    /// Byte range of the whole regex match.
    pub range: Range<usize>,
    /// Byte range of the secret capture (inside `range`).
    pub secret: Range<usize>,
    /// Shannon entropy (bits per character) of the secret capture.
    pub entropy: Option<f64>,
    /// `Some(true)` / `Some(false)` when the rule declares a checksum and it does / does not
    /// verify; `None` when the format has no checksum.
    pub checksum: Option<bool>,
}

impl Match {
    /// The secret, masked with [`redact`]; `text` must be the scanned text.
    pub fn redacted(&self, text: &str) -> String {
        redact(text.get(self.secret.clone()).unwrap_or(""))
    }
}

impl fmt::Debug for Match {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Match")
            .field("rule_id", &self.rule_id)
            .field("code", &self.code)
            .field("severity", &self.severity)
            .field("range", &self.range)
            .field("secret", &self.secret)
            .field("entropy", &self.entropy)
            .field("checksum", &self.checksum)
            .finish_non_exhaustive()
    }
}
