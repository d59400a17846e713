//! Formatter fixtures: `test_data/<area>/<case>.thrift`, formatted with the
//! options in `test_data/<area>/options.toml` (if any), compared with
//! `<case>.fmt` (update with `UPDATE_EXPECT=1`). A case with
//! `<RANGE_START>`/`<RANGE_END>` markers tests range formatting instead.
//! Every case must also be idempotent.

use std::path::{Path, PathBuf};

use expect_test::expect_file;
use thrift_formatter::{FormatOptions, QuoteStyle, Separator, format, format_range};
use thrift_syntax::{TextRange, TextSize};

/// A tiny reader for `key = value` lines (the formatter crate does not
/// depend on the config crate).
fn options(dir: &Path) -> FormatOptions {
    let mut options = FormatOptions::default();
    let Ok(text) = std::fs::read_to_string(dir.join("options.toml")) else {
        return options;
    };
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (key, value) = line.split_once('=').expect("key = value");
        let value = value.trim().trim_matches('"');
        match key.trim() {
            "indent" => {
                options.indent = if value == "tab" {
                    0
                } else {
                    value.parse().unwrap()
                }
            }
            "line_width" => options.line_width = value.parse().unwrap(),
            "align_fields" => options.align_fields = value == "true",
            "align_comments" => options.align_comments = value == "true",
            "separator" => {
                options.separator = match value {
                    "comma" => Separator::Comma,
                    "semicolon" => Separator::Semicolon,
                    "none" => Separator::None,
                    _ => Separator::Keep,
                }
            }
            "quote_style" => {
                options.quote_style = match value {
                    "double" => QuoteStyle::Double,
                    "single" => QuoteStyle::Single,
                    _ => QuoteStyle::Keep,
                }
            }
            other => panic!("unknown option {other}"),
        }
    }
    options
}

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&dir).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "thrift") {
                out.push(file);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn fixtures() {
    let cases = cases();
    assert!(cases.len() >= 8, "fixtures are missing");
    for path in cases {
        let options = options(path.parent().unwrap());
        let input = std::fs::read_to_string(&path).unwrap();
        let force = path.parent().unwrap().ends_with("errors");
        let output = if input.contains("<RANGE_START>") {
            let start = input.find("<RANGE_START>").unwrap();
            let text = input.replacen("<RANGE_START>", "", 1);
            let end = text.find("<RANGE_END>").unwrap();
            let text = text.replacen("<RANGE_END>", "", 1);
            let range = TextRange::new(TextSize::new(start as u32), TextSize::new(end as u32));
            match format_range(&text, range, &options, force).unwrap() {
                Some((span, replacement)) => {
                    let mut out = text.clone();
                    out.replace_range(std::ops::Range::<usize>::from(span), &replacement);
                    out
                }
                None => text,
            }
        } else {
            let once = format(&input, &options, force).unwrap();
            let twice = format(&once, &options, force).unwrap();
            assert_eq!(once, twice, "{} is not idempotent", path.display());
            once
        };
        expect_file![path.with_extension("fmt")].assert_eq(&output);
    }
}

#[test]
fn syntax_errors_are_refused_without_force() {
    let err = format("struct A {", &FormatOptions::default(), false).unwrap_err();
    let thrift_formatter::FormatError::Syntax(errors) = err;
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("expected `}`"));
    assert!(
        format_range(
            "struct A {",
            TextRange::empty(0.into()),
            &FormatOptions::default(),
            false
        )
        .is_err()
    );
}
