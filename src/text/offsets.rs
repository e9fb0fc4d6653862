//! Offsets: the internal byte offsets into the normalised text ↔ character offsets into the original.
//!
//! `normalise` maps every character to exactly one character, so a character index is the same in
//! the original and in the normalised text; only byte offsets differ. `CharIndex` converts
//! normalised byte offsets to character offsets in O(log n).

/// Byte → char offset conversion for one string.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every char start, plus the total byte length at the end.
    starts: Vec<u32>,
}

impl CharIndex {
    /// Index the char boundaries of `s`.
    pub fn new(s: &str) -> Self {
        // (char by char from the lead bytes' lengths: `s` is valid UTF-8)
        let bytes = s.as_bytes();
        let mut starts: Vec<u32> = Vec::with_capacity(bytes.len() / 2 + 1);
        let mut i = 0;
        while i < bytes.len() {
            starts.push(i as u32);
            i += match bytes[i] {
                0..0xE0 if bytes[i] < 0x80 => 1,
                0..0xE0 => 2,
                0xE0..0xF0 => 3,
                _ => 4,
            };
        }
        starts.push(s.len() as u32);
        CharIndex { starts }
    }

    /// The char offset of byte offset `b` (a char boundary; otherwise the char containing it).
    pub fn char_at(&self, b: usize) -> usize {
        match self.starts.binary_search(&(b as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte offset of char offset `c` (clamped to the end).
    pub fn byte_at(&self, c: usize) -> usize {
        self.starts[c.min(self.starts.len() - 1)] as usize
    }

    /// Number of chars.
    pub fn len_chars(&self) -> usize {
        self.starts.len() - 1
    }

    /// A byte range → a `[start, end)` char span.
    pub fn span(&self, r: &std::ops::Range<usize>) -> crate::model::Span {
        [self.char_at(r.start), self.char_at(r.end)]
    }
}

/// The substring of `s` at char span `[a, b)` (empty when out of range).
pub fn chars_slice(s: &str, span: crate::model::Span) -> String {
    s.chars()
        .skip(span[0])
        .take(span[1].saturating_sub(span[0]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    /// The byte scan finds the char starts `char_indices` does, for 1- to 4-byte chars.
    #[test]
    fn starts_are_the_char_boundaries() {
        let s = "a罚款１０２１.5万元\u{00A0}é😀\n";
        let ix = CharIndex::new(s);
        let want: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
        assert_eq!(ix.len_chars(), want.len());
        for (c, &b) in want.iter().enumerate() {
            assert_eq!((ix.byte_at(c), ix.char_at(b)), (b, c));
        }
        assert_eq!(ix.byte_at(want.len()), s.len());
    }
}
