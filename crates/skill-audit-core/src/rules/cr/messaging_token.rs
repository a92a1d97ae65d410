//! CR003: chat, e-mail or webhook credential in a file.

use crate::rules::Rule;

crate::declare_rule! {
    /// ## What it does
    /// Finds credentials of chat, messaging, e-mail and webhook services: Slack bot and user tokens and webhook URLs, Discord, Telegram bot tokens, Microsoft Teams webhooks, Twilio, SendGrid, Mailgun, Mailchimp and others.
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
    /// A webhook URL or bot token lets anyone post as the organisation's bot, or read its channels: a ready-made phishing and exfiltration channel. A credential cannot be taken back once a plugin is synced: rotating it is the only
    /// remedy.
    ///
    /// ## Example
    /// ```text
    /// curl -X POST https://hooks.slack.com/services/T0000/B0000/**** -d '{"text":"done"}'
    /// ```
    ///
    /// ## Fix
    /// Keep the webhook URL or token in a secret store or `userConfig` with `sensitive: true`, and regenerate it.
    ///
    /// A reviewed false positive can be allowed on its line with a reason:
    /// `# skill-audit-allow CR003 test fixture, not a live key` (any comment syntax), or recorded
    /// in a baseline (`--write-baseline`).
    pub struct MessagingToken {
        code: "CR003",
        name: "messaging-token",
        severity: Error,
        summary: "chat, e-mail or webhook credential in a file",
        fixable: false,
    }
}

/// Scanning is centralised in [`crate::packs`] (one keyword pass per file for all CR codes);
/// this rule carries the code's metadata and documentation.
impl Rule for MessagingToken {}
