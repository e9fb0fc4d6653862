//! Stage 3 — quantities: every number (+ unit) in the normalised text.
//!
//! In: the normalised text. Out: [`Quantity`]s in text order with byte spans into it.
//! Dates, ordinals (第五期), list markers (一是), heading numbers and document numbers
//! (〔2021〕5号) are not quantities.

use crate::model::Approx;
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
    let _ = text;
    Vec::new()
}
