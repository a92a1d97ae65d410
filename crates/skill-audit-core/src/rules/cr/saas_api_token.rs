//! CR010: SaaS API token in a file.

use crate::rules::Rule;

crate::declare_rule! {
    /// ## What it does
    /// Finds API tokens of other SaaS products with a recognisable format: Datadog, Sentry, Grafana, New Relic, Notion, Linear, Postman, Doppler, Dropbox, Okta, 1Password service accounts and others.
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
    /// SaaS tokens read and change the organisation's data in those products, usually with the rights of the person who created them. A credential cannot be taken back once a plugin is synced: rotating it is the only
    /// remedy.
    ///
    /// ## Example
    /// ```text
    /// NOTION_TOKEN=secret_****
    /// ```
    ///
    /// ## Fix
    /// Load the token from the environment or `userConfig` with `sensitive: true`, and revoke it.
    ///
    /// A reviewed false positive can be allowed on its line with a reason:
    /// `# skill-audit-allow CR010 test fixture, not a live key` (any comment syntax), or recorded
    /// in a baseline (`--write-baseline`).
    pub struct SaasApiToken {
        code: "CR010",
        name: "saas-api-token",
        severity: Error,
        summary: "SaaS API token in a file",
        fixable: false,
    }
}

/// Scanning is centralised in [`crate::packs`] (one keyword pass per file for all CR codes);
/// this rule carries the code's metadata and documentation.
impl Rule for SaasApiToken {}
