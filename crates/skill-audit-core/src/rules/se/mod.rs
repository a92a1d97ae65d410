//! SE: security patterns. What a champion must not promote: text that steers the agent
//! against its user, hidden content, downloaded or decoded code run at once, exfiltration,
//! persistence and over-broad grants; plus an inventory for review (SE9xx, off by default).
//!
//! SE001-SE016 are data-driven (the security pack `rules/security.toml`, scanned by [`scan`]);
//! the other rules need structure (Unicode, Markdown, frontmatter, JSON manifests).

// Rule docs name products and syntax, not code items.
#![allow(clippy::doc_markdown)]

mod agent_all_tools;
mod approval_bypass;
mod broad_allowed_tools;
pub mod chars;
mod conceal_from_user;
pub mod context;
mod credential_exfiltration;
mod credential_store_access;
mod destructive_command;
mod encoded_instructions;
mod encoded_payload_execution;
mod hidden_trailing_text;
mod hidden_unicode;
mod hook_network_every_tool;
mod html_comment_instructions;
mod inventory_hooks;
mod inventory_mcp_servers;
mod inventory_scripts;
mod inventory_tools;
mod inventory_urls;
mod mcp_insecure_url;
mod mcp_unpinned_package;
mod mixed_script;
pub mod normalize;
mod persistence;
mod prompt_injection;
mod remote_code_execution;
pub mod scan;
pub mod script;
pub mod util;
mod world_writable_permissions;

pub use agent_all_tools::AgentAllTools;
pub use approval_bypass::ApprovalBypass;
pub use broad_allowed_tools::BroadAllowedTools;
pub use conceal_from_user::ConcealFromUser;
pub use credential_exfiltration::CredentialExfiltration;
pub use credential_store_access::CredentialStoreAccess;
pub use destructive_command::DestructiveCommand;
pub use encoded_instructions::EncodedInstructions;
pub use encoded_payload_execution::EncodedPayloadExecution;
pub use hidden_trailing_text::HiddenTrailingText;
pub use hidden_unicode::HiddenUnicode;
pub use hook_network_every_tool::HookNetworkEveryTool;
pub use html_comment_instructions::HtmlCommentInstructions;
pub use inventory_hooks::InventoryHooks;
pub use inventory_mcp_servers::InventoryMcpServers;
pub use inventory_scripts::InventoryScripts;
pub use inventory_tools::InventoryTools;
pub use inventory_urls::InventoryUrls;
pub use mcp_insecure_url::McpInsecureUrl;
pub use mcp_unpinned_package::McpUnpinnedPackage;
pub use mixed_script::MixedScript;
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
    &HiddenUnicode,
    &MixedScript,
    &HtmlCommentInstructions,
    &HiddenTrailingText,
    &EncodedInstructions,
    &BroadAllowedTools,
    &HookNetworkEveryTool,
    &McpUnpinnedPackage,
    &McpInsecureUrl,
    &AgentAllTools,
    &InventoryUrls,
    &InventoryTools,
    &InventoryScripts,
    &InventoryMcpServers,
    &InventoryHooks,
];

/// Inventory rules: info findings for review, run only when selected by code or by a prefix
/// longer than the family (`--select SE9`, `--select SE901`); `SE` or `ALL` does not turn them
/// on.
pub const DEFAULT_OFF: &[&str] = &["SE901", "SE902", "SE903", "SE904", "SE905"];

/// Metadata shown for findings of organisation security rules (`SE800`-`SE899`).
pub static ORG_META: &RuleMeta = &RuleMeta {
    code: "SE800",
    name: "organisation-security-pattern",
    severity: Severity::Error,
    summary: "a pattern from an organisation security pack",
    doc: "",
    fixable: false,
};
