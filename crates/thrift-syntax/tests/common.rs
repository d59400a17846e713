//! Shared helpers for the integration tests.
#![allow(dead_code)]

use std::path::Path;

#[path = "../../../tests/support/corpus.rs"]
mod corpus;
pub use corpus::corpus_dir;

/// One row of `ORACLE.tsv`.
pub struct OracleEntry {
    pub path: String,
    pub accepted: bool,
    pub note: String,
}

impl OracleEntry {
    /// Files whose text is valid Apache Thrift syntax (current versions):
    /// accepted by the compiler, or rejected only for reasons that are not
    /// syntax (newer syntax, reserved words, semantic errors).
    pub fn is_valid_apache_syntax(&self) -> bool {
        self.accepted
            || self.note.starts_with("reserved word")
            || self.note.starts_with("uuid builtin type")
            || self.note.starts_with("newer Apache syntax")
            || self.note.starts_with("parser-only fixture")
    }

    pub fn is_intentionally_invalid(&self) -> bool {
        self.note.starts_with("intentionally invalid") || self.note.starts_with("dialect:")
    }

    pub fn is_fbthrift(&self) -> bool {
        self.note.starts_with("fbthrift-dialect")
    }
}

pub fn oracle(dir: &Path) -> Vec<OracleEntry> {
    let text = std::fs::read_to_string(dir.join("ORACLE.tsv")).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            OracleEntry {
                path: cols[0].to_string(),
                accepted: cols.get(1) == Some(&"yes"),
                note: cols.get(4).unwrap_or(&"").to_string(),
            }
        })
        .collect()
}
