//! Offsets to lines and columns.

use crate::TextSize;

/// A 0-based line and a 0-based column counted in Unicode scalar values
/// (characters). Add 1 to each for `file:line:col` messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// The start offset of every line of a text, for fast offset → line lookups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Offset of the first byte of each line; `line_starts[0] == 0`.
    line_starts: Vec<TextSize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![TextSize::new(0)];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(TextSize::new(i as u32 + 1));
            }
        }
        LineIndex { line_starts }
    }

    /// The number of lines (a text without newlines has one).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The offset where a 0-based line starts.
    pub fn line_start(&self, line: u32) -> Option<TextSize> {
        self.line_starts.get(line as usize).copied()
    }

    /// Line and character column of `offset` in `text` (the text this index
    /// was built from). Offsets past the end clamp to the end; offsets inside
    /// a character count as that character.
    pub fn line_col(&self, text: &str, offset: TextSize) -> LineCol {
        let offset = offset.min(TextSize::of(text));
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = usize::from(self.line_starts[line]);
        let mut end = usize::from(offset);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let col = text[start..end].chars().count();
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_character_columns() {
        let text = "ab\ncé😀d\n\nx";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        let at = |o: u32| {
            let lc = index.line_col(text, TextSize::new(o));
            (lc.line, lc.col)
        };
        assert_eq!(at(0), (0, 0));
        assert_eq!(at(2), (0, 2));
        assert_eq!(at(3), (1, 0));
        assert_eq!(at(4), (1, 1)); // é
        assert_eq!(at(6), (1, 2)); // 😀 (4 bytes)
        assert_eq!(at(10), (1, 3)); // d
        assert_eq!(at(12), (2, 0));
        assert_eq!(at(13), (3, 0));
        assert_eq!(at(99), (3, 1));
    }
}
