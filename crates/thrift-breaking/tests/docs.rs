//! Every rule is documented in `docs/breaking.md`, with its categories.

use std::path::Path;

use thrift_syntax::Dialect;

#[test]
fn every_rule_is_documented() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/breaking.md");
    let doc = std::fs::read_to_string(path).unwrap();
    for rule in thrift_breaking::RULES {
        let heading = format!("#### `{}`\n\n{}\n", rule.id, rule.purpose);
        assert!(doc.contains(&heading), "docs/breaking.md lacks {heading:?}");
        let categories: Vec<&str> = rule.categories.iter().map(|c| c.as_str()).collect();
        let mut line = format!("- **Categories**: {}", categories.join(", "));
        if rule.categories(Dialect::FbThrift) != rule.categories {
            let fb: Vec<&str> = rule
                .categories(Dialect::FbThrift)
                .iter()
                .map(|c| c.as_str())
                .collect();
            line.push_str(&format!(" (fbthrift: {})", fb.join(", ")));
        }
        assert!(
            doc.contains(&format!("{line}.\n")),
            "docs/breaking.md: wrong categories for {}",
            rule.id
        );
    }
}

/// `COMPILE`, the id of the errors that stop a comparison, is documented
/// (the SARIF and rdjson help links point at its heading).
#[test]
fn compile_is_documented() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/breaking.md");
    let doc = std::fs::read_to_string(path).unwrap();
    let rule = &thrift_breaking::rules::COMPILE;
    let heading = format!("#### `{}`\n\n{}\n", rule.id, rule.purpose);
    assert!(doc.contains(&heading), "docs/breaking.md lacks {heading:?}");
}
