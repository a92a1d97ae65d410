//! # skill-audit
//!
//! A fast static auditor for AI-agent skills (folders with `SKILL.md`), Claude Code plugins and
//! marketplaces. This crate does all the work; the `skill-audit` CLI and the language server are
//! thin front ends over it.
//!
//! ```
//! use skill_audit::{check, CheckOptions, Severity};
//! # let dir = std::env::temp_dir().join(format!("skill-audit-doc-{}", std::process::id()));
//! # std::fs::create_dir_all(dir.join("pdf-tools")).unwrap();
//! # std::fs::write(dir.join("pdf-tools/SKILL.md"), "---\nname: PDF-Tools\ndescription: Reads PDFs. Use when asked.\n---\n# PDF\n").unwrap();
//!
//! // Audit a folder of skills with the default settings (or the closest skill-audit.toml).
//! let report = check(&[dir.clone()], &CheckOptions::default())?;
//! for d in &report.diagnostics {
//!     let (start, _) = skill_audit::report::positions(&report, d);
//!     println!("{}:{}:{}: {} {}", d.path.display(), start.line, start.column, d.code, d.message);
//! }
//! let errors = report.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
//! assert_eq!(report.summary.skills, 1);
//! assert!(errors >= 1); // `PDF-Tools` is not lowercase
//! assert!(report.failed());
//! # std::fs::remove_dir_all(&dir).unwrap();
//! # Ok::<(), skill_audit::CheckError>(())
//! ```

pub mod baseline;
pub mod config;
pub mod diagnostic;
pub mod discovery;
pub mod docs;
pub mod fix;
pub mod frontmatter;
pub mod json;
pub mod library;
pub mod markdown;
pub mod packs;
pub mod plugin;
pub mod report;
pub mod rules;
pub mod runner;
pub mod shard;
pub mod source;
pub mod suppression;
pub mod text;
pub mod vet;
pub mod workspace;
pub mod yaml;

pub use config::{FailOn, Overrides, Profile, Settings};
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Related, Severity};
pub use runner::{check, CheckError, CheckOptions, Passes, Report, Summary};
pub use source::SourceFile;
pub use text::{LineColumn, LineIndex, TextRange};

/// This library's version, as shown in reports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
