//! A version compared with itself has no breaking changes, in any
//! category: every fixture version (`test_data/<case>/{old,new}`) and
//! every corpus file (`$THRIFT_CORPUS`, default `../shared/corpus` next to
//! the repository), each read twice by the project loader, with its
//! includes. (It lives here, not in thrift-breaking, because the loader
//! sits above thrift-breaking.)
//!
//! The corpus test is skipped, with a message, when the corpus is absent,
//! unless `THRIFT_CORPUS_REQUIRED=1`, which makes its absence a failure
//! (`tests/support/corpus.rs`).

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
};

#[path = "../../../tests/support/corpus.rs"]
mod corpus;

use thrift_breaking::{Category, Options, Snapshot, compare};
use thrift_project::{FileOptions, FsTree, Loaded};

/// Loads `inputs` and what they include, searching `search` after each
/// file's own directory.
fn load(inputs: &[(String, PathBuf)], search: &[PathBuf], base: &Path) -> Loaded {
    let loaded = thrift_project::load(&mut FsTree, inputs, base, &mut |_| FileOptions {
        dialect: None,
        include_dirs: search.to_vec(),
        targets: None,
    });
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    loaded
}

/// Every category: a finding in any of them is a finding.
fn all_categories() -> Options {
    Options {
        categories: Category::ALL.to_vec(),
        ..Options::default()
    }
}

/// What `compare(v, v)` reports, one line per finding.
fn self_findings(load: &dyn Fn() -> Loaded) -> Vec<String> {
    let (a, b) = (load(), load());
    compare(
        Snapshot {
            db: &a.db,
            files: &a.files,
        },
        Snapshot {
            db: &b.db,
            files: &b.files,
        },
        &all_categories(),
    )
    .iter()
    .map(|f| {
        let key = b.keys.get(f.location.file.0 as usize).cloned();
        let (line, col) = b.position(f.location.file, f.location.range.start());
        format!(
            "{}:{line}:{col}: {}: {}",
            key.unwrap_or_default(),
            f.rule.id,
            f.message
        )
    })
    .collect()
}

/// The `.thrift` files of a version, through the project walk, keyed by
/// their path in it.
fn thrift_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut configs = thrift_project::Configs::new(None);
    let walked = thrift_project::walk(
        &[dir.to_path_buf()],
        &mut configs,
        thrift_project::WalkOptions::default(),
    );
    assert!(walked.errors.is_empty(), "{:?}", walked.errors);
    walked
        .files
        .into_iter()
        .map(|path| (thrift_project::key(&path, dir), path))
        .collect()
}

#[test]
fn every_fixture_version_compared_with_itself_is_unchanged() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../thrift-breaking/test_data");
    let mut versions: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .flat_map(|case| [case.join("old"), case.join("new")])
        .filter(|p| p.is_dir())
        .collect();
    versions.sort();
    assert!(versions.len() > 20, "{versions:?}");
    let mut failures = Vec::new();
    for dir in &versions {
        let inputs = thrift_files(dir);
        assert!(!inputs.is_empty(), "no .thrift file in {}", dir.display());
        let found = self_findings(&|| load(&inputs, &[], dir));
        if !found.is_empty() {
            failures.push(format!("{}:\n  {}", dir.display(), found.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_corpus_file_compared_with_itself_is_unchanged() {
    let Some(dir) = corpus::corpus_dir("every_corpus_file_compared_with_itself_is_unchanged")
    else {
        return;
    };
    let include_dirs: HashMap<String, Vec<PathBuf>> =
        std::fs::read_to_string(dir.join("INCLUDE_DIRS.tsv"))
            .unwrap_or_default()
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once('\t'))
            .map(|(repo, dirs)| {
                let dirs = dirs.split_whitespace().map(|d| dir.join(d)).collect();
                (repo.to_string(), dirs)
            })
            .collect();
    let oracle = std::fs::read_to_string(dir.join("ORACLE.tsv")).unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in oracle.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let path = line.split('\t').next().unwrap();
        let repo: String = path.split('/').take(2).collect::<Vec<_>>().join("/");
        let search = include_dirs.get(&repo).cloned().unwrap_or_default();
        let inputs = [(path.to_string(), dir.join(path))];
        let found = self_findings(&|| load(&inputs, &search, &dir));
        checked += 1;
        if !found.is_empty() {
            failures.push(format!("{path}:\n  {}", found.join("\n  ")));
        }
    }
    assert!(checked > 200, "only {checked} corpus files");
    assert!(
        failures.is_empty(),
        "{} corpus files differ from themselves:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
