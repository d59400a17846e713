//! Positions and kinds between thrift-ide and LSP.

use thrift_ide::{CompletionKind, SymbolKind, TextRange, TextSize};
use tower_lsp_server::ls_types::{self as lsp, Position};

/// The position encoding negotiated with the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
}

/// Line starts of a text, for offset ↔ position conversions.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// The byte offset of an LSP position (clamped to the text).
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> TextSize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return TextSize::of(text);
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(text.len(), |e| e - 1);
        let line = &text[start..end.max(start)];
        let mut units = 0u32;
        for (i, c) in line.char_indices() {
            if units >= position.character {
                return TextSize::new((start + i) as u32);
            }
            units += match encoding {
                Encoding::Utf8 => c.len_utf8() as u32,
                Encoding::Utf16 => c.len_utf16() as u32,
            };
        }
        TextSize::new((start + line.len()) as u32)
    }

    /// The LSP position of a byte offset.
    pub fn position(&self, text: &str, offset: TextSize, encoding: Encoding) -> Position {
        let offset = usize::from(offset).min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let mut end = offset;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let character = match encoding {
            Encoding::Utf8 => (end - start) as u32,
            Encoding::Utf16 => text[start..end].chars().map(|c| c.len_utf16() as u32).sum(),
        };
        Position {
            line: line as u32,
            character,
        }
    }

    pub fn range(&self, text: &str, range: TextRange, encoding: Encoding) -> lsp::Range {
        lsp::Range {
            start: self.position(text, range.start(), encoding),
            end: self.position(text, range.end(), encoding),
        }
    }
}

pub fn symbol_kind(kind: SymbolKind) -> lsp::SymbolKind {
    match kind {
        SymbolKind::Include => lsp::SymbolKind::FILE,
        SymbolKind::Namespace => lsp::SymbolKind::NAMESPACE,
        SymbolKind::Package => lsp::SymbolKind::PACKAGE,
        SymbolKind::Typedef => lsp::SymbolKind::TYPE_PARAMETER,
        SymbolKind::Const => lsp::SymbolKind::CONSTANT,
        SymbolKind::Enum => lsp::SymbolKind::ENUM,
        SymbolKind::EnumValue => lsp::SymbolKind::ENUM_MEMBER,
        SymbolKind::Struct | SymbolKind::Union => lsp::SymbolKind::STRUCT,
        SymbolKind::Exception => lsp::SymbolKind::CLASS,
        SymbolKind::Service | SymbolKind::Interaction => lsp::SymbolKind::INTERFACE,
        SymbolKind::Function => lsp::SymbolKind::METHOD,
        SymbolKind::Field => lsp::SymbolKind::FIELD,
    }
}

pub fn completion_kind(kind: CompletionKind) -> lsp::CompletionItemKind {
    match kind {
        CompletionKind::Keyword => lsp::CompletionItemKind::KEYWORD,
        CompletionKind::Type => lsp::CompletionItemKind::TYPE_PARAMETER,
        CompletionKind::Struct => lsp::CompletionItemKind::STRUCT,
        CompletionKind::Enum => lsp::CompletionItemKind::ENUM,
        CompletionKind::EnumValue => lsp::CompletionItemKind::ENUM_MEMBER,
        CompletionKind::Const => lsp::CompletionItemKind::CONSTANT,
        CompletionKind::Service => lsp::CompletionItemKind::INTERFACE,
        CompletionKind::Module => lsp::CompletionItemKind::MODULE,
        CompletionKind::Field => lsp::CompletionItemKind::FIELD,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_in_utf8_and_utf16() {
        let text = "a😀b\ncé";
        let index = LineIndex::new(text);
        // `b` is byte 5; UTF-16 column 3 (😀 is two units), UTF-8 column 5.
        assert_eq!(
            index.position(text, TextSize::new(5), Encoding::Utf16),
            Position::new(0, 3)
        );
        assert_eq!(
            index.position(text, TextSize::new(5), Encoding::Utf8),
            Position::new(0, 5)
        );
        assert_eq!(
            index.offset(text, Position::new(0, 3), Encoding::Utf16),
            TextSize::new(5)
        );
        assert_eq!(
            index.offset(text, Position::new(0, 5), Encoding::Utf8),
            TextSize::new(5)
        );
        assert_eq!(
            index.offset(text, Position::new(1, 1), Encoding::Utf16),
            TextSize::new(8)
        );
        assert_eq!(
            index.offset(text, Position::new(1, 99), Encoding::Utf16),
            TextSize::new(10)
        );
        assert_eq!(
            index.offset(text, Position::new(9, 0), Encoding::Utf16),
            TextSize::new(10)
        );
    }
}
