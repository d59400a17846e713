//! A comment-preserving, idempotent formatter for Thrift IDL.
//!
//! ```text
//! syntax tree ─rules─▶ Doc (group / indent / line / line-suffix) ─printer─▶ text
//! ```
//!
//! - Every token of the tree is printed exactly once, in order (checked in
//!   debug builds): comments are never lost, and the non-trivia tokens
//!   never change, apart from the separator and quote normalisation the
//!   options ask for. Nothing is added that changes meaning: no
//!   requiredness, no ids, no reordering.
//! - Whitespace is decided by the rules. Blank lines between items are
//!   kept, collapsed to one.
//! - Top-level items that contain a syntax error are printed verbatim.
//!
//! It depends on `thrift-syntax` only, so it works on files whose includes
//! do not resolve.

mod doc;
mod format;
mod tree;

pub use doc::Doc;
pub use format::{FormatError, format, format_range, format_to_doc};

/// Separators after fields, enum values and functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Separator {
    /// As written.
    #[default]
    Keep,
    /// Always `,`.
    Comma,
    /// Always `;`.
    Semicolon,
    /// None.
    None,
}

/// Quotes of string literals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuoteStyle {
    /// As written.
    #[default]
    Keep,
    /// `"..."`, unless the string contains `"`.
    Double,
    /// `'...'`, unless the string contains `'`.
    Single,
}

/// Formatting options: the `[format]` table of `thrift-tools.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatOptions {
    /// Spaces per indentation level; 0 means a tab.
    pub indent: usize,
    /// Where lists, parameters and annotations break.
    pub line_width: usize,
    /// Align the ids, requiredness and types of consecutive fields (and the
    /// `=` of consecutive enum values).
    pub align_fields: bool,
    /// Align the trailing comments of consecutive fields and enum values.
    pub align_comments: bool,
    pub separator: Separator,
    pub quote_style: QuoteStyle,
    /// The dialect to read files as; `None` detects it per file.
    pub dialect: Option<thrift_syntax::Dialect>,
}

impl Default for FormatOptions {
    fn default() -> FormatOptions {
        FormatOptions {
            indent: 2,
            line_width: 100,
            align_fields: false,
            align_comments: false,
            separator: Separator::Keep,
            quote_style: QuoteStyle::Keep,
            dialect: None,
        }
    }
}
