//! The semantic model of Thrift IDL: what a set of files means.
//!
//! - Files come in as `(FileId, text)`, and includes are resolved by an
//!   [`IncludeResolver`] the caller provides. This crate does no IO.
//! - Each file has a [`FileSummary`]: what it exports, without positions.
//! - Names resolve as in the Apache compiler: a file sees its own
//!   definitions, and those of the files it includes through their prefix
//!   (`shared.Type`).
//! - [`Database::diagnostics`] checks a file, with stable codes
//!   ([`Code`]). Results are cached, and an edit re-checks only the changed
//!   file and, when its summary changed, the files that depend on it.

mod checks;
mod db;
mod diagnostics;
mod nav;
mod resolve;
pub mod summary;
mod values;

pub use crate::{
    db::{ChangeImpact, Database, IncludeResolver},
    diagnostics::{Code, Diagnostic, Related, Severity},
    nav::Reference,
    resolve::{ConstResolution, DefRef, Resolution, Ty},
    summary::{BaseType, DefKind, DefSummary, FileSummary, TypeRef},
};

/// Identifies a file. The caller decides what files are and assigns ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

#[cfg(test)]
mod tests;
