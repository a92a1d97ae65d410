//! SA009: a suppression comment has no reason or names no known rule.

crate::declare_rule! {
    /// ## What it does
    /// Reports a suppression comment (`<!-- skill-audit-ignore ... -->`, `skill-audit: ignore[...]`,
    /// `skill-audit-allow ...`) that gives no reason or names no known rule code or family. Such a
    /// comment suppresses nothing.
    ///
    /// ## Why is this bad?
    /// A suppression records a reviewed decision; without a reason the next reviewer cannot tell why
    /// the finding was accepted, and a misspelt code silently hides nothing while looking as if it
    /// did.
    ///
    /// ## Example
    /// ```markdown
    /// <!-- skill-audit-ignore SK041 -->
    /// ```
    ///
    /// ## Fix
    /// ```markdown
    /// <!-- skill-audit-ignore SK041: the link target is generated at install time -->
    /// ```
    pub struct InvalidSuppressionComment {
        code: "SA009",
        name: "invalid-suppression",
        severity: Warning,
        summary: "a suppression comment has no reason or names no known rule",
        fixable: false,
    }
}

impl crate::rules::Rule for InvalidSuppressionComment {}
