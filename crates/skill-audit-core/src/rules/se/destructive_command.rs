//! SE012: a command deletes home or root, wipes a disk or crashes the machine.

use crate::rules::Rule;

crate::declare_rule! {
    /// ## What it does
    /// Finds recursive forced deletes of `/`, `~`, `$HOME`, `/etc`, `/usr` and similar, `mkfs` and `dd of=/dev/sd…` on block devices, fork bombs, `Remove-Item -Recurse` on `C:\` or the profile folder, `format C:` and `shutil.rmtree` of the home folder.
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
    /// One such command destroys the user's data or machine; in a skill it runs with the user's rights at the agent's discretion.
    ///
    /// ## Example
    /// ```bash
    /// rm -rf ~
    /// ```
    ///
    /// ## Fix
    /// Delete only paths the skill created, by name (`rm -rf "$TMPDIR/my-skill"`).
    ///
    /// A reviewed finding can be allowed on its line with a reason:
    /// `<!-- skill-audit-ignore SE012: documents the attack -->` in Markdown, `# skill-audit: ignore[SE012] reason` in scripts.
    pub struct DestructiveCommand {
        code: "SE012",
        name: "destructive-command",
        severity: Error,
        summary: "a command deletes home or root, wipes a disk or crashes the machine",
        fixable: false,
    }
}

/// Scanning is centralised in [`crate::rules::se::scan`] (one keyword pass per file for all
/// pack codes); this rule carries the code's metadata and documentation.
impl Rule for DestructiveCommand {}
