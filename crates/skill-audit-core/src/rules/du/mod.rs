//! DU: duplicates. Skills with the same or nearly the same content across a library, found by
//! one library-level pass over per-skill signatures (see [`crate::library::dupes`]).

mod exact_duplicate;
pub(crate) mod near_duplicate;

pub use exact_duplicate::ExactDuplicate;
pub use near_duplicate::NearDuplicate;

use crate::rules::Rule;

pub static RULES: &[&dyn Rule] = &[&ExactDuplicate, &NearDuplicate];

/// ` (plugin `x`)` or nothing, for messages.
pub(crate) fn in_plugin(lib: &crate::library::Library, skill: usize) -> String {
    lib.skills[skill]
        .plugin
        .map(|p| format!(" in plugin `{}`", lib.plugins[p].name))
        .unwrap_or_default()
}
