//! The semantic model of Thrift IDL: what a set of files means.
//!
//! - Files come in as `(FileId, text)`, and includes are resolved by an
//!   [`IncludeResolver`] the caller provides. This crate does no IO.
//! - Each file has a [`FileSummary`]: what it exports, without positions.
//! - Names resolve as in the Apache compiler: a file sees its own
//!   definitions, and those of the files it includes through their prefix
//!   (`shared.Type`). A file read as fbthrift also resolves names as
//!   fbthrift does, by program name (see [`Database::set_file_name`]).
//! - [`Database::diagnostics`] checks a file, with stable codes
//!   ([`Code`]). Results are cached, and an edit re-checks only the changed
//!   file and, when its summary changed, the files that depend on it.

mod apache;
mod checks;
mod cycles;
mod db;
mod diagnostics;
mod fx;
mod include_errors;
mod include_graph;
pub mod index;
mod inherit;
mod nav;
mod resolve;
pub mod summary;
pub mod targets;
mod values;

pub use crate::{
    db::{Cancelled, ChangeImpact, Database, IncludeResolver, ParsedFile, ParsedFiles},
    diagnostics::{Code, Diagnostic, Related, Severity},
    include_graph::strongly_connected_components,
    nav::{EnumValueRef, FieldRef, Reference},
    resolve::{ConstResolution, DefRef, Resolution, Ty},
    summary::{BaseType, DefKind, DefSummary, FileSummary, TypeRef},
    targets::{ApacheVersion, Target, Targets},
};

/// `path` with `.` and `..` removed lexically (no file system access), as
/// include paths are joined to directories: `a/./b/../c` is `a/c`; a `..`
/// past the start is kept (`../x`). The one path normalisation of the CLI,
/// the server and the breaking lint's version loading.
pub fn normalize_path(path: &std::path::Path) -> std::path::PathBuf {
    use std::path::Component;
    let mut out = std::path::PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Where `include` names a file, as the Apache compiler looks: an absolute
/// path as it is, else joined to each of `dirs` in order (the including
/// file's directory first, then the include directories); the first that
/// `is_file` accepts. The caller decides what a file is (disk, git tree).
pub fn find_include<'a>(
    include: &str,
    dirs: impl IntoIterator<Item = &'a std::path::Path>,
    is_file: impl Fn(&std::path::Path) -> bool,
) -> Option<std::path::PathBuf> {
    let path = std::path::Path::new(include);
    if path.is_absolute() {
        return Some(normalize_path(path)).filter(|p| is_file(p));
    }
    dirs.into_iter()
        .map(|d| normalize_path(&d.join(path)))
        .find(|p| is_file(p))
}

/// Identifies a file. The caller decides what files are and assigns ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

#[cfg(test)]
mod tests;
