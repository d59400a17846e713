//! One error must not hide the rest of the file: damage a corpus file by
//! deleting one brace, keyword or quote, and check that every definition
//! after the damaged one is still parsed, with the same kind and name.

mod common;

use thrift_syntax::{
    AstNode, SyntaxKind, TextSize,
    ast::{Definition, HasName},
    parse,
};

/// A small deterministic PRNG (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn definitions(text: &str) -> Vec<(SyntaxKind, String, TextSize, TextSize)> {
    parse(text)
        .tree()
        .definitions()
        .map(|d: Definition| {
            let name = d.name().map(|n| n.text()).unwrap_or_default();
            let r = d.syntax().text_range();
            (d.syntax().kind(), name, r.start(), r.end())
        })
        .collect()
}

fn is_damage_target(kind: SyntaxKind) -> bool {
    use SyntaxKind::*;
    kind.is_keyword()
        || matches!(
            kind,
            L_BRACE | R_BRACE | L_PAREN | R_PAREN | L_BRACK | R_BRACK | L_ANGLE | R_ANGLE
        )
        || kind == STRING
}

#[test]
fn definitions_after_damage_survive() {
    let Some(dir) = common::corpus_dir("definitions_after_damage_survive") else {
        return;
    };
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in common::oracle(&dir)
        .iter()
        .filter(|e| e.is_valid_apache_syntax())
    {
        let text = std::fs::read_to_string(dir.join(&entry.path)).unwrap();
        let original = definitions(&text);
        if original.len() < 2 {
            continue;
        }
        let tokens: Vec<_> = parse(&text)
            .syntax_node()
            .descendants_with_tokens()
            .filter_map(|e| e.into_token())
            .filter(|t| is_damage_target(t.kind()))
            .collect();
        if tokens.is_empty() {
            continue;
        }
        for _ in 0..12 {
            let token = &tokens[rng.below(tokens.len())];
            let range = token.text_range();
            // Delete the whole token, or for strings just the opening quote.
            let cut = if token.kind() == SyntaxKind::STRING {
                thrift_syntax::TextRange::at(range.start(), 1.into())
            } else {
                range
            };
            let mut damaged = text.clone();
            damaged.replace_range(std::ops::Range::<usize>::from(cut), "");
            let p = parse(&damaged);
            assert_eq!(p.syntax_node().to_string(), damaged);

            // The definitions that start after the one holding the damage.
            let damaged_end = original
                .iter()
                .find(|d| d.2 <= cut.start() && cut.start() < d.3)
                .map_or(cut.start(), |d| d.3);
            // Compare kinds and names in order: offsets may move, since a
            // comment before a lost `}` now leads the next definition.
            let expected: Vec<(SyntaxKind, String)> = original
                .iter()
                .filter(|d| d.2 >= damaged_end)
                .map(|d| (d.0, d.1.clone()))
                .collect();
            let got: Vec<(SyntaxKind, String)> = definitions(&damaged)
                .into_iter()
                .map(|d| (d.0, d.1))
                .collect();
            let tail = &got[got.len().saturating_sub(expected.len())..];
            if tail != expected.as_slice() {
                failures.push(format!(
                    "{}: after deleting {:?} at {:?}, expected the last definitions {:?}, got {:?}",
                    entry.path,
                    token.text(),
                    range,
                    expected.iter().map(|d| &d.1).collect::<Vec<_>>(),
                    tail.iter().map(|d| &d.1).collect::<Vec<_>>()
                ));
            }
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} damaged files checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
