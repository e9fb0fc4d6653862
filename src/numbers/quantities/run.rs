//! Reading one numeral run (Arabic, Chinese or mixed) at a char that can start one.

use super::chars::*;
use crate::numbers::numerals::{
    self, big_unit, digit_value, is_cn_minus, is_cn_point, small_unit, IntEval,
};

/// A numeral as read from the text.
#[derive(Debug, Clone, Default)]
pub(super) struct Run {
    /// Start (sign included).
    pub(super) start: usize,
    /// End of the numeral.
    pub(super) end: usize,
    pub(super) value: f64,
    /// Malformed (`十四五`, `二三十`): skip it.
    pub(super) bad: bool,
    /// 余/多/几 inside (`十余万`).
    pub(super) approx: bool,
    pub(super) arabic: bool,
    pub(super) chinese: bool,
    /// Only Chinese digits, two or more (`一七二零`, `九九`): value read digit by digit.
    pub(super) digit_seq: bool,
    /// Only unit chars (`百`, `千万`): no digit.
    pub(super) lone_unit: bool,
    /// No decimal part.
    pub(super) int: bool,
    /// Numeral chars read (spaces not counted).
    pub(super) n_chars: usize,
    /// The first numeral char.
    pub(super) first: char,
    /// Digits of a pure Arabic integer (`2021` → 4), else 0.
    pub(super) arabic_digits: usize,
}

pub(super) fn can_start(t: &str, i: usize, c: char) -> bool {
    let p = prev(t, i);
    match c {
        '0'..='9' => true,
        '.' => {
            matches!(t.as_bytes().get(i + 1), Some(d) if d.is_ascii_digit())
                && !matches!(p, Some(x) if x.is_ascii_digit() || x == '.')
        }
        '-' => {
            let nb = t.as_bytes().get(i + 1).copied();
            let ok_next = matches!(nb, Some(d) if d.is_ascii_digit())
                || (nb == Some(b'.')
                    && matches!(t.as_bytes().get(i + 2), Some(d) if d.is_ascii_digit()));
            ok_next
                && !matches!(p, Some(x) if x.is_ascii_alphanumeric() || x == '-' || x == '.' || x == '/')
        }
        _ if is_cn_minus(c) => {
            matches!(ch(t, i + c.len_utf8()), Some(n) if n.is_ascii_digit() || digit_value(n).is_some() || small_unit(n).is_some())
        }
        _ if big_unit(c).is_some() => {
            let k = i + c.len_utf8();
            starts_spaced(t, skip_spaces(t, k), "分之").is_some()
                || (ch(t, k).and_then(big_unit).is_some()
                    && !matches!(p, Some(x) if numerals::is_cn_numeral_char(x) || x.is_ascii_digit()))
        }
        _ => digit_value(c).is_some() || small_unit(c).is_some() || c == '廿' || c == '卅',
    }
}

/// `2222.2222.22222.222`: a run of digits and two or more dots; its end (else `i`).
pub(super) fn dotted_chain_end(t: &str, i: usize) -> usize {
    let b = t.as_bytes();
    let mut j = i;
    let mut dots = 0;
    while j < b.len()
        && (b[j].is_ascii_digit() || b[j] == b'.' && j + 1 < b.len() && b[j + 1].is_ascii_digit())
    {
        if b[j] == b'.' {
            dots += 1;
        }
        j += 1;
    }
    if dots >= 2 {
        j
    } else {
        i
    }
}

/// An Arabic literal at `i`: digits, `,` + exactly three digits, one `.` + digits.
pub(super) fn arabic_at(t: &str, i: usize, no_dot: bool) -> (usize, bool) {
    let b = t.as_bytes();
    let mut j = i;
    let mut dot = false;
    let mut digits_since = 0;
    while j < b.len() {
        let c = b[j];
        if c.is_ascii_digit() {
            j += 1;
            digits_since += 1;
        } else if c == b','
            && !dot
            && digits_since > 0
            && b.len() >= j + 4
            && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
            && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
        {
            j += 1;
            digits_since = 0;
        } else if c == b'.' && !dot && !no_dot && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            dot = true;
            j += 1;
        } else {
            break;
        }
    }
    (j, dot)
}

/// Does a numeral continue at `j` (after spaces)? Used to decide whether spaces join.
pub(super) fn continues(t: &str, j: usize, run_has_cn: bool) -> bool {
    match ch(t, j) {
        Some(c) if big_unit(c).is_some() || small_unit(c).is_some() => true,
        Some(c) if digit_value(c).is_some() => run_has_cn,
        Some(c) if c.is_ascii_digit() => run_has_cn,
        Some(c) if is_cn_point(c) => {
            let k = skip_spaces(t, j + c.len_utf8());
            matches!(ch(t, k), Some(d) if is_cn_decimal_digit(d))
        }
        Some(c @ ('余' | '多' | '几' | '幾')) => {
            let k = skip_spaces(t, j + c.len_utf8());
            matches!(ch(t, k), Some(u) if big_unit(u).is_some())
        }
        _ => false,
    }
}

/// Read the numeral starting at `i` (`no_dot`: inside a dotted chain, `.` separates).
pub(super) fn read_run(t: &str, i: usize, no_dot: bool) -> Option<Run> {
    let mut run = Run {
        start: i,
        int: true,
        ..Default::default()
    };
    let mut j = i;
    let mut neg = false;
    match ch(t, j)? {
        '-' => {
            neg = true;
            j += 1;
        }
        c if is_cn_minus(c) => {
            neg = true;
            j += c.len_utf8();
        }
        _ => {}
    }
    let mut ev = IntEval::default();
    let mut frac = 0.0f64;
    let mut mult = 1.0f64;
    let mut cn_digits = 0usize;
    let mut units = 0usize;
    let mut end = j;
    let mut in_frac = false;
    let mut digits_only_seq = 0.0f64;
    let mut ok = true;
    let mut has_ten = false;
    while let Some(c) = ch(t, j) {
        if c.is_ascii_digit() || c == '.' && j == end && run.n_chars == 0 {
            if in_frac || run.arabic && !run.chinese {
                break;
            }
            let (k, dot) = arabic_at(t, j, no_dot);
            if k == j {
                break;
            }
            let lit = &t[j..k];
            let v = numerals::arabic_literal(lit).unwrap_or(0.0);
            if run.n_chars == 0 && !dot && !run.chinese {
                run.arabic_digits = lit.bytes().filter(u8::is_ascii_digit).count();
            } else {
                run.arabic_digits = 0;
            }
            if dot {
                run.int = false;
            }
            if ev
                .push_arabic(v, lit.len() > 1 && lit.starts_with('0') && !dot, dot)
                .is_none()
            {
                ok = false;
            }
            run.arabic = true;
            run.n_chars += 1;
            j = k;
            end = k;
            continue;
        }
        if in_frac {
            // only large units after the decimals (三点五万)
            if let Some(m) = big_unit(c) {
                mult *= m;
                j += c.len_utf8();
                end = j;
                continue;
            }
            break;
        }
        if let Some(d) = digit_value(c) {
            if ev.push_char(c).is_none() {
                ok = false;
            }
            digits_only_seq = digits_only_seq * 10.0 + d as f64;
            cn_digits += 1;
        } else if small_unit(c).is_some() || c == '廿' || c == '卅' {
            has_ten |= small_unit(c) == Some(10.0) || c == '廿' || c == '卅';
            if ev.push_char(c).is_none() {
                ok = false;
            }
            units += 1;
        } else if big_unit(c).is_some() {
            if run.n_chars == 0 {
                // 万分之三, 万万分之七: the unit alone
                let k = j + c.len_utf8();
                if !(starts_spaced(t, skip_spaces(t, k), "分之").is_some()
                    || ch(t, k).and_then(big_unit).is_some())
                {
                    break;
                }
                let _ = ev.push_digit(1.0, false);
            }
            if ev.push_char(c).is_none() {
                ok = false;
            }
            units += 1;
        } else if is_cn_point(c) && run.n_chars > 0 {
            let k = skip_spaces(t, j + c.len_utf8());
            let mut m = k;
            let mut num = 0.0f64;
            let mut scale = 1.0f64;
            while let Some(d) = ch(t, m) {
                let v = if d.is_ascii_digit() {
                    d as u32 - '0' as u32
                } else if is_cn_decimal_digit(d) {
                    digit_value(d).unwrap_or(0)
                } else {
                    break;
                };
                if scale < 1e17 {
                    num = num * 10.0 + v as f64;
                    scale *= 10.0;
                }
                m += d.len_utf8();
            }
            if m == k {
                break;
            }
            frac = num / scale;
            in_frac = true;
            run.int = false;
            j = m;
            end = m;
            continue;
        } else if matches!(c, '余' | '多' | '几' | '幾') && run.n_chars > 0 {
            let k = skip_spaces(t, j + c.len_utf8());
            match ch(t, k) {
                Some(u) if big_unit(u).is_some() => {
                    run.approx = true;
                    if matches!(c, '几' | '幾') {
                        let _ = ev.push_char('几');
                    }
                    j = k;
                    continue;
                }
                _ => break,
            }
        } else if c == ' ' {
            let k = skip_spaces(t, j);
            if run.n_chars > 0 && continues(t, k, run.chinese) {
                j = k;
                continue;
            }
            break;
        } else {
            break;
        }
        if run.n_chars == 0 {
            run.first = c;
        }
        run.chinese = true;
        run.n_chars += 1;
        j += c.len_utf8();
        end = j;
    }
    if run.n_chars == 0 {
        return None;
    }
    if run.first == '\0' {
        run.first = ch(
            t,
            if neg {
                i + ch(t, i).map_or(1, char::len_utf8)
            } else {
                i
            },
        )
        .unwrap_or('0');
    }
    run.end = end;
    run.digit_seq = run.chinese && !run.arabic && units == 0 && cn_digits >= 2;
    run.lone_unit = run.chinese && !run.arabic && cn_digits == 0 && units > 0 && !has_ten;
    if run.chinese {
        run.arabic_digits = 0;
    }
    let int = if run.digit_seq {
        Some(digits_only_seq)
    } else if ok {
        match ev.finish() {
            Some((v, a)) => {
                run.approx |= a;
                Some(v)
            }
            None => None,
        }
    } else {
        None
    };
    match int {
        Some(v) => {
            let v = (v + frac) * mult;
            run.value = if neg { -v } else { v };
        }
        None => run.bad = true,
    }
    Some(run)
}
