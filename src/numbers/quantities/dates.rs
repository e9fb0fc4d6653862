//! Numerals that are dates, times, ordinals, document numbers or list markers, not quantities.

use super::chars::*;
use super::run::{read_run, Run};

/// Dates, times, years, document numbers: the end of what to skip, or `None`.
pub(super) fn date_like(t: &str, run: &Run, value: f64, end: usize) -> Option<usize> {
    let b = t.as_bytes();
    let int = run.int && value.fract() == 0.0 && value >= 0.0;
    let p = prev(t, run.start);
    // 2022-01-10, 2021/12/15, 2021.12.15
    if run.arabic_digits == 4 && matches!(b.get(end), Some(b'-' | b'/' | b'.')) {
        let mut k = end;
        let mut parts = 0;
        while matches!(b.get(k), Some(b'-' | b'/' | b'.'))
            && b.get(k + 1).is_some_and(u8::is_ascii_digit)
        {
            k += 1;
            let s = k;
            while b.get(k).is_some_and(u8::is_ascii_digit) {
                k += 1;
            }
            if k - s > 2 {
                return None;
            }
            parts += 1;
        }
        if parts >= 1 {
            let k = if starts(t, k, "日") { k + HAN } else { k };
            return Some(k);
        }
    }
    // 6·5环境日, 12·4宪法日
    if run.arabic
        && int
        && value <= 31.0
        && starts(t, end, "·")
        && b.get(end + 2).is_some_and(u8::is_ascii_digit)
    {
        let mut k = end + 2;
        while b.get(k).is_some_and(u8::is_ascii_digit) {
            k += 1;
        }
        return Some(k);
    }
    // HTML entities around the number (2021&mdash;01013): a code, not a quantity
    if run.arabic
        && (b.get(end) == Some(&b'&')
            || p == Some(';')
                && t[..run.start].rfind('&').is_some_and(|a| {
                    run.start - a < 10
                        && t[a + 1..run.start - 1]
                            .bytes()
                            .all(|c| c.is_ascii_alphanumeric() || c == b'#')
                }))
    {
        return Some(skip_ident(t, end));
    }
    // 10:12
    if run.arabic && b.get(end) == Some(&b':') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        let mut k = end + 1;
        while b.get(k).is_some_and(|c| c.is_ascii_digit() || *c == b':') {
            k += 1;
        }
        return Some(k);
    }
    // [2021]5号, (2021), 〔2021〕
    if matches!(p, Some('[' | '('))
        && matches!(ch(t, end), Some(']' | ')'))
        && (run.arabic_digits == 4 || run.n_chars == 1 || int && value < 100.0)
    {
        return Some(end + 1);
    }
    // a range of dates: 1-11月, 1至3月
    if run.arabic && !run.chinese {
        if let Some(c) = ch(t, end) {
            if matches!(c, '-' | '~' | '至' | '到') {
                let s = end + c.len_utf8();
                if let Some(r2) = read_run(t, s, false) {
                    if !r2.bad {
                        if let Some(e) = date_word(t, &r2, r2.value, r2.end) {
                            return Some(e);
                        }
                    }
                }
            }
        }
    }
    date_word(t, run, value, end)
}

/// `年`, `年度`, `月`, `日`, `号`, `时` after a numeral that makes it a date or time.
pub(super) fn date_word(t: &str, run: &Run, value: f64, end: usize) -> Option<usize> {
    let int = run.int && value.fract() == 0.0 && value >= 0.0;
    let c = ch(t, end)?;
    let after = end + c.len_utf8();
    let year_like = run.digit_seq
        || run.arabic_digits == 4
        || (run.arabic_digits == 0 && !run.arabic && int && (1900.0..2100.0).contains(&value));
    match c {
        '年' if starts(t, after, "度") => Some(after + HAN),
        '年' if year_like => Some(after),
        '月' if int && (1.0..=12.0).contains(&value) && !run.digit_seq => Some(after),
        '日' | '号' | '號' if starts(t, after, "内") || starts(t, after, "以内") => None,
        '日' if int && (1.0..=31.0).contains(&value) && !starts(t, after, "元") => Some(after),
        '号' | '號' if int => Some(after),
        '时' | '時' if run.arabic && int && value <= 24.0 => Some(after),
        '点' | '點' if run.arabic && int && value <= 24.0 => Some(after),
        '分' if run.arabic && matches!(prev(t, run.start), Some('时' | '時' | ':')) => {
            Some(after)
        }
        _ => None,
    }
}

/// Heading numbers and list markers: `1.` / `1、` / `一、` at line start, `(一)`, `一是`.
pub(super) fn marker(t: &str, run: &Run, end: usize) -> Option<usize> {
    let p = prev(t, run.start);
    let n = ch(t, end);
    // (一) (1)
    if matches!(p, Some('(')) && matches!(n, Some(')')) {
        return Some(end + 1);
    }
    // 一是 二是 … (list items)
    if run.chinese && !run.arabic && n == Some('是') && run.n_chars <= 2 && run.int {
        return Some(end + HAN);
    }
    let sentence_start = at_line_start(t, run.start)
        || matches!(
            prev(t, back_spaces(t, run.start)),
            Some('。' | ';' | ':' | '!' | '?')
        );
    match n {
        Some('、') if run.chinese && !run.arabic && (sentence_start || run.n_chars == 1) => {
            Some(end + HAN)
        }
        Some('、' | '.') if run.arabic && run.int && sentence_start => {
            let nn = ch(t, end + 1 + if n == Some('、') { 2 } else { 0 });
            if n == Some('.') && nn.is_some_and(|c| c.is_ascii_digit()) {
                None
            } else {
                Some(end + n.map_or(0, char::len_utf8))
            }
        }
        Some(')') if sentence_start && run.int => Some(end + 1),
        _ => None,
    }
}
