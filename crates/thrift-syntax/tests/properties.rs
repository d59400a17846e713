//! Property tests: for any input the parser does not panic, the tree's text
//! equals the input, and parsing ends within the step budget (a stuck
//! parser trips a debug assertion, and tests run with debug assertions).

mod common;

use proptest::prelude::*;
use thrift_syntax::parse;

fn check(text: &str) {
    let p = parse(text);
    assert_eq!(p.syntax_node().to_string(), text);
    // Every error range lies inside the text, on character boundaries.
    for e in p.errors() {
        let r = std::ops::Range::<usize>::from(e.range);
        assert!(r.end <= text.len(), "error range {r:?} past the end");
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        assert!(!e.message.is_empty());
    }
}

/// The number of cases: `PROPTEST_CASES` for a longer local run, or `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Fragments that a Thrift file is made of, good and bad.
const VOCABULARY: &[&str] = &[
    "struct",
    "union",
    "exception",
    "enum",
    "senum",
    "service",
    "typedef",
    "const",
    "include",
    "cpp_include",
    "namespace",
    "extends",
    "throws",
    "oneway",
    "async",
    "void",
    "required",
    "optional",
    "true",
    "false",
    "i32",
    "string",
    "binary",
    "uuid",
    "list",
    "set",
    "map",
    "byte",
    "slist",
    "cpp_type",
    "xsd_all",
    "xsd_optional",
    "xsd_nillable",
    "xsd_attrs",
    "cpp_namespace",
    "Foo",
    "bar",
    "inc.Type",
    "Enum.VALUE",
    "a.b.c",
    "1",
    "-1",
    "0x1F",
    "1.5",
    ".5",
    "1e10",
    "5.",
    "\"str\"",
    "'str'",
    "\"unterminated",
    "'\\u0041'",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "<",
    ">",
    ",",
    ";",
    ":",
    "=",
    "*",
    "&",
    ".",
    "@",
    "$",
    "é",
    "😀",
    "// c\n",
    "# c\n",
    "/* c */",
    "/** d */",
    "/*",
    "\n",
    " ",
    "\t",
    "\r\n",
    "\u{feff}",
    "\0",
    "package",
    "stream<",
    "performs",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(VOCABULARY).prop_map(str::to_string),
            1 => any::<char>().prop_map(|c| c.to_string()),
        ],
        0..200,
    )
    .prop_map(|parts| parts.join(" "))
}

fn glued_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCABULARY), 0..200).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(2000), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn token_soup_round_trips(text in token_soup()) {
        check(&text);
    }

    #[test]
    fn glued_token_soup_round_trips(text in glued_soup()) {
        check(&text);
    }

    #[test]
    fn arbitrary_strings_round_trip(text in ".{0,300}") {
        check(&text);
    }
}

/// Corpus files with random byte ranges deleted, duplicated or replaced.
#[test]
fn mutated_corpus_files_round_trip() {
    let Some(dir) = common::corpus_dir("mutated_corpus_files_round_trip") else {
        return;
    };
    let files: Vec<String> = common::oracle(&dir)
        .iter()
        .map(|e| std::fs::read_to_string(dir.join(&e.path)).unwrap())
        .collect();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: cases(1500),
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let strategy = (
        0..files.len(),
        any::<u64>(),
        any::<u64>(),
        0u8..4,
        prop::sample::select(VOCABULARY),
    );
    runner
        .run(&strategy, |(file, a, b, op, fragment)| {
            let text = &files[file];
            if text.is_empty() {
                return Ok(());
            }
            let mut i = (a % text.len() as u64) as usize;
            let mut j = (b % text.len() as u64) as usize;
            if i > j {
                std::mem::swap(&mut i, &mut j);
            }
            j = j.min(i + 200);
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
                2 => format!("{}{}{}", &text[..i], fragment, &text[j..]),
                _ => text[i..].to_string(),
            };
            check(&mutated);
            Ok(())
        })
        .unwrap();
}
