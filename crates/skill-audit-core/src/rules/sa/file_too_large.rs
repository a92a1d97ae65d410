//! SA003: a file over the size cap.
crate::declare_rule! {
    /// ## What it does
    /// Reports a file larger than the size cap (10 MiB by default, `max-file-size` in
    /// `skill-audit.toml`). The file is not read.
    ///
    /// ## Why is this bad?
    /// Skills are instructions and small resources. A huge file slows every agent that loads the
    /// skill, can hide content from reviewers, and is often an accident (a dataset, a build).
    /// claude.ai rejects uploads over 30 MB.
    ///
    /// ## Example
    /// A 20 MB `assets/data.json`.
    ///
    /// ## Fix
    /// Remove the file or fetch it at run time; or raise `max-file-size` if it must ship.
    pub struct FileTooLarge {
        code: "SA003",
        name: "file-too-large",
        severity: Warning,
        summary: "a file is over the size cap and was not read",
        fixable: false,
    }
}

impl crate::rules::Rule for FileTooLarge {}
