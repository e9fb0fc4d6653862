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
    /// Chars of the original left out of the indexed text (the line breaks of a hard-wrapped
    /// text), in order; empty for almost every text.
    gaps: Vec<Gap>,
}

/// Chars of the original left out of the indexed text at one byte offset.
#[derive(Debug, Clone, Copy)]
struct Gap {
    /// The indexed text's byte offset where they were.
    at: usize,
    /// The original's char offset of the first of them.
    start: usize,
    /// How many.
    len: usize,
    /// How many were left out before them.
    before: usize,
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
            gaps: Vec::new(),
        }
    }

    /// Index `s`, a text from which the original's chars were left out at `gaps`: (byte offset
    /// in `s`, number of chars), in order. Char offsets are then the original's.
    pub fn with_gaps(s: &str, gaps: &[(usize, usize)]) -> Self {
        let mut ix = Self::new(s);
        let mut before = 0;
        for &(at, len) in gaps {
            let start = ix.char_of(at) + before;
            ix.gaps.push(Gap {
                at,
                start,
                len,
                before,
            });
            before += len;
        }
        ix
    }

    /// The chars left out before byte offset `b` (a gap at `b` counts when `at_b` says so).
    fn left_out(&self, b: usize, at_b: bool) -> usize {
        let k = self
            .gaps
            .partition_point(|g| g.at < b || (at_b && g.at == b));
        k.checked_sub(1)
            .map_or(0, |k| self.gaps[k].before + self.gaps[k].len)
    }

    /// The char offset of byte offset `b` (a char boundary; otherwise the char containing it);
    /// at a gap, the char after the chars left out.
    pub fn char_at(&self, b: usize) -> usize {
        if self.gaps.is_empty() {
            self.char_of(b)
        } else {
            self.char_of(b) + self.left_out(b, true)
        }
    }

    /// The char offset of byte offset `b` in the indexed text.
    fn char_of(&self, b: usize) -> usize {
        if b >= self.len {
            return self.chars;
        }
        // (the chars starting at or before `b`, less one; byte 0 starts one)
        let (before, mask) = self.blocks[b / 64];
        before as usize + (mask & (u64::MAX >> (63 - b % 64))).count_ones() as usize - 1
    }

    /// The byte offset of char offset `c` (clamped to the end; a char left out is at its gap).
    pub fn byte_at(&self, c: usize) -> usize {
        if self.gaps.is_empty() {
            return self.byte_of(c);
        }
        let k = self.gaps.partition_point(|g| g.start <= c);
        match k.checked_sub(1).map(|k| self.gaps[k]) {
            Some(g) if c < g.start + g.len => g.at,
            Some(g) => self.byte_of(c - g.before - g.len),
            None => self.byte_of(c),
        }
    }

    /// The byte offset of char offset `c` of the indexed text.
    fn byte_of(&self, c: usize) -> usize {
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

    /// Number of chars (of the original: with those left out).
    pub fn len_chars(&self) -> usize {
        self.chars + self.gaps.last().map_or(0, |g| g.before + g.len)
    }

    /// A byte range → a `[start, end)` char span (one that ends at a gap ends before it).
    pub fn span(&self, r: &std::ops::Range<usize>) -> crate::model::Span {
        if self.gaps.is_empty() {
            return [self.char_of(r.start), self.char_of(r.end)];
        }
        [
            self.char_at(r.start),
            self.char_of(r.end) + self.left_out(r.end, false),
        ]
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

    /// With chars left out (line breaks of 1 and 2 bytes, in and beyond the first block), every
    /// kept char's offsets are the original's, a left-out char's byte is its gap's, a span ending
    /// at a gap ends before it, and the count is the original's.
    #[test]
    fn offsets_step_over_the_chars_left_out() {
        let original = format!("行政处罚\n案件{}\r\n罚款x\n完。", "中a".repeat(40));
        let drops: Vec<std::ops::Range<usize>> = [original.find('\n').unwrap()]
            .into_iter()
            .map(|i| i..i + 1)
            .chain(original.find("\r\n").map(|i| i..i + 2))
            .chain(original.rfind("x\n").map(|i| i + 1..i + 2))
            .collect();
        let mut kept = String::new();
        let mut gaps = Vec::new();
        // (original char offset, kept byte offset) of every kept char
        let mut pairs = Vec::new();
        for (c, (i, ch)) in original.char_indices().enumerate() {
            if let Some(d) = drops.iter().find(|d| d.contains(&i)) {
                if d.start == i {
                    gaps.push((kept.len(), d.len()));
                }
                continue;
            }
            pairs.push((c, kept.len()));
            kept.push(ch);
        }
        let ix = CharIndex::with_gaps(&kept, &gaps);
        assert_eq!(ix.len_chars(), original.chars().count());
        for &(c, b) in &pairs {
            assert_eq!(ix.char_at(b), c, "byte {b}");
            assert_eq!(ix.byte_at(c), b, "char {c}");
        }
        for &(at, _) in &gaps {
            let before = pairs.iter().rfind(|p| p.1 < at).unwrap().0;
            assert_eq!(
                ix.span(&(0..at))[1],
                before + 1,
                "a span ending at gap {at}"
            );
        }
        // the chars left out (the `\r` and `\n` of the second break) are at their gap
        let cr = original[..original.find("\r\n").unwrap()].chars().count();
        assert_eq!(ix.byte_at(cr), gaps[1].0);
        assert_eq!(ix.byte_at(cr + 1), gaps[1].0);
    }
}
