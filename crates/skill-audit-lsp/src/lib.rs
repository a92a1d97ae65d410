//! # skill-audit-lsp
//!
//! The language server of skill-audit (`skill-audit server`): the same findings the CLI shows,
//! as the author types, with quick fixes, hover docs and completion.
//!
//! - Diagnostics for `SKILL.md`, agent and command files, `plugin.json`, `marketplace.json`,
//!   `hooks.json`, `.mcp.json`, `.lsp.json` and a skill's scripts come from auditing the
//!   changed document's skill or plugin folder with the editor's unsaved buffers
//!   ([`skill_audit::Passes::Local`]); edits are debounced and stale results dropped.
//! - Library-wide rules (namespaces, duplicates) run over the workspace folders at startup and
//!   on save, in the background ([`skill_audit::Passes::Library`]).
//! - Code actions apply a rule's fix, insert a suppression comment, or fix every safe problem
//!   of the file (`source.fixAll.skill-audit`).
//! - `skill-audit.toml` is reloaded when it changes; a bad one is a diagnostic on that file.

mod actions;
mod analysis;
mod assist;
mod convert;
mod fields;
mod server;

pub use server::{run_stdio, serve, Options};
