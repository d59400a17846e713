//! The project model: which Thrift files a run reads, and how.
//!
//! Every tool (`thrift-lint check`, `thrift-lint breaking`, `thrift-fmt`,
//! `thrift-ls`) decides what to read through this crate, so they agree:
//!
//! - [`walk`]: the `.thrift` files under the paths given (`.gitignore`,
//!   `.ignore`, the config's `skip` and `exclude`; see [`walk`]'s module);
//! - [`load`]: a set of files and what they include, into one
//!   [`thrift_semantic::Database`], through the one include resolver
//!   ([`search_path`], [`resolve_include`]);
//! - [`Tree`]: where files are read from, the disk ([`FsTree`]) or a git
//!   commit ([`GitTree`]); [`Version`] and [`pair`]: the two versions
//!   `thrift-lint breaking` compares;
//! - [`Configs`]: the config of each file of a run.
//!
//! It does IO (the semantic model below it does none). Problems are
//! returned as values, [`Warning`]s and errors, for the caller to print.

mod checked;
mod configs;
mod load;
mod tree;
mod version;
mod walk;

use std::path::{Path, PathBuf};

pub use crate::{
    checked::{check_files, load_checked},
    configs::{Configs, missing_include_dirs},
    load::{FileOptions, LoadOptions, Loaded, load, load_with, resolve_include, search_path},
    tree::{Error, FsTree, GitTree, Tree, resolve_commit},
    version::{Pairing, Version, pair},
    walk::{WalkOptions, Walked, walk},
};
pub use thrift_semantic::normalize_path as normalize;

/// Something a user should know that does not stop the run: printed on
/// stderr by the command-line tools, logged by the server.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning(pub String);

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.starts_with("note: ") {
            f.write_str(&self.0)
        } else {
            write!(f, "warning: {}", self.0)
        }
    }
}

/// `path` relative to `base` if inside it.
pub fn relative(path: &Path, base: &Path) -> PathBuf {
    path.strip_prefix(base)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// A path as shown: without a leading `./`.
pub fn display(path: &Path) -> String {
    let s = path.display().to_string();
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// The key of a file: its path relative to `root`, with `/`.
pub fn key(path: &Path, root: &Path) -> String {
    let s = relative(path, root).to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}
