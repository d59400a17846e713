//! Data-driven parser tests: `test_data/parser/{ok,err}/*.thrift` with
//! their expected trees in `*.rast` (update with `UPDATE_EXPECT=1`).

use std::{
    fs,
    path::{Path, PathBuf},
};

use expect_test::expect_file;

use crate::{Dialect, parse_with};

fn test_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data")
}

fn thrift_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "thrift"))
        .collect();
    files.sort();
    files
}

fn run_dir(dir: &str, dialect: Dialect, expect_errors: bool) {
    let files = thrift_files(&test_data().join(dir));
    assert!(!files.is_empty(), "no fixtures in {dir}");
    let mut failures = Vec::new();
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let parse = parse_with(&text, Some(dialect), None);
        assert_eq!(
            parse.syntax_node().to_string(),
            text,
            "{} is not lossless",
            path.display()
        );
        let has_errors = !parse.errors().is_empty();
        if has_errors != expect_errors {
            failures.push(format!(
                "{}: expected {}errors, got:\n{}",
                path.display(),
                if expect_errors { "" } else { "no " },
                parse
                    .errors()
                    .iter()
                    .map(|e| format!("  {e} at {:?}\n", e.range))
                    .collect::<String>()
            ));
        }
        expect_file![path.with_extension("rast")].assert_eq(&parse.debug_dump());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn parser_ok() {
    run_dir("parser/ok", Dialect::Apache, false);
}

#[test]
fn parser_err() {
    run_dir("parser/err", Dialect::Apache, true);
}

#[test]
fn parser_fbthrift_ok() {
    run_dir("parser/fbthrift/ok", Dialect::FbThrift, false);
}

#[test]
fn parser_fbthrift_err() {
    run_dir("parser/fbthrift/err", Dialect::FbThrift, true);
}

/// `auto` picks fbthrift exactly for the files with fbthrift markers.
#[test]
fn dialect_detection() {
    use crate::detect_dialect;
    for (text, expected) in [
        ("struct A { 1: i32 package }", Dialect::Apache),
        ("struct stream { 1: i32 sink }", Dialect::Apache),
        ("package \"meta.com/x\"", Dialect::FbThrift),
        ("package;", Dialect::FbThrift),
        ("@cpp.Type{name = \"x\"}\ntypedef i64 T", Dialect::FbThrift),
        ("interaction I { void f() }", Dialect::FbThrift),
        ("service S { stream<i32> f() }", Dialect::FbThrift),
        ("service S { performs I; }", Dialect::FbThrift),
        ("safe permanent client exception E {}", Dialect::FbThrift),
        ("exception E {}", Dialect::Apache),
        ("// @ in a comment\nstruct A {}", Dialect::Apache),
    ] {
        assert_eq!(detect_dialect(text), expected, "{text}");
        assert_eq!(crate::parse(text).dialect(), expected, "{text}");
    }
}
