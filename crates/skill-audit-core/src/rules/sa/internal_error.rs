//! SA001: a panic while checking a file.
crate::declare_rule! {
    /// ## What it does
    /// Reports that skill-audit itself failed (panicked) while checking a file. The rest of the
    /// run goes on; only the checks of that one file are lost.
    ///
    /// ## Why is this bad?
    /// A check that did not run cannot vouch for the file, so the file must not be treated as
    /// clean. The finding is an error so that CI does not pass silently.
    ///
    /// ## Example
    /// Any input that triggers a bug in a rule.
    ///
    /// ## Fix
    /// Report the bug with the file attached. The panic message is redacted of secrets.
    pub struct InternalError {
        code: "SA001",
        name: "internal-error",
        severity: Error,
        summary: "skill-audit failed while checking a file",
        fixable: false,
    }
}

impl crate::rules::Rule for InternalError {}
