//! CR004: payment or commerce API key in a file.

use crate::rules::Rule;

crate::declare_rule! {
    /// ## What it does
    /// Finds keys of payment, finance and commerce APIs: Stripe secret and restricted keys, Square, Braintree and PayPal, Plaid, Shopify, Coinbase and others.
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
    /// Payment keys move money and expose customer data; they are among the most abused leaked secrets. A credential cannot be taken back once a plugin is synced: rotating it is the only
    /// remedy.
    ///
    /// ## Example
    /// ```text
    /// stripe.api_key = "sk_live_****"
    /// ```
    ///
    /// ## Fix
    /// Load the key from the environment, prefer restricted keys with the least scope, and roll the key in the provider's dashboard.
    ///
    /// A reviewed false positive can be allowed on its line with a reason:
    /// `# skill-audit-allow CR004 test fixture, not a live key` (any comment syntax), or recorded
    /// in a baseline (`--write-baseline`).
    pub struct PaymentKey {
        code: "CR004",
        name: "payment-key",
        severity: Error,
        summary: "payment or commerce API key in a file",
        fixable: false,
    }
}

/// Scanning is centralised in [`crate::packs`] (one keyword pass per file for all CR codes);
/// this rule carries the code's metadata and documentation.
impl Rule for PaymentKey {}
