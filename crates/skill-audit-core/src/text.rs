//! Byte ranges and line indexes.
//!
//! Every span in skill-audit is a byte range into one file's text. [`LineIndex`] converts byte
//! offsets to 1-based lines and columns (columns counted in characters, as editors and the JSON
//! output show them) and to LSP positions (0-based lines, columns in UTF-16 code units).

use serde::Serialize;

/// A half-open byte range `start..end` into a file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    /// A range from `start` to `end`; the two are swapped if given in the wrong order.
    pub fn new(start: usize, end: usize) -> Self {
        let (start, end) = if start <= end {
            (start, end)
        } else {
            (end, start)
        };
        Self {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        }
    }

    /// An empty range at `offset`.
    pub fn empty(offset: usize) -> Self {
        Self::new(offset, offset)
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    /// This range moved right by `offset` bytes.
    #[must_use]
    pub fn shift(self, offset: usize) -> Self {
        Self::new(self.start() + offset, self.end() + offset)
    }

    pub fn as_range(self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }

    /// Whether `other` lies inside this range.
    pub fn contains_range(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<std::ops::Range<usize>> for TextRange {
    fn from(r: std::ops::Range<usize>) -> Self {
        Self::new(r.start, r.end)
    }
}

/// A 1-based line and a 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct LineColumn {
    pub line: u32,
    pub column: u32,
}

/// A 0-based line and a 0-based column counted in UTF-16 code units (an LSP `Position`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Utf16Position {
    pub line: u32,
    pub character: u32,
}

/// The byte offset of the start of every line of a text.
///
/// Lines end at `\n`; a `\r` before it belongs to the line ending and is not counted in columns
/// of the next line. Lookups are a binary search, so building the index is one pass over the
/// bytes and every conversion is `O(log lines + line length)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    len: u32,
    ascii: bool,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
            line_starts.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
        }
        Self {
            line_starts,
            len: u32::try_from(text.len()).unwrap_or(u32::MAX),
            ascii: text.is_ascii(),
        }
    }

    /// Number of lines (a text ending in a newline has an empty last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 0-based line containing the byte `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = u32::try_from(offset).unwrap_or(u32::MAX).min(self.len);
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte offset where the 0-based `line` starts (the end of the text past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line)
            .map_or(self.len as usize, |&s| s as usize)
    }

    /// Byte range of the 0-based `line`, without its line ending.
    pub fn line_range(&self, line: usize, text: &str) -> TextRange {
        let start = self.line_start(line);
        let mut end = self.line_start(line + 1).min(text.len());
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
            if end > start && bytes.get(end - 1) == Some(&b'\r') {
                end -= 1;
            }
        }
        TextRange::new(start, end)
    }

    /// Clamp `offset` to the text and move it back to a character boundary.
    fn floor(text: &str, offset: usize) -> usize {
        let mut o = offset.min(text.len());
        while o > 0 && !text.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// 1-based line and column (in characters) of byte `offset` in `text`.
    pub fn line_column(&self, offset: usize, text: &str) -> LineColumn {
        let offset = Self::floor(text, offset);
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let column = if self.ascii {
            offset - start
        } else {
            text[start..offset].chars().count()
        };
        LineColumn {
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        }
    }

    /// LSP position (0-based line, UTF-16 column) of byte `offset` in `text`.
    pub fn utf16_position(&self, offset: usize, text: &str) -> Utf16Position {
        let offset = Self::floor(text, offset);
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let character = if self.ascii {
            offset - start
        } else {
            text[start..offset].chars().map(char::len_utf16).sum()
        };
        Utf16Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character: u32::try_from(character).unwrap_or(u32::MAX),
        }
    }

    /// Byte offset of an LSP position; positions past a line's end clamp to the line's end.
    pub fn offset_of_utf16(&self, pos: Utf16Position, text: &str) -> usize {
        let line = pos.line as usize;
        if line >= self.line_count() {
            return text.len();
        }
        let range = self.line_range(line, text);
        let mut units = 0u32;
        for (i, c) in text[range.as_range()].char_indices() {
            if units >= pos.character {
                return range.start() + i;
            }
            units += u32::try_from(c.len_utf16()).unwrap_or(2);
        }
        range.end()
    }

    /// Byte offset of a 1-based line and 0-based character column (as YAML parsers report them).
    pub fn offset_of_line_char(&self, line1: usize, col0: usize, text: &str) -> usize {
        if line1 == 0 || line1 > self.line_count() {
            return text.len();
        }
        let start = self.line_start(line1 - 1);
        let end = self.line_start(line1).min(text.len());
        if self.ascii {
            return (start + col0).min(end);
        }
        text[start..end]
            .char_indices()
            .nth(col0)
            .map_or(end, |(i, _)| start + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_utf16_units() {
        let text = "ab\néé𝄞x\r\nlast";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_column(x, text), LineColumn { line: 2, column: 4 });
        assert_eq!(
            idx.utf16_position(x, text),
            Utf16Position {
                line: 1,
                character: 4
            }
        );
        assert_eq!(
            idx.offset_of_utf16(
                Utf16Position {
                    line: 1,
                    character: 4
                },
                text
            ),
            x
        );
        assert_eq!(
            idx.line_range(1, text).as_range(),
            3..text.find('\r').unwrap()
        );
        assert_eq!(idx.offset_of_line_char(2, 3, text), x);
        let l = text.find("last").unwrap();
        assert_eq!(idx.line_column(l, text), LineColumn { line: 3, column: 1 });
    }

    #[test]
    fn offsets_are_clamped() {
        let text = "é";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_column(1, text), LineColumn { line: 1, column: 1 });
        assert_eq!(idx.line_column(99, text), LineColumn { line: 1, column: 2 });
    }
}
