//! CR009: package-registry token in a file.

use crate::rules::Rule;

crate::declare_rule! {
    /// ## What it does
    /// Finds tokens of package registries and artifact stores: npm (including `.npmrc` auth lines), PyPI, RubyGems, NuGet, Docker Hub, Artifactory and others.
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
    /// A publish token lets an attacker ship a malicious version of a package the organisation depends on. A credential cannot be taken back once a plugin is synced: rotating it is the only
    /// remedy.
    ///
    /// ## Example
    /// ```text
    /// //registry.npmjs.org/:_authToken=npm_****
    /// ```
    ///
    /// ## Fix
    /// Use the registry's trusted publishing or a CI secret, and revoke the token.
    ///
    /// A reviewed false positive can be allowed on its line with a reason:
    /// `# skill-audit-allow CR009 test fixture, not a live key` (any comment syntax), or recorded
    /// in a baseline (`--write-baseline`).
    pub struct PackageRegistryToken {
        code: "CR009",
        name: "package-registry-token",
        severity: Error,
        summary: "package-registry token in a file",
        fixable: false,
    }
}

/// Scanning is centralised in [`crate::packs`] (one keyword pass per file for all CR codes);
/// this rule carries the code's metadata and documentation.
impl Rule for PackageRegistryToken {}
