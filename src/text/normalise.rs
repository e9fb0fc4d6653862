//! Stage 1 — normalise: original text → a text of the **same number of characters** in which
//! full-width digits, letters and punctuation are half-width, every kind of space is `' '`,
//! every dash is `'-'` and the brackets of document numbers are plain.
//!
//! In: `&str` as the user gave it. Out: `String`, char-for-char aligned with the input, so
//! a char offset in the normalised text is the same char offset in the original (the offset map
//! is the identity; [`crate::text::CharIndex`] converts byte offsets) — except that the line
//! breaks a hard-wrapped text was wrapped at are left out ([`normalise_dropping`]), which the
//! index steps over.

use std::ops::Range;

/// Map one character to its normal form (always exactly one character).
pub fn normal_char(c: char) -> char {
    match c {
        // full-width ASCII block: ！ … ～
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        // (a tab after a line's first words is a cell break in a text: see `tab_as`)
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\t' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => '-',
        '\u{3014}' | '\u{3010}' | '\u{FE5D}' => '[',
        '\u{3015}' | '\u{3011}' | '\u{FE5E}' => ']',
        '\u{3002}' | '\u{FF61}' => '。',
        '\u{00B7}' | '\u{30FB}' | '\u{FF65}' => '·',
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        '\u{00B3}' => '3',
        '\u{00B5}' | '\u{03BC}' => 'µ',
        '\r' => '\n',
        _ => c,
    }
}

/// Normalise a whole text (see the module doc). The result has as many chars as `s`.
pub fn normalise(s: &str) -> String {
    normalise_with_shifts(s).0
}

/// Where a normalised text's bytes stand in the original: after each char whose UTF-8 length
/// changed (`，` → `,`), the normalised byte offset and how far the original is ahead there.
#[derive(Debug, Clone, Default)]
pub struct Shifts {
    /// (normalised byte offset after the changed char, original − normalised bytes up to it)
    at: Vec<(u32, i32)>,
    /// The normalised byte offsets where chars were left out (each also an entry of `at`, the
    /// last one at its offset), in order.
    drops: Vec<u32>,
}

impl Shifts {
    /// The original's byte offset of the normalised text's byte offset `b` (a char boundary).
    pub fn original(&self, b: usize) -> usize {
        let k = self.at.partition_point(|&(at, _)| at as usize <= b);
        let ahead = k.checked_sub(1).map_or(0, |k| self.at[k].1);
        (b as i64 + ahead as i64).max(0) as usize
    }

    /// The original's byte offset of a span that ends at the normalised text's byte offset `b`:
    /// [`Shifts::original`], but before the chars left out at `b`, not after them (a span that
    /// ends where a letter-spaced line's space was dropped does not take the space in).
    pub fn original_end(&self, b: usize) -> usize {
        if self.drops.binary_search(&(b as u32)).is_err() {
            return self.original(b);
        }
        // (the drop's entry is the last one at `b`; the one before it holds)
        let k = self.at.partition_point(|&(at, _)| at as usize <= b);
        let ahead = k.checked_sub(2).map_or(0, |k| self.at[k].1);
        (b as i64 + ahead as i64).max(0) as usize
    }
}

/// [`normalise`] and the [`Shifts`] that map its byte offsets back to `s`'s.
pub fn normalise_with_shifts(s: &str) -> (String, Shifts) {
    let (out, shifts, _) = normalise_dropping(s, &[]);
    (out, shifts)
}

/// [`normalise`] leaving out the byte ranges `drops` (sorted, apart, on char boundaries: the
/// line breaks of a hard-wrapped text, [`crate::text::unwrap`]), the [`Shifts`] back to `s`'s
/// bytes (a dropped range shifts what follows it), and the normalised byte offset each drop was
/// at with the number of chars dropped there. Without drops the result has as many chars as `s`.
///
/// Most of a report is ASCII and CJK ideographs, which map to themselves: those bytes are
/// skipped without decoding, and unchanged runs are copied whole.
pub fn normalise_dropping(
    s: &str,
    drops: &[Range<usize>],
) -> (String, Shifts, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(s.len());
    let mut shifts = Shifts::default();
    let mut at = Vec::with_capacity(drops.len());
    let mut from = 0;
    for d in drops {
        if d.start < from
            || d.end > s.len()
            || !s.is_char_boundary(d.start)
            || !s.is_char_boundary(d.end)
        {
            continue;
        }
        normalise_into(s, from..d.start, &mut out, &mut shifts);
        at.push((out.len(), s[d.clone()].chars().count()));
        shifts
            .at
            .push((out.len() as u32, (d.end - out.len()) as i32));
        shifts.drops.push(out.len() as u32);
        from = d.end;
    }
    normalise_into(s, from..s.len(), &mut out, &mut shifts);
    (out, shifts, at)
}

/// Normalise `s[part]` onto `out`, recording in `shifts` where a char's UTF-8 length changed.
fn normalise_into(s: &str, part: Range<usize>, out: &mut String, shifts: &mut Shifts) {
    // (bounded by the part's end, which the loop's index checks then need not test again)
    let bytes = &s.as_bytes()[..part.end];
    let (mut i, mut copied) = (part.start, part.start);
    while i < bytes.len() {
        let keep = KEEPS[bytes[i] as usize];
        if keep != 0 {
            i += keep as usize;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let n = if c == '\t' {
            tab_as(bytes, i)
        } else {
            normal_char(c)
        };
        if n != c {
            out.push_str(&s[copied..i]);
            out.push(n);
            copied = i + c.len_utf8();
            if n.len_utf8() != c.len_utf8() {
                shifts
                    .at
                    .push((out.len() as u32, (copied - out.len()) as i32));
            }
        }
        i += c.len_utf8();
    }
    out.push_str(&s[copied..part.end]);
}

/// What the tab at byte `i` stands for: a cell break (`|`, as the table reader reads a row of a
/// table copied from a web page, a spreadsheet or Word: `行政许可\t470`) after the line's first
/// words, else indentation (`' '`). Reads back over at most 64 blanks.
fn tab_as(bytes: &[u8], i: usize) -> char {
    let before = bytes[..i]
        .iter()
        .rev()
        .take(64)
        .find(|&&b| b != b' ' && b != b'\t');
    match before {
        None | Some(b'\n' | b'\r') => ' ',
        Some(_) => '|',
    }
}

/// By a char's first byte, how many bytes to pass over when the char surely maps to itself:
/// 1 for ASCII other than tab and carriage return, 3 for the lead bytes `0xE4..=0xE9` of
/// U+4000..U+9FFF (the CJK ideographs); 0 for any other char, which is decoded and mapped.
const KEEPS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b {
            0x09 | 0x0D => 0,
            0..0x80 => 1,
            0xE4..=0xE9 => 3,
            _ => 0,
        };
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn same_char_count() {
        let s = "罚款１０２１．２０５６万元，同比下降１６．２％\u{3000}〔2021〕５号";
        let n = normalise(s);
        assert_eq!(s.chars().count(), n.chars().count());
        assert!(n.contains("1021.2056万元,同比下降16.2%"));
        assert!(n.contains("[2021]5号"));
    }
    /// The shifts take every char boundary of the normalised text to the same char's boundary
    /// in the original, across chars that grow, shrink and keep their length.
    #[test]
    fn shifts_map_normalised_boundaries_to_the_originals() {
        let s = "罚款１０２１．５万元，同比下降\u{3000}１６％\r\n〔2021〕5号\u{00B5}g·“引”—完";
        let (n, shifts) = normalise_with_shifts(s);
        let orig: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        let norm: Vec<usize> = n.char_indices().map(|(i, _)| i).chain([n.len()]).collect();
        assert_eq!(orig.len(), norm.len());
        for (o, b) in orig.iter().zip(&norm) {
            assert_eq!(shifts.original(*b), *o, "normalised byte {b}");
        }
    }

    /// With line breaks dropped (`\n` and `\r\n`), the kept chars are normalised in order, each
    /// drop is reported at its normalised offset with its char count, and the shifts take every
    /// kept char's boundary to the original's.
    #[test]
    fn dropped_breaks_are_left_out_and_shifted_over() {
        let s = "罚款１０２１．５万\n元，同比\r\n下降１６％";
        let a = s.find('\n').unwrap();
        let b = s.find("\r\n").unwrap();
        let (n, shifts, gaps) = normalise_dropping(s, &[a..a + 1, b..b + 2]);
        assert_eq!(n, "罚款1021.5万元,同比下降16%");
        assert_eq!(
            gaps,
            [(n.find('元').unwrap(), 1), (n.find('下').unwrap(), 2)]
        );
        let kept: Vec<usize> = s
            .char_indices()
            .map(|(i, _)| i)
            .filter(|&i| i != a && !(b..b + 2).contains(&i))
            .collect();
        let norm: Vec<usize> = n.char_indices().map(|(i, _)| i).collect();
        assert_eq!(kept.len(), norm.len());
        for (o, nb) in kept.iter().zip(&norm) {
            assert_eq!(shifts.original(*nb), *o, "normalised byte {nb}");
        }
    }

    /// A tab after a line's first words is a cell break (`|`); leading tabs are indentation.
    #[test]
    fn tabs_after_words_are_cell_breaks() {
        assert_eq!(
            normalise("\t一、执法\n行政许可\t470\t\n行政处罚\t\t685\n  \t缩进"),
            " 一、执法\n行政许可|470|\n行政处罚||685\n   缩进"
        );
    }

    /// The byte-skipping loop gives what mapping every char does, for every char up to U+FFFF
    /// and a few beyond, alone and between CJK and ASCII neighbours.
    #[test]
    fn fast_path_maps_every_char_like_normal_char() {
        let chars = (0u32..0x1_0000)
            .chain([0x1_F600, 0xE_0020, 0x10_FFFF])
            .filter_map(char::from_u32)
            .filter(|&c| c != '\t');
        for c in chars {
            for s in [c.to_string(), format!("中{c}a{c}{c}文")] {
                let slow: String = s.chars().map(normal_char).collect();
                assert_eq!(normalise(&s), slow, "U+{:04X}", c as u32);
            }
        }
    }
}
