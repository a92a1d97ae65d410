//! NS: namespaces. Names that shadow, collide with or impersonate other names of the library,
//! and skill names outside their folder's configured prefix.

mod confusable_names;
mod duplicate_component_name;
mod duplicate_plugin_name;
mod duplicate_skill_name;
mod name_outside_namespace;

pub use confusable_names::ConfusableNames;
pub use duplicate_component_name::DuplicateComponentName;
pub use duplicate_plugin_name::DuplicatePluginName;
pub use duplicate_skill_name::DuplicateSkillName;
pub use name_outside_namespace::NameOutsideNamespace;

use crate::rules::Rule;

pub static RULES: &[&dyn Rule] = &[
    &NameOutsideNamespace,
    &DuplicateSkillName,
    &DuplicateComponentName,
    &ConfusableNames,
    &DuplicatePluginName,
];

/// The words "plugin `x`", or "no plugin", for messages.
pub(crate) fn plugin_label(lib: &crate::library::Library, plugin: Option<usize>) -> String {
    match plugin {
        Some(p) => format!("plugin `{}`", lib.plugins[p].name),
        None => "no plugin".to_string(),
    }
}
