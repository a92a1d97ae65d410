//! SK: the skill format (Agent Skills specification, Anthropic's validator, Claude Code).

use crate::rules::Rule;

pub static RULES: &[&dyn Rule] = &[];
