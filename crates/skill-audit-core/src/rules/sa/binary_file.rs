//! SA007: a binary file where text is required.
crate::declare_rule! {
    /// ## What it does
    /// Reports a file that must be text (`SKILL.md`, a manifest, an agent or command) but holds
    /// NUL bytes, so it was treated as binary and not checked.
    ///
    /// ## Why is this bad?
    /// Agents cannot use a binary instruction file, and its content cannot be reviewed.
    ///
    /// ## Example
    /// A `SKILL.md` that is really a zip archive.
    ///
    /// ## Fix
    /// Replace it with the Markdown text it should hold.
    pub struct BinaryFile {
        code: "SA007",
        name: "binary-file",
        severity: Error,
        summary: "a file that must be text is binary",
        fixable: false,
    }
}

impl crate::rules::Rule for BinaryFile {
    fn check_skill(&self, skill: &crate::workspace::Skill, cx: &mut crate::rules::Context<'_>) {
        let file = &cx.workspace.files[skill.file];
        if file.unread == Some(crate::workspace::Unread::Binary) {
            cx.report(
                Self::META,
                &file.entry.display,
                crate::text::TextRange::default(),
                "skill file is binary (it holds NUL bytes) and was not checked",
            )
            .set_help("replace it with the Markdown text of the skill");
        }
    }
}
