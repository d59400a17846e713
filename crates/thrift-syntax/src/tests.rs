//! Data-driven parser tests: `test_data/parser/{ok,err}/*.thrift` with
//! their expected trees in `*.rast` (update with `UPDATE_EXPECT=1`).

use std::{
    fs,
    path::{Path, PathBuf},
};

use expect_test::expect_file;

use crate::parse;

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

fn run_dir(dir: &str, expect_errors: bool) {
    let files = thrift_files(&test_data().join(dir));
    assert!(!files.is_empty(), "no fixtures in {dir}");
    let mut failures = Vec::new();
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let parse = parse(&text);
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
    run_dir("parser/ok", false);
}

#[test]
fn parser_err() {
    run_dir("parser/err", true);
}
