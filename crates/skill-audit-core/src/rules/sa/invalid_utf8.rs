//! SA006: a text file that is not UTF-8.
crate::declare_rule! {
    /// ## What it does
    /// Reports a text file that is not valid UTF-8, at the first invalid byte. The rest of the
    /// file is checked with the invalid bytes replaced by U+FFFD.
    ///
    /// ## Why is this bad?
    /// Agents and validators read skills as UTF-8; invalid bytes are dropped or rejected, and the
    /// reference validator fails on them.
    ///
    /// ## Example
    /// A `SKILL.md` saved as Latin-1 with `café` in the description.
    ///
    /// ## Fix
    /// Re-encode the file as UTF-8.
    pub struct InvalidUtf8 {
        code: "SA006",
        name: "invalid-utf8",
        severity: Warning,
        summary: "a text file is not valid UTF-8",
        fixable: false,
    }
}

impl crate::rules::Rule for InvalidUtf8 {
    fn check_file(&self, file: &crate::source::SourceFile, cx: &mut crate::rules::Context<'_>) {
        if let Some(at) = file.invalid_utf8_at {
            cx.report(
                Self::META,
                &file.path,
                crate::text::TextRange::new(at, at + 1),
                "file is not valid UTF-8",
            )
            .set_help("re-encode the file as UTF-8");
        }
    }
}
