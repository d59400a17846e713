//! What the command-line tests share (each test file is a crate of its
//! own and includes this module with `mod support;`).

use std::path::PathBuf;

/// A fresh directory under the system's temporary one, for the test
/// `name` of the test file `suite`, with `files` (paths relative to it,
/// folders made as needed).
pub fn temp_project(suite: &str, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("thrift-{suite}-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}
