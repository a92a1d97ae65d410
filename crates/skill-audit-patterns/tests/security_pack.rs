//! Every rule of the built-in security pack against its own examples, alone and with the whole
//! pack.

use skill_audit_patterns::{PackSet, BUILTIN_SECURITY_ORIGIN};

#[test]
fn security_pack_rules_pass_their_examples() {
    let pack = match PackSet::builtin_security_pack() {
        Ok(p) => p,
        Err(e) => panic!("{BUILTIN_SECURITY_ORIGIN} does not compile: {e}"),
    };
    let full = PackSet::new(vec![pack.clone()]);
    assert!(full.rules().len() >= 15, "{} rules", full.rules().len());
    let mut failures = Vec::new();
    for rule in full.rules() {
        assert!(rule.code.starts_with("SE"), "{}: {}", rule.id, rule.code);
        assert!(!rule.keywords.is_empty(), "{}: no keywords", rule.id);
        let ex = pack.examples(&rule.id).expect("rule exists");
        if ex.fail.is_empty() || ex.pass.is_empty() {
            failures.push(format!("{}: needs fail and pass examples", rule.id));
        }
        let one = PackSet::new(vec![pack.only(&rule.id).expect("rule exists")]);
        let path = ex.path.unwrap_or("SKILL.md");
        for (i, text) in ex.fail.iter().enumerate() {
            let found = one.scan(path, text);
            if !found.iter().any(|m| m.rule_id == rule.id) {
                failures.push(format!("{}: missed fail example #{i}: {text:?}", rule.id));
            }
            if !full.scan(path, text).iter().any(|m| m.code == rule.code) {
                failures.push(format!("{}: full pack missed fail #{i}: {text:?}", rule.id));
            }
        }
        for (i, text) in ex.pass.iter().enumerate() {
            if !one.scan(path, text).is_empty() {
                failures.push(format!("{}: pass example #{i} fires: {text:?}", rule.id));
            }
            // Another family may fire on a pass example, and so may a milder rule of the same
            // family (a vendor installer is a warning); the same code at this severity may not.
            if full
                .scan(path, text)
                .iter()
                .any(|m| m.code == rule.code && m.severity == rule.severity)
            {
                failures.push(format!(
                    "{}: pass #{i} fires in its family: {text:?}",
                    rule.id
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
