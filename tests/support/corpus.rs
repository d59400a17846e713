//! Where the shared corpus is, for the tests that read it. One copy,
//! included by each crate's tests with
//! `#[path = "../../../tests/support/corpus.rs"] mod corpus;`.
//!
//! The corpus (`$THRIFT_CORPUS`, default `../shared/corpus` next to the
//! repository) is not part of the repository. Without it, a test that needs
//! it says so on the terminal and passes without checking anything, so that
//! a fresh clone's `cargo test` is green; `THRIFT_CORPUS_REQUIRED=1` (which
//! `.ci/run` sets) makes a missing corpus a failure instead.

use std::{
    io::Write,
    path::{Path, PathBuf},
};

/// The corpus folder (the one that holds `ORACLE.tsv`), or `None` after
/// saying that `test` is skipped and why.
#[allow(dead_code)]
pub fn corpus_dir(test: &str) -> Option<PathBuf> {
    let dir = match std::env::var_os("THRIFT_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
    };
    if dir.join("ORACLE.tsv").is_file() {
        return Some(dir);
    }
    let why = format!(
        "no Thrift corpus at {} (set THRIFT_CORPUS to the folder that holds ORACLE.tsv)",
        dir.display()
    );
    if std::env::var_os("THRIFT_CORPUS_REQUIRED").is_some_and(|v| v == "1") {
        panic!("{why}; THRIFT_CORPUS_REQUIRED=1 makes this a failure");
    }
    // Straight to the terminal: the test harness hides what a passing test
    // prints with `eprintln!`, and a skip must not go unnoticed.
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
    None
}
