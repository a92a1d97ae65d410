//! Rule documentation generated from the rules' doc comments.
//!
//! `docs/rules/` in the repository is the output of [`generate`]; a test compares it with the
//! committed files so the docs cannot drift from the code.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::rules::{self, RuleMeta};

/// Base URL of the rule pages (used for SARIF `helpUri` and the LSP's `codeDescription`).
pub const DOCS_BASE: &str = "https://github.com/skill-audit/skill-audit/blob/main/docs/rules";

/// The URL of a rule's page.
pub fn rule_url(code: &str) -> String {
    format!("{DOCS_BASE}/{code}.md")
}

/// The page of one rule, as `skill-audit rule CODE` prints it and `docs/rules/CODE.md` holds it.
pub fn rule_page(meta: &RuleMeta) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {} `{}`", meta.code, meta.name);
    out.push('\n');
    let _ = writeln!(
        out,
        "Family: {} ({}). Default severity: {}. Fix: {}.",
        meta.family(),
        rules::family_name(meta.family()),
        meta.severity,
        if meta.fixable { "available" } else { "none" }
    );
    if rules::is_default_off(meta.code) {
        let _ = writeln!(
            out,
            "\nOff by default: runs only when selected by its code or a prefix longer than its family (`--select {}`).",
            meta.code
        );
    }
    out.push('\n');
    let _ = writeln!(out, "{}", meta.summary);
    out.push('\n');
    out.push_str(&meta.doc_markdown());
    out
}

/// Every generated file: relative path under `docs/rules/` to content.
pub fn generate() -> BTreeMap<String, String> {
    let metas = rules::metas();
    let mut files = BTreeMap::new();
    let mut index = String::from(
        "# Rules\n\n<!-- Generated from the rules' doc comments by `skill-audit generate-docs`; do not edit. -->\n",
    );
    let mut family = "";
    for m in &metas {
        if m.family() != family {
            family = m.family();
            let _ = write!(index, "\n## {} — {}\n\n| code | name | severity | fix | summary |\n|---|---|---|---|---|\n", family, rules::family_name(family));
        }
        let _ = writeln!(
            index,
            "| [{}]({}.md) | `{}` | {} | {} | {} |",
            m.code,
            m.code,
            m.name,
            m.severity,
            if m.fixable { "yes" } else { "" },
            m.summary
        );
        files.insert(format!("{}.md", m.code), rule_page(m));
    }
    files.insert("README.md".to_string(), index);
    files
}
