//! SA004: a symbolic link loop.
crate::declare_rule! {
    /// ## What it does
    /// Reports a symbolic link that resolves to itself, directly or through other links.
    ///
    /// ## Why is this bad?
    /// Tools that follow links hang or fail on it, and installing the skill breaks.
    ///
    /// ## Example
    /// `ln -s a b; ln -s b a` inside a skill folder.
    ///
    /// ## Fix
    /// Remove the link.
    pub struct SymlinkLoop {
        code: "SA004",
        name: "symlink-loop",
        severity: Error,
        summary: "a symbolic link loops back on itself",
        fixable: false,
    }
}

impl crate::rules::Rule for SymlinkLoop {}
