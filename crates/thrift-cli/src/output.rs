//! Reading input files and printing diagnostics.

use std::{io, path::Path};

use thrift_syntax::{LineIndex, TextSize};

/// Why a file could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// Not UTF-8; the offset of the first invalid byte.
    NotUtf8 {
        offset: usize,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::NotUtf8 { offset } => {
                write!(
                    f,
                    "not valid UTF-8 (invalid byte at offset {offset}); Thrift files must be UTF-8 text"
                )
            }
        }
    }
}

/// Reads a file as UTF-8 text. A leading byte-order mark is kept: it is
/// part of the text and the parser reports it.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    let bytes = std::fs::read(path).map_err(ReadError::Io)?;
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// 1-based line and column (in characters) of an offset.
pub fn line_col_1(index: &LineIndex, text: &str, offset: TextSize) -> (u32, u32) {
    let lc = index.line_col(text, offset);
    (lc.line + 1, lc.col + 1)
}
