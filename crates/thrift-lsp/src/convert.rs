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
///
/// Lines end at `\n`, `\r\n` or a lone `\r` (LSP's line breaks). Every
/// conversion costs O(log lines + 64) whatever the line lengths: for a
/// text that is not ASCII, the number of UTF-16 units before every 64th
/// byte is kept, and a conversion scans at most one such block.
pub struct LineIndex {
    /// Offset of the first byte of each line.
    starts: Vec<u32>,
    /// `None` for an ASCII text (UTF-16 units are bytes). Else, for each
    /// block of [`BLOCK`] bytes, the UTF-16 units of the characters that
    /// start before it.
    units: Option<Vec<u32>>,
}

/// The block size of [`LineIndex::units`].
const BLOCK: usize = 64;

/// The UTF-16 units of the characters that start in `bytes` (a UTF-8
/// slice that may begin or end inside a character): one per leading byte,
/// two for a 4-byte character.
fn units_in(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .map(|&b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0))
        .sum()
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i as u32 + 1);
            }
        }
        let units = (!text.is_ascii()).then(|| {
            let mut total = 0;
            let mut out = Vec::with_capacity(bytes.len() / BLOCK + 1);
            for block in bytes.chunks(BLOCK) {
                out.push(total);
                total += units_in(block);
            }
            out.push(total);
            out
        });
        LineIndex { starts, units }
    }

    /// The number of lines (a text without line breaks has one).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The offset where `line` starts.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        self.starts.get(line as usize).map(|&s| s as usize)
    }

    /// The offset where `line`'s text ends (before its line break).
    pub fn line_end(&self, text: &str, line: u32) -> Option<usize> {
        let line = line as usize;
        if line >= self.starts.len() {
            return None;
        }
        Some(match self.starts.get(line + 1) {
            None => text.len(),
            Some(&next) => {
                let next = next as usize;
                let bytes = text.as_bytes();
                if next >= 2 && bytes[next - 1] == b'\n' && bytes[next - 2] == b'\r' {
                    next - 2
                } else {
                    next - 1
                }
            }
        })
    }

    /// The UTF-16 units of the characters that start before `offset`.
    fn units_before(&self, text: &str, offset: usize) -> u32 {
        match &self.units {
            None => offset as u32,
            Some(units) => {
                let block = offset / BLOCK;
                units[block] + units_in(&text.as_bytes()[block * BLOCK..offset])
            }
        }
    }

    /// The byte offset of an LSP position (clamped to the line and to the
    /// text; a column inside a character is rounded up past it).
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> TextSize {
        let (Some(start), Some(end)) = (
            self.line_start(position.line),
            self.line_end(text, position.line),
        ) else {
            return TextSize::of(text);
        };
        let character = position.character as usize;
        let mut at = match (encoding, &self.units) {
            (Encoding::Utf8, _) | (Encoding::Utf16, None) => {
                start.saturating_add(character).min(end)
            }
            (Encoding::Utf16, Some(units)) => {
                let target = self.units_before(text, start) as usize + character;
                // The last block that starts at or before the target unit,
                // then at most one block's characters.
                let block = units.partition_point(|&u| u as usize <= target) - 1;
                let mut at = (block * BLOCK).clamp(start, end);
                while at < end && !text.is_char_boundary(at) {
                    at += 1;
                }
                let mut units = self.units_before(text, at) as usize;
                for c in text[at.min(end)..end].chars() {
                    if units >= target {
                        break;
                    }
                    units += c.len_utf16();
                    at += c.len_utf8();
                }
                at.min(end)
            }
        };
        while !text.is_char_boundary(at) {
            at += 1;
        }
        TextSize::new(at as u32)
    }

    /// The LSP position of a byte offset (clamped to the text; an offset
    /// inside a character counts as that character's start).
    pub fn position(&self, text: &str, offset: TextSize, encoding: Encoding) -> Position {
        let mut offset = usize::from(offset).min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s as usize <= offset) - 1;
        let start = self.starts[line] as usize;
        let character = match encoding {
            Encoding::Utf8 => (offset - start) as u32,
            Encoding::Utf16 => self.units_before(text, offset) - self.units_before(text, start),
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

    /// LSP's line breaks: `\n`, `\r\n` and a lone `\r`.
    #[test]
    fn a_lone_carriage_return_is_a_line_break() {
        let text = "struct A {}\rstruct B {}\r\nx\n\ry";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 5);
        let b = text.find('B').unwrap();
        assert_eq!(
            index.position(text, TextSize::new(b as u32), Encoding::Utf16),
            Position::new(1, 7)
        );
        assert_eq!(
            index.offset(text, Position::new(1, 7), Encoding::Utf16),
            TextSize::new(b as u32)
        );
        // Past the end of a line: its end, before `\r\n`.
        assert_eq!(
            index.offset(text, Position::new(1, 99), Encoding::Utf16),
            TextSize::new(text.find("\r\n").unwrap() as u32)
        );
        assert_eq!(index.line_end(text, 0), Some(11));
        assert_eq!(index.line_end(text, 3), Some(text.len() - 2));
        assert_eq!(
            index.position(text, TextSize::of(text), Encoding::Utf16),
            Position::new(4, 1)
        );
    }

    /// Every offset and position of a text with long lines of multi-byte
    /// characters against a character-by-character reference.
    #[test]
    fn conversions_agree_with_a_reference() {
        let mut text = String::new();
        for i in 0..300 {
            text.push_str(["a", "é", "😀", "中", "\r", "\n", "\r\n", "bc"][(i * 7 + i / 3) % 8]);
        }
        text.push_str(&"x😀".repeat(100));
        // The reference: lines split at \n, \r\n or \r; columns by chars.
        let mut lines: Vec<(usize, usize)> = Vec::new();
        let bytes = text.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\n' || bytes[i] == b'\r' {
                let next = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                lines.push((start, i));
                start = next;
                i = next;
            } else {
                i += 1;
            }
        }
        lines.push((start, text.len()));
        let index = LineIndex::new(&text);
        assert_eq!(index.line_count(), lines.len());
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let width = |c: char| match encoding {
                Encoding::Utf8 => c.len_utf8() as u32,
                Encoding::Utf16 => c.len_utf16() as u32,
            };
            for (line, &(start, end)) in lines.iter().enumerate() {
                let mut column = 0;
                for (o, c) in text[start..end]
                    .char_indices()
                    .map(|(o, c)| (start + o, Some(c)))
                    .chain([(end, None)])
                {
                    let position = Position::new(line as u32, column);
                    assert_eq!(
                        index.position(&text, TextSize::new(o as u32), encoding),
                        position,
                        "{o} {encoding:?}"
                    );
                    assert_eq!(
                        index.offset(&text, position, encoding),
                        TextSize::new(o as u32),
                        "{position:?} {encoding:?}"
                    );
                    if let Some(c) = c {
                        // Inside the character: rounded up past it.
                        if width(c) > 1 {
                            let inside = Position::new(line as u32, column + 1);
                            assert_eq!(
                                index.offset(&text, inside, encoding),
                                TextSize::new((o + c.len_utf8()) as u32)
                            );
                        }
                        column += width(c);
                    }
                }
                // Past the end of the line: the line's end.
                assert_eq!(
                    index.offset(&text, Position::new(line as u32, column + 5), encoding),
                    TextSize::new(end as u32)
                );
            }
        }
    }
}
