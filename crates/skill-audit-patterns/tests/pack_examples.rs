//! Every rule of the built-in credentials pack against its own examples, with a one-rule detector
//! and with the whole set; the pack file itself must scan clean.

use skill_audit_patterns::template::{expand_template, seed_for};
use skill_audit_patterns::{Pack, PackSet, BUILTIN_CREDENTIALS_ORIGIN, BUILTIN_CREDENTIALS_TOML};

fn pack() -> Pack {
    match PackSet::builtin_credentials_pack() {
        Ok(p) => p,
        Err(e) => panic!("the built-in pack does not compile: {e}"),
    }
}

#[test]
fn builtin_pack_compiles_and_is_not_empty() {
    let set = PackSet::builtin_credentials();
    assert!(set.rules().len() > 200, "{} rules", set.rules().len());
    for r in set.rules() {
        assert!(r.code.starts_with("CR"), "{}: {}", r.id, r.code);
        assert!(
            r.file || !r.keywords.is_empty(),
            "{}: rules without keywords run on every file",
            r.id
        );
    }
}

#[test]
fn every_rule_passes_its_examples() {
    let pack = pack();
    let full = PackSet::new(vec![pack.clone()]);
    let rules: Vec<(String, bool)> = pack.rules().map(|r| (r.id.clone(), r.file)).collect();
    let mut failures = Vec::new();
    for (id, file) in &rules {
        let ex = pack.examples(id).expect("rule exists");
        if ex.fail.is_empty() || ex.pass.is_empty() {
            failures.push(format!("{id}: needs both fail and pass examples"));
            continue;
        }
        let one = PackSet::new(vec![pack.only(id).expect("rule exists")]);
        if *file {
            // a file rule's examples are paths, scanned with empty content
            for path in ex.fail {
                if one.scan(path, "").is_empty() || full.scan(path, "").is_empty() {
                    failures.push(format!("{id}: missed fail path {path:?}"));
                }
            }
            for path in ex.pass {
                if !one.scan(path, "").is_empty() || !full.scan(path, "").is_empty() {
                    failures.push(format!("{id}: pass path {path:?} fires"));
                }
            }
            continue;
        }
        let path = ex.path.unwrap_or("SKILL.md");
        for (i, tpl) in ex.fail.iter().enumerate() {
            let text = expand_template(tpl, seed_for(id, i));
            let found = one.scan(path, &text);
            if found.is_empty() {
                failures.push(format!("{id}: missed fail example #{i}: {text:?}"));
            }
            if full.scan(path, &text).is_empty() {
                failures.push(format!("{id}: full set missed fail example #{i}: {text:?}"));
            }
            for m in &found {
                assert!(
                    m.range.start <= m.secret.start && m.secret.end <= m.range.end,
                    "{id}: secret outside match"
                );
                assert!(
                    text.get(m.secret.clone()).is_some(),
                    "{id}: secret not on char boundaries"
                );
            }
        }
        for (i, tpl) in ex.pass.iter().enumerate() {
            let text = expand_template(tpl, seed_for(id, 1000 + i));
            if !one.scan(path, &text).is_empty() {
                failures.push(format!("{id}: pass example #{i} fires: {text:?}"));
            }
            let any = full.scan(path, &text);
            if !any.is_empty() {
                let who: Vec<&str> = any.iter().map(|m| m.rule_id.as_str()).collect();
                failures.push(format!(
                    "{id}: pass example #{i} fires in the full set ({who:?}): {text:?}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} example failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn pack_file_scans_clean() {
    let set = PackSet::builtin_credentials();
    let found = set.scan(BUILTIN_CREDENTIALS_ORIGIN, BUILTIN_CREDENTIALS_TOML);
    let report: Vec<String> = found
        .iter()
        .map(|m| {
            let line = BUILTIN_CREDENTIALS_TOML[..m.range.start]
                .matches('\n')
                .count()
                + 1;
            format!("{} at line {line}", m.rule_id)
        })
        .collect();
    assert!(found.is_empty(), "the pack itself has findings: {report:?}");
}

#[test]
fn deterministic_sorted_and_non_overlapping() {
    let set = PackSet::builtin_credentials();
    let text = expand_template(
        "GITHUB_TOKEN={{crc32token:ghp}}\napi_key = \"{{alnum:32}}\"\nAWS_ACCESS_KEY_ID=AKIA{{base32:16}}\n\
         token: ghp_{{alnum:36}}\nDATABASE_URL=postgres://app:{{alnum:16}}@db.internal/app\n",
        42,
    );
    let a = set.scan("SKILL.md", &text);
    let b = set.scan("SKILL.md", &text);
    assert_eq!(a, b);
    assert_eq!(a.len(), 5, "{a:?}");
    for w in a.windows(2) {
        assert!(w[0].range.start <= w[1].range.start);
        assert!(w[0].secret.end <= w[1].secret.start, "overlap: {w:?}");
    }
    assert_eq!(a[0].rule_id, "github-pat");
    assert_eq!(a[0].checksum, Some(true));
    assert_eq!(a[3].rule_id, "github-pat");
    assert_eq!(a[3].checksum, Some(false));
    assert_eq!(a[3].severity, skill_audit_patterns::Severity::Info);
}

#[test]
fn documentation_placeholders_do_not_fire() {
    let set = PackSet::builtin_credentials();
    let doc = r#"
Set `ANTHROPIC_API_KEY=sk-ant-...` or `OPENAI_API_KEY=sk-proj-...` before running.
export GITHUB_TOKEN=${GITHUB_TOKEN}
export API_KEY=$API_KEY
api_key: "{{ api_key }}"
token = process.env.SLACK_TOKEN
key = os.environ["STRIPE_KEY"]
Authorization: Bearer <token>
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
password: changeme
YOUR_API_KEY
-----BEGIN RSA PRIVATE KEY-----
-----END RSA PRIVATE KEY-----
token: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c
ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
secret = "1234567890abcdef1234567890abcdef"
key: ****************
"#;
    let found = set.scan("SKILL.md", doc);
    let ids: Vec<&str> = found.iter().map(|m| m.rule_id.as_str()).collect();
    assert!(found.is_empty(), "{ids:?}");
}

#[test]
fn realistic_non_secrets_do_not_fire() {
    let set = PackSet::builtin_credentials();
    let text = r#"
id: 3f2a8c1e-5b7d-4e9f-a1c3-9d8e7f6a5b4c
commit: 4b825dc642cb6eb9a060e54bf8d69288fbee4904
sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
<script src="x.js" integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC" crossorigin="anonymous"></script>
<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==">
"version": "1.2.3",
"resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
"#;
    let found = set.scan("references/notes.md", text);
    let ids: Vec<&str> = found.iter().map(|m| m.rule_id.as_str()).collect();
    assert!(found.is_empty(), "{ids:?}");
}

/// The organisation pack shown in docs/patterns.md.
const ORG_PACK: &str = r#"
[defines]
end = '''(?:["'`\s;,)<\]}\\|&]|$)'''

[allowlist]
heuristics = ["repeated", "sequential"]
stopwords = ["example", "your", "xxxx"]

[[rules]]
id = "acme-deploy-token"
code = "CR901"
name = "ACME deploy token"
regex = '''(?-u:\b)(acme_dt_[A-Za-z0-9]{32}){{end}}'''
keywords = ["acme_dt_"]
entropy = 3.5
examples.fail = ['ACME_TOKEN=acme_dt_{{alnum:32}}']
examples.pass = ['ACME_TOKEN=acme_dt_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']
"#;

#[test]
fn organisation_pack_extends_the_builtin_set() {
    let org =
        Pack::from_toml_str(ORG_PACK, "policy/our-tokens.toml").expect("doc example compiles");
    let set = PackSet::new(vec![pack(), org]);
    let ex = expand_template(
        "ACME_TOKEN=acme_dt_{{alnum:32}}\nGITHUB_TOKEN={{crc32token:ghp}}\n",
        9,
    );
    let ids: Vec<String> = set
        .scan("SKILL.md", &ex)
        .into_iter()
        .map(|m| m.rule_id)
        .collect();
    assert_eq!(ids, ["acme-deploy-token", "github-pat"]);
    assert!(set
        .scan(
            "SKILL.md",
            "ACME_TOKEN=acme_dt_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
        )
        .is_empty());
    let rule = set
        .rules()
        .iter()
        .find(|r| r.id == "acme-deploy-token")
        .expect("rule");
    assert_eq!(rule.origin, "policy/our-tokens.toml");

    let bad = Pack::from_toml_str(
        "[[rules]]\nid = \"x\"\ncode = \"CR901\"\nname = \"x\"\nregex = '(a'\n",
        "policy/bad.toml",
    )
    .expect_err("bad regex");
    assert!(
        bad.to_string()
            .starts_with("policy/bad.toml:5:9: invalid regex"),
        "{bad}"
    );
}
