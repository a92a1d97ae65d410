//! CR001: cloud or infrastructure credential in a file.

use crate::rules::Rule;

crate::declare_rule! {
    /// ## What it does
    /// Finds cloud and infrastructure credentials: AWS access keys, GCP service-account keys and API keys, Azure secrets, DigitalOcean, Heroku, Cloudflare, HashiCorp Vault and Terraform tokens, literal passwords in Terraform and HCL files (`.tf`, `.tfvars`, `.hcl`) and similar.
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
    /// A cloud key gives whoever reads it the account's access: compute, storage, billing. A skill synced to a whole company is read by everyone in it, and by every agent session that loads it. A credential cannot be taken back once a plugin is synced: rotating it is the only
    /// remedy.
    ///
    /// ## Example
    /// ```text
    /// aws_access_key_id = AKIA****************   # a real key here
    /// ```
    ///
    /// ## Fix
    /// Remove the key, read it from the environment (`$AWS_ACCESS_KEY_ID`) or the cloud SDK's credential chain, and rotate it: assume a key that was ever committed is compromised.
    ///
    /// A reviewed false positive can be allowed on its line with a reason:
    /// `# skill-audit-allow CR001 test fixture, not a live key` (any comment syntax), or recorded
    /// in a baseline (`--write-baseline`).
    pub struct CloudCredential {
        code: "CR001",
        name: "cloud-credential",
        severity: Error,
        summary: "cloud or infrastructure credential in a file",
        fixable: false,
    }
}

/// Scanning is centralised in [`crate::packs`] (one keyword pass per file for all CR codes);
/// this rule carries the code's metadata and documentation.
impl Rule for CloudCredential {}
