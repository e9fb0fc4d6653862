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
    // (the char before is read only where it matters: most chars are no numeral)
    let p = || prev(t, i);
    match c {
        '0'..='9' => true,
        '.' => {
            matches!(t.as_bytes().get(i + 1), Some(d) if d.is_ascii_digit())
                && !matches!(p(), Some(x) if x.is_ascii_digit() || x == '.')
        }
        '-' => {
            let nb = t.as_bytes().get(i + 1).copied();
            let ok_next = matches!(nb, Some(d) if d.is_ascii_digit())
                || (nb == Some(b'.')
                    && matches!(t.as_bytes().get(i + 2), Some(d) if d.is_ascii_digit()));
            ok_next
                && !matches!(p(), Some(x) if x.is_ascii_alphanumeric() || x == '-' || x == '.' || x == '/')
        }
        _ if is_cn_minus(c) => {
            matches!(ch(t, i + c.len_utf8()), Some(n) if n.is_ascii_digit() || digit_value(n).is_some() || small_unit(n).is_some())
        }
        _ if big_unit(c).is_some() => {
            let k = i + c.len_utf8();
            starts_spaced(t, skip_spaces(t, k), "分之").is_some()
                || (ch(t, k).and_then(big_unit).is_some()
                    && !matches!(p(), Some(x) if numerals::is_cn_numeral_char(x) || x.is_ascii_digit()))
                || lone_unit_figure(t, i, c)
        }
        _ => digit_value(c).is_some() || small_unit(c).is_some() || c == '廿' || c == '卅',
    }
}

/// Whether the unit `c` (百, 千, 万, 亿) at `i`, with no numeral before it, is a figure of its
/// own: after `上`/`近`/`逾` … or before `余`/`多` (`上万人次`, `近万份`, `百余人`; the lists of
/// `data/numbers.toml`), not in `万元` or `百姓`.
pub(super) fn lone_unit_figure(t: &str, i: usize, c: char) -> bool {
    let w = super::words::chars();
    let before = prev(t, i);
    !matches!(before, Some(x) if numerals::is_cn_numeral_char(x) || x.is_ascii_digit())
        && (before.is_some_and(|x| w.lone_unit_after.contains(x))
            || ch(t, i + c.len_utf8()).is_some_and(|n| w.lone_unit_before.contains(n)))
}

/// Whether a quantity may begin at char `c`: false for most chars of a text, which are then
/// passed over with one lookup. A superset of where [`can_start`] and `finish::special` hold and
/// of `h`/`w` (where a URL is skipped): a numeral char, a sign, a decimal point, `半`, `对`/`對`.
/// The set is a bitmap on the char's low 12 bits, built once from the numeral predicates over
/// the Basic Multilingual Plane (other chars share its bits: a false "may" is only slower).
#[cfg(test)]
pub(super) fn may_start(c: char) -> bool {
    let k = c as usize & 0xFFF;
    start_bits()[k >> 6] >> (k & 63) & 1 == 1
}

/// The byte offset of the first char at or after byte `i` (a char boundary) that
/// [`may_start`] lets through, else `t.len()`: the chars' low 12 bits read straight from their
/// UTF-8 bytes, without decoding them (most of a report's chars are passed over here). The
/// 3-byte chars (Han, CJK punctuation) that make up most of a report have a loop of their own.
pub(super) fn skip_to_start(t: &str, mut i: usize) -> usize {
    let (b, bits) = (t.as_bytes(), start_bits());
    let hit = |k: usize| bits[k >> 6] >> (k & 63) & 1 == 1;
    let at = |j: usize| b.get(j).map_or(0, |&x| x as usize & 0x3F);
    loop {
        let mut rest = b.get(i..).unwrap_or_default();
        while let &[0xE0..=0xEF, c1, c2, ref tail @ ..] = rest {
            if hit((c1 as usize & 0x3F) << 6 | c2 as usize & 0x3F) {
                return b.len() - rest.len();
            }
            rest = tail;
        }
        i = b.len() - rest.len();
        let Some(&lead) = b.get(i) else {
            return t.len();
        };
        let (k, len) = match lead {
            0..0x80 => (lead as usize, 1),
            0x80..0xE0 => ((lead as usize & 0x1F) << 6 | at(i + 1), 2),
            0xE0..0xF0 => (at(i + 1) << 6 | at(i + 2), 3),
            _ => (at(i + 2) << 6 | at(i + 3), 4),
        };
        if hit(k & 0xFFF) {
            return i;
        }
        i += len;
    }
}

/// The bitmap of [`may_start`].
fn start_bits() -> &'static [u64; 64] {
    static BITS: std::sync::OnceLock<[u64; 64]> = std::sync::OnceLock::new();
    BITS.get_or_init(|| {
        let mut bits = [0u64; 64];
        let starts = |c: char| {
            c.is_ascii_digit()
                || matches!(c, '.' | '-' | 'h' | 'w' | '半' | '对' | '對')
                || numerals::is_cn_numeral_char(c)
                || is_cn_minus(c)
        };
        for c in (0..0x1_0000)
            .filter_map(char::from_u32)
            .filter(|&c| starts(c))
        {
            let k = c as usize & 0xFFF;
            bits[k >> 6] |= 1 << (k & 63);
        }
        bits
    })
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
    let mut r = Reader::new(t, i, j, no_dot);
    while let Some(c) = ch(t, r.j) {
        let step = if c.is_ascii_digit() || c == '.' && r.j == r.end && r.run.n_chars == 0 {
            r.arabic()
        } else if r.in_frac {
            r.after_decimals(c)
        } else {
            r.chinese(c)
        };
        match step {
            Step::Next => continue,
            Step::Stop => break,
            Step::Took => r.took(c),
        }
    }
    r.into_run(i, neg)
}

/// What one char did to the numeral being read.
enum Step {
    /// Read (position already advanced); go on.
    Next,
    /// Not part of the numeral: the run ends before it.
    Stop,
    /// A Chinese numeral char taken: advance past it.
    Took,
}

/// The state of [`read_run`] while it reads a numeral left to right.
struct Reader<'t> {
    t: &'t str,
    no_dot: bool,
    run: Run,
    /// Where reading is.
    j: usize,
    /// End of the numeral so far.
    end: usize,
    ev: IntEval,
    /// The decimals after a Chinese point (`三点五`).
    frac: f64,
    /// A large unit after the decimals (`三点五万`).
    mult: f64,
    cn_digits: usize,
    units: usize,
    in_frac: bool,
    /// The value read digit by digit (`一七二零`).
    digits_only_seq: f64,
    /// No malformed step so far.
    ok: bool,
    /// A 十 (or 廿/卅) was read.
    has_ten: bool,
}

impl<'t> Reader<'t> {
    fn new(t: &'t str, i: usize, j: usize, no_dot: bool) -> Self {
        Reader {
            t,
            no_dot,
            run: Run {
                start: i,
                int: true,
                ..Default::default()
            },
            j,
            end: j,
            ev: IntEval::default(),
            frac: 0.0,
            mult: 1.0,
            cn_digits: 0,
            units: 0,
            in_frac: false,
            digits_only_seq: 0.0,
            ok: true,
            has_ten: false,
        }
    }

    /// An Arabic literal (`1,267`, `3.5`, `.5`).
    fn arabic(&mut self) -> Step {
        let (t, j, run) = (self.t, self.j, &mut self.run);
        if self.in_frac || run.arabic && !run.chinese {
            return Step::Stop;
        }
        let (k, dot) = arabic_at(t, j, self.no_dot);
        if k == j {
            return Step::Stop;
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
        if self
            .ev
            .push_arabic(v, lit.len() > 1 && lit.starts_with('0') && !dot, dot)
            .is_none()
        {
            self.ok = false;
        }
        run.arabic = true;
        run.n_chars += 1;
        self.j = k;
        self.end = k;
        Step::Next
    }

    /// After Chinese decimals only a large unit may follow (`三点五万`).
    fn after_decimals(&mut self, c: char) -> Step {
        match big_unit(c) {
            Some(m) => {
                self.mult *= m;
                self.j += c.len_utf8();
                self.end = self.j;
                Step::Next
            }
            None => Step::Stop,
        }
    }

    /// A Chinese numeral char, a point, an approximation inside (`十余万`) or a space.
    fn chinese(&mut self, c: char) -> Step {
        if let Some(d) = digit_value(c) {
            self.push(c);
            self.digits_only_seq = self.digits_only_seq * 10.0 + d as f64;
            self.cn_digits += 1;
        } else if small_unit(c).is_some() || c == '廿' || c == '卅' {
            self.has_ten |= small_unit(c) == Some(10.0) || c == '廿' || c == '卅';
            self.push(c);
            self.units += 1;
        } else if big_unit(c).is_some() {
            if self.run.n_chars == 0 {
                // 万分之三, 万万分之七: the unit alone
                let (t, k) = (self.t, self.j + c.len_utf8());
                if !(starts_spaced(t, skip_spaces(t, k), "分之").is_some()
                    || ch(t, k).and_then(big_unit).is_some()
                    || lone_unit_figure(t, self.j, c))
                {
                    return Step::Stop;
                }
                let _ = self.ev.push_digit(1.0, false);
            }
            self.push(c);
            self.units += 1;
        } else if is_cn_point(c) && self.run.n_chars > 0 {
            return self.decimals(c);
        } else if matches!(c, '余' | '多' | '几' | '幾') && self.run.n_chars > 0 {
            return self.approx_inside(c);
        } else if c == ' ' {
            let k = skip_spaces(self.t, self.j);
            if self.run.n_chars > 0 && continues(self.t, k, self.run.chinese) {
                self.j = k;
                return Step::Next;
            }
            return Step::Stop;
        } else {
            return Step::Stop;
        }
        Step::Took
    }

    /// Feed one Chinese numeral char to the evaluator.
    fn push(&mut self, c: char) {
        if self.ev.push_char(c).is_none() {
            self.ok = false;
        }
    }

    /// The decimals after a Chinese point (`点`), in Arabic or Chinese digits.
    fn decimals(&mut self, c: char) -> Step {
        let t = self.t;
        let k = skip_spaces(t, self.j + c.len_utf8());
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
            return Step::Stop;
        }
        self.frac = num / scale;
        self.in_frac = true;
        self.run.int = false;
        self.j = m;
        self.end = m;
        Step::Next
    }

    /// `余`/`多`/`几` between numeral chars and a large unit (`十余万`, `几千`).
    fn approx_inside(&mut self, c: char) -> Step {
        let k = skip_spaces(self.t, self.j + c.len_utf8());
        match ch(self.t, k) {
            Some(u) if big_unit(u).is_some() => {
                self.run.approx = true;
                if matches!(c, '几' | '幾') {
                    let _ = self.ev.push_char('几');
                }
                self.j = k;
                Step::Next
            }
            _ => Step::Stop,
        }
    }

    /// A Chinese numeral char was taken: step past it.
    fn took(&mut self, c: char) {
        if self.run.n_chars == 0 {
            self.run.first = c;
        }
        self.run.chinese = true;
        self.run.n_chars += 1;
        self.j += c.len_utf8();
        self.end = self.j;
    }

    /// The run read, with its value (or `bad`), or None when no numeral char was read.
    fn into_run(self, i: usize, neg: bool) -> Option<Run> {
        let Reader { t, mut run, .. } = self;
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
        run.end = self.end;
        run.digit_seq = run.chinese && !run.arabic && self.units == 0 && self.cn_digits >= 2;
        run.lone_unit =
            run.chinese && !run.arabic && self.cn_digits == 0 && self.units > 0 && !self.has_ten;
        if run.chinese {
            run.arabic_digits = 0;
        }
        let int = if run.digit_seq {
            Some(self.digits_only_seq)
        } else if self.ok {
            match self.ev.finish() {
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
                let v = (v + self.frac) * self.mult;
                run.value = if neg { -v } else { v };
            }
            None => run.bad = true,
        }
        Some(run)
    }
}
