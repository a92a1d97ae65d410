//! SE: security patterns. What a champion must not promote: text that steers the agent
//! against its user, hidden content, downloaded or decoded code run at once, exfiltration,
//! persistence and over-broad grants; plus an inventory for review (SE9xx, off by default).
//!
//! SE001-SE016 are data-driven (the security pack `rules/security.toml`, scanned by [`scan`]);
//! the other rules need structure (Unicode, Markdown, frontmatter, JSON manifests).

// Rule docs name products and syntax, not code items.
#![allow(clippy::doc_markdown)]

mod approval_bypass;
mod conceal_from_user;
pub mod context;
mod credential_exfiltration;
mod credential_store_access;
mod destructive_command;
mod encoded_payload_execution;
pub mod normalize;
mod persistence;
mod prompt_injection;
mod remote_code_execution;
pub mod scan;
pub mod script;
mod world_writable_permissions;

pub use approval_bypass::ApprovalBypass;
pub use conceal_from_user::ConcealFromUser;
pub use credential_exfiltration::CredentialExfiltration;
pub use credential_store_access::CredentialStoreAccess;
pub use destructive_command::DestructiveCommand;
pub use encoded_payload_execution::EncodedPayloadExecution;
pub use persistence::Persistence;
pub use prompt_injection::PromptInjection;
pub use remote_code_execution::RemoteCodeExecution;
pub use world_writable_permissions::WorldWritablePermissions;

use crate::diagnostic::Severity;
use crate::rules::{Rule, RuleMeta};

/// The rules whose findings come from the security pack.
pub static PACK_RULES: &[&dyn Rule] = &[
    &PromptInjection,
    &ConcealFromUser,
    &ApprovalBypass,
    &RemoteCodeExecution,
    &EncodedPayloadExecution,
    &DestructiveCommand,
    &WorldWritablePermissions,
    &CredentialExfiltration,
    &CredentialStoreAccess,
    &Persistence,
];

/// Every SE rule.
pub static RULES: &[&dyn Rule] = &[
    &PromptInjection,
    &ConcealFromUser,
    &ApprovalBypass,
    &RemoteCodeExecution,
    &EncodedPayloadExecution,
    &DestructiveCommand,
    &WorldWritablePermissions,
    &CredentialExfiltration,
    &CredentialStoreAccess,
    &Persistence,
];

/// Inventory rules: info findings for review, run only when selected by code or by a prefix
/// longer than the family (`--select SE9`, `--select SE901`); `SE` or `ALL` does not turn them
/// on.
pub const DEFAULT_OFF: &[&str] = &[];

/// Metadata shown for findings of organisation security rules (`SE800`-`SE899`).
pub static ORG_META: &RuleMeta = &RuleMeta {
    code: "SE800",
    name: "organisation-security-pattern",
    severity: Severity::Error,
    summary: "a pattern from an organisation security pack",
    doc: "",
    fixable: false,
};
