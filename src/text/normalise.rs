//! Stage 1 — normalise: original text → a text of the **same number of characters** in which
//! full-width digits, letters and punctuation are half-width, every kind of space is `' '`,
//! every dash is `'-'` and the brackets of document numbers are plain.
//!
//! In: `&str` as the user gave it. Out: `String`, char-for-char aligned with the input, so
//! a char offset in the normalised text is the same char offset in the original (the offset map
//! is the identity; [`crate::text::CharIndex`] converts byte offsets).

/// Map one character to its normal form (always exactly one character).
pub fn normal_char(c: char) -> char {
    match c {
        // full-width ASCII block: ！ … ～
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
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
    s.chars().map(normal_char).collect()
}

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
}
