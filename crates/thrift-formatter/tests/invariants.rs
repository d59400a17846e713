//! The formatter's invariants, on the corpus and on mutated corpus files:
//! idempotent, output parses, comments kept in order, non-trivia tokens
//! unchanged.

use proptest::prelude::*;
use thrift_formatter::{FormatOptions, QuoteStyle, Separator, format};
use thrift_syntax::{SyntaxElement, SyntaxKind};

#[path = "../../../tests/support/corpus.rs"]
mod corpus;

/// The corpus files (path, text); `None` when there is no corpus (`test`
/// is then reported as skipped).
pub fn corpus_files(test: &str) -> Option<Vec<(String, String)>> {
    let dir = corpus::corpus_dir(test)?;
    let oracle = std::fs::read_to_string(dir.join("ORACLE.tsv")).unwrap();
    oracle
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap().to_string())
        .map(|p| {
            let text = std::fs::read_to_string(dir.join(&p)).unwrap();
            (p, text)
        })
        .collect::<Vec<_>>()
        .into()
}

fn tokens(text: &str) -> Vec<(SyntaxKind, String)> {
    thrift_syntax::parse(text)
        .syntax_node()
        .descendants_with_tokens()
        .filter_map(SyntaxElement::into_token)
        .filter(|t| !t.kind().is_trivia())
        .map(|t| (t.kind(), t.text().to_string()))
        .collect()
}

fn comments(text: &str) -> Vec<String> {
    thrift_syntax::parse(text)
        .syntax_node()
        .descendants_with_tokens()
        .filter_map(SyntaxElement::into_token)
        .filter(|t| t.kind().is_comment())
        .map(|t| t.text().trim_end().to_string())
        .collect()
}

/// Tokens with the normalisations an option set may make: separators
/// after items, and quotes.
fn normalized(
    tokens: Vec<(SyntaxKind, String)>,
    options: &FormatOptions,
) -> Vec<(SyntaxKind, String)> {
    tokens
        .into_iter()
        .filter(|(k, _)| {
            options.separator == Separator::Keep
                || !matches!(k, SyntaxKind::COMMA | SyntaxKind::SEMICOLON)
        })
        .map(|(k, t)| {
            if k == SyntaxKind::STRING && options.quote_style != QuoteStyle::Keep {
                (k, t[1..t.len().saturating_sub(1)].to_string())
            } else {
                (k, t)
            }
        })
        .collect()
}

/// Checks every invariant for one input; `Err` describes the first broken one.
pub fn check_invariants(name: &str, text: &str, options: &FormatOptions) -> Result<(), String> {
    let parse = thrift_syntax::parse(text);
    let force = !parse.errors().is_empty();
    let once = format(text, options, force).map_err(|e| format!("{name}: {e}"))?;
    let twice = format(&once, options, force).map_err(|e| format!("{name}: second pass: {e}"))?;
    if once != twice {
        return Err(format!(
            "{name}: not idempotent\n--- once\n{once}\n--- twice\n{twice}"
        ));
    }
    if !force && !thrift_syntax::parse(&once).errors().is_empty() {
        return Err(format!(
            "{name}: output has syntax errors: {:?}\n{once}",
            thrift_syntax::parse(&once).errors()
        ));
    }
    if comments(text) != comments(&once) {
        return Err(format!(
            "{name}: comments changed\n{:?}\n{:?}",
            comments(text),
            comments(&once)
        ));
    }
    // Separators may be added at item ends when normalising, so compare
    // without them in that case.
    let (mut before, mut after) = (
        normalized(tokens(text), options),
        normalized(tokens(&once), options),
    );
    if force {
        // In a broken file, a keyword's kind may depend on the layout
        // around the error (`struct` as a misplaced name); compare texts.
        for (k, _) in before.iter_mut().chain(after.iter_mut()) {
            *k = SyntaxKind::ERROR;
        }
    }
    if before != after {
        return Err(format!("{name}: tokens changed\n--- output\n{once}"));
    }
    Ok(())
}

fn option_sets() -> Vec<FormatOptions> {
    vec![
        FormatOptions::default(),
        FormatOptions {
            indent: 4,
            line_width: 40,
            align_fields: true,
            align_comments: true,
            separator: Separator::Comma,
            quote_style: QuoteStyle::Double,
            dialect: None,
        },
        FormatOptions {
            indent: 0,
            line_width: 120,
            separator: Separator::None,
            quote_style: QuoteStyle::Single,
            ..FormatOptions::default()
        },
    ]
}

#[test]
fn corpus_invariants() {
    let Some(files) = corpus_files("corpus_invariants") else {
        return;
    };
    let mut failures = Vec::new();
    for options in option_sets() {
        for (name, text) in &files {
            if let Err(e) = check_invariants(name, text, &options) {
                failures.push(e);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
}

#[test]
fn mutated_corpus_invariants() {
    let Some(files) = corpus_files("mutated_corpus_invariants") else {
        return;
    };
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    let config = ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let rng = proptest::test_runner::TestRng::deterministic_rng(
        proptest::test_runner::RngAlgorithm::ChaCha,
    );
    let mut runner = proptest::test_runner::TestRunner::new_with_rng(config, rng);
    runner
        .run(
            &(0..files.len(), any::<u64>(), any::<u64>(), 0u8..3),
            |(file, a, b, op)| {
                let (name, text) = &files[file];
                if text.is_empty() {
                    return Ok(());
                }
                let mut i = (a % text.len() as u64) as usize;
                let mut j = (b % text.len() as u64) as usize;
                if i > j {
                    std::mem::swap(&mut i, &mut j);
                }
                j = j.min(i + 100);
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                while !text.is_char_boundary(j) {
                    j -= 1;
                }
                let j = j.max(i);
                let mutated = match op {
                    0 => format!("{}{}", &text[..i], &text[j..]),
                    1 => format!("{}{}{}", &text[..j], &text[i..j], &text[j..]),
                    _ => format!("{}\n{}", &text[..i], &text[i..]),
                };
                check_invariants(
                    &format!("{name} (mutated)"),
                    &mutated,
                    &FormatOptions::default(),
                )
                .map_err(|e| {
                    // Keep the input, to reproduce: `thrift-fmt` on this file.
                    let path = std::env::temp_dir().join("thrift-fmt-failing-input.thrift");
                    let _ = std::fs::write(&path, &mutated);
                    TestCaseError::fail(format!("{e}\n(input written to {})", path.display()))
                })
            },
        )
        .unwrap();
}
