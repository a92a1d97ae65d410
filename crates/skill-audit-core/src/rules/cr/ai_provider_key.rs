//! CR005: AI provider API key in a file.

use crate::rules::Rule;

crate::declare_rule! {
    /// ## What it does
    /// Finds API keys of AI and ML providers: Anthropic (including admin keys), OpenAI (including project and service-account keys), Hugging Face, Cohere, Groq, Mistral, OpenRouter, Replicate, Pinecone and others.
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
    /// A model provider key is billed to its owner and often grants access to the organisation's files, batches and fine-tuned models. Skills are the place such keys leak most: an author pastes the key to make a script work. A credential cannot be taken back once a plugin is synced: rotating it is the only
    /// remedy.
    ///
    /// ## Example
    /// ```text
    /// client = anthropic.Anthropic(api_key="sk-ant-api03-****")
    /// ```
    ///
    /// ## Fix
    /// Read the key from the environment (`ANTHROPIC_API_KEY`), never from the skill, and revoke the key in the provider's console.
    ///
    /// A reviewed false positive can be allowed on its line with a reason:
    /// `# skill-audit-allow CR005 test fixture, not a live key` (any comment syntax), or recorded
    /// in a baseline (`--write-baseline`).
    pub struct AiProviderKey {
        code: "CR005",
        name: "ai-provider-key",
        severity: Error,
        summary: "AI provider API key in a file",
        fixable: false,
    }
}

/// Scanning is centralised in [`crate::packs`] (one keyword pass per file for all CR codes);
/// this rule carries the code's metadata and documentation.
impl Rule for AiProviderKey {}
