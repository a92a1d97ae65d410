//! SK: the skill format (Agent Skills specification, Anthropic's validator, Claude Code).

mod util;

// BEGIN frontmatter rules
mod frontmatter_missing;
// END frontmatter rules

// BEGIN body rules
// END body rules

pub use frontmatter_missing::FrontmatterMissing;

use crate::rules::Rule;

pub static RULES: &[&dyn Rule] = &[
    // BEGIN frontmatter list
    &FrontmatterMissing,
    // END frontmatter list
    // BEGIN body list
    // END body list
];
