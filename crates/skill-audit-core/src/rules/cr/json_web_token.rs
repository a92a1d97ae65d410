//! CR007: JSON Web Token in a file.

use crate::rules::Rule;

crate::declare_rule! {
    /// ## What it does
    /// Finds signed JSON Web Tokens (three base64url parts, plain or base64-encoded). The jwt.io sample token and tokens with placeholder payloads are not reported.
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
    /// A JWT is a bearer credential: whoever holds it is the user it names until it expires, and long-lived service tokens are common. A credential cannot be taken back once a plugin is synced: rotating it is the only
    /// remedy.
    ///
    /// ## Example
    /// ```text
    /// Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOi...
    /// ```
    ///
    /// ## Fix
    /// Obtain tokens at run time from the identity provider; never store one in a skill.
    ///
    /// A reviewed false positive can be allowed on its line with a reason:
    /// `# skill-audit-allow CR007 test fixture, not a live key` (any comment syntax), or recorded
    /// in a baseline (`--write-baseline`).
    pub struct JsonWebToken {
        code: "CR007",
        name: "json-web-token",
        severity: Error,
        summary: "JSON Web Token in a file",
        fixable: false,
    }
}

/// Scanning is centralised in [`crate::packs`] (one keyword pass per file for all CR codes);
/// this rule carries the code's metadata and documentation.
impl Rule for JsonWebToken {}
