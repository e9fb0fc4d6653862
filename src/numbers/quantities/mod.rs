//! Stage 3 — quantities: every number (+ unit) in the normalised text.
//!
//! In: the normalised text. Out: [`Quantity`]s in text order with byte spans into it.
//! Dates, ordinals (第五期), list markers (一是), heading numbers and document numbers
//! (〔2021〕5号) are not quantities.
//!
//! One pass, left to right, no regex: at each char that can start a numeral the scanner reads
//! the numeral ([`numerals::IntEval`]), then what follows it (fraction `分之`, exponent, `%`,
//! a unit from [`units::UNITS`], `余`/`以上`/`左右`), then checks the context on both sides:
//! - dates and times: `2021年`, `12月`, `15日`, `2022-01-10`, `10:12`, `1-11月`, `年度`;
//! - ordinals (`第`), document numbers (`[2021]5号`, `5号`), headings at line start (`1.`,
//!   `一、`, `(2)`), list markers (`一是`), identifiers (`PM2.5`, `A2021…`), URLs;
//! - a Chinese numeral that is part of a word: a bare one (no unit) must stand between
//!   non-word chars (punctuation, `是`, `的`, `和` …), `一` after `统/唯/进/第…` is a word,
//!   parallel idioms (`一岗双责`, `一法一条例`), slogans right after an opening quote,
//!   digit runs without units (`十四五`, `八五`, `二〇二一`).

pub mod units;

use crate::model::Approx;
use crate::numbers::numerals::{
    self, big_unit, digit_value, is_cn_minus, is_cn_point, small_unit, IntEval,
};
use std::ops::Range;

/// What a quantity measures, decided by its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A count of things (件, 家次, 人次, 份 …).
    Count,
    /// Money, value in 元.
    Money,
    /// A percentage, value in percent (`89.1%` → 89.1).
    Percent,
    /// Percentage points (`3.5个百分点`).
    Points,
    /// A concentration in µg/m³.
    Concentration,
    /// Any other unit (吨, 公里, 平方米 …).
    Measure,
    /// A number with no unit.
    Bare,
}

/// One number with its unit, as found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The value in the canonical unit of its kind (money in 元; `1.2万人次` → 12000).
    pub value: f64,
    /// The unit in its normal form: `件`, `家次`, `元`, `%`, `个百分点`, `µg/m³`, `吨`, `` (bare).
    pub unit: String,
    /// What is measured, decided by the unit.
    pub kind: Kind,
    /// 余/多/以上/超过/逾 → more_than; 近/将近/约/左右 → nearly.
    pub approx: Option<Approx>,
    /// Preceded by 各 (`各1次`): a per-item figure.
    pub each: bool,
    /// Bytes of the whole expression (approx markers and unit included).
    pub span: Range<usize>,
    /// Bytes of the numeral alone.
    pub number: Range<usize>,
}

/// Find every quantity in `text` (normalised), in order, non-overlapping.
pub fn scan(text: &str) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    let mut chain_end = 0;
    while i < text.len() {
        let Some(c) = ch(text, i) else { break };
        let step = c.len_utf8();
        if (c == 'h' || c == 'w') && is_url_start(text, i) {
            i = url_end(text, i);
            continue;
        }
        if let Some((q, end)) = special(text, i, c) {
            out.push(q);
            i = end;
            continue;
        }
        if !can_start(text, i, c) {
            i += step;
            continue;
        }
        if c.is_ascii_digit() && i >= chain_end {
            chain_end = dotted_chain_end(text, i);
        }
        let Some(run) = read_run(text, i, i < chain_end) else {
            i += step;
            continue;
        };
        if run.bad {
            i = run.end.max(i + step);
            continue;
        }
        match finish(text, &run) {
            Ok(q) if !q.value.is_finite() => i = q.span.end.max(i + step),
            Ok(mut q) => {
                q.value = tidy(q.value);
                decorate(text, &mut q);
                i = q.span.end.max(i + step);
                out.push(q);
            }
            Err(end) => i = end.max(run.end).max(i + step),
        }
    }
    out
}

/// Round away binary noise (`0.34 × 10000` = 3400.0000000000005 → 3400): 14 significant digits.
fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let mag = 10f64.powi(13 - v.abs().log10().floor() as i32);
    if !mag.is_finite() || mag == 0.0 {
        return v;
    }
    let r = (v * mag).round() / mag;
    if r.is_finite() {
        r
    } else {
        v
    }
}

// ───────────────────────── chars ─────────────────────────

fn ch(t: &str, i: usize) -> Option<char> {
    t.get(i..)?.chars().next()
}

fn prev(t: &str, i: usize) -> Option<char> {
    t.get(..i)?.chars().next_back()
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Chars that do not form a word with a numeral next to them (function words).
fn is_func(c: char) -> bool {
    "是不而却和与或的这那还有为了在到至及等前后共计达约近超逾各仅只再又也都就从即并且但点"
        .contains(c)
}

/// A Han char that can glue to a numeral to form a word (`四川`, `一切`, `统一`).
fn is_word_char(c: Option<char>) -> bool {
    matches!(c, Some(c) if is_han(c) && !is_func(c) && !numerals::is_cn_numeral_char(c))
}

fn is_cn_decimal_digit(c: char) -> bool {
    digit_value(c).is_some() && !matches!(c, '两' | '兩' | '俩' | '倆')
}

fn skip_spaces(t: &str, mut i: usize) -> usize {
    while t.as_bytes().get(i) == Some(&b' ') {
        i += 1;
    }
    i
}

fn back_spaces(t: &str, mut i: usize) -> usize {
    while i > 0 && t.as_bytes().get(i - 1) == Some(&b' ') {
        i -= 1;
    }
    i
}

fn at_line_start(t: &str, i: usize) -> bool {
    let j = back_spaces(t, i);
    j == 0 || t.as_bytes()[j - 1] == b'\n'
}

fn starts(t: &str, i: usize, pat: &str) -> bool {
    t.get(i..).is_some_and(|s| s.starts_with(pat))
}

/// `pat` at `i` with any ASCII spaces between its chars (`个 百 分 点`); the end byte.
fn starts_spaced(t: &str, i: usize, pat: &str) -> Option<usize> {
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

fn is_url_start(t: &str, i: usize) -> bool {
    starts(t, i, "http://") || starts(t, i, "https://") || starts(t, i, "www.")
}

fn url_end(t: &str, i: usize) -> usize {
    let b = t.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii() && !b[j].is_ascii_whitespace() {
        j += 1;
    }
    j
}

// ───────────────────────── numeral runs ─────────────────────────

/// A numeral as read from the text.
#[derive(Debug, Clone, Default)]
struct Run {
    /// Start (sign included).
    start: usize,
    /// End of the numeral.
    end: usize,
    value: f64,
    /// Malformed (`十四五`, `二三十`): skip it.
    bad: bool,
    /// 余/多/几 inside (`十余万`).
    approx: bool,
    arabic: bool,
    chinese: bool,
    /// Only Chinese digits, two or more (`一七二零`, `九九`): value read digit by digit.
    digit_seq: bool,
    /// Only unit chars (`百`, `千万`): no digit.
    lone_unit: bool,
    /// No decimal part.
    int: bool,
    /// Numeral chars read (spaces not counted).
    n_chars: usize,
    /// The first numeral char.
    first: char,
    /// Digits of a pure Arabic integer (`2021` → 4), else 0.
    arabic_digits: usize,
}

fn can_start(t: &str, i: usize, c: char) -> bool {
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
fn dotted_chain_end(t: &str, i: usize) -> usize {
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
fn arabic_at(t: &str, i: usize, no_dot: bool) -> (usize, bool) {
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
fn continues(t: &str, j: usize, run_has_cn: bool) -> bool {
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
fn read_run(t: &str, i: usize, no_dot: bool) -> Option<Run> {
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

// ───────────────────────── special forms ─────────────────────────

/// `半百` 50, `半成` 5%, `半折` / `打对折` 50%.
fn special(t: &str, i: usize, c: char) -> Option<(Quantity, usize)> {
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
        '半' => match ch(t, i + 3)? {
            '百' | '佰' if !is_word_char(ch(t, i + 6)) => {
                Some(mk(50.0, Kind::Bare, "", 6, i..i + 6))
            }
            '成' | '折' if is_word_char(ch(t, i + 6)) || is_word_char(prev(t, i)) => None,
            '成' => Some(mk(5.0, Kind::Percent, "%", 6, i..i + 3)),
            '折' => Some(mk(50.0, Kind::Percent, "%", 6, i..i + 3)),
            _ => None,
        },
        '对' | '對' if prev(t, i) == Some('打') && ch(t, i + 3) == Some('折') => {
            Some(mk(50.0, Kind::Percent, "%", 6, i..i + 3))
        }
        _ => None,
    }
}

// ───────────────────────── after the numeral ─────────────────────────

/// Exponent (`e5`, `^2`) and `k`/`M` after an Arabic numeral: (value, end).
fn arabic_suffix(t: &str, run: &Run, value: f64, end: usize) -> (f64, usize) {
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

/// A quantity, or the end of what was rejected.
type Finish = Result<Quantity, usize>;

/// Read what follows the numeral, check the context, build the quantity.
fn finish(t: &str, run: &Run) -> Finish {
    let b = t.as_bytes();
    let p = prev(t, run.start);
    let reject = |e: usize| -> Finish { Err(e) };
    let (value, end) = arabic_suffix(t, run, run.value, run.end);
    let number = run.start..end;

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
        return r;
    }

    // Arabic a/b and a b/c
    if run.arabic && !run.chinese && run.int && p != Some('/') {
        if let Some((v, e)) = arabic_fraction(t, value, end) {
            return Ok(q(v, "", Kind::Bare, None, run.start..e, run.start..e));
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
        if ch(t, k) == Some('折') && (10.0..100.0).contains(&value) && !is_word_char(ch(t, k + 3))
        {
            return Ok(q(value, "%", Kind::Percent, None, run.start..k + 3, number));
        }
        return reject(end);
    }

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
                return Ok(q(v, "%", Kind::Percent, None, run.start..k2 + 3, number));
            }
        }
    }
    // discounts: 成 and 折
    if let Some(r) = discount(t, run, value, ua, number.clone()) {
        return r;
    }
    // dozens: 一打 = 12
    if ch(t, ua) == Some('打')
        && !matches!(ch(t, ua + 3), Some(c) if "击造通破好开响赢掉出牢下包卡造算印工".contains(c))
        && run.chinese
    {
        return accept(
            t,
            run,
            value * 12.0,
            "打",
            Kind::Count,
            approx,
            ua + 3,
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
        Some(u) => {
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
                return reject(e + 3);
            }
            accept(t, run, v, u.unit, u.kind, approx, e, number)
        }
        None => {
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
    }
}

fn skip_ident(t: &str, mut j: usize) -> usize {
    let b = t.as_bytes();
    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'.' || b[j] == b'_') {
        j += 1;
    }
    j
}

fn q(
    value: f64,
    unit: &str,
    kind: Kind,
    approx: Option<Approx>,
    span: Range<usize>,
    number: Range<usize>,
) -> Quantity {
    Quantity {
        value,
        unit: unit.to_string(),
        kind,
        approx,
        each: false,
        span,
        number,
    }
}

/// `X分之Y` (a fraction), `百分之Y` / `千分之Y` (a percentage), `X又Y分之Z` (a mixed number).
fn fraction(t: &str, run: &Run, value: f64, end: usize) -> Option<Finish> {
    // X又Y分之Z
    let k = skip_spaces(t, end);
    if ch(t, k) == Some('又') {
        let k2 = skip_spaces(t, k + 3);
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
            if run.lone_unit
                && !(matches!(prev(t, run.start), Some('近' | '上' | '逾' | '超' | '数')))
            {
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
fn after_fen_zhi(t: &str, end: usize) -> Option<(f64, usize)> {
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
fn arabic_fraction(t: &str, value: f64, end: usize) -> Option<(f64, usize)> {
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

/// Dates, times, years, document numbers: the end of what to skip, or `None`.
fn date_like(t: &str, run: &Run, value: f64, end: usize) -> Option<usize> {
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
            let k = if starts(t, k, "日") { k + 3 } else { k };
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
fn date_word(t: &str, run: &Run, value: f64, end: usize) -> Option<usize> {
    let int = run.int && value.fract() == 0.0 && value >= 0.0;
    let c = ch(t, end)?;
    let after = end + c.len_utf8();
    let year_like = run.digit_seq
        || run.arabic_digits == 4
        || (run.arabic_digits == 0 && !run.arabic && int && (1900.0..2100.0).contains(&value));
    match c {
        '年' if starts(t, after, "度") => Some(after + 3),
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
fn marker(t: &str, run: &Run, end: usize) -> Option<usize> {
    let p = prev(t, run.start);
    let n = ch(t, end);
    // (一) (1)
    if matches!(p, Some('(')) && matches!(n, Some(')')) {
        return Some(end + 1);
    }
    // 一是 二是 … (list items)
    if run.chinese && !run.arabic && n == Some('是') && run.n_chars <= 2 && run.int {
        return Some(end + 3);
    }
    let sentence_start = at_line_start(t, run.start)
        || matches!(
            prev(t, back_spaces(t, run.start)),
            Some('。' | ';' | ':' | '!' | '?')
        );
    match n {
        Some('、') if run.chinese && !run.arabic && (sentence_start || run.n_chars == 1) => {
            Some(end + 3)
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

/// `N成` (N×10 %), `N折` (a discount: `9折` = 90 %, `75折` = 75 %), `三成半`, `七成 六`.
fn discount(t: &str, run: &Run, value: f64, ua: usize, number: Range<usize>) -> Option<Finish> {
    let c = ch(t, ua)?;
    if c != '成' && c != '折' {
        return None;
    }
    let after = ua + 3;
    let n = ch(t, after);
    let ok_next =
        |n: Option<char>| !is_word_char(n) || matches!(n, Some('以' | '左' | '多' | '半' | '余'));
    if c == '成' {
        if !(0.0..=10.0).contains(&value) {
            return None;
        }
        if n == Some('半') {
            return Some(Ok(q(
                value * 10.0 + 5.0,
                "%",
                Kind::Percent,
                None,
                run.start..after + 3,
                number,
            )));
        }
        // 七成 六
        let k = skip_spaces(t, after);
        if k > after {
            if let Some(d) = ch(t, k).and_then(digit_value) {
                if !ch(t, k + 3).is_some_and(|x| numerals::is_cn_numeral_char(x) || is_han(x)) {
                    return Some(Ok(q(
                        value * 10.0 + d as f64,
                        "%",
                        Kind::Percent,
                        None,
                        run.start..k + 3,
                        number,
                    )));
                }
            }
        }
        if !ok_next(n) {
            return None;
        }
        return Some(Ok(q(
            value * 10.0,
            "%",
            Kind::Percent,
            None,
            run.start..after,
            number,
        )));
    }
    if !ok_next(n) {
        return None;
    }
    let v = if value > 0.0 && value < 10.0 {
        value * 10.0
    } else if value > 10.0 && value < 100.0 && value.fract() == 0.0 {
        value
    } else {
        return Some(Err(after));
    };
    Some(Ok(q(v, "%", Kind::Percent, None, run.start..after, number)))
}

/// After a money unit: `N角` / `N毛` / `N分`, `又N美分`, `N日本銭` — (extra value, end).
fn money_tail(t: &str, end: usize, unit: &str) -> (f64, usize) {
    let mut extra = 0.0;
    let mut e = end;
    let mut k = end;
    if unit == "美元" && ch(t, k) == Some('又') {
        k += 3;
    }
    let Some(r) = read_run(t, k, false).filter(|r| !r.bad && r.value < 100.0) else {
        return (0.0, end);
    };
    let (v, after) = (r.value, r.end);
    match unit {
        "元" if starts(t, after, "角") || starts(t, after, "毛") => {
            extra += v / 10.0;
            e = after + 3;
            if let Some(r2) = read_run(t, e, false).filter(|r| !r.bad && r.value < 10.0) {
                if starts(t, r2.end, "分") {
                    extra += r2.value / 100.0;
                    e = r2.end + 3;
                }
            }
        }
        "美元" if starts(t, after, "美分") => {
            extra += v / 100.0;
            e = after + "美分".len();
        }
        "日元" if starts(t, after, "日本銭") || starts(t, after, "日本钱") => {
            extra += v / 100.0;
            e = after + "日本銭".len();
        }
        _ => {}
    }
    (extra, e)
}

/// The final checks for a numeral with its unit (or none), approx markers before and after,
/// `各`; `Err` when the context says it is a word, not a quantity.
#[allow(clippy::too_many_arguments)]
fn accept(
    t: &str,
    run: &Run,
    value: f64,
    unit: &str,
    kind: Kind,
    approx: Option<Approx>,
    end: usize,
    number: Range<usize>,
) -> Finish {
    let p = prev(t, run.start);
    let next = ch(t, end);
    let single_cn = run.chinese && !run.arabic && run.n_chars == 1 && run.int;
    if run.chinese && !run.arabic {
        // slogans right after an opening quote: "三项制度", "两个维护"
        if p == Some('"') && is_han_word_next(next) {
            return Err(end);
        }
        // lone 零 (零容忍, 零跑腿) and lone units are words
        if run.n_chars == 1 && run.int && run.first == '零'
            || run.lone_unit && !matches!(p, Some('近' | '上' | '逾' | '超'))
        {
            return Err(end);
        }
        if single_cn {
            let c = run.first;
            // 统一, 进一步, 之一, 第一, 新一轮, 上一年度 …
            if c == '一'
                && matches!(p, Some(x) if "统唯同逐单划专合归进之其万不第这那每某任如新上下首周期初择惟整".contains(x))
            {
                return Err(end);
            }
            // parallel idioms: 一岗双责, 一法一条例, 一户一档, 六位一体
            let pp = p.and_then(|_| prev(t, run.start - p.map_or(0, char::len_utf8)));
            let p_is_unit =
                p.is_some_and(|x| units::unit_at(&t[run.start - x.len_utf8()..], false).is_some());
            if is_word_char(p) && !p_is_unit && matches!(pp, Some(x) if is_single_numeral(x)) {
                return Err(end);
            }
            if unit.chars().count() <= 1
                && matches!(next, Some('一' | '双'))
                && is_word_char(ch(t, end + 3))
            {
                return Err(end);
            }
            // 一次性, 一门式, 二次 (secondary), 一批 (vague)
            if kind != Kind::Bare && matches!(next, Some('性' | '式' | '化')) {
                return Err(end);
            }
            if c == '二' && unit == "次" || c == '一' && unit == "批" {
                return Err(end);
            }
            if c == '一' && unit == "起" && !together_case(t, end) {
                return Err(end);
            }
            // financial digits alone are words (队伍, 收拾, 放肆, 陆地) unless set apart
            let ambiguous = "壹贰叁肆伍陆柒捌玖拾佰仟陸貳參".contains(c);
            if (kind == Kind::Bare || ambiguous) && is_word_char(p)
                || kind == Kind::Bare && is_word_char(ch(t, run.end))
            {
                return Err(end);
            }
        } else if kind == Kind::Bare
            && is_word_char(next)
            && !matches!(
                next,
                Some('上' | '下' | '增' | '减' | '提' | '降' | '涨' | '跌' | '以' | '余')
            )
        {
            // 十九大, 二十大, 十九届
            return Err(end);
        }
    }
    let start = run.start;
    let mut approx = approx;
    // approx after the unit
    let mut end = end;
    if kind != Kind::Bare || approx.is_none() {
        if starts(t, end, "以上") {
            approx = Some(Approx::MoreThan);
            end += "以上".len();
        } else if starts(t, end, "左右") {
            approx = Some(Approx::Nearly);
            end += "左右".len();
        } else if kind != Kind::Bare
            && (starts(t, end, "余") || starts(t, end, "多"))
            && kind != Kind::Percent
        {
            approx = Some(Approx::MoreThan);
            end += 3;
        }
    }
    // currency written before: ¥ / 人民币 (span only)
    let mut start = start;
    if kind == Kind::Money {
        let k = back_spaces(t, start);
        if t[..k].ends_with("人民币") {
            start = k - "人民币".len();
        } else if matches!(prev(t, k), Some('¥' | '￥')) {
            start = k - prev(t, k).map_or(0, char::len_utf8);
        }
    }
    Ok(Quantity {
        value,
        unit: unit.to_string(),
        kind,
        approx,
        each: false,
        span: start..end,
        number,
    })
}

/// Approx words before the quantity (`近`, `约`, `超过`, `逾` …; `近3年` is "the last 3 years")
/// and `各` (`各1次`).
fn decorate(t: &str, q: &mut Quantity) {
    let pre = back_spaces(t, q.span.start);
    let recent = matches!(q.unit.as_str(), "年" | "个月" | "天" | "周" | "日");
    for (w, a) in [
        ("大约有", Approx::Nearly),
        ("约占", Approx::Nearly),
        ("约为", Approx::Nearly),
        ("约有", Approx::Nearly),
        ("将近", Approx::Nearly),
        ("大约", Approx::Nearly),
        ("超过", Approx::MoreThan),
        ("近", Approx::Nearly),
        ("约", Approx::Nearly),
        ("逾", Approx::MoreThan),
        ("超", Approx::MoreThan),
    ] {
        if t[..pre].ends_with(w) {
            // 不超过 / 不超: an upper bound, not an approximation
            let negated = w.starts_with('超') && t[..pre - w.len()].ends_with('不');
            if !(negated || recent && w == "近") {
                q.approx = q.approx.or(Some(a));
                q.span.start = pre - w.len();
            }
            break;
        }
    }
    q.each = prev(t, q.span.start) == Some('各');
}

fn is_single_numeral(c: char) -> bool {
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

fn is_han_word_next(c: Option<char>) -> bool {
    matches!(c, Some(c) if is_han(c))
}

/// `一起` is a case count (`一起违法案件`) rather than "together" (`一起抓`).
fn together_case(t: &str, end: usize) -> bool {
    matches!(ch(t, end), Some(c) if "案事违涉典重较环非污生安火交刑民特偷破盗".contains(c))
        || starts(t, end, "行政")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(s: &str) -> Vec<(f64, String)> {
        scan(s).into_iter().map(|q| (q.value, q.unit)).collect()
    }

    #[test]
    fn basics() {
        assert_eq!(
            vals("罚款1021.2056万元"),
            vec![(10212056.0, "元".to_string())]
        );
        assert_eq!(vals("2021年12月15日"), vec![]);
        assert_eq!(
            vals("检查企业1,267家次"),
            vec![(1267.0, "家次".to_string())]
        );
    }
}
