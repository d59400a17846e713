//! What the real-editor tests (`nvim.rs`, `emacs.rs`) share.

use std::path::{Path, PathBuf};

/// A file of the shared real-client harnesses: `THRIFT_REAL_CLIENTS`, or
/// `../shared/tools/real-clients` next to the repository. Not part of the
/// repository: without it, `test` says on the terminal that it is skipped
/// and why (`None`), unless `THRIFT_REAL_CLIENTS_REQUIRED=1` (set by
/// `.ci/run`) makes that a failure.
pub fn harness(test: &str, file: &str) -> Option<PathBuf> {
    let path = match std::env::var_os("THRIFT_REAL_CLIENTS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/tools/real-clients"),
    }
    .join(file);
    if path.is_file() {
        return Some(path);
    }
    let why = format!(
        "no real-client harness at {} (set THRIFT_REAL_CLIENTS to the folder of ../shared/tools/real-clients)",
        path.display()
    );
    if std::env::var_os("THRIFT_REAL_CLIENTS_REQUIRED").is_some_and(|v| v == "1") {
        panic!("{why}; THRIFT_REAL_CLIENTS_REQUIRED=1 makes this a failure");
    }
    // Straight to the terminal: the harness hides what a passing test
    // prints with `eprintln!`.
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
    None
}

/// A fresh copy of `examples/` in a temporary folder named after `editor`,
/// with a config so that formatting uses it (indent 2).
pub fn example_project(editor: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("thrift-ls-{editor}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples"),
        &root,
    );
    std::fs::write(root.join("thrift-tools.toml"), "[format]\nindent = 2\n").unwrap();
    root
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
