#[test]
fn placeholder_cli() {}
