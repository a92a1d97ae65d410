//! SA010: a suppression comment matches no finding.

crate::declare_rule! {
    /// ## What it does
    /// Reports a suppression comment that suppressed no finding in this run (only when every rule it
    /// names was enabled, so that `--select` does not make suppressions look unused).
    ///
    /// ## Why is this bad?
    /// Stale suppressions accumulate after fixes and would hide a future, unrelated finding of the
    /// same rule at the same place.
    ///
    /// ## Example
    /// ```markdown
    /// <!-- skill-audit-ignore SK041: old link -->
    /// See [the guide](references/guide.md).
    /// ```
    /// (where `references/guide.md` now exists).
    ///
    /// ## Fix
    /// Remove the comment.
    pub struct UnusedSuppression {
        code: "SA010",
        name: "unused-suppression",
        severity: Warning,
        summary: "a suppression comment matches no finding",
        fixable: false,
    }
}

impl crate::rules::Rule for UnusedSuppression {}
