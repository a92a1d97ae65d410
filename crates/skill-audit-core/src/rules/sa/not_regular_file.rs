//! SA008: a special file (FIFO, socket, device).
crate::declare_rule! {
    /// ## What it does
    /// Reports a FIFO, socket or device node inside the audited folder. It is never opened,
    /// because reading a FIFO can block forever.
    ///
    /// ## Why is this bad?
    /// Such a file cannot be distributed in a skill and suggests a tampered or broken checkout.
    ///
    /// ## Example
    /// `mkfifo SKILL.md`
    ///
    /// ## Fix
    /// Remove it.
    pub struct NotRegularFile {
        code: "SA008",
        name: "not-regular-file",
        severity: Warning,
        summary: "a FIFO, socket or device is in the audited folder",
        fixable: false,
    }
}

impl crate::rules::Rule for NotRegularFile {}
