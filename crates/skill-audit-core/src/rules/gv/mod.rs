//! GV: governance metadata. House policy from `[governance]` in `skill-audit.toml`: required
//! metadata, review dates, plugin owners and versions, licences. Off until configured.

mod license_missing;
mod plugin_owner_missing;
mod plugin_version_missing;
mod required_metadata_missing;
mod review_date_invalid;
mod review_overdue;

pub use license_missing::LicenseMissing;
pub use plugin_owner_missing::PluginOwnerMissing;
pub use plugin_version_missing::PluginVersionMissing;
pub use required_metadata_missing::RequiredMetadataMissing;
pub use review_date_invalid::ReviewDateInvalid;
pub use review_overdue::ReviewOverdue;

use crate::rules::Rule;
use crate::source::SourceFile;
use crate::text::TextRange;
use crate::workspace::Skill;

pub static RULES: &[&dyn Rule] = &[
    &RequiredMetadataMissing,
    &ReviewDateInvalid,
    &ReviewOverdue,
    &PluginOwnerMissing,
    &PluginVersionMissing,
    &LicenseMissing,
];

/// Where to point when a metadata key is missing: the `metadata` key, else the opening fence.
pub(crate) fn metadata_anchor(skill: &Skill, src: &SourceFile) -> TextRange {
    skill
        .yaml_root()
        .and_then(|r| r.entry("metadata"))
        .map_or_else(|| src.index.line_range(0, &src.text), |e| e.key.range)
}

/// A plugin manifest the governance rules look at, if governance is configured.
pub(crate) fn governed_manifest(
    file: &SourceFile,
    cx: &crate::rules::Context<'_>,
) -> Option<crate::library::Manifest> {
    if !crate::library::governance_configured(&cx.settings.governance) {
        return None;
    }
    let rel = cx
        .workspace
        .file_at(&file.abs_path)
        .map_or(file.path.as_path(), |f| f.entry.rel.as_path());
    if !crate::library::is_plugin_manifest(rel) {
        return None;
    }
    crate::library::read_manifest(&file.text)
}
