//! MK007: a relative plugin source is malformed.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports relative sources that do not start with `./` (unless `metadata.pluginRoot` is set
    /// for bare names), that contain `..`, or that are absolute paths. A safe fix adds the `./`.
    ///
    /// ## Why is this bad?
    /// Claude Code refuses them; a marketplace can only ship plugins inside its own repository.
    ///
    /// ## Example
    /// ```text
    /// { "name": "close", "source": "plugins/close" }
    /// ```
    ///
    /// ## Fix
    /// Write `"source": "./plugins/close"` (`--fix` does it).
    pub struct RelativeSourceInvalid {
        code: "MK007",
        name: "relative-source-invalid",
        severity: Error,
        summary: "a relative plugin source is malformed",
        fixable: true,
    }
}

impl Rule for RelativeSourceInvalid {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
