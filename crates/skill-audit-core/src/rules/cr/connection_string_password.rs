//! CR008: connection string or URL with a password in a file.

use crate::rules::Rule;

crate::declare_rule! {
    /// ## What it does
    /// Finds database and service URLs that embed a password (`postgres://user:pass@host`, MongoDB, MySQL, Redis, AMQP, ADO.NET connection strings) and `https://user:pass@` URLs (warning).
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
    /// A connection string with a password opens the database to anyone who reads the skill. A credential cannot be taken back once a plugin is synced: rotating it is the only
    /// remedy.
    ///
    /// ## Example
    /// ```text
    /// DATABASE_URL=postgres://app:****@db.internal:5432/orders
    /// ```
    ///
    /// ## Fix
    /// Put the password in the environment or a secret store and build the URL at run time; change the password.
    ///
    /// A reviewed false positive can be allowed on its line with a reason:
    /// `# skill-audit-allow CR008 test fixture, not a live key` (any comment syntax), or recorded
    /// in a baseline (`--write-baseline`).
    pub struct ConnectionStringPassword {
        code: "CR008",
        name: "connection-string-password",
        severity: Error,
        summary: "connection string or URL with a password in a file",
        fixable: false,
    }
}

/// Scanning is centralised in [`crate::packs`] (one keyword pass per file for all CR codes);
/// this rule carries the code's metadata and documentation.
impl Rule for ConnectionStringPassword {}
