//! What follows a numeral run: fractions, exponents, percentages, units, approximation
//! markers; a run becomes a quantity or is skipped.

use super::accept::accept;
use super::chars::*;
use super::dates::{date_like, marker};
use super::money::{discount, money_tail};
use super::run::{read_run, Run};
use super::words::chars;
use super::{q, units, Finish, Kind, Quantity};
use crate::model::Approx;
use std::ops::Range;

/// `半百` 50, `半成` 5%, `半折` / `打对折` 50%.
pub(super) fn special(t: &str, i: usize, c: char) -> Option<(Quantity, usize)> {
    let mk = |value: f64, kind: Kind, unit: &str, len: usize, num: Range<usize>| {
        (
            Quantity {
                value,
                unit: unit.to_string(),
                kind,
                approx: None,
                each: false,
                span: i..i + len,
                number: num,
            },
            i + len,
        )
    };
    match c {
        '半' => match ch(t, i + HAN)? {
            '百' | '佰' if !is_word_char(ch(t, i + 6)) => {
                Some(mk(50.0, Kind::Bare, "", 2 * HAN, i..i + 2 * HAN))
            }
            '成' | '折' if is_word_char(ch(t, i + 6)) || is_word_char(prev(t, i)) => None,
            '成' => Some(mk(5.0, Kind::Percent, "%", 2 * HAN, i..i + HAN)),
            '折' => Some(mk(50.0, Kind::Percent, "%", 2 * HAN, i..i + HAN)),
            _ => None,
        },
        '对' | '對' if prev(t, i) == Some('打') && ch(t, i + HAN) == Some('折') => {
            Some(mk(50.0, Kind::Percent, "%", 2 * HAN, i..i + HAN))
        }
        _ => None,
    }
}

/// Exponent (`e5`, `^2`) and `k`/`M` after an Arabic numeral: (value, end).
pub(super) fn arabic_suffix(t: &str, run: &Run, value: f64, end: usize) -> (f64, usize) {
    if !run.arabic || run.chinese {
        return (value, end);
    }
    let b = t.as_bytes();
    let mut v = value;
    let mut j = end;
    let not_letter_at = |k: usize| !b.get(k).is_some_and(|c| c.is_ascii_alphabetic());
    if matches!(b.get(j), Some(b'e' | b'E')) {
        let mut k = j + 1;
        let mut sign = 1i32;
        if matches!(b.get(k), Some(b'+' | b'-')) {
            if b[k] == b'-' {
                sign = -1;
            }
            k += 1;
        }
        let s = k;
        while b.get(k).is_some_and(u8::is_ascii_digit) {
            k += 1;
        }
        if k > s && k - s < 4 && not_letter_at(k) {
            let x: i32 = t[s..k].parse().unwrap_or(0);
            v *= 10f64.powi((sign * x).clamp(-300, 300));
            j = k;
        }
    } else if b.get(j) == Some(&b'^') {
        let mut k = j + 1;
        let mut sign = 1i32;
        while matches!(b.get(k), Some(b'+' | b'-')) {
            if b[k] == b'-' {
                sign = -sign;
            }
            k += 1;
        }
        let s = k;
        while b.get(k).is_some_and(u8::is_ascii_digit) {
            k += 1;
        }
        if k > s && k - s < 4 {
            let x: i32 = t[s..k].parse().unwrap_or(0);
            let p = value.abs().powi(sign * x);
            v = if value < 0.0 { -p } else { p };
            j = k;
        }
    }
    let k = skip_spaces(t, j);
    match b.get(k) {
        Some(b'k' | b'K') if not_letter_at(k + 1) => (v * 1e3, k + 1),
        Some(b'M') if not_letter_at(k + 1) => (v * 1e6, k + 1),
        _ => (v, j),
    }
}

/// Read what follows the numeral, check the context, build the quantity.
pub(super) fn finish(t: &str, run: &Run) -> Finish {
    let (value, end) = arabic_suffix(t, run, run.value, run.end);
    let number = run.start..end;
    if let Some(r) = not_a_quantity(t, run, value, end, &number) {
        return r;
    }
    after_numeral(t, run, value, end, number)
}

/// Ordinals, identifiers, fractions, dates, range bounds, markers, names and Chinese digit
/// runs: the run's result when it is one of these, else None.
fn not_a_quantity(
    t: &str,
    run: &Run,
    value: f64,
    end: usize,
    number: &Range<usize>,
) -> Option<Finish> {
    let b = t.as_bytes();
    let p = prev(t, run.start);
    let reject = |e: usize| -> Option<Finish> { Some(Err(e)) };
    // ordinals, identifiers
    let pb = back_spaces(t, run.start);
    if prev(t, pb) == Some('第') {
        let e = match units::unit_at(&t[end..], run.arabic) {
            Some(u) => end + u.written.len(),
            None => end,
        };
        return reject(e);
    }
    if run.arabic && matches!(p, Some(c) if c.is_ascii_alphabetic() || c == '_') {
        return reject(skip_ident(t, end));
    }

    // fractions: X分之Y, 百分之Y, X又Y分之Z
    if let Some(r) = fraction(t, run, value, end) {
        return Some(r);
    }

    // Arabic a/b and a b/c
    if run.arabic && !run.chinese && run.int && p != Some('/') {
        if let Some((v, e)) = arabic_fraction(t, value, end) {
            return Some(Ok(q(v, "", Kind::Bare, None, run.start..e, run.start..e)));
        }
    }

    // dates and times
    if let Some(e) = date_like(t, run, value, end) {
        return reject(e);
    }
    // a range's lower bound (5-20%, 3至5人) or a phone prefix: not a quantity of its own
    if run.arabic && !run.chinese {
        if let Some(c) = ch(t, end) {
            let k = end + c.len_utf8();
            if matches!(c, '-' | '~' | '至' | '到')
                && t.as_bytes().get(k).is_some_and(u8::is_ascii_digit)
            {
                return reject(end);
            }
        }
    }
    // headings and list markers
    if let Some(e) = marker(t, run, end) {
        return reject(e);
    }
    // identifiers and names: 3D, 5G, 12345热线
    if run.arabic && !run.chinese {
        let nxt = b.get(end).copied();
        if nxt.is_some_and(|c| c.is_ascii_alphabetic()) && units::unit_at(&t[end..], true).is_none()
        {
            return reject(skip_ident(t, end));
        }
        if starts(t, end, "热线") || starts(t, end, "\"热线") {
            return reject(end);
        }
    }
    // Chinese digit runs: only 折 (三八折) makes them a number
    if run.digit_seq {
        let k = skip_spaces(t, end);
        if ch(t, k) == Some('折') && (10.0..100.0).contains(&value) && !is_word_char(ch(t, k + HAN))
        {
            return Some(Ok(q(
                value,
                "%",
                Kind::Percent,
                None,
                run.start..k + HAN,
                number.clone(),
            )));
        }
        return reject(end);
    }

    None
}

/// Approximation words, discounts, dozens, percentage points and units after the numeral.
fn after_numeral(t: &str, run: &Run, value: f64, end: usize, number: Range<usize>) -> Finish {
    let b = t.as_bytes();
    // 余/多 between number and unit
    let mut approx: Option<Approx> = if run.approx {
        Some(Approx::MoreThan)
    } else {
        None
    };
    let mut u_at = end;
    // `40 余场次`: a space may stand between an Arabic number and 余/多
    let after = if run.arabic { skip_spaces(t, end) } else { end };
    if let Some(c @ ('余' | '多')) = ch(t, after) {
        approx = Some(Approx::MoreThan);
        u_at = after + c.len_utf8();
    }
    let ua = skip_spaces(t, u_at);

    // 7 2 折: a two-digit discount written digit by digit
    if run.arabic && !run.chinese && run.arabic_digits == 1 {
        let k = skip_spaces(t, end);
        if k > end
            && b.get(k).is_some_and(u8::is_ascii_digit)
            && !b.get(k + 1).is_some_and(u8::is_ascii_digit)
        {
            let k2 = skip_spaces(t, k + 1);
            if ch(t, k2) == Some('折') && value >= 1.0 {
                let v = value * 10.0 + (b[k] - b'0') as f64;
                return Ok(q(v, "%", Kind::Percent, None, run.start..k2 + HAN, number));
            }
        }
    }
    // discounts: 成 and 折
    if let Some(r) = discount(t, run, value, ua, number.clone()) {
        return r;
    }
    // dozens: 一打 = 12
    if ch(t, ua) == Some('打')
        && !matches!(ch(t, ua + HAN), Some(c) if chars().verb_after_da.contains(c))
        && run.chinese
    {
        return accept(
            t,
            run,
            value * 12.0,
            "打",
            Kind::Count,
            approx,
            ua + HAN,
            number,
        );
    }
    // percentage points with spaces inside (个 百 分 点)
    for pat in ["个百分点", "個百分點", "个百分點"] {
        if let Some(e) = starts_spaced(t, ua, pat) {
            return accept(t, run, value, "个百分点", Kind::Points, approx, e, number);
        }
    }
    let unit = units::unit_at(&t[ua..], run.arabic || run.n_chars > 1).filter(|u| {
        // a Latin unit must end there (kg, not kgs); a Chinese one is fine
        !u.written.is_ascii()
            || !b
                .get(ua + u.written.len())
                .is_some_and(|c| c.is_ascii_alphanumeric())
    });
    match unit {
        Some(u) => with_unit(t, run, value, u, approx, ua, number),
        None => without_unit(t, run, value, end, approx, u_at, number),
    }
}

/// A quantity with its unit (money with 角/分 and a trailing 人民币; `年度` is no quantity).
fn with_unit(
    t: &str,
    run: &Run,
    value: f64,
    u: &units::Unit,
    approx: Option<Approx>,
    ua: usize,
    number: Range<usize>,
) -> Finish {
    let mut e = ua + u.written.len();
    let mut v = value * u.factor;
    if u.kind == Kind::Money || u.unit == "美元" || u.unit == "日元" {
        // 元 + 角/分, 美元又三美分, 日元5日本銭; a trailing 人民币
        let (extra, e2) = money_tail(t, e, u.unit);
        v += extra;
        e = e2;
        if starts(t, e, "人民币") && u.written != "人民币" {
            e += "人民币".len();
        }
    }
    if u.written == "年" && starts(t, e, "度") {
        return Err(e + HAN);
    }
    accept(t, run, v, u.unit, u.kind, approx, e, number)
}

/// A number without a unit: currency prefixes, names and codes (not quantities), else bare.
fn without_unit(
    t: &str,
    run: &Run,
    value: f64,
    end: usize,
    approx: Option<Approx>,
    u_at: usize,
    number: Range<usize>,
) -> Finish {
    // currency prefixes: $20, ¥300, 人民币 50
    let pp = prev(t, back_spaces(t, run.start));
    if run.arabic && pp == Some('$') {
        return accept(t, run, value, "美元", Kind::Measure, approx, end, number);
    }
    if matches!(pp, Some('¥' | '￥')) {
        return accept(t, run, value, "元", Kind::Money, approx, end, number);
    }
    // bare Arabic numbers that are names: "1310", "7.14" in quotes; a year (2021版);
    // a heading number at line start (2 健全…)
    if run.arabic && !run.chinese {
        let pn = prev(t, run.start);
        if pn == Some('"') && ch(t, end) == Some('"') {
            return Err(end + 1);
        }
        // codes and identifiers: a long digit string with no unit and no separators
        if run.arabic_digits >= 9 && run.int && !t[run.start..end].contains(',') {
            return Err(end);
        }
        if run.arabic_digits == 4 && (1950.0..=2050.0).contains(&value) {
            return Err(end);
        }
        let k = skip_spaces(t, end);
        if approx.is_none()
            && run.int
            && value < 100.0
            && at_line_start(t, run.start)
            && k > end
            && ch(t, k).is_some_and(is_han)
        {
            return Err(end);
        }
    }
    // a bare number: 余/多 right after it stays in the span (十余, 四百多)
    let e = if approx.is_some() && u_at > end {
        u_at
    } else {
        end
    };
    accept(t, run, value, "", Kind::Bare, approx, e, number)
}

/// `X分之Y` (a fraction), `百分之Y` / `千分之Y` (a percentage), `X又Y分之Z` (a mixed number).
pub(super) fn fraction(t: &str, run: &Run, value: f64, end: usize) -> Option<Finish> {
    // X又Y分之Z
    let k = skip_spaces(t, end);
    if ch(t, k) == Some('又') {
        let k2 = skip_spaces(t, k + HAN);
        if let Some(r2) = read_run(t, k2, false).filter(|r| !r.bad && !r.lone_unit) {
            if let Some((num, e)) = after_fen_zhi(t, r2.end) {
                if r2.value != 0.0 {
                    let f = num / r2.value;
                    let v = if value < 0.0 { value - f } else { value + f };
                    return Some(Ok(q(v, "", Kind::Bare, None, run.start..e, run.start..e)));
                }
            }
        }
    }
    let (num, e) = match after_fen_zhi(t, end) {
        Some(x) => x,
        None => {
            if starts_spaced(t, end, "分之").is_some() {
                // 百分之二三十: a malformed numerator; 二分之。: the number alone
                let e = starts_spaced(t, end, "分之").unwrap_or(end);
                if run.lone_unit || read_run(t, skip_spaces(t, e), false).is_some_and(|r| r.bad) {
                    return Some(Err(e));
                }
                return Some(Ok(q(
                    value,
                    "",
                    Kind::Bare,
                    None,
                    run.start..end,
                    run.start..end,
                )));
            }
            if run.lone_unit && !super::run::lone_unit_figure(t, run.start, run.first) {
                return Some(Err(end));
            }
            return None;
        }
    };
    if run.lone_unit {
        // 百分之Y = Y%, 千分之Y = Y/10 %
        if value == 0.0 {
            return Some(Err(e));
        }
        let v = num * 100.0 / value;
        return Some(Ok(q(
            v,
            "%",
            Kind::Percent,
            None,
            run.start..e,
            run.start..e,
        )));
    }
    if value == 0.0 {
        return Some(Err(e));
    }
    Some(Ok(q(
        num / value,
        "",
        Kind::Bare,
        None,
        run.start..e,
        run.start..e,
    )))
}

/// After `分之` (spaces allowed around): the numerator's value and end.
pub(super) fn after_fen_zhi(t: &str, end: usize) -> Option<(f64, usize)> {
    let k = skip_spaces(t, end);
    let e = starts_spaced(t, k, "分之")?;
    let s = skip_spaces(t, e);
    let r = read_run(t, s, false)?;
    if r.bad || r.digit_seq && r.n_chars > 0 && !r.arabic {
        return None;
    }
    let (v, e2) = arabic_suffix(t, &r, r.value, r.end);
    Some((v, e2))
}

/// `3/5`, `1 3/5`, `4 6/3` right after an Arabic integer `value` ending at `end`:
/// (the whole value, end).
pub(super) fn arabic_fraction(t: &str, value: f64, end: usize) -> Option<(f64, usize)> {
    let b = t.as_bytes();
    let int_digits = |k: usize| {
        let mut m = k;
        while b.get(m).is_some_and(u8::is_ascii_digit) {
            m += 1;
        }
        m
    };
    let tail_ok = |e: usize| {
        !matches!(b.get(e), Some(b'/' | b'.' | b'-'))
            && !b.get(e).is_some_and(u8::is_ascii_alphanumeric)
    };
    // the numeral itself is the numerator: a/b
    if b.get(end) == Some(&b'/') {
        let s = end + 1;
        let e = int_digits(s);
        if e > s && tail_ok(e) {
            let den: f64 = t[s..e].parse().ok()?;
            if den != 0.0 {
                return Some((value / den, e));
            }
        }
        return None;
    }
    // a b/c
    if b.get(end) == Some(&b' ') {
        let s = end + 1;
        let m = int_digits(s);
        if m > s && b.get(m) == Some(&b'/') {
            let e = int_digits(m + 1);
            if e > m + 1 && tail_ok(e) {
                let num: f64 = t[s..m].parse().ok()?;
                let den: f64 = t[m + 1..e].parse().ok()?;
                if den != 0.0 {
                    let f = num / den;
                    return Some((if value < 0.0 { value - f } else { value + f }, e));
                }
            }
        }
    }
    None
}
