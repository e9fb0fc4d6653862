//! Numerals as the quantity scanner reads them: the character classes of Chinese numerals
//! (digits `零〇一…九`, `两`, financial `壹贰…玖`; units `十百千`, `万亿兆`; `点`, `负`), Arabic
//! literals with thousands separators ([`arabic_literal`]) and [`IntEval`], the left-to-right
//! integer evaluator the scanner feeds char by char (or literal by literal) while it walks the
//! text: `一千二百`, `三万五` (colloquial), `1.2万`, `3万4000`, `二十几万`.
//!
//! The scanner (`quantities::scan`) does not parse whole strings; it decides where a numeral
//! starts and ends from the context and drives [`IntEval`] itself (digit-by-digit runs such as
//! `二〇二一` are read there too, and are a number only in a few contexts such as `三八折`).
//! A whole-string parser following the three modes of the cn2an library lives with the tests
//! (`tests/common/cn2an.rs`): a peer reference, not a path `extract` takes.

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

    fn eval(s: &str) -> Option<f64> {
        let mut e = IntEval::default();
        for c in s.chars() {
            e.push_char(c)?;
        }
        e.finish().map(|(v, _)| v)
    }

    #[test]
    fn basics() {
        assert_eq!(eval("一千二百"), Some(1200.0));
        assert_eq!(eval("三万五"), Some(35000.0));
        assert_eq!(eval("一百零一"), Some(101.0));
        assert_eq!(eval("十十"), None);
        assert_eq!(arabic_literal("1,267"), Some(1267.0));
        assert_eq!(arabic_literal("12,34"), None);
    }
}
