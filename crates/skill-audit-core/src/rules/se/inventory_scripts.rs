//! SE903: inventory of scripts and their languages (off by default).

use crate::rules::se::script::Language;
use crate::rules::{Context, Rule};
use crate::source::SourceFile;
use crate::text::TextRange;

crate::declare_rule! {
    /// ## What it does
    /// Lists every script shipped with a skill or plugin (Python, shell, JavaScript/TypeScript,
    /// PowerShell; by extension or `#!` line), with its language, size in lines and whether
    /// it is executable. Scripts are read as text, never run.
    ///
    /// Off by default (an inventory for review): run it with `--select SE903` or `--select SE9`.
    ///
    /// ## Why is this bad?
    /// It is not. Code is where a skill does things; a reviewer needs the list to read it.
    ///
    /// ## Example
    /// ```text
    /// scripts/sync.py
    /// ```
    ///
    /// ## Fix
    /// Nothing to fix; read each script.
    pub struct InventoryScripts {
        code: "SE903",
        name: "inventory-scripts",
        severity: Info,
        summary: "inventory: scripts and their languages",
        fixable: false,
    }
}

impl Rule for InventoryScripts {
    fn check_file(&self, src: &SourceFile, cx: &mut Context<'_>) {
        if src.is_markdown() {
            return;
        }
        let Some(lang) = Language::detect(src.file_name(), &src.text) else {
            return;
        };
        let lines = src.text.lines().count();
        cx.report(
            Self::META,
            &src.path,
            TextRange::empty(0),
            format!(
                "{} script, {lines} line{}{}",
                lang.name(),
                if lines == 1 { "" } else { "s" },
                if src.executable { ", executable" } else { "" }
            ),
        );
    }
}
