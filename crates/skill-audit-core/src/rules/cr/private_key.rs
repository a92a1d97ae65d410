//! CR006: private key material in a file.

use crate::rules::Rule;

crate::declare_rule! {
    /// ## What it does
    /// Finds private key blocks with a body: PEM (RSA, EC, DSA, PKCS#8, encrypted), OpenSSH, PGP private key blocks, PuTTY keys, age secret keys. A PEM header with no key body (documentation) is not reported. PKCS#12 key stores (`.p12`, `.pfx`: a certificate with its private key) are reported by their file name, binary as they are.
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
    /// A private key is an identity: it signs, decrypts and logs in. Unlike a token it is rarely rotated, so a leaked key stays useful for years. A credential cannot be taken back once a plugin is synced: rotating it is the only
    /// remedy.
    ///
    /// ## Example
    /// ```text
    /// -----BEGIN OPENSSH PRIVATE KEY-----
/// b3BlbnNzaC1rZXktdjEAAAA****
/// -----END OPENSSH PRIVATE KEY-----
    /// ```
    ///
    /// ## Fix
    /// Remove the key file from the skill, generate a new key pair, and remove the old public key wherever it is authorised.
    ///
    /// A reviewed false positive can be allowed on its line with a reason:
    /// `# skill-audit-allow CR006 test fixture, not a live key` (any comment syntax), or recorded
    /// in a baseline (`--write-baseline`).
    pub struct PrivateKey {
        code: "CR006",
        name: "private-key",
        severity: Error,
        summary: "private key material in a file",
        fixable: false,
    }
}

/// Scanning is centralised in [`crate::packs`] (one keyword pass per file for all CR codes);
/// this rule carries the code's metadata and documentation.
impl Rule for PrivateKey {}
