//! SE013: a command makes files writable by every user.

use crate::rules::Rule;

crate::declare_rule! {
    /// ## What it does
    /// Finds `chmod 777`, `chmod -R a+w`, `chmod o+w`, `os.chmod(…, 0o777)`, `fs.chmodSync(…, 0o777)` and `icacls … /grant Everyone:F`.
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
    /// World-writable files let any local process or user replace what the agent later runs or reads.
    ///
    /// ## Example
    /// ```bash
    /// chmod -R 777 ~/shared
    /// ```
    ///
    /// ## Fix
    /// Grant the least access needed (`chmod 755` for scripts, `chmod 600` for secrets).
    ///
    /// A reviewed finding can be allowed on its line with a reason:
    /// `<!-- skill-audit-ignore SE013: documents the attack -->` in Markdown, `# skill-audit: ignore[SE013] reason` in scripts.
    pub struct WorldWritablePermissions {
        code: "SE013",
        name: "world-writable-permissions",
        severity: Warning,
        summary: "a command makes files writable by every user",
        fixable: false,
    }
}

/// Scanning is centralised in [`crate::rules::se::scan`] (one keyword pass per file for all
/// pack codes); this rule carries the code's metadata and documentation.
impl Rule for WorldWritablePermissions {}
