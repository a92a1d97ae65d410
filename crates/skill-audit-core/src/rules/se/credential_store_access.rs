//! SE015: a command reads a private key, cloud credentials, a keychain or a browser profile.

use crate::rules::Rule;

crate::declare_rule! {
    /// ## What it does
    /// Finds commands that read a private SSH key, `~/.aws/credentials`, gcloud credential files, Docker auth, `.git-credentials`, `.netrc`, GnuPG private keys, keychains (`security find-generic-password -w`), or browser password and cookie stores. Public keys (`.pub`) and listing a folder are not reported.
    ///
    /// The patterns are data, not code: they live in the security pack `rules/security.toml`
    /// (embedded at build time; format in `docs/patterns.md`), each with prefilter keywords, a
    /// regular expression and its own true- and false-positive examples. Organisations add or
    /// retune patterns with `[security] extra-packs` in `skill-audit.toml`. Every text file is
    /// scanned once (Markdown, scripts, JSON manifests such as hooks and `.mcp.json`).
    ///
    /// **Context.** Documenting an attack is not an attack. Each documenting signal lowers a
    /// finding one step (error, warning, info; at most two steps): the text is quoted, in inline
    /// code, in a block quote or (for prompt-manipulation codes SE001-SE003) in a code fence; the
    /// nearest headings above it speak of attacks, injection, threats, detection or examples; or
    /// the line itself warns or describes (`never`, `avoid`, `for example`, `detect`). In scripts
    /// a light tokenizer (Python, shell, JavaScript/TypeScript, PowerShell) tells code, strings and
    /// comments apart: a comment lowers two steps, and a string literal lowers injection phrases
    /// one step. The help of a lowered finding says why. Prompt-manipulation phrases are also
    /// matched after de-obfuscation (look-alike Cyrillic/Greek/full-width letters folded,
    /// invisible characters removed, letter-spaced words joined).
    ///
    /// ## Why is this bad?
    /// Skills rarely need the user's raw credentials; reading them is the first half of exfiltration and worth a reviewer's look even without a network send in the same file.
    ///
    /// ## Example
    /// ```bash
    /// cat ~/.ssh/id_rsa
    /// ```
    ///
    /// ## Fix
    /// Let the tool that owns the credential use it (`ssh`, `aws`, `gh`), or ask the user for a scoped token.
    ///
    /// A reviewed finding can be allowed on its line with a reason:
    /// `<!-- skill-audit-ignore SE015: documents the attack -->` in Markdown, `# skill-audit: ignore[SE015] reason` in scripts.
    pub struct CredentialStoreAccess {
        code: "SE015",
        name: "credential-store-access",
        severity: Warning,
        summary: "a command reads a private key, cloud credentials, a keychain or a browser profile",
        fixable: false,
    }
}

/// Scanning is centralised in [`crate::rules::se::scan`] (one keyword pass per file for all
/// pack codes); this rule carries the code's metadata and documentation.
impl Rule for CredentialStoreAccess {}
