//! CR: credentials. A skill or plugin must never hold a key, token or password.
//!
//! The detection is data-driven: every CR code is a family of patterns in the credential pack
//! (`rules/credentials.toml`), scanned by [`crate::packs`] in one Aho-Corasick keyword pass per
//! file. The rules here carry each family's code, name and documentation.

// Rule docs name products (OpenAI, DigitalOcean, ...), not code items.
#![allow(clippy::doc_markdown)]

mod ai_provider_key;
mod cloud_credential;
mod connection_string_password;
mod credential_in_http_header;
mod generic_secret_assignment;
mod json_web_token;
mod messaging_token;
mod package_registry_token;
mod payment_key;
mod private_key;
mod saas_api_token;
mod source_control_token;

pub use ai_provider_key::AiProviderKey;
pub use cloud_credential::CloudCredential;
pub use connection_string_password::ConnectionStringPassword;
pub use credential_in_http_header::CredentialInHttpHeader;
pub use generic_secret_assignment::GenericSecretAssignment;
pub use json_web_token::JsonWebToken;
pub use messaging_token::MessagingToken;
pub use package_registry_token::PackageRegistryToken;
pub use payment_key::PaymentKey;
pub use private_key::PrivateKey;
pub use saas_api_token::SaasApiToken;
pub use source_control_token::SourceControlToken;

use crate::rules::Rule;

pub static RULES: &[&dyn Rule] = &[
    &CloudCredential,
    &SourceControlToken,
    &MessagingToken,
    &PaymentKey,
    &AiProviderKey,
    &PrivateKey,
    &JsonWebToken,
    &ConnectionStringPassword,
    &PackageRegistryToken,
    &SaasApiToken,
    &GenericSecretAssignment,
    &CredentialInHttpHeader,
];
