//! SK: the skill format (Agent Skills specification, Anthropic's validator, Claude Code).

mod util;

// BEGIN frontmatter rules
mod agent_without_fork;
mod allowed_tools_invalid;
mod compatibility_invalid;
mod description_contains_xml;
mod description_listing_too_long;
mod description_missing;
mod description_missing_trigger;
mod description_not_string;
mod description_over_listing_limit;
mod description_person;
mod description_too_long;
mod duplicate_frontmatter_key;
mod fence_in_value;
mod frontmatter_invalid_yaml;
mod frontmatter_missing;
mod frontmatter_not_mapping;
mod frontmatter_trailing_whitespace;
mod frontmatter_unclosed;
mod invalid_field_value;
mod metadata_invalid;
mod name_directory_mismatch;
mod name_hyphens;
mod name_invalid_characters;
mod name_missing;
mod name_not_string;
mod name_reserved_word;
mod name_too_long;
mod non_portable_yaml;
mod unknown_frontmatter_key;
mod unquoted_colon;
// END frontmatter rules

// BEGIN body rules
mod absolute_link;
mod backslash_in_link;
mod body_too_long;
mod broken_link;
mod deep_reference;
mod link_escapes_skill;
mod links;
mod lowercase_skill_md;
mod nested_skill;
mod reference_without_toc;
mod synced_folder_name;
mod time_sensitive_text;
mod vague_skill_name;
// END body rules

pub use absolute_link::AbsoluteLink;
pub use backslash_in_link::BackslashInLink;
pub use body_too_long::BodyTooLong;
pub use broken_link::BrokenLink;
pub use deep_reference::DeepReference;
pub use link_escapes_skill::LinkEscapesSkill;
pub use lowercase_skill_md::LowercaseSkillMd;
pub use nested_skill::NestedSkill;
pub use reference_without_toc::ReferenceWithoutToc;
pub use synced_folder_name::SyncedFolderName;
pub use time_sensitive_text::TimeSensitiveText;
pub use vague_skill_name::VagueSkillName;

pub use agent_without_fork::AgentWithoutFork;
pub use allowed_tools_invalid::AllowedToolsInvalid;
pub use compatibility_invalid::CompatibilityInvalid;
pub use description_contains_xml::DescriptionContainsXml;
pub use description_listing_too_long::DescriptionListingTooLong;
pub use description_missing::DescriptionMissing;
pub use description_missing_trigger::DescriptionMissingTrigger;
pub use description_not_string::DescriptionNotString;
pub use description_over_listing_limit::DescriptionOverListingLimit;
pub use description_person::DescriptionPerson;
pub use description_too_long::DescriptionTooLong;
pub use duplicate_frontmatter_key::DuplicateFrontmatterKey;
pub use fence_in_value::FenceInValue;
pub use frontmatter_invalid_yaml::FrontmatterInvalidYaml;
pub use frontmatter_missing::FrontmatterMissing;
pub use frontmatter_not_mapping::FrontmatterNotMapping;
pub use frontmatter_trailing_whitespace::FrontmatterTrailingWhitespace;
pub use frontmatter_unclosed::FrontmatterUnclosed;
pub use invalid_field_value::InvalidFieldValue;
pub use metadata_invalid::MetadataInvalid;
pub use name_directory_mismatch::NameDirectoryMismatch;
pub use name_hyphens::NameHyphens;
pub use name_invalid_characters::NameInvalidCharacters;
pub use name_missing::NameMissing;
pub use name_not_string::NameNotString;
pub use name_reserved_word::NameReservedWord;
pub use name_too_long::NameTooLong;
pub use non_portable_yaml::NonPortableYaml;
pub use unknown_frontmatter_key::UnknownFrontmatterKey;
pub use unquoted_colon::UnquotedColon;

use crate::rules::Rule;

pub static RULES: &[&dyn Rule] = &[
    // BEGIN frontmatter list
    &FrontmatterMissing,
    &FrontmatterUnclosed,
    &FrontmatterInvalidYaml,
    &FrontmatterNotMapping,
    &DuplicateFrontmatterKey,
    &NonPortableYaml,
    &UnquotedColon,
    &FenceInValue,
    &FrontmatterTrailingWhitespace,
    &NameMissing,
    &NameNotString,
    &NameTooLong,
    &NameInvalidCharacters,
    &NameHyphens,
    &NameDirectoryMismatch,
    &NameReservedWord,
    &DescriptionMissing,
    &DescriptionNotString,
    &DescriptionTooLong,
    &DescriptionOverListingLimit,
    &DescriptionContainsXml,
    &DescriptionPerson,
    &DescriptionMissingTrigger,
    &DescriptionListingTooLong,
    &UnknownFrontmatterKey,
    &CompatibilityInvalid,
    &MetadataInvalid,
    &AllowedToolsInvalid,
    &InvalidFieldValue,
    &AgentWithoutFork,
    // END frontmatter list
    // BEGIN body list
    &BodyTooLong,
    &BrokenLink,
    &LinkEscapesSkill,
    &AbsoluteLink,
    &BackslashInLink,
    &DeepReference,
    &ReferenceWithoutToc,
    &NestedSkill,
    &LowercaseSkillMd,
    &SyncedFolderName,
    &VagueSkillName,
    &TimeSensitiveText,
    // END body list
];
