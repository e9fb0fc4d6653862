//! The char lists the scanner reads around a numeral, loaded from `data/numbers.toml`.

use crate::data::{self, DataError, Named};
use std::sync::OnceLock;

/// The lists of `[chars]` (what each holds is said in the data file).
pub struct Chars {
    /// Function words beside a numeral.
    pub function: CharSet,
    /// Chars before 一 that make it part of a word.
    pub one_as_word_after: CharSet,
    /// Financial numerals that are also parts of words.
    pub ambiguous_financial: CharSet,
    /// Chars after 一起 that make it a case count.
    pub case_after_yiqi: CharSet,
    /// Chars after 打 that make it a verb.
    pub verb_after_da: CharSet,
    /// Chars before a lone unit (百, 千, 万, 亿) that make it a figure.
    pub lone_unit_after: CharSet,
    /// Chars after a lone unit that make it a figure.
    pub lone_unit_before: CharSet,
}

/// A set of chars with a test of one lookup: a bitmap over the Basic Multilingual Plane (the
/// lists are Han chars; any other char is looked for in a short list). A `str::contains` of a
/// char searched the list's bytes for it, ~190 instructions a test.
pub struct CharSet {
    bits: Box<[u64; 1024]>,
    beyond: Vec<char>,
}

impl CharSet {
    /// The set of the chars of `s`.
    pub fn new(s: &str) -> Self {
        let mut bits = Box::new([0u64; 1024]);
        let mut beyond = Vec::new();
        for c in s.chars() {
            match c as usize {
                k @ 0..0x1_0000 => bits[k >> 6] |= 1 << (k & 63),
                _ => beyond.push(c),
            }
        }
        CharSet { bits, beyond }
    }

    /// Whether `c` is in the set.
    pub fn contains(&self, c: char) -> bool {
        match c as usize {
            k @ 0..0x1_0000 => self.bits[k >> 6] >> (k & 63) & 1 == 1,
            _ => self.beyond.contains(&c),
        }
    }
}

/// Parse the char lists (`builtin_data!("numbers")`).
pub fn load(src: (&str, &str)) -> Result<Chars, DataError> {
    let mut f = Named::builtin(src)?;
    let c = Chars {
        function: CharSet::new(&f.chars("function")?),
        one_as_word_after: CharSet::new(&f.chars("one_as_word_after")?),
        ambiguous_financial: CharSet::new(&f.chars("ambiguous_financial")?),
        case_after_yiqi: CharSet::new(&f.chars("case_after_yiqi")?),
        verb_after_da: CharSet::new(&f.chars("verb_after_da")?),
        lone_unit_after: CharSet::new(&f.chars("lone_unit_after")?),
        lone_unit_before: CharSet::new(&f.chars("lone_unit_before")?),
    };
    f.done()?;
    Ok(c)
}

/// The built-in char lists (parsed once; every test that extracts reads them).
pub fn chars() -> &'static Chars {
    static W: OnceLock<Chars> = OnceLock::new();
    W.get_or_init(|| load(data::builtin_data!("numbers")).unwrap_or_else(|e| panic!("{e}")))
}

#[cfg(test)]
mod tests {
    use super::CharSet;

    /// A set holds what `str::contains` finds in its chars, of every UTF-8 length.
    #[test]
    fn char_set_is_str_contains() {
        let s = "是不a\u{e9}\u{FFFF}\u{1F600}";
        let set = CharSet::new(s);
        for c in (0..0x2_0000).filter_map(char::from_u32) {
            assert_eq!(set.contains(c), s.contains(c), "U+{:04X}", c as u32);
        }
    }
}
