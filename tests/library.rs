//! Library governance end to end: one marketplace with a defect of every NS, DU and GV kind
//! seeded beside clean, distinct skills. Each defect must be reported with the right code on the
//! right skill, and the clean skills must get no library finding at all.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

/// Deterministic pseudo-random words, so every skill has its own vocabulary.
struct Words(u64);

impl Words {
    fn new(seed: &str) -> Self {
        // FNV-1a of the seed.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in seed.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Words(h | 1)
    }

    fn next(&mut self) -> u64 {
        // xorshift64
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn word(&mut self) -> String {
        const SYLLABLES: [&str; 24] = [
            "ka", "lo", "mi", "ne", "pu", "ra", "si", "to", "ve", "zu", "bar", "cen", "dal", "fen",
            "gor", "hil", "jun", "kel", "mor", "nis", "pal", "quin", "rost", "tel",
        ];
        let n = 2 + self.next() % 2;
        (0..n)
            .map(|_| SYLLABLES[usize::try_from(self.next() % 24).unwrap()])
            .collect()
    }

    fn text(&mut self, words: usize) -> Vec<String> {
        (0..words).map(|_| self.word()).collect()
    }
}

fn skill(root: &Path, rel: &str, name: &str, metadata: &str, body: &str) {
    let dir = root.join(rel).join(name);
    fs::create_dir_all(&dir).unwrap();
    let mut words = Words::new(&format!("desc-{name}"));
    let description = format!(
        "Handles {} {} tasks. Use when the user asks about {}.",
        words.word(),
        words.word(),
        words.word()
    );
    fs::write(
        dir.join("SKILL.md"),
        format!("---\nname: {name}\ndescription: {description}\nmetadata:\n{metadata}---\n\n# {name}\n\n{body}\n"),
    )
    .unwrap();
}

fn plugin(root: &Path, name: &str, manifest_extra: &str) {
    let dir = root.join("plugins").join(name).join(".claude-plugin");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("plugin.json"),
        format!("{{\n  \"name\": \"{name}\",\n  \"description\": \"The {name} department's skills\"{manifest_extra}\n}}\n"),
    )
    .unwrap();
}

fn meta(owner: Option<&str>, reviewed: Option<&str>) -> String {
    let mut m = String::from("  department: finance\n");
    if let Some(o) = owner {
        let _ = writeln!(m, "  owner: {o}");
    }
    if let Some(r) = reviewed {
        let _ = writeln!(m, "  last-reviewed: \"{r}\"");
    }
    m
}

fn body(seed: &str) -> String {
    let words = Words::new(seed).text(160);
    words
        .chunks(16)
        .map(|line| line.join(" ") + ".")
        .collect::<Vec<_>>()
        .join("\n")
}

/// Codes reported on files under `part` (a path fragment), library families only.
fn library_codes(report: &Value, part: &str) -> Vec<String> {
    let mut codes: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"].as_str().unwrap().contains(part))
        .map(|d| d["code"].as_str().unwrap().to_string())
        .filter(|c| c.starts_with("NS") || c.starts_with("DU") || c.starts_with("GV"))
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

#[test]
fn seeded_library_defects_are_each_reported_and_clean_skills_get_none() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    fs::create_dir_all(root.join(".claude-plugin")).unwrap();
    fs::write(
        root.join(".claude-plugin/marketplace.json"),
        r#"{
  "name": "acme-skills",
  "owner": { "name": "Acme IT" },
  "plugins": [
    { "name": "finance", "source": "./plugins/finance" },
    { "name": "hr", "source": "./plugins/hr" },
    { "name": "legal", "source": "./plugins/legal" }
  ]
}
"#,
    )
    .unwrap();
    fs::write(
        root.join("skill-audit.toml"),
        r#"[governance]
required-metadata = ["owner", "department"]
review-field = "last-reviewed"
max-review-age-days = 180

[[governance.namespace]]
path = "plugins/finance/**"
prefix = "finance-"

[duplicates]
near-threshold = 0.8
"#,
    )
    .unwrap();
    let ok = || meta(Some("ana@acme.example"), Some("2026-10-01"));
    let authored = ",\n  \"version\": \"1.0.0\",\n  \"author\": { \"name\": \"Acme\" }";

    plugin(root, "finance", authored);
    plugin(root, "hr", ",\n  \"version\": \"1.0.0\""); // no author: GV004
    plugin(root, "legal", ",\n  \"author\": { \"name\": \"Acme\" }"); // no version: GV005

    // Clean, distinct skills.
    skill(
        root,
        "plugins/finance/skills",
        "finance-budget",
        &ok(),
        &body("budget"),
    );
    skill(
        root,
        "plugins/hr/skills",
        "hr-benefits",
        &ok(),
        &body("benefits"),
    );
    skill(
        root,
        "plugins/legal/skills",
        "legal-contracts",
        &ok(),
        &body("contracts"),
    );

    // NS001: outside the finance- prefix.
    skill(
        root,
        "plugins/finance/skills",
        "invoice-parser",
        &ok(),
        &body("invoice"),
    );
    // GV001: no owner.
    skill(
        root,
        "plugins/hr/skills",
        "hr-onboarding",
        &meta(None, Some("2026-10-01")),
        &body("onboarding"),
    );
    // GV003: reviewed long ago.
    skill(
        root,
        "plugins/hr/skills",
        "hr-payroll",
        &meta(Some("bo@acme.example"), Some("2024-01-15")),
        &body("payroll"),
    );
    // GV002: no review date.
    skill(
        root,
        "plugins/hr/skills",
        "hr-leave",
        &meta(Some("bo@acme.example"), None),
        &body("leave"),
    );
    // GV002: malformed review date.
    skill(
        root,
        "plugins/hr/skills",
        "hr-travel",
        &meta(Some("bo@acme.example"), Some("last spring")),
        &body("travel"),
    );
    // DU001: the same content as legal-contracts, in another plugin under another name.
    let contracts =
        fs::read_to_string(root.join("plugins/legal/skills/legal-contracts/SKILL.md")).unwrap();
    fs::create_dir_all(root.join("plugins/hr/skills/hr-contracts")).unwrap();
    fs::write(
        root.join("plugins/hr/skills/hr-contracts/SKILL.md"),
        contracts.replace("name: legal-contracts", "name: hr-contracts"),
    )
    .unwrap();
    // DU002: about 15% of the words of hr-benefits changed.
    let mut changed = Words::new("benefits").text(160);
    let mut fresh = Words::new("replacement");
    for (i, w) in changed.iter_mut().enumerate() {
        if i % 7 == 3 {
            *w = fresh.word();
        }
    }
    let near_body = changed
        .chunks(16)
        .map(|line| line.join(" ") + ".")
        .collect::<Vec<_>>()
        .join("\n");
    let benefits = fs::read_to_string(root.join("plugins/hr/skills/hr-benefits/SKILL.md")).unwrap();
    let near = benefits.replace("hr-benefits", "legal-benefits");
    let near = near.replace(&body("benefits"), &near_body);
    fs::create_dir_all(root.join("plugins/legal/skills/legal-benefits")).unwrap();
    fs::write(
        root.join("plugins/legal/skills/legal-benefits/SKILL.md"),
        near,
    )
    .unwrap();
    // NS002: the same skill name in two plugins of the marketplace.
    skill(
        root,
        "plugins/legal/skills",
        "hr-leave",
        &ok(),
        &body("leave-policy"),
    );
    // NS004: differs from finance-budget only by separators.
    skill(
        root,
        "plugins/legal/skills",
        "finance_budget",
        &ok(),
        &body("budget-legal"),
    );

    let out = Command::new(env!("CARGO_BIN_EXE_skill-audit"))
        .env("SKILL_AUDIT_NO_CACHE", "1")
        .args(["check", ".", "--format", "json", "--fail-on", "never"])
        .current_dir(root)
        .env("SKILL_AUDIT_TODAY", "2026-11-23")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();

    let expect = |part: &str, code: &str| {
        let codes = library_codes(&report, part);
        assert!(
            codes.iter().any(|c| c == code),
            "expected {code} on {part}, got {codes:?}"
        );
    };
    expect("finance/skills/invoice-parser/", "NS001");
    expect("hr/skills/hr-onboarding/", "GV001");
    expect("hr/skills/hr-payroll/", "GV003");
    expect("hr/skills/hr-leave/", "GV002");
    expect("hr/skills/hr-travel/", "GV002");
    expect("plugins/hr/.claude-plugin/plugin.json", "GV004");
    expect("plugins/legal/.claude-plugin/plugin.json", "GV005");
    // Exact and near duplicates are reported on one of the two copies, naming the other.
    let du1: Vec<String> = ["hr-contracts/", "legal-contracts/"]
        .iter()
        .flat_map(|p| library_codes(&report, p))
        .collect();
    assert!(du1.contains(&"DU001".to_string()), "DU001 missing: {du1:?}");
    let du2: Vec<String> = ["hr-benefits/", "legal-benefits/"]
        .iter()
        .flat_map(|p| library_codes(&report, p))
        .collect();
    assert!(du2.contains(&"DU002".to_string()), "DU002 missing: {du2:?}");
    let ns2: Vec<String> = ["hr/skills/hr-leave/", "legal/skills/hr-leave/"]
        .iter()
        .flat_map(|p| library_codes(&report, p))
        .collect();
    assert!(ns2.contains(&"NS002".to_string()), "NS002 missing: {ns2:?}");
    let ns4: Vec<String> = ["finance_budget/", "finance-budget/"]
        .iter()
        .flat_map(|p| library_codes(&report, p))
        .collect();
    assert!(ns4.contains(&"NS004".to_string()), "NS004 missing: {ns4:?}");

    // The clean skills and the clean plugin manifest get nothing from the library families
    // (finance-budget may only carry the NS004 pointing at its look-alike).
    for clean in [
        "hr-benefits/",
        "legal-contracts/",
        "plugins/finance/.claude-plugin",
    ] {
        let codes: Vec<String> = library_codes(&report, clean)
            .into_iter()
            .filter(|c| !c.starts_with("DU"))
            .collect();
        assert!(codes.is_empty(), "{clean} should be clean, got {codes:?}");
    }
    let budget = library_codes(&report, "finance/skills/finance-budget/");
    assert!(
        budget.iter().all(|c| c == "NS004"),
        "finance-budget got {budget:?}"
    );
    // Duplicate findings land on exactly one side of each pair.
    let du_total = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"].as_str().unwrap().starts_with("DU"))
        .count();
    assert_eq!(du_total, 2, "one DU001 and one DU002 expected");
}
