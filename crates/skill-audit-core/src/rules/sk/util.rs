//! Helpers shared by the SK rules.

use crate::config::Profile;
use crate::diagnostic::Severity;
use crate::rules::Context;

/// `error` under the portable `agentskills` profile, `warning` under `claude-code`.
pub fn error_if_portable(cx: &Context<'_>) -> Severity {
    match cx.settings.profile {
        Profile::Agentskills => Severity::Error,
        Profile::ClaudeCode => Severity::Warning,
    }
}

/// `error` under `claude-code` (a platform constraint), `warning` under `agentskills` (not part
/// of the open specification).
pub fn error_if_claude(cx: &Context<'_>) -> Severity {
    match cx.settings.profile {
        Profile::Agentskills => Severity::Warning,
        Profile::ClaudeCode => Severity::Error,
    }
}
