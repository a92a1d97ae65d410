//! The rule registry.
//!
//! One rule per file. Each file declares its rule with [`declare_rule!`], whose doc comment
//! (sections `## What it does`, `## Why is this bad?`, `## Example`, `## Fix`) is the rule's
//! documentation: `skill-audit rule CODE` prints it and `docs/rules/` is generated from it.

use std::path::Path;

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceFile;
use crate::text::TextRange;
use crate::workspace::{Skill, Workspace};

pub mod cr;
pub mod du;
pub mod gv;
pub mod mk;
pub mod ns;
pub mod pl;
pub mod sa;
pub mod se;
pub mod sk;

/// What a rule is, independent of any run.
#[derive(Debug)]
pub struct RuleMeta {
    /// `SK012`: family prefix plus digits, never reused.
    pub code: &'static str,
    /// `name-too-long`: kebab-case, names the bad pattern.
    pub name: &'static str,
    /// Default severity (a rule may lower or raise it per profile; config overrides win).
    pub severity: Severity,
    /// One line, shown in `skill-audit rules`.
    pub summary: &'static str,
    /// The doc comment, Markdown.
    pub doc: &'static str,
    /// The rule can offer a fix.
    pub fixable: bool,
}

impl RuleMeta {
    /// The family prefix (`SK`).
    pub fn family(&self) -> &'static str {
        let end = self
            .code
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(self.code.len());
        &self.code[..end]
    }

    /// The doc comment with the one leading space of each `///` line removed.
    pub fn doc_markdown(&self) -> String {
        let mut out = String::new();
        for line in self.doc.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out.trim_end().to_string() + "\n"
    }

    /// The `## What it does` section of the doc comment as one plain paragraph (the summary
    /// when the section is missing), for SARIF's `fullDescription`.
    pub fn description(&self) -> String {
        let doc = self.doc_markdown();
        let mut text = String::new();
        let mut inside = false;
        for line in doc.lines() {
            if line.starts_with("## ") {
                if inside {
                    break;
                }
                inside = line.trim() == "## What it does";
                continue;
            }
            if inside {
                if !text.is_empty() && !line.trim().is_empty() {
                    text.push(' ');
                }
                text.push_str(line.trim());
            }
        }
        if text.trim().is_empty() {
            self.summary.to_string()
        } else {
            text.trim().to_string()
        }
    }
}

/// The human name of a code family.
pub fn family_name(prefix: &str) -> &'static str {
    match prefix {
        "SA" => "skill-audit itself (I/O, limits, internal errors)",
        "SK" => "skill format (Agent Skills spec and Claude Code)",
        "PL" => "plugin components",
        "MK" => "marketplaces",
        "CR" => "credentials",
        "NS" => "namespaces",
        "DU" => "duplicates",
        "GV" => "governance metadata",
        "SE" => "security patterns",
        _ => "other",
    }
}

/// Static metadata, implemented by [`declare_rule!`].
pub trait Described {
    fn meta(&self) -> &'static RuleMeta;
}

/// A check. Rules are stateless; the runner calls the hooks that apply, in parallel.
pub trait Rule: Described + Send + Sync {
    /// Called once per skill folder.
    fn check_skill(&self, _skill: &Skill, _cx: &mut Context<'_>) {}
    /// Called once per text file of the audited tree.
    fn check_file(&self, _file: &SourceFile, _cx: &mut Context<'_>) {}
    /// Called once per run with the whole library (cross-file rules).
    fn check_workspace(&self, _workspace: &Workspace, _cx: &mut Context<'_>) {}
}

/// Declare a rule struct and its metadata from a doc comment.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            code: $code:literal,
            name: $rname:literal,
            severity: $sev:ident,
            summary: $summary:literal,
            fixable: $fix:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;

        impl $name {
            pub const META: &'static $crate::rules::RuleMeta = &$crate::rules::RuleMeta {
                code: $code,
                name: $rname,
                severity: $crate::diagnostic::Severity::$sev,
                summary: $summary,
                doc: concat!($($doc, "\n"),*),
                fixable: $fix,
            };
        }

        impl $crate::rules::Described for $name {
            fn meta(&self) -> &'static $crate::rules::RuleMeta {
                Self::META
            }
        }
    };
}

/// Where rules report. One context per unit of work, so no locking.
pub struct Context<'a> {
    pub settings: &'a Settings,
    pub workspace: &'a Workspace,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Context<'a> {
    pub fn new(settings: &'a Settings, workspace: &'a Workspace) -> Self {
        Self {
            settings,
            workspace,
            diagnostics: Vec::new(),
        }
    }

    /// Report a finding with the rule's default severity.
    pub fn report(
        &mut self,
        meta: &'static RuleMeta,
        path: &Path,
        range: TextRange,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.report_as(meta, meta.severity, path, range, message)
    }

    /// Report a finding with a severity the rule chose (for profile-dependent rules).
    pub fn report_as(
        &mut self,
        meta: &'static RuleMeta,
        severity: Severity,
        path: &Path,
        range: TextRange,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic::new(
            meta.code, meta.name, severity, path, range, message,
        ));
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }

    /// Add an already-built diagnostic (for data-driven rules).
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

/// Every rule in code, in code order.
pub fn all() -> Vec<&'static dyn Rule> {
    let mut rules: Vec<&'static dyn Rule> = Vec::new();
    rules.extend_from_slice(sa::RULES);
    rules.extend_from_slice(sk::RULES);
    rules.extend_from_slice(cr::RULES);
    rules.extend_from_slice(pl::RULES);
    rules.extend_from_slice(mk::RULES);
    rules.extend_from_slice(ns::RULES);
    rules.extend_from_slice(du::RULES);
    rules.extend_from_slice(gv::RULES);
    rules.extend_from_slice(se::RULES);
    rules.sort_by_key(|r| r.meta().code);
    rules
}

/// The metadata of every rule, in code order.
pub fn metas() -> Vec<&'static RuleMeta> {
    all().into_iter().map(Described::meta).collect()
}

/// Look a rule up by code (`SK012`) or name (`name-too-long`), case-insensitively.
pub fn find(code_or_name: &str) -> Option<&'static RuleMeta> {
    metas().into_iter().find(|m| {
        m.code.eq_ignore_ascii_case(code_or_name) || m.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// Whether `code` belongs to a rule defined in a data-driven pattern pack rather than in code:
/// `CR900`-`CR999` are reserved for organisation credential packs.
pub fn is_dynamic_code(code: &str) -> bool {
    crate::packs::is_org_code(code) || se::scan::is_org_code(code)
}

/// Rules that run only when selected explicitly, by their code or a prefix longer than their
/// family (`--select SE9`): inventories for review, not findings. `skill-audit rules` marks
/// them.
pub fn is_default_off(code: &str) -> bool {
    se::DEFAULT_OFF.contains(&code)
}

/// The library-level rules: they compare skills and plugins across the whole library (duplicate
/// and confusable names, duplicates). A sharded run leaves them to `skill-audit merge`, which
/// runs them over every shard's index.
pub const LIBRARY_CODES: &[&str] = &["NS002", "NS003", "NS004", "NS005", "DU001", "DU002"];

/// Whether a code or code prefix (as written in a suppression) may name a library-level rule.
pub fn may_name_library_rule(code: &str) -> bool {
    LIBRARY_CODES
        .iter()
        .any(|c| c.len() >= code.len() && c[..code.len()].eq_ignore_ascii_case(code))
}
