//! Credentials end to end: generated keys planted in every kind of file a skill or plugin holds
//! are found, never printed in full by any output format, and realistic non-secrets (UUIDs,
//! hashes, SRI, data URIs, published example keys) are not errors.
//!
//! Key-shaped strings are generated here at run time from templates, so the repository holds
//! none.

#![allow(clippy::cast_precision_loss)] // small counts

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use skill_audit_patterns::template::expand_template;

fn skill_audit(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skill-audit"))
        .env("SKILL_AUDIT_NO_CACHE", "1")
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .output()
        .expect("run skill-audit")
}

/// (provider, template of the secret value)
const SECRETS: &[(&str, &str)] = &[
    ("aws", "AKIA{{base32:16}}"),
    ("github", "{{crc32token:ghp}}"),
    ("slack", "xoxb-{{digits:12}}-{{digits:13}}-{{alnum:24}}"),
    ("stripe", "sk_live_{{alnum:99}}"),
    ("anthropic", "sk-ant-api03-{{base64url:93}}AA"),
    ("openai", "sk-proj-{{base64url:74}}T3BlbkFJ{{base64url:74}}"),
    ("npm", "{{crc32token:npm}}"),
    ("gitlab", "glpat-{{base64url:20}}"),
    ("sendgrid", "SG.{{base64url:22}}.{{base64url:43}}"),
    ("huggingface", "hf_{{lower:17}}{{upper:17}}"),
];

/// (file name, how a secret is written in it)
fn plant(kind: &str, secret: &str) -> (String, String) {
    let var = "SERVICE_CREDENTIAL";
    match kind {
        "md" => (
            "SKILL.md".into(),
            format!("---\nname: planted\ndescription: Calls the service. Use when asked to call it.\n---\n\n# Call\n\n```sh\nexport {var}={secret}\n```\n"),
        ),
        "reference" => (
            "references/setup.md".into(),
            format!("# Setup\n\nThe key for the staging account is `{secret}`.\n"),
        ),
        "py" => ("scripts/run.py".into(), format!("import os\n\nAPI_KEY = \"{secret}\"\n")),
        "sh" => ("scripts/run.sh".into(), format!("#!/bin/sh\nexport {var}='{secret}'\n")),
        "js" => ("scripts/run.js".into(), format!("const apiKey = \"{secret}\";\n")),
        "ts" => ("scripts/run.ts".into(), format!("export const token: string = '{secret}';\n")),
        "ps1" => ("scripts/run.ps1".into(), format!("$env:{var} = \"{secret}\"\n")),
        "mcp" => (
            ".mcp.json".into(),
            format!("{{\n  \"mcpServers\": {{\n    \"svc\": {{\n      \"command\": \"svc-mcp\",\n      \"env\": {{ \"API_KEY\": \"{secret}\" }}\n    }}\n  }}\n}}\n"),
        ),
        "hooks" => (
            "hooks/hooks.json".into(),
            format!("{{\n  \"hooks\": {{\n    \"Stop\": [{{ \"hooks\": [{{ \"type\": \"command\", \"command\": \"notify --token {secret}\" }}] }}]\n  }}\n}}\n"),
        ),
        "yaml" => ("config.yaml".into(), format!("service:\n  api_key: {secret}\n")),
        "env" => (".env".into(), format!("{var}={secret}\n")),
        "toml" => ("config.toml".into(), format!("[service]\ntoken = \"{secret}\"\n")),
        other => panic!("unknown kind {other}"),
    }
}

const KINDS: &[&str] = &[
    "md",
    "reference",
    "py",
    "sh",
    "js",
    "ts",
    "ps1",
    "mcp",
    "hooks",
    "yaml",
    "env",
    "toml",
];

#[test]
fn planted_credentials_are_found_in_every_file_kind_and_never_printed() {
    let tmp = tempfile::tempdir().unwrap();
    let mut planted = Vec::new();
    for (i, (provider, template)) in SECRETS.iter().enumerate() {
        for (j, kind) in KINDS.iter().enumerate() {
            let secret = expand_template(template, (i * 100 + j) as u64 + 7);
            let dir = tmp.path().join(format!("{provider}-{kind}"));
            let (file, text) = plant(kind, &secret);
            let path = dir.join(&file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, text).unwrap();
            if file != "SKILL.md" {
                fs::write(
                    dir.join("SKILL.md"),
                    "---\nname: planted\ndescription: Calls the service. Use when asked to call it.\n---\n",
                )
                .unwrap();
            }
            planted.push((format!("{provider}-{kind}/{file}"), secret));
        }
    }
    let out = skill_audit(
        &[
            "check",
            ".",
            "--select",
            "CR",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
        tmp.path(),
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = report["diagnostics"].as_array().unwrap();
    let mut missed = Vec::new();
    for (file, _) in &planted {
        let hit = diags.iter().any(|d| {
            d["path"].as_str().unwrap() == file
                && matches!(d["severity"].as_str(), Some("error" | "warning"))
        });
        if !hit {
            missed.push(file.clone());
        }
    }
    let recall = 1.0 - missed.len() as f64 / planted.len() as f64;
    assert!(
        recall >= 0.98,
        "recall {:.1}% ({} of {} missed): {missed:?}",
        recall * 100.0,
        missed.len(),
        planted.len()
    );

    // No format prints a secret in full.
    for format in [
        "text",
        "concise",
        "json",
        "json-lines",
        "sarif",
        "github",
        "junit",
        "markdown",
    ] {
        let out = skill_audit(
            &[
                "check",
                ".",
                "--select",
                "CR",
                "--format",
                format,
                "--fail-on",
                "never",
                "--color",
                "never",
            ],
            tmp.path(),
        );
        let shown = String::from_utf8_lossy(&out.stdout);
        let logged = String::from_utf8_lossy(&out.stderr);
        assert!(!shown.is_empty(), "{format}: empty output");
        for (file, secret) in &planted {
            assert!(
                !shown.contains(secret.as_str()) && !logged.contains(secret.as_str()),
                "{format} printed the secret planted in {file}"
            );
            // Not even most of it: the masked form keeps four characters.
            let tail = &secret[secret.len() - 12..];
            assert!(
                !shown.contains(tail),
                "{format} printed the end of the secret in {file}"
            );
        }
    }
    // The baseline file holds fingerprints, not secrets.
    let baseline = tmp.path().join("baseline.json");
    skill_audit(
        &[
            "check",
            ".",
            "--select",
            "CR",
            "--write-baseline",
            baseline.to_str().unwrap(),
        ],
        tmp.path(),
    );
    let written = fs::read_to_string(&baseline).unwrap_or_default();
    for (file, secret) in &planted {
        assert!(
            !written.contains(secret.as_str()),
            "baseline holds the secret of {file}"
        );
    }
}

#[test]
fn realistic_non_secrets_are_not_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("non-secrets");
    fs::create_dir_all(dir.join("references")).unwrap();
    fs::write(
        dir.join("SKILL.md"),
        "---\nname: non-secrets\ndescription: Documents identifiers. Use when asked about them.\n---\n\n# IDs\n\nSee references.\n",
    )
    .unwrap();
    let uuid = expand_template("{{uuid}}", 1);
    let sha1 = expand_template("{{hex:40}}", 2);
    let sha256 = expand_template("{{hex:64}}", 3);
    let sri = expand_template("sha384-{{base64:64}}", 4);
    let data_uri = expand_template("data:image/png;base64,{{base64:120}}", 5);
    let text = format!(
        "# Identifiers\n\n\
         - request id: `{uuid}`\n\
         - commit: {sha1}\n\
         - checksum (sha256): {sha256}\n\
         - `<script src=\"https://cdn.example.com/lib.js\" integrity=\"{sri}\" crossorigin=\"anonymous\"></script>`\n\
         - logo: ![logo]({data_uri})\n\
         - AWS's documented example: `AKIAIOSFODNN7EXAMPLE` / `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`\n\
         - placeholders: `sk-ant-...`, `YOUR_API_KEY`, `${{GITHUB_TOKEN}}`, `<token>`, `{{{{ api_key }}}}`\n\
         - a PEM header alone: `-----BEGIN PRIVATE KEY-----`\n\
         - `Authorization: Bearer $TOKEN`\n\
         - `password = \"changeme\"`\n"
    );
    fs::write(dir.join("references/ids.md"), text).unwrap();
    fs::write(
        dir.join("references/lock.json"),
        format!("{{ \"resolved\": \"https://registry.npmjs.org/x/-/x-1.0.0.tgz\", \"integrity\": \"{sri}\", \"commit\": \"{sha1}\" }}\n"),
    )
    .unwrap();
    let out = skill_audit(
        &[
            "check",
            ".",
            "--select",
            "CR",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
        tmp.path(),
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            format!(
                "{}:{} {}",
                d["path"], d["range"]["start"]["line"], d["message"]
            )
        })
        .collect();
    assert!(
        errors.is_empty(),
        "non-secrets reported as errors: {errors:#?}"
    );
}

#[test]
fn a_key_store_file_is_reported_by_its_name_even_when_binary() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("signer");
    fs::create_dir_all(dir.join("certs")).unwrap();
    fs::write(
        dir.join("SKILL.md"),
        "---\nname: signer\ndescription: Signs files. Use when asked to sign a file.\n---\n",
    )
    .unwrap();
    // DER starts with a SEQUENCE header; NUL bytes make the file binary
    fs::write(
        dir.join("certs/client.p12"),
        b"\x30\x82\x01\x00\x00\x00\x02\x01\x03",
    )
    .unwrap();
    fs::write(dir.join("certs/Signing.PFX"), b"\x30\x82\x00\x00").unwrap();
    fs::write(
        dir.join("certs/client.p12.md"),
        "How the key store was made.\n",
    )
    .unwrap();
    let out = skill_audit(
        &["check", ".", "--select", "CR", "--format", "json"],
        tmp.path(),
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut found: Vec<(String, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let help = d["help"].as_str().unwrap_or("");
            assert!(help.contains("`pkcs12-file`"), "{help}");
            (
                d["code"].as_str().unwrap().to_string(),
                d["path"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            ("CR006".to_string(), "signer/certs/Signing.PFX".to_string()),
            ("CR006".to_string(), "signer/certs/client.p12".to_string()),
        ],
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(out.status.code(), Some(1));
    // --select of another family leaves it out
    let out = skill_audit(
        &["check", ".", "--select", "CR002", "--format", "json"],
        tmp.path(),
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["diagnostics"].as_array().unwrap().len(), 0);
}

#[test]
fn allow_comment_with_a_reason_silences_a_reviewed_finding() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("reviewed");
    fs::create_dir_all(dir.join("scripts")).unwrap();
    fs::write(
        dir.join("SKILL.md"),
        "---\nname: reviewed\ndescription: Runs tests. Use when asked to test.\n---\n",
    )
    .unwrap();
    let secret = expand_template("{{crc32token:ghp}}", 9);
    fs::write(
        dir.join("scripts/test.py"),
        format!("TOKEN = \"{secret}\"  # skill-audit-allow CR002 revoked test token used by the mock server\n"),
    )
    .unwrap();
    let out = skill_audit(
        &["check", ".", "--select", "CR,SA", "--format", "json"],
        tmp.path(),
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["diagnostics"].as_array().unwrap().len(),
        0,
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.status.success());
}

#[test]
fn a_malformed_organisation_pack_is_a_config_error_with_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("skill-audit.toml"),
        "[credentials]\nextra-packs = [\"org.toml\"]\n",
    )
    .unwrap();
    fs::write(
        tmp.path().join("org.toml"),
        "title = \"acme\"\n\n[[rules]]\nid = \"acme-token\"\ncode = \"CR901\"\nregex = '''acme_([a-z0-9]{32}'''\n",
    )
    .unwrap();
    let out = skill_audit(&["check", "."], tmp.path());
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("org.toml"), "{err}");
}

#[test]
fn an_organisation_pack_adds_rules_without_recompiling() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("skill-audit.toml"),
        "[credentials]\nextra-packs = [\"packs/acme.toml\"]\n",
    )
    .unwrap();
    fs::create_dir_all(tmp.path().join("packs")).unwrap();
    fs::write(
        tmp.path().join("packs/acme.toml"),
        r#"title = "acme"

[[rules]]
id = "acme-internal-token"
code = "CR901"
name = "Acme internal token"
description = "Tokens of Acme's internal API gateway"
regex = '''\b(acme_[a-z0-9]{32})\b'''
keywords = ["acme_"]
secret-group = 1

[rules.examples]
fail = ["ACME = acme_{{lalnum:32}}"]
pass = ["ACME = acme_<token>"]
"#,
    )
    .unwrap();
    let dir = tmp.path().join("gateway");
    fs::create_dir_all(&dir).unwrap();
    let secret = expand_template("acme_{{lalnum:32}}", 3);
    fs::write(
        dir.join("SKILL.md"),
        format!("---\nname: gateway\ndescription: Calls the gateway. Use when asked to.\n---\n\nUse `{secret}`.\n"),
    )
    .unwrap();
    let out = skill_audit(
        &["check", ".", "--format", "json", "--fail-on", "never"],
        tmp.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"CR901"), "{codes:?}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains(&secret));
}
