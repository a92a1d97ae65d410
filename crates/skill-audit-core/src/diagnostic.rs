//! The diagnostic model shared by every rule, reporter and front end.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::text::TextRange;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix may be applied without review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// May change meaning; applied only when the user opts in to unsafe fixes.
    Unsafe,
    /// Preserves meaning; applied by `--fix`.
    Safe,
}

/// One text replacement: the bytes in `range` become `content`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Edit {
    pub range: TextRange,
    pub content: String,
}

/// A fix: edits to one file, applied together.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Fix {
    /// What applying the fix does, as an imperative ("Rename to `pdf-tools`").
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self {
            title: title.into(),
            applicability: Applicability::Safe,
            edits,
        }
    }

    pub fn unsafe_(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self {
            title: title.into(),
            applicability: Applicability::Unsafe,
            edits,
        }
    }
}

/// A secondary location that explains a finding ("first defined here").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Related {
    pub path: PathBuf,
    pub range: TextRange,
    pub message: String,
}

/// One finding.
///
/// `message` states the problem in one line without a trailing period; `help` states the remedy.
/// `range` is a byte range into the file at `path` (an empty range at 0 means "the whole file").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    pub code: String,
    pub rule: String,
    pub severity: Severity,
    pub path: PathBuf,
    pub range: TextRange,
    pub message: String,
    pub help: Option<String>,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
    /// Stable, content-based fingerprint (filled in by the runner; survives line shifts).
    pub fingerprint: String,
    /// Byte range of a secret in the file (credential findings). Every reporter that shows
    /// source text masks it; messages carry only a redacted form.
    pub secret: Option<TextRange>,
}

impl Diagnostic {
    pub fn new(
        code: impl Into<String>,
        rule: impl Into<String>,
        severity: Severity,
        path: impl Into<PathBuf>,
        range: TextRange,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code: code.into(),
            rule: rule.into(),
            severity,
            path: path.into(),
            range,
            message: message.into(),
            help: None,
            related: Vec::new(),
            fix: None,
            fingerprint: String::new(),
            secret: None,
        }
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    #[must_use]
    pub fn with_related(mut self, related: Related) -> Self {
        self.related.push(related);
        self
    }

    /// The family prefix of the code (`SK` for `SK012`).
    pub fn family(&self) -> &str {
        let end = self
            .code
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(self.code.len());
        &self.code[..end]
    }
}

impl Diagnostic {
    /// Set the remedy (chainable on the `&mut` a rule gets back from `Context::report`).
    pub fn set_help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    pub fn set_fix(&mut self, fix: Fix) -> &mut Self {
        self.fix = Some(fix);
        self
    }

    pub fn add_related(
        &mut self,
        path: impl Into<PathBuf>,
        range: TextRange,
        message: impl Into<String>,
    ) -> &mut Self {
        self.related.push(Related {
            path: path.into(),
            range,
            message: message.into(),
        });
        self
    }
}
