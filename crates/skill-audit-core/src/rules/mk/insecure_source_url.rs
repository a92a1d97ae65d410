//! MK011: a plugin source is fetched without TLS or from an internal host.

use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports archive URLs that are not `https://` or point at loopback or cloud-metadata hosts,
    /// and npm registries over `http://` (errors); git URLs over `http://` are warnings.
    ///
    /// ## Why is this bad?
    /// Code fetched over plain HTTP can be replaced in transit; internal hosts are a server-side
    /// request forgery vector.
    ///
    /// ## Example
    /// ```text
    /// { "source": "archive", "url": "http://downloads.acme.example/close.zip" }
    /// ```
    ///
    /// ## Fix
    /// Use `https://` and pin a `sha256`.
    pub struct InsecureSourceUrl {
        code: "MK011",
        name: "insecure-source-url",
        severity: Error,
        summary: "a plugin source is fetched without TLS or from an internal host",
        fixable: false,
    }
}

impl Rule for InsecureSourceUrl {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        crate::plugin::emit(ws, Self::META, cx);
    }
}
