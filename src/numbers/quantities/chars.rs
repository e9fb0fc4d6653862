//! Char-level helpers of the scanner: looking at the text around a byte offset.

use super::words::chars;
use crate::numbers::numerals::{self, digit_value};

/// The UTF-8 length of a Han char: every CJK char the scanner steps over by hand (`年`, `折`,
/// `余` …) lies in the 3-byte range of the Basic Multilingual Plane.
pub(super) const HAN: usize = 3;

pub(super) fn ch(t: &str, i: usize) -> Option<char> {
    t.get(i..)?.chars().next()
}

pub(super) fn prev(t: &str, i: usize) -> Option<char> {
    t.get(..i)?.chars().next_back()
}

pub(super) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Chars that do not form a word with a numeral next to them (function words).
pub(super) fn is_func(c: char) -> bool {
    chars().function.contains(c)
}

/// A Han char that can glue to a numeral to form a word (`四川`, `一切`, `统一`).
pub(super) fn is_word_char(c: Option<char>) -> bool {
    matches!(c, Some(c) if is_han(c) && !is_func(c) && !numerals::is_cn_numeral_char(c))
}

pub(super) fn is_cn_decimal_digit(c: char) -> bool {
    digit_value(c).is_some() && !matches!(c, '两' | '兩' | '俩' | '倆')
}

pub(super) fn skip_spaces(t: &str, mut i: usize) -> usize {
    while t.as_bytes().get(i) == Some(&b' ') {
        i += 1;
    }
    i
}

pub(super) fn back_spaces(t: &str, mut i: usize) -> usize {
    while i > 0 && t.as_bytes().get(i - 1) == Some(&b' ') {
        i -= 1;
    }
    i
}

pub(super) fn at_line_start(t: &str, i: usize) -> bool {
    let j = back_spaces(t, i);
    j == 0 || t.as_bytes()[j - 1] == b'\n'
}

pub(super) fn starts(t: &str, i: usize, pat: &str) -> bool {
    t.get(i..)
        .is_some_and(|s| prefix(s.as_bytes(), pat.as_bytes()))
}

/// `s[..pre]` ends with `pat` (`str::ends_with`, compared as [`prefix`] does).
pub(super) fn ends(s: &str, pre: usize, pat: &str) -> bool {
    let b = &s.as_bytes()[..pre];
    b.len() >= pat.len() && prefix(&b[b.len() - pat.len()..], pat.as_bytes())
}

/// `s` begins with `pat`, compared a byte at a time: the patterns are a char or a few, and most
/// comparisons fail at the first byte, so a call of `memcmp` (what `starts_with` does with a
/// length known only at run time) cost more than the comparison.
pub(super) fn prefix(s: &[u8], pat: &[u8]) -> bool {
    s.len() >= pat.len() && s.iter().zip(pat).all(|(x, y)| x == y)
}

/// `pat` at `i` with any ASCII spaces between its chars (`个 百 分 点`); the end byte. Each char
/// of `pat` is compared as bytes, neither it nor the text's char decoded (at a byte that starts
/// no char, a char's bytes, which start with a lead byte, do not match).
pub(super) fn starts_spaced(t: &str, i: usize, pat: &str) -> Option<usize> {
    let (b, mut rest, mut j) = (t.as_bytes(), pat.as_bytes(), i);
    while let Some(&lead) = rest.first() {
        if j > i {
            j = skip_spaces(t, j);
        }
        let n = crate::text::offsets::utf8_len(lead);
        let c = rest.get(..n)?;
        if !b.get(j..).is_some_and(|s| prefix(s, c)) {
            return None;
        }
        (j, rest) = (j + n, &rest[n..]);
    }
    Some(j)
}

pub(super) fn is_url_start(t: &str, i: usize) -> bool {
    starts(t, i, "http://") || starts(t, i, "https://") || starts(t, i, "www.")
}

pub(super) fn url_end(t: &str, i: usize) -> usize {
    let b = t.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii() && !b[j].is_ascii_whitespace() {
        j += 1;
    }
    j
}

pub(super) fn skip_ident(t: &str, mut j: usize) -> usize {
    let b = t.as_bytes();
    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'.' || b[j] == b'_') {
        j += 1;
    }
    j
}

pub(super) fn is_single_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '双'
            | '百'
            | '千'
            | '万'
    )
}

pub(super) fn is_han_word_next(c: Option<char>) -> bool {
    matches!(c, Some(c) if is_han(c))
}

/// `一起` is a case count (`一起违法案件`) rather than "together" (`一起抓`).
pub(super) fn together_case(t: &str, end: usize) -> bool {
    matches!(ch(t, end), Some(c) if chars().case_after_yiqi.contains(c)) || starts(t, end, "行政")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `starts_spaced` as it was: char by char, each decoded.
    fn starts_spaced_simple(t: &str, i: usize, pat: &str) -> Option<usize> {
        let mut j = i;
        for (k, c) in pat.chars().enumerate() {
            if k > 0 {
                j = skip_spaces(t, j);
            }
            if ch(t, j) != Some(c) {
                return None;
            }
            j += c.len_utf8();
        }
        Some(j)
    }

    /// `starts` and `ends` tell what `str::starts_with` / `str::ends_with` tell: at every byte
    /// (inside a char too) and one past the end, patterns longer than the rest, empty ones.
    #[test]
    fn starts_and_ends_are_the_str_methods() {
        let texts = ["", "以上", "个 百分点", "超过近", "aé😀以", "不超"];
        let pats = [
            "",
            "以",
            "以上",
            "上",
            "é",
            "😀以",
            "a",
            "过近",
            "不超",
            "超过近x",
        ];
        for t in texts {
            for i in 0..=t.len() + 1 {
                for pat in pats {
                    let want = t.get(i..).is_some_and(|s| s.starts_with(pat));
                    assert_eq!(starts(t, i, pat), want, "{t:?} {i} {pat:?}");
                    if t.is_char_boundary(i) {
                        let want = t[..i].ends_with(pat);
                        assert_eq!(ends(t, i, pat), want, "{t:?} ..{i} {pat:?}");
                    }
                }
            }
        }
    }

    /// The byte comparison finds what the char-by-char walk finds, at every byte of texts with
    /// chars of each UTF-8 length, spaces between and inside, and a pattern cut short by the end.
    #[test]
    fn starts_spaced_is_the_char_walk() {
        let texts = [
            "个 百 分 点",
            "个百分点x",
            "a 分  之 é",
            "分之",
            "分",
            " 分之",
            "é😀 é😀",
        ];
        let pats = ["个百分点", "分之", "a分", "é😀", "😀", " 分", "", "x"];
        for t in texts {
            for i in 0..=t.len() + 1 {
                for pat in pats {
                    let want = starts_spaced_simple(t, i, pat);
                    assert_eq!(starts_spaced(t, i, pat), want, "{t:?} {i} {pat:?}");
                }
            }
        }
    }
}
