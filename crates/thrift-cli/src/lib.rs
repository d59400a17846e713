//! The command-line tools: `thrift-lint` and `thrift-fmt`, and the pieces
//! they share.
//!
//! The binaries are thin shells: argument parsing, file IO and output
//! formatting live here; everything else comes from the library crates.

pub mod breaking;
pub mod check;
pub mod fix;
pub mod fmt;
pub mod lint;
pub mod options;
pub mod output;
pub mod report;
pub mod targets;
