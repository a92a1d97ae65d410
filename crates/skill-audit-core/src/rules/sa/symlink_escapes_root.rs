//! SA005: a symbolic link out of the audited root.
crate::declare_rule! {
    /// ## What it does
    /// Reports a symbolic link that points outside the audited folder. skill-audit never follows
    /// it, so the target is neither read nor shown.
    ///
    /// ## Why is this bad?
    /// A skill is copied when installed; the link then points at a different file on every
    /// machine, for example at a user's credentials (`~/.aws/credentials`), which the agent may
    /// read as if it were part of the skill.
    ///
    /// ## Example
    /// `references/keys.md -> /home/alice/.ssh/id_rsa`
    ///
    /// ## Fix
    /// Copy the content the skill needs into its folder and remove the link.
    pub struct SymlinkEscapesRoot {
        code: "SA005",
        name: "symlink-escapes-root",
        severity: Error,
        summary: "a symbolic link points outside the audited folder",
        fixable: false,
    }
}

impl crate::rules::Rule for SymlinkEscapesRoot {}
