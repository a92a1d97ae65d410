//! CR011: a password, token or key assigned a literal value.

use crate::rules::Rule;

crate::declare_rule! {
    /// ## What it does
    /// Finds assignments of a literal, high-entropy value to a key whose name says it is secret (`password = "..."`, `api_key: ...`, `client_secret`, `"token": "..."`), and Kubernetes `Secret` manifests with data (error). Placeholders (`${VAR}`, `$VAR`, `<token>`, `{{ }}`, `xxxx`, `...`, `your-...`, `example`, `changeme`) and low-entropy values are not reported.
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
    /// Most leaked secrets have no recognisable prefix. The name they are assigned to is the best signal left. A credential cannot be taken back once a plugin is synced: rotating it is the only
    /// remedy.
    ///
    /// ## Example
    /// ```text
    /// db_password = "Tr0ub4dor&3-****"
    /// ```
    ///
    /// ## Fix
    /// Read the value from the environment or a secret store. If it is a documented placeholder, write it as one (`<password>`, `${DB_PASSWORD}`).
    ///
    /// A reviewed false positive can be allowed on its line with a reason:
    /// `# skill-audit-allow CR011 test fixture, not a live key` (any comment syntax), or recorded
    /// in a baseline (`--write-baseline`).
    pub struct GenericSecretAssignment {
        code: "CR011",
        name: "generic-secret-assignment",
        severity: Warning,
        summary: "a password, token or key assigned a literal value",
        fixable: false,
    }
}

/// Scanning is centralised in [`crate::packs`] (one keyword pass per file for all CR codes);
/// this rule carries the code's metadata and documentation.
impl Rule for GenericSecretAssignment {}
