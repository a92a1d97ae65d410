//! Plugins and marketplaces end to end: a clean marketplace with one plugin gets no PL or MK
//! finding; each mutation of it is caught with the right code at the right line; the JSON
//! report of a broken bundle is snapshotted.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

const MARKET: &str = r#"{
  "name": "acme-skills",
  "description": "Acme's department plugins",
  "owner": { "name": "Acme IT", "email": "it@acme.example" },
  "plugins": [
    {
      "name": "finance-close",
      "source": "./plugins/finance-close",
      "version": "1.2.0"
    }
  ]
}
"#;

const MANIFEST: &str = r#"{
  "name": "finance-close",
  "version": "1.2.0",
  "description": "Month-end close for the finance team",
  "author": { "name": "Finance team" },
  "commands": "./commands/close.md",
  "agents": ["./agents/reviewer.md"],
  "hooks": "./hooks/hooks.json",
  "mcpServers": "./.mcp.json"
}
"#;

const HOOKS: &str = r#"{
  "hooks": {
    "PostToolUse": [
      {
        "matcher": "Write",
        "hooks": [
          { "type": "command", "command": "\"${CLAUDE_PLUGIN_ROOT}/scripts/check.sh\"", "timeout": 30 }
        ]
      }
    ]
  }
}
"#;

const MCP: &str = r#"{
  "mcpServers": {
    "ledger": { "command": "ledger-mcp", "args": ["serve"] },
    "reports": { "type": "http", "url": "https://reports.acme.example/mcp" }
  }
}
"#;

const AGENT: &str = "---\nname: reviewer\ndescription: Reviews month-end journal entries. Use when a close is ready.\n---\n\nCheck every entry.\n";
const COMMAND: &str = "---\ndescription: Run the month-end close checklist\n---\n\nRun it.\n";

fn build(root: &Path) {
    let p = root.join("plugins/finance-close");
    for (rel, text) in [
        (".claude-plugin/marketplace.json", MARKET),
        ("plugins/finance-close/.claude-plugin/plugin.json", MANIFEST),
        ("plugins/finance-close/hooks/hooks.json", HOOKS),
        ("plugins/finance-close/.mcp.json", MCP),
        ("plugins/finance-close/agents/reviewer.md", AGENT),
        ("plugins/finance-close/commands/close.md", COMMAND),
        (
            "plugins/finance-close/scripts/check.sh",
            "#!/bin/sh\necho ok\n",
        ),
    ] {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(
            p.join("scripts/check.sh"),
            fs::Permissions::from_mode(0o755),
        )
        .unwrap();
    }
}

fn audit(root: &Path) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_skill-audit"))
        .env("SKILL_AUDIT_NO_CACHE", "1")
        .args([
            "check",
            ".",
            "--select",
            "PL,MK",
            "--format",
            "json",
            "--fail-on",
            "never",
        ])
        .current_dir(root)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (code, file, line) of every finding.
fn findings(report: &Value) -> Vec<(String, String, u64)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["path"].as_str().unwrap().to_string(),
                d["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_clean_bundle_has_no_finding() {
    let tmp = tempfile::tempdir().unwrap();
    build(tmp.path());
    let f = findings(&audit(tmp.path()));
    assert!(f.is_empty(), "{f:?}");
}

/// One mutation: replace `from` by `to` in `file`, expect `code` on `file` at `line`.
struct Mutation {
    file: &'static str,
    from: &'static str,
    to: &'static str,
    code: &'static str,
    line: u64,
}

const M: &str = ".claude-plugin/marketplace.json";
const P: &str = "plugins/finance-close/.claude-plugin/plugin.json";
const H: &str = "plugins/finance-close/hooks/hooks.json";
const C: &str = "plugins/finance-close/.mcp.json";
const A: &str = "plugins/finance-close/agents/reviewer.md";

const MUTATIONS: &[Mutation] = &[
    // plugin.json
    Mutation { file: P, from: "\"version\": \"1.2.0\",", to: "\"version\": \"1.2.0\",,", code: "PL001", line: 3 },
    Mutation { file: P, from: "  \"version\": \"1.2.0\",\n", to: "  \"version\": \"1.2.0\",\n  \"version\": \"1.2.1\",\n", code: "PL002", line: 4 },
    Mutation { file: P, from: "\"author\": { \"name\": \"Finance team\" }", to: "\"author\": \"Finance team\"", code: "PL003", line: 5 },
    Mutation { file: P, from: "\"name\": \"finance-close\"", to: "\"name\": \"finance close\"", code: "PL004", line: 2 },
    Mutation { file: P, from: "\"name\": \"finance-close\"", to: "\"name\": \"FinanceClose\"", code: "PL005", line: 2 },
    Mutation { file: P, from: "\"name\": \"finance-close\"", to: "\"name\": \"claude-close\"", code: "PL006", line: 2 },
    Mutation { file: P, from: "\"./commands/close.md\"", to: "\"commands/close.md\"", code: "PL007", line: 6 },
    Mutation { file: P, from: "\"./hooks/hooks.json\"", to: "\"./../hooks/hooks.json\"", code: "PL008", line: 8 },
    Mutation { file: P, from: "\"./agents/reviewer.md\"", to: "\"./agents/missing.md\"", code: "PL009", line: 7 },
    Mutation { file: P, from: "[\"./agents/reviewer.md\"]", to: "\"./agents\"", code: "PL010", line: 7 },
    Mutation { file: P, from: "\"mcpServers\"", to: "\"mcpServer\"", code: "PL011", line: 9 },
    Mutation { file: P, from: "\"version\": \"1.2.0\"", to: "\"version\": \"v1.2\"", code: "PL012", line: 3 },
    // hooks
    Mutation { file: H, from: "\"PostToolUse\"", to: "\"postToolUse\"", code: "PL021", line: 3 },
    Mutation { file: H, from: "\"type\": \"command\", \"command\": \"\\\"${CLAUDE_PLUGIN_ROOT}/scripts/check.sh\\\"\",", to: "\"type\": \"command\",", code: "PL022", line: 7 },
    Mutation { file: H, from: "\"timeout\": 30", to: "\"timeout\": 0", code: "PL023", line: 7 },
    Mutation { file: H, from: "\"\\\"${CLAUDE_PLUGIN_ROOT}/scripts/check.sh\\\"\"", to: "\"${CLAUDE_PLUGIN_ROOT}/scripts/check.sh\"", code: "PL024", line: 7 },
    Mutation { file: H, from: "scripts/check.sh", to: "scripts/gone.sh", code: "PL025", line: 7 },
    Mutation { file: H, from: "{\n  \"hooks\": {\n", to: "{\n  \"hook\": {\n", code: "PL020", line: 1 },
    // MCP
    Mutation { file: C, from: "\"command\": \"ledger-mcp\", ", to: "", code: "PL030", line: 3 },
    Mutation { file: C, from: "https://reports", to: "http://reports", code: "PL031", line: 4 },
    // agents
    Mutation { file: A, from: "name: reviewer\n", to: "", code: "PL041", line: 1 },
    Mutation { file: A, from: "name: reviewer", to: "name: finance:reviewer", code: "PL042", line: 2 },
    Mutation { file: A, from: "---\n\nCheck", to: "permissionMode: plan\n---\n\nCheck", code: "PL043", line: 4 },
    // marketplace
    Mutation { file: M, from: "  \"owner\": { \"name\": \"Acme IT\", \"email\": \"it@acme.example\" },\n", to: "", code: "MK002", line: 1 },
    Mutation { file: M, from: "\"name\": \"acme-skills\"", to: "\"name\": \"acme skills\"", code: "MK003", line: 2 },
    Mutation { file: M, from: "\"name\": \"acme-skills\"", to: "\"name\": \"claude-marketplace\"", code: "MK004", line: 2 },
    Mutation { file: M, from: "\"name\": \"finance-close\"", to: "\"name\": \"claude-close\"", code: "MK006", line: 7 },
    Mutation { file: M, from: "\"./plugins/finance-close\"", to: "\"plugins/finance-close\"", code: "MK007", line: 8 },
    Mutation { file: M, from: "\"./plugins/finance-close\"", to: "\"./plugins/close\"", code: "MK008", line: 8 },
    Mutation { file: M, from: "\"./plugins/finance-close\"", to: "{ \"source\": \"github\" }", code: "MK009", line: 8 },
    Mutation { file: M, from: "\"./plugins/finance-close\"", to: "{ \"source\": \"github\", \"repo\": \"acme/close\", \"sha\": \"abc123\" }", code: "MK010", line: 8 },
    Mutation { file: M, from: "\"./plugins/finance-close\"", to: "{ \"source\": \"archive\", \"url\": \"http://x.example/a.zip\", \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\" }", code: "MK011", line: 8 },
    Mutation { file: M, from: "\"version\": \"1.2.0\"", to: "\"version\": \"2.0.0\"", code: "MK012", line: 9 },
    Mutation { file: M, from: "\"version\": \"1.2.0\"", to: "\"version\": \"1.2.0\", \"strict\": false", code: "MK013", line: 9 },
    Mutation { file: M, from: "\"./plugins/finance-close\"", to: "{ \"source\": \"npm\", \"package\": \"@acme/close\" }", code: "MK014", line: 8 },
];

#[test]
fn each_mutation_is_caught_with_its_code_at_its_line() {
    let mut problems = Vec::new();
    for m in MUTATIONS {
        let tmp = tempfile::tempdir().unwrap();
        build(tmp.path());
        let path = tmp.path().join(m.file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.contains(m.from),
            "{}: `{}` not in {}",
            m.code,
            m.from,
            m.file
        );
        fs::write(&path, text.replacen(m.from, m.to, 1)).unwrap();
        let f = findings(&audit(tmp.path()));
        let hit = f
            .iter()
            .any(|(c, p, l)| c == m.code && p.ends_with(m.file) && *l == m.line);
        if !hit {
            problems.push(format!("{} on {}:{}: got {f:?}", m.code, m.file, m.line));
        }
    }
    assert!(
        problems.is_empty(),
        "missed mutations:\n{}",
        problems.join("\n")
    );
}

#[test]
fn broken_bundle_report_snapshot() {
    let tmp = tempfile::tempdir().unwrap();
    build(tmp.path());
    let p = tmp.path().join(P);
    let text = fs::read_to_string(&p).unwrap();
    fs::write(
        &p,
        text.replace("\"./commands/close.md\"", "\"commands/close.md\"")
            .replace("\"name\": \"finance-close\"", "\"name\": \"claude-close\""),
    )
    .unwrap();
    let m = tmp.path().join(M);
    let text = fs::read_to_string(&m).unwrap();
    fs::write(
        &m,
        text.replace("\"./plugins/finance-close\"", "\"./plugins/close\""),
    )
    .unwrap();
    let mut report = audit(tmp.path());
    report["summary"]["elapsed_ms"] = Value::from(0);
    insta::assert_json_snapshot!("broken_bundle", report["diagnostics"]);
}
