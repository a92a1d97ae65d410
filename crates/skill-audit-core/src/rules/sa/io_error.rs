//! SA002: a file that could not be read.
crate::declare_rule! {
    /// ## What it does
    /// Reports a file or folder that could not be read (permissions, a file removed during the
    /// run, a broken disk).
    ///
    /// ## Why is this bad?
    /// A file that cannot be read cannot be audited, and the agent that installs the skill may
    /// read it after all.
    ///
    /// ## Example
    /// A `references/notes.md` with mode `000`.
    ///
    /// ## Fix
    /// Make the file readable, or remove it from the skill.
    pub struct IoError {
        code: "SA002",
        name: "io-error",
        severity: Error,
        summary: "a file or folder could not be read",
        fixable: false,
    }
}

impl crate::rules::Rule for IoError {}
