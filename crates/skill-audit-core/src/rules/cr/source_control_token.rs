//! CR002: source-control or CI/CD token in a file.

use crate::rules::Rule;

crate::declare_rule! {
    /// ## What it does
    /// Finds tokens of source control, CI/CD and developer platforms: GitHub (classic, fine-grained, app and OAuth tokens), GitLab, Bitbucket, Atlassian, CircleCI, Buildkite, Snyk, Sonar and others. GitHub and npm tokens carry a CRC32 checksum: a token whose checksum does not verify is a made-up example and is reported as info only.
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
    /// A repository token can push code, read private repositories and trigger pipelines: a supply-chain foothold. A credential cannot be taken back once a plugin is synced: rotating it is the only
    /// remedy.
    ///
    /// ## Example
    /// ```text
    /// git clone https://x-access-token:ghp_****@github.com/acme/tools.git
    /// ```
    ///
    /// ## Fix
    /// Use the platform's own credential helper or an environment variable (`$GITHUB_TOKEN`) and revoke the token.
    ///
    /// A reviewed false positive can be allowed on its line with a reason:
    /// `# skill-audit-allow CR002 test fixture, not a live key` (any comment syntax), or recorded
    /// in a baseline (`--write-baseline`).
    pub struct SourceControlToken {
        code: "CR002",
        name: "source-control-token",
        severity: Error,
        summary: "source-control or CI/CD token in a file",
        fixable: false,
    }
}

/// Scanning is centralised in [`crate::packs`] (one keyword pass per file for all CR codes);
/// this rule carries the code's metadata and documentation.
impl Rule for SourceControlToken {}
