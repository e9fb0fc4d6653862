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

mod accept;
mod chars;
mod dates;
mod finish;
mod money;
mod run;
pub mod units;
pub(crate) mod words;

use crate::model::Approx;
use accept::decorate;
use chars::{ch, is_url_start, url_end};
use finish::{finish, special};
use run::{can_start, dotted_chain_end, read_run, skip_to_start};
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

/// A quantity, or the end of what was rejected.
pub(super) type Finish = Result<Quantity, usize>;

/// A quantity of `value` `unit` (no 各) at `span`, its numeral at `number`.
pub(super) fn q(
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

/// Find every quantity in `text` (normalised), in order, non-overlapping.
pub fn scan(text: &str) -> Vec<Quantity> {
    // (a report holds about one quantity in 250 bytes: room for twice as many from the start,
    // not grown and copied over and over)
    let mut out: Vec<Quantity> = Vec::with_capacity(text.len() / 128);
    let mut i = 0;
    let mut chain_end = 0;
    loop {
        i = skip_to_start(text, i);
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
/// An integer below 1e13 is its own result (× and ÷ by an exact power of ten ≤ 1e13, the
/// product below 2^53: all exact), so it is passed through.
fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() || v.fract() == 0.0 && v.abs() < 1e13 {
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

#[cfg(test)]
mod tests {
    use super::run::may_start;
    use super::*;

    fn vals(s: &str) -> Vec<(f64, String)> {
        scan(s).into_iter().map(|q| (q.value, q.unit)).collect()
    }

    /// Every char where a quantity can begin (or a URL be skipped) passes `may_start`, in
    /// contexts that let each rule hold.
    #[test]
    fn may_start_lets_every_start_through() {
        for c in (0..0x1_0000).filter_map(char::from_u32) {
            for (before, after) in [
                ("", "1"),
                ("打", "折"),
                ("中", "百分之五"),
                ("", "万"),
                ("a", ".5"),
            ] {
                let t = format!("{before}{c}{after}");
                let i = before.len();
                let starts = can_start(&t, i, c)
                    || finish::special(&t, i, c).is_some()
                    || matches!(c, 'h' | 'w');
                assert!(!starts || may_start(c), "U+{:04X} in {t:?}", c as u32);
            }
        }
        assert!(!may_start('中') && !may_start(','));
    }

    /// `skip_to_start` stops at the first char `may_start` lets through, for every char up to
    /// U+FFFF and a few beyond, after chars of every UTF-8 length.
    #[test]
    fn skip_to_start_stops_where_may_start_says() {
        for c in (0..0x1_0000)
            .chain([0x1_F600, 0x2_0001, 0x10_FFFF])
            .filter_map(char::from_u32)
        {
            // (after a run of 3-byte chars too: their loop of their own)
            for t in [
                format!("中é😀z{c},"),
                format!("甲乙{c}丙"),
                format!("甲{c}"),
            ] {
                let want = t
                    .char_indices()
                    .find(|&(_, d)| may_start(d))
                    .map_or(t.len(), |(i, _)| i);
                assert_eq!(skip_to_start(&t, 0), want, "U+{:04X}", c as u32);
            }
        }
        assert_eq!(skip_to_start("", 0), 0);
    }

    /// Integers pass `tidy` unchanged, as its rounding leaves them.
    #[test]
    fn tidy_keeps_integers() {
        let round = |v: f64| {
            let mag = 10f64.powi(13 - v.abs().log10().floor() as i32);
            (v * mag).round() / mag
        };
        for k in 0..13 {
            for v in [
                10f64.powi(k),
                10f64.powi(k) - 1.0,
                3.0 * 10f64.powi(k) + 7.0,
                9_999_999_999_999.0,
            ] {
                for v in [v, -v].into_iter().filter(|v| *v != 0.0) {
                    assert_eq!(tidy(v), round(v), "{v}");
                }
            }
        }
        assert_eq!(tidy(3400.0000000000005), 3400.0);
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
