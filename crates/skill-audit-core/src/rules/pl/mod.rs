//! PL: plugin components: `plugin.json`, hooks, MCP and LSP servers, agents and commands.
//!
//! The checks run in one shared pass ([`crate::plugin::analyze`]); each rule reports the
//! findings of its code.

// Rule docs name hook events and products (PreToolUse, OpenAI), not code items.
#![allow(clippy::doc_markdown)]

mod agent_frontmatter_invalid;
mod agent_ignored_field;
mod agent_invalid_isolation;
mod agent_invalid_name;
mod agent_missing_field;
mod command_frontmatter_invalid;
mod component_in_manifest_dir;
mod duplicate_json_key;
mod hook_script_missing;
mod invalid_dependency;
mod invalid_hook_handler;
mod invalid_hook_timeout;
mod invalid_hooks_structure;
mod invalid_json;
mod invalid_manifest_type;
mod invalid_user_config;
mod lsp_server_invalid;
mod mcp_insecure_http;
mod mcp_server_invalid;
mod missing_recommended_field;
mod path_not_found;
mod path_traversal;
mod path_without_dot_slash;
mod path_wrong_kind;
mod plugin_name_invalid;
mod plugin_name_not_kebab_case;
mod reserved_plugin_name;
mod unknown_hook_event;
mod unknown_manifest_key;
mod unquoted_plugin_root;
mod user_config_in_shell_hook;
mod version_not_semver;

pub use agent_frontmatter_invalid::AgentFrontmatterInvalid;
pub use agent_ignored_field::AgentIgnoredField;
pub use agent_invalid_isolation::AgentInvalidIsolation;
pub use agent_invalid_name::AgentInvalidName;
pub use agent_missing_field::AgentMissingField;
pub use command_frontmatter_invalid::CommandFrontmatterInvalid;
pub use component_in_manifest_dir::ComponentInManifestDir;
pub use duplicate_json_key::DuplicateJsonKey;
pub use hook_script_missing::HookScriptMissing;
pub use invalid_dependency::InvalidDependency;
pub use invalid_hook_handler::InvalidHookHandler;
pub use invalid_hook_timeout::InvalidHookTimeout;
pub use invalid_hooks_structure::InvalidHooksStructure;
pub use invalid_json::InvalidJson;
pub use invalid_manifest_type::InvalidManifestType;
pub use invalid_user_config::InvalidUserConfig;
pub use lsp_server_invalid::LspServerInvalid;
pub use mcp_insecure_http::McpInsecureHttp;
pub use mcp_server_invalid::McpServerInvalid;
pub use missing_recommended_field::MissingRecommendedField;
pub use path_not_found::PathNotFound;
pub use path_traversal::PathTraversal;
pub use path_without_dot_slash::PathWithoutDotSlash;
pub use path_wrong_kind::PathWrongKind;
pub use plugin_name_invalid::PluginNameInvalid;
pub use plugin_name_not_kebab_case::PluginNameNotKebabCase;
pub use reserved_plugin_name::ReservedPluginName;
pub use unknown_hook_event::UnknownHookEvent;
pub use unknown_manifest_key::UnknownManifestKey;
pub use unquoted_plugin_root::UnquotedPluginRoot;
pub use user_config_in_shell_hook::UserConfigInShellHook;
pub use version_not_semver::VersionNotSemver;

use crate::rules::Rule;

pub static RULES: &[&dyn Rule] = &[
    &InvalidJson,
    &DuplicateJsonKey,
    &InvalidManifestType,
    &PluginNameInvalid,
    &PluginNameNotKebabCase,
    &ReservedPluginName,
    &PathWithoutDotSlash,
    &PathTraversal,
    &PathNotFound,
    &PathWrongKind,
    &UnknownManifestKey,
    &VersionNotSemver,
    &MissingRecommendedField,
    &ComponentInManifestDir,
    &InvalidUserConfig,
    &UserConfigInShellHook,
    &InvalidDependency,
    &InvalidHooksStructure,
    &UnknownHookEvent,
    &InvalidHookHandler,
    &InvalidHookTimeout,
    &UnquotedPluginRoot,
    &HookScriptMissing,
    &McpServerInvalid,
    &McpInsecureHttp,
    &LspServerInvalid,
    &AgentFrontmatterInvalid,
    &AgentMissingField,
    &AgentInvalidName,
    &AgentIgnoredField,
    &AgentInvalidIsolation,
    &CommandFrontmatterInvalid,
];
