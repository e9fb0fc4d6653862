//! A whole-string numeral parser following the cn2an library (<https://github.com/Ailln/cn2an>),
//! for the tests only: `parse_mode(s, mode)` reads one string as cn2an's `cn2an(s, mode)` does
//! (`None` where cn2an raises), `parse_direct` its `direct` mode, and `parse_number` a lenient
//! reading (Arabic with separators and exponents, then the smart mode).
//!
//! `extract` never calls this: the quantity scanner (`zhibiao::stages::quantities::scan`) finds numerals
//! in running text and evaluates them with `zhibiao::stages::numerals::IntEval`. This parser is the
//! reference the old peer rate was measured with (`tests/peers.rs` reports both rates) and what
//! `tests/data/numbers.toml` and the property tests exercise.

use zhibiao::stages::numerals::{
    arabic_literal, big_unit, digit_value, is_cn_minus, is_cn_numeral_char, is_cn_point,
    small_unit, IntEval,
};

/// How strictly [`parse_mode`] reads a numeral (the modes of cn2an).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Well-formed Chinese numerals only (`一百零一`, `壹拾壹元整`); no `两`, no `〇`, no `一二三`.
    Strict,
    /// Also digit-by-digit (`一七二零`), colloquial (`三万五`, `一百二`), `两`, `〇`, `兩`.
    Normal,
    /// Also Arabic digits mixed with Chinese (`10.1万`, `1万600`, `1百01`).
    Smart,
}

/// Parse a whole string as one number, leniently (normal + smart mode, thousands separators,
/// spaces between parts, `e`-exponents); `None` if it is not exactly one well-formed number.
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(v) = parse_arabic_full(s) {
        return Some(v);
    }
    parse_mode(s, Mode::Smart).or_else(|| {
        if s.contains(['点', '點']) {
            None
        } else {
            eval_int(s).map(|(v, _)| v)
        }
    })
}

/// Parse a whole string like cn2an's `cn2an(s, mode)`: `None` where cn2an raises.
pub fn parse_mode(s: &str, mode: Mode) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    // money suffixes: 元整 圆整 元正 圆正 (all modes), 元 圆 (not strict)
    let mut s = s;
    for w in ["元整", "圆整", "元正", "圆正"] {
        if let Some(t) = s.strip_suffix(w) {
            s = t;
            break;
        }
    }
    if mode != Mode::Strict {
        if let Some(t) = s.strip_suffix('元').or_else(|| s.strip_suffix('圆')) {
            s = t;
        }
    }
    if s.is_empty() {
        return None;
    }
    // 元X角(Y分) → X.Y
    let (s, jiao) = split_yuan_jiao(s);
    let (neg, body) = match s.chars().next() {
        Some(c) if is_cn_minus(c) => (true, &s[c.len_utf8()..]),
        Some('-') if mode == Mode::Smart => (true, &s[1..]),
        _ => (false, s),
    };
    if body.is_empty() {
        return None;
    }
    // every char must belong to the mode's alphabet
    for c in body.chars() {
        let ok = match mode {
            Mode::Strict => {
                (digit_value(c).is_some() && !matches!(c, '〇' | '两' | '兩' | '俩' | '倆' | '幺'))
                    || small_unit(c).is_some()
                    || matches!(c, '万' | '萬' | '亿' | '億' | '廿' | '卅')
                    || is_cn_point(c)
            }
            Mode::Normal => is_cn_numeral_char(c) && c != '兆' || is_cn_point(c),
            Mode::Smart => {
                is_cn_numeral_char(c) && c != '兆'
                    || is_cn_point(c)
                    || c.is_ascii_digit()
                    || c == '.'
            }
        };
        if !ok {
            return None;
        }
    }
    let (int_part, dec_part) = match jiao {
        Some(j) => (body, Some(j)),
        None => {
            let mut it = body.match_indices(['点', '點']);
            match (it.next(), it.next()) {
                (None, _) => (body, None),
                (Some((i, p)), None) => (&body[..i], Some(&body[i + p.len()..])),
                _ => return None,
            }
        }
    };
    if int_part.is_empty() {
        return None;
    }
    let frac = match dec_part {
        None => 0.0,
        Some(d) => parse_decimals(d, mode)?,
    };
    let int = match mode {
        Mode::Strict => strict_int(int_part)?,
        Mode::Normal | Mode::Smart => {
            if mode == Mode::Smart
                && int_part.bytes().any(|b| b.is_ascii_digit())
                && dec_part.is_none()
            {
                if let Some(v) = smart_arabic_unit(int_part) {
                    return Some(if neg { -v } else { v });
                }
            }
            if int_part.contains('.') {
                return None;
            }
            match digit_sequence(int_part) {
                Some(v) => v,
                None => eval_int(int_part)?.0,
            }
        }
    };
    let v = int + frac;
    Some(if neg { -v } else { v })
}

/// `壹拾壹元壹角壹分` → (`壹拾壹`, Some(`壹壹`)): the 元/角/分 form as integer + decimal digits.
fn split_yuan_jiao(s: &str) -> (&str, Option<&str>) {
    let Some(y) = s.find(['元', '圆']) else {
        return (s, None);
    };
    let rest = &s[y + 3..];
    let mut cs = rest.chars();
    let ok = match (cs.next(), cs.next(), cs.next(), cs.next(), cs.next()) {
        (Some(a), Some('角'), None, _, _) => digit_value(a).is_some(),
        (Some(a), Some('角'), Some(b), Some('分'), None) => {
            digit_value(a).is_some() && digit_value(b).is_some()
        }
        _ => false,
    };
    if !ok {
        return (s, None);
    }
    (&s[..y], Some(rest))
}

/// Decimal digits after 点 (Chinese digits, or Arabic in smart mode); `角`/`分` are skipped.
fn parse_decimals(d: &str, mode: Mode) -> Option<f64> {
    let mut num = 0.0f64;
    let mut scale = 1.0f64;
    let mut n = 0;
    let mut last = 0;
    for c in d.chars() {
        if c == '角' || c == '分' {
            continue;
        }
        let v = match c {
            '0'..='9' if mode == Mode::Smart => c as u32 - '0' as u32,
            '两' | '兩' | '俩' | '倆' => return None,
            _ => digit_value(c)?,
        };
        if mode == Mode::Strict && c == '〇' {
            return None;
        }
        if n < 17 {
            num = num * 10.0 + v as f64;
            scale *= 10.0;
        }
        n += 1;
        last = v;
    }
    if n == 0 {
        return None;
    }
    if mode == Mode::Strict && (last == 0 || n > 16) {
        return None;
    }
    Some(num / scale)
}

/// A run of two or more single digits (`一七二零`, `二〇〇二`) read digit by digit.
fn digit_sequence(s: &str) -> Option<f64> {
    let mut v = 0.0;
    let mut n = 0;
    for c in s.chars() {
        v = v * 10.0 + digit_value(c)? as f64;
        n += 1;
    }
    (n >= 2).then_some(v)
}

/// Smart mode: `10.1万`, `-10.1`, `16.4亿`: one Arabic number with an optional final unit.
fn smart_arabic_unit(s: &str) -> Option<f64> {
    let (num, unit) = match s.chars().last() {
        Some(c) if big_unit(c).is_some() || small_unit(c).is_some() => {
            (&s[..s.len() - c.len_utf8()], big_unit(c).or(small_unit(c)))
        }
        _ => (s, None),
    };
    if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let v = plain_decimal(num)?;
    Some(v * unit.unwrap_or(1.0))
}

/// `123`, `12.5`, `.5`: ASCII digits with at most one point.
fn plain_decimal(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    if b.is_empty()
        || b.iter().filter(|&&c| c == b'.').count() > 1
        || !b.iter().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    if b.last() == Some(&b'.') {
        return None;
    }
    s.parse::<f64>().ok()
}

/// Strict cn2an grammar for the integer part (see the module doc): units in order, `零` only
/// where a place is skipped and never before a thousands digit, `十` needs a digit unless it
/// leads.
fn strict_int(s: &str) -> Option<f64> {
    // 廿/卅 stand for 二十/三十
    let mut chars: Vec<char> = Vec::with_capacity(s.len() / 3 + 2);
    for c in s.chars() {
        match c {
            '廿' => chars.extend(['二', '十']),
            '卅' => chars.extend(['三', '十']),
            _ => chars.push(c),
        }
    }
    // 零十 → 零一十, 零百 → 零一百 (as cn2an)
    let mut fixed: Vec<char> = Vec::with_capacity(chars.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && chars[i - 1] == '零' && matches!(c, '十' | '拾' | '百' | '佰') {
            fixed.push('一');
        }
        fixed.push(c);
    }
    if fixed == ['零'] {
        return Some(0.0);
    }
    if !g_1_e16(&fixed) {
        return None;
    }
    eval_chars(&fixed).map(|(v, _)| v)
}

fn is_d(c: char) -> bool {
    matches!(digit_value(c), Some(1..=9))
}
fn is_zero(c: char) -> bool {
    c == '零'
}
fn pos_of(s: &[char], f: impl Fn(char) -> bool) -> Option<usize> {
    s.iter().position(|&c| f(c))
}
/// 1–99; `lead`: a bare 十 is allowed.
fn g_1_99(s: &[char], lead: bool) -> bool {
    match s {
        [d] => is_d(*d) || lead && small_unit(*d) == Some(10.0),
        [d, t] => {
            is_d(*d) && small_unit(*t) == Some(10.0)
                || lead && small_unit(*d) == Some(10.0) && is_d(*t)
        }
        [d, t, e] => is_d(*d) && small_unit(*t) == Some(10.0) && is_d(*e),
        _ => false,
    }
}
fn g_tens(s: &[char]) -> bool {
    // d十d? (non-leading)
    matches!(s, [d, t] | [d, t, _] if is_d(*d) && small_unit(*t) == Some(10.0))
        && (s.len() == 2 || is_d(s[2]))
}
fn g_100_999(s: &[char]) -> bool {
    match s {
        [d, h, rest @ ..] if is_d(*d) && small_unit(*h) == Some(100.0) => match rest {
            [] => true,
            [z, e] if is_zero(*z) => is_d(*e),
            _ => g_tens(rest),
        },
        _ => false,
    }
}
fn g_1_999(s: &[char], lead: bool) -> bool {
    if pos_of(s, |c| small_unit(c) == Some(100.0)).is_some() {
        g_100_999(s)
    } else {
        g_1_99(s, lead)
    }
}
fn g_1000_9999(s: &[char]) -> bool {
    match s {
        [d, k, rest @ ..] if is_d(*d) && small_unit(*k) == Some(1000.0) => match rest {
            [] => true,
            [z, r @ ..] if is_zero(*z) => {
                g_1_99(r, false) && !r.is_empty() && (r.len() != 2 || is_d(r[0]))
            }
            _ => g_100_999(rest),
        },
        _ => false,
    }
}
fn g_1_9999(s: &[char], lead: bool) -> bool {
    if pos_of(s, |c| small_unit(c) == Some(1000.0)).is_some() {
        g_1000_9999(s)
    } else {
        g_1_999(s, lead)
    }
}
fn g_1_e8(s: &[char]) -> bool {
    match pos_of(s, |c| big_unit(c) == Some(1e4)) {
        Some(i) => {
            let (a, rest) = (&s[..i], &s[i + 1..]);
            g_1_9999(a, true)
                && match rest {
                    [] => true,
                    [z, r @ ..] if is_zero(*z) => !r.is_empty() && g_1_999(r, false),
                    _ => g_1000_9999(rest),
                }
        }
        None => g_1_9999(s, true),
    }
}
fn g_1e4_e8(s: &[char]) -> bool {
    pos_of(s, |c| big_unit(c) == Some(1e4)).is_some() && g_1_e8(s)
}
fn g_1_e16(s: &[char]) -> bool {
    match pos_of(s, |c| big_unit(c) == Some(1e8)) {
        Some(i) => {
            let (a, rest) = (&s[..i], &s[i + 1..]);
            g_1_e8(a)
                && match rest {
                    [] => true,
                    [z, r @ ..] if is_zero(*z) => !r.is_empty() && g_1_e8(r),
                    _ => g_1e4_e8(rest),
                }
        }
        None => g_1_e8(s),
    }
}

fn eval_chars(cs: &[char]) -> Option<(f64, bool)> {
    let mut e = IntEval::default();
    for &c in cs {
        e.push_char(c)?;
    }
    e.finish()
}

/// Evaluate an integer numeral (Chinese units with Chinese or Arabic digits; spaces ignored).
/// Returns the value and whether a `几`/`余`/`多` placeholder was inside (`二十几万`).
pub fn eval_int(s: &str) -> Option<(f64, bool)> {
    let mut e = IntEval::default();
    let b = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        if b[i].is_ascii_digit() {
            let mut j = i;
            while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'.' || b[j] == b',') {
                j += 1;
            }
            let lit = &s[i..j];
            let v = arabic_literal(lit)?;
            e.push_arabic(
                v,
                lit.len() > 1 && lit.starts_with('0') && !lit.contains('.'),
                lit.contains('.'),
            )?;
            i = j;
            continue;
        }
        let c = s[i..].chars().next()?;
        if c != ' ' {
            e.push_char(c)?;
        }
        i += c.len_utf8();
    }
    e.finish()
}
/// Digit-by-digit reading for cn2an's `direct` mode: `零零三` → `"003"`, `负零一` → `"-01"`.
pub fn parse_direct(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut any = false;
    for (k, c) in s.chars().enumerate() {
        match c {
            '0'..='9' => out.push(c),
            _ if is_cn_point(c) || c == '.' => out.push('.'),
            _ if k == 0 && (is_cn_minus(c) || c == '-') => out.push('-'),
            _ => out.push(char::from_digit(digit_value(c)?, 10)?),
        }
        any = true;
    }
    any.then_some(out)
}

/// A whole string that is one Arabic number: sign, separators, decimals, `e` exponent, `k`/`M`.
fn parse_arabic_full(s: &str) -> Option<f64> {
    let (neg, body) = match s.strip_prefix('-') {
        Some(t) => (true, t),
        None => (false, s),
    };
    let end = body
        .bytes()
        .position(|b| !(b.is_ascii_digit() || b == b'.' || b == b','))
        .unwrap_or(body.len());
    let mut v = arabic_literal(&body[..end])?;
    let rest = body[end..].trim_start();
    if !rest.is_empty() {
        if let Some(e) = rest.strip_prefix(['e', 'E']) {
            let x: i32 = e.strip_prefix('+').unwrap_or(e).parse().ok()?;
            v *= 10f64.powi(x.clamp(-300, 300));
        } else {
            match rest {
                "k" | "K" => v *= 1e3,
                "M" => v *= 1e6,
                _ => return None,
            }
        }
    }
    Some(if neg { -v } else { v })
}
