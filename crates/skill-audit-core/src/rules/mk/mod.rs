//! MK: marketplaces: `.claude-plugin/marketplace.json`, its entries and their sources.
//!
//! The checks run in one shared pass ([`crate::plugin::analyze`]); each rule reports the
//! findings of its code.

// Rule docs name hook events and products (PreToolUse, OpenAI), not code items.
#![allow(clippy::doc_markdown)]

mod duplicate_plugin_entry;
mod empty_marketplace;
mod entry_version_mismatch;
mod insecure_source_url;
mod invalid_marketplace_json;
mod invalid_source_hash;
mod marketplace_missing_field;
mod marketplace_name_invalid;
mod object_source_invalid;
mod org_sync_unsupported_source;
mod plugin_entry_invalid;
mod relative_source_invalid;
mod reserved_marketplace_name;
mod source_not_found;
mod strict_false_conflict;

pub use duplicate_plugin_entry::DuplicatePluginEntry;
pub use empty_marketplace::EmptyMarketplace;
pub use entry_version_mismatch::EntryVersionMismatch;
pub use insecure_source_url::InsecureSourceUrl;
pub use invalid_marketplace_json::InvalidMarketplaceJson;
pub use invalid_source_hash::InvalidSourceHash;
pub use marketplace_missing_field::MarketplaceMissingField;
pub use marketplace_name_invalid::MarketplaceNameInvalid;
pub use object_source_invalid::ObjectSourceInvalid;
pub use org_sync_unsupported_source::OrgSyncUnsupportedSource;
pub use plugin_entry_invalid::PluginEntryInvalid;
pub use relative_source_invalid::RelativeSourceInvalid;
pub use reserved_marketplace_name::ReservedMarketplaceName;
pub use source_not_found::SourceNotFound;
pub use strict_false_conflict::StrictFalseConflict;

use crate::rules::Rule;

pub static RULES: &[&dyn Rule] = &[
    &InvalidMarketplaceJson,
    &MarketplaceMissingField,
    &MarketplaceNameInvalid,
    &ReservedMarketplaceName,
    &DuplicatePluginEntry,
    &PluginEntryInvalid,
    &RelativeSourceInvalid,
    &SourceNotFound,
    &ObjectSourceInvalid,
    &InvalidSourceHash,
    &InsecureSourceUrl,
    &EntryVersionMismatch,
    &StrictFalseConflict,
    &OrgSyncUnsupportedSource,
    &EmptyMarketplace,
];
