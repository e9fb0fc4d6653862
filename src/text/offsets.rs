//! Offsets: the internal byte offsets into the normalised text ↔ character offsets into the original.
//!
//! `normalise` maps every character to exactly one character, so a character index is the same in
//! the original and in the normalised text; only byte offsets differ. `CharIndex` converts
//! normalised byte offsets to character offsets in O(1), and back in O(log n).

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
///
/// A bit per byte tells whether a char starts there, in blocks of 64 bytes, each with the
/// number of chars that start before it: a byte's char offset is a count of bits (O(1)), a
/// char's byte offset a binary search over the blocks and a walk over one block's bits.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Per 64 bytes: the chars that start before them, and bit `j` set when byte `j` starts one.
    blocks: Vec<(u32, u64)>,
    /// Number of chars.
    chars: usize,
    /// Number of bytes.
    len: usize,
}

/// The char starts among eight bytes (a [`word`](super::swar::word)): bit `k` set when byte `k`
/// is not a continuation byte (`0b10xxxxxx`).
fn starts_of(w: u64) -> u64 {
    // (per byte, bit 0: bit 7 clear or bit 6 set; then the eight bits gathered into the top
    // byte by one multiply, whose partial products never meet)
    let spread = ((!w >> 7) | (w >> 6)) & LOW;
    spread.wrapping_mul(0x0102_0408_1020_4080) >> 56
}

impl CharIndex {
    /// Index the char boundaries of `s`.
    pub fn new(s: &str) -> Self {
        let bytes = s.as_bytes();
        let mut blocks: Vec<(u32, u64)> = Vec::with_capacity(bytes.len() / 64 + 1);
        let mut before = 0u32;
        let mut push = |mask: u64| {
            blocks.push((before, mask));
            before += mask.count_ones();
        };
        let mut full = bytes.chunks_exact(64);
        for block in &mut full {
            let mut mask = 0;
            for (k, eight) in block.chunks_exact(8).enumerate() {
                let eight: &[u8; 8] = eight.try_into().expect("eight bytes");
                mask |= starts_of(super::swar::word(eight)) << (8 * k);
            }
            push(mask);
        }
        let rest = full.remainder();
        if !rest.is_empty() {
            push(
                rest.iter()
                    .enumerate()
                    .fold(0, |mask, (j, &b)| mask | u64::from((b as i8) >= -0x40) << j),
            );
        }
        CharIndex {
            blocks,
            chars: before as usize,
            len: bytes.len(),
        }
    }

    /// The char offset of byte offset `b` (a char boundary; otherwise the char containing it).
    pub fn char_at(&self, b: usize) -> usize {
        if b >= self.len {
            return self.chars;
        }
        // (the chars starting at or before `b`, less one; byte 0 starts one)
        let (before, mask) = self.blocks[b / 64];
        before as usize + (mask & (u64::MAX >> (63 - b % 64))).count_ones() as usize - 1
    }

    /// The byte offset of char offset `c` (clamped to the end).
    pub fn byte_at(&self, c: usize) -> usize {
        if c >= self.chars {
            return self.len;
        }
        let k = self
            .blocks
            .partition_point(|&(before, _)| before as usize <= c)
            - 1;
        let (before, mut mask) = self.blocks[k];
        for _ in before as usize..c {
            mask &= mask - 1;
        }
        k * 64 + mask.trailing_zeros() as usize
    }

    /// Number of chars.
    pub fn len_chars(&self) -> usize {
        self.chars
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

    /// The char offsets of every byte offset and the byte offsets of every char offset are those
    /// of the char starts `char_indices` gives (the first char containing a byte inside one), for
    /// 1- to 4-byte chars, texts shorter and longer than a block, and offsets past the end.
    #[test]
    fn offsets_are_those_of_the_char_boundaries() {
        let mixed = "a罚款１０２１.5万元\u{00A0}é😀\n";
        let long = format!("{}x{}", "字母ab😀é".repeat(23), "中".repeat(43));
        for s in [
            "",
            "a",
            "é",
            "😀",
            mixed,
            long.as_str(),
            &"a".repeat(64),
            &"中".repeat(64),
        ] {
            let ix = CharIndex::new(s);
            let starts: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            let n = starts.len() - 1;
            assert_eq!(ix.len_chars(), n, "{s:?}");
            for c in 0..n + 3 {
                assert_eq!(ix.byte_at(c), starts[c.min(n)], "{s:?} char {c}");
            }
            for b in 0..s.len() + 3 {
                let want = match starts.binary_search(&b) {
                    Ok(i) => i,
                    Err(i) => i.saturating_sub(1),
                };
                assert_eq!(ix.char_at(b), want, "{s:?} byte {b}");
            }
        }
    }
}
