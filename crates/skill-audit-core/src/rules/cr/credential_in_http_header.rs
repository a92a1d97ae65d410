//! CR012: credential in an HTTP header or command line.

use crate::rules::Rule;

crate::declare_rule! {
    /// ## What it does
    /// Finds credentials passed on a command line or in an HTTP header: `Authorization: Bearer ...` and `Basic ...` with a literal value, `curl -H 'Authorization: ...'`, `curl -u` with a literal user and password, and `--token` flags with a literal value (warning).
    ///
    /// The patterns are data, not code: they live in the credential pack `rules/credentials.toml`
    /// (embedded at build time; see `docs/patterns.md`), where each credential type has its
    /// regular expression, prefilter keywords, entropy floor, allowlists and its own true- and
    /// false-positive examples. Organisation packs add more through `[credentials] extra-packs`.
    /// The scan runs once per file over every text file of the audited tree (Markdown, scripts
    /// of every language, JSON manifests such as `.mcp.json` and hooks, YAML, dotenv).
    ///
    /// The message names the kind of secret and shows it masked (its first four characters, then
    /// `****`); no output format ever prints the whole value, and source lines shown with a finding
    /// are masked too.
    ///
    /// ## Why is this bad?
    /// Commands in skills are copied and run by agents and people alike; a literal credential in one is both leaked and reused. A credential cannot be taken back once a plugin is synced: rotating it is the only
    /// remedy.
    ///
    /// ## Example
    /// ```text
    /// curl -H "Authorization: Bearer ****" https://api.example.com/v1/items
    /// ```
    ///
    /// ## Fix
    /// Reference a variable instead (`-H "Authorization: Bearer $API_TOKEN"`) and rotate the credential.
    ///
    /// A reviewed false positive can be allowed on its line with a reason:
    /// `# skill-audit-allow CR012 test fixture, not a live key` (any comment syntax), or recorded
    /// in a baseline (`--write-baseline`).
    pub struct CredentialInHttpHeader {
        code: "CR012",
        name: "credential-in-http-header",
        severity: Error,
        summary: "credential in an HTTP header or command line",
        fixable: false,
    }
}

/// Scanning is centralised in [`crate::packs`] (one keyword pass per file for all CR codes);
/// this rule carries the code's metadata and documentation.
impl Rule for CredentialInHttpHeader {}
