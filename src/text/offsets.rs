//! Offsets: the internal byte offsets into the normalised text ↔ character offsets into the original.
//!
//! `normalise` maps every character to exactly one character, so a character index is the same in
//! the original and in the normalised text; only byte offsets differ. `CharIndex` converts
//! normalised byte offsets to character offsets in O(log n).

use super::swar::{word_at, LOW};

/// The UTF-8 length of a char by its first byte (1 below `0x80`, 2 below `0xE0`, 3 below `0xF0`,
/// else 4; a continuation byte is never a first byte).
const UTF8_LEN: [u8; 256] = {
    let mut t = [1u8; 256];
    let mut b = 0x80;
    while b < 256 {
        t[b] = match b {
            0..0xE0 => 2,
            0xE0..0xF0 => 3,
            _ => 4,
        };
        b += 1;
    }
    t
};

/// The UTF-8 length in bytes of a char that starts with byte `lead` (1 for ASCII, 2, 3 or 4).
pub fn utf8_len(lead: u8) -> usize {
    UTF8_LEN[lead as usize] as usize
}

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
            i += utf8_len(bytes[i]);
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

/// The first `n` chars of `s` (`s` up to its char number `n`, as `char_indices().nth(n)` tells).
/// Chars are counted by their first bytes (any but `0b10xxxxxx`), eight bytes at a time while
/// char `n` cannot start among them.
pub fn first_chars(s: &str, n: usize) -> &str {
    let b = s.as_bytes();
    let (mut at, mut seen) = (0, 0);
    while let Some(w) = word_at(b, at) {
        // per byte: bit 7 clear or bit 6 set
        let starts = ((!w >> 7) | (w >> 6)) & LOW;
        let k = starts.count_ones() as usize;
        if seen + k > n {
            break;
        }
        seen += k;
        at += 8;
    }
    for (i, &x) in b.iter().enumerate().skip(at) {
        if (x as i8) >= -0x40 {
            if seen == n {
                return &s[..i];
            }
            seen += 1;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    /// `first_chars` cuts where `char_indices().nth(n)` does.
    #[test]
    fn first_chars_is_nth_char() {
        for t in [
            "",
            "a",
            "法治",
            "ab法治cd报告",
            &"长x".repeat(40),
            &"é法".repeat(30),
        ] {
            for n in 0..90 {
                let want = t.char_indices().nth(n).map_or(t, |(i, _)| &t[..i]);
                assert_eq!(super::first_chars(t, n), want, "{t:?} {n}");
            }
        }
    }

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
