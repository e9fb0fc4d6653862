//! Numerals: Arabic (`1,267`, `1021.2056`, `2e5`), Chinese (`一千二百`, `两`, `三万五`, `壹佰`),
//! mixed (`1.2万`, `3万4000`) and digit-by-digit (`一七二零`) → `f64`.
//!
//! Pure functions over `&str`, no allocation. [`parse_number`] is the lenient parser the
//! quantity scanner uses; [`parse_mode`] follows the three modes of the cn2an library
//! (`strict`: only well-formed numerals; `normal`: also digit-by-digit and colloquial forms;
//! `smart`: also Arabic digits mixed in).

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

/// The value of a Chinese digit character (`零〇一…九`, `两兩俩倆幺`, financial `壹贰…玖`).
pub fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '两' | '兩' | '贰' | '貳' | '俩' | '倆' => 2,
        '三' | '叁' | '參' | '叄' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of a unit character below ten thousand: `十拾` 10, `百佰` 100, `千仟` 1000.
pub fn small_unit(c: char) -> Option<f64> {
    match c {
        '十' | '拾' => Some(10.0),
        '百' | '佰' => Some(100.0),
        '千' | '仟' => Some(1000.0),
        _ => None,
    }
}

/// The value of a large unit character: `万萬` 1e4, `亿億` 1e8, `兆` 1e12.
pub fn big_unit(c: char) -> Option<f64> {
    match c {
        '万' | '萬' => Some(1e4),
        '亿' | '億' => Some(1e8),
        '兆' => Some(1e12),
        _ => None,
    }
}

/// True for any char that can be part of a Chinese numeral (digits, units, `廿卅`).
pub fn is_cn_numeral_char(c: char) -> bool {
    digit_value(c).is_some()
        || small_unit(c).is_some()
        || big_unit(c).is_some()
        || c == '廿'
        || c == '卅'
}

/// The decimal point words: `点`, `點`.
pub fn is_cn_point(c: char) -> bool {
    c == '点' || c == '點'
}

/// The minus words: `负`, `負`.
pub fn is_cn_minus(c: char) -> bool {
    c == '负' || c == '負'
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

/// An Arabic literal with optional thousands separators (`1,267`) and one decimal point.
pub fn arabic_literal(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() && b[0] != b'.' {
        return None;
    }
    let mut int = 0.0f64;
    let mut frac = 0.0f64;
    let mut scale = 1.0f64;
    let mut in_frac = false;
    let mut group = 0usize;
    let mut saw_comma = false;
    let mut nd = 0;
    for &c in b {
        match c {
            b'0'..=b'9' => {
                nd += 1;
                let d = (c - b'0') as f64;
                if in_frac {
                    if scale < 1e17 {
                        frac = frac * 10.0 + d;
                        scale *= 10.0;
                    }
                } else {
                    int = int * 10.0 + d;
                    group += 1;
                }
            }
            b',' => {
                if in_frac || (saw_comma && group != 3) || group == 0 {
                    return None;
                }
                if !saw_comma && group > 3 {
                    return None;
                }
                saw_comma = true;
                group = 0;
            }
            b'.' => {
                if in_frac {
                    return None;
                }
                in_frac = true;
            }
            _ => return None,
        }
    }
    if nd == 0 || saw_comma && group != 3 || b.last() == Some(&b'.') || b.last() == Some(&b',') {
        return None;
    }
    Some(int + frac / scale)
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

/// The integer evaluator shared by all modes: feed chars (or Arabic literals) left to right
/// with [`IntEval::push_char`] / [`IntEval::push_arabic`], then [`IntEval::finish`].
#[derive(Debug, Default, Clone)]
pub struct IntEval {
    /// Completed parts with a large unit.
    total: f64,
    /// The large unit last applied (0 = none).
    last_big: f64,
    /// The value below the current large unit.
    section: f64,
    /// A digit (or Arabic number) waiting for its unit.
    pending: Option<f64>,
    /// The pending number came from a single Chinese digit (colloquial `三万五` applies).
    pending_cn: bool,
    /// The pending number is a decimal (`1.2万`): only large units may follow.
    pending_dec: bool,
    /// After a decimal with its unit: nothing but large units may follow.
    closed: bool,
    /// The small unit last applied in this section (0 = none).
    last_small: f64,
    /// The last unit applied (small or large), for the colloquial tail.
    last_unit: f64,
    /// A 零 since the last unit.
    zero: bool,
    /// Something was read.
    any: bool,
    /// A 几/余/多 placeholder was read.
    approx: bool,
}

impl IntEval {
    /// Feed one Chinese char (digit, unit, 零, 廿, 几/余/多); `None` when the numeral is malformed.
    pub fn push_char(&mut self, c: char) -> Option<()> {
        if let Some(d) = digit_value(c) {
            if self.closed {
                return None;
            }
            if d == 0 {
                if self.pending.is_some() {
                    return None;
                }
                self.zero = true;
                self.any = true;
                return Some(());
            }
            return self.push_digit(d as f64, true);
        }
        match c {
            '廿' | '卅' => {
                self.push_digit(if c == '廿' { 2.0 } else { 3.0 }, true)?;
                return self.push_small(10.0);
            }
            '几' | '幾' => {
                if self.pending.is_some() || self.closed {
                    return None;
                }
                self.approx = true;
                return Some(());
            }
            '余' | '多' => {
                self.approx = true;
                return Some(());
            }
            _ => {}
        }
        if let Some(u) = small_unit(c) {
            if self.closed {
                return None;
            }
            return self.push_small(u);
        }
        if let Some(m) = big_unit(c) {
            return self.push_big(m);
        }
        None
    }

    /// Feed a digit value (`cn`: written as a Chinese digit, so `三万五` is colloquial).
    pub fn push_digit(&mut self, d: f64, cn: bool) -> Option<()> {
        if self.pending.is_some() {
            return None;
        }
        self.pending = Some(d);
        self.pending_cn = cn;
        self.pending_dec = false;
        self.any = true;
        Some(())
    }

    /// Feed an Arabic literal's value (`leading_zero`: written `01`; `dec`: has a decimal point).
    pub fn push_arabic(&mut self, v: f64, leading_zero: bool, dec: bool) -> Option<()> {
        if self.pending.is_some() || self.closed {
            return None;
        }
        if leading_zero {
            self.zero = true;
        }
        self.pending = Some(v);
        self.pending_cn = false;
        self.pending_dec = dec;
        self.any = true;
        Some(())
    }

    /// Feed a unit below 万 (10, 100, 1000).
    pub fn push_small(&mut self, u: f64) -> Option<()> {
        if self.pending_dec {
            return None;
        }
        if self.last_small != 0.0 && u >= self.last_small {
            return None;
        }
        let d = self.pending.take().unwrap_or(1.0);
        self.section += d * u;
        self.last_small = u;
        self.last_unit = u;
        self.zero = false;
        self.any = true;
        Some(())
    }

    /// Feed a large unit (1e4, 1e8, 1e12).
    pub fn push_big(&mut self, m: f64) -> Option<()> {
        let dec = self.pending_dec;
        let s = self.section + self.pending.take().unwrap_or(0.0);
        if s == 0.0 && self.total == 0.0 {
            return None;
        }
        if s == 0.0 && m <= self.last_big {
            // 万万 = 亿, 万亿
            self.total *= m;
            self.last_big *= m;
        } else if self.last_big == 0.0 || m > self.last_big {
            self.total = (self.total + s) * m;
            self.last_big = m;
        } else {
            self.total += s * m;
            self.last_big = m;
        }
        if dec {
            self.closed = true;
        }
        self.pending_dec = false;
        self.section = 0.0;
        self.last_small = 0.0;
        self.last_unit = m;
        self.zero = false;
        self.any = true;
        Some(())
    }

    /// The value, and whether a 几/余/多 placeholder was read; `None` if nothing was read.
    pub fn finish(mut self) -> Option<(f64, bool)> {
        if !self.any {
            return None;
        }
        if let Some(p) = self.pending.take() {
            if self.pending_cn && !self.zero && self.last_unit >= 100.0 && p < 10.0 {
                // colloquial: 三万五 = 35000, 一百二 = 120
                self.section += p * self.last_unit / 10.0;
            } else {
                self.section += p;
            }
        }
        Some((self.total + self.section, self.approx))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn basics() {
        assert_eq!(parse_number("一千二百"), Some(1200.0));
        assert_eq!(parse_number("三万五"), Some(35000.0));
        assert_eq!(parse_number("1,267"), Some(1267.0));
        assert_eq!(parse_mode("一百十一", Mode::Strict), None);
        assert_eq!(parse_mode("一百十一", Mode::Normal), Some(111.0));
    }
}
