//! # skill-audit
//!
//! A fast static auditor for AI-agent skills (folders with `SKILL.md`), Claude Code plugins and
//! marketplaces. This crate does all the work; the `skill-audit` CLI and the language server are
//! thin front ends over it.
//!
//! ```no_run
//! use skill_audit::{check, CheckOptions, Severity};
//!
//! let report = check(&["path/to/skills".into()], &CheckOptions::default())?;
//! let errors = report.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
//! println!("{errors} errors in {} skills", report.summary.skills);
//! # Ok::<(), skill_audit::CheckError>(())
//! ```

pub mod config;
pub mod diagnostic;
pub mod discovery;
pub mod docs;
pub mod frontmatter;
pub mod markdown;
pub mod report;
pub mod rules;
pub mod runner;
pub mod source;
pub mod text;
pub mod workspace;
pub mod yaml;

pub use config::{FailOn, Overrides, Profile, Settings};
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Related, Severity};
pub use runner::{check, CheckError, CheckOptions, Report, Summary};
pub use source::SourceFile;
pub use text::{LineColumn, LineIndex, TextRange};

/// This library's version, as shown in reports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
