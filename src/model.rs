//! The result types: what one report becomes (the JSON contract of `../shared/spec/OUTPUT.md`).
//!
//! Every span in these types is a pair of **character** (Unicode scalar) offsets
//! `[start, end)` into the text exactly as the user gave it.

use serde::{Deserialize, Serialize, Serializer};

/// `[start, end)` in characters of the original text.
pub type Span = [usize; 2];

/// The structured result for one report.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Report {
    /// Output contract version (always 1).
    pub schema: u32,
    /// File name (or `-` for standard input, or a name the page gives).
    pub source: String,
    /// Who reported on which year.
    pub meta: Meta,
    /// Catalog metric facts, exactly one `primary` per id.
    pub metrics: Vec<Fact>,
    /// Every quantity not used by a metric.
    pub figures: Vec<Figure>,
    /// The heading tree, in text order.
    pub outline: Vec<Heading>,
    /// Items of the problems section(s) (存在问题 / 不足).
    pub problems: Vec<String>,
    /// Start offsets (chars) of `problems`, parallel to it.
    #[serde(default)]
    pub problems_at: Vec<usize>,
    /// Items of the plans section(s) (下步打算 / 工作安排).
    pub plans: Vec<String>,
    /// Start offsets (chars) of `plans`, parallel to it.
    #[serde(default)]
    pub plans_at: Vec<usize>,
    /// Titles cited in 《》.
    pub documents: Vec<Document>,
    /// A short narrative in Chinese and English.
    pub summary: Summary,
    /// Non-fatal notes about the input (clutter removed, truncated, decoded as GBK …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Report metadata; `None` where the page does not say.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Meta {
    pub agency: Option<String>,
    pub region: Option<String>,
    pub province: Option<String>,
    /// 省级 / 地市级 / 区县级
    pub level: Option<String>,
    pub year: Option<i32>,
    /// ISO 8601 date `YYYY-MM-DD`.
    pub published: Option<String>,
    pub title: Option<String>,
}

/// `more_than` (余, 多, 以上 …) or `nearly` (近, 约, 左右 …).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    MoreThan,
    Nearly,
}

/// A year-on-year change stated with a figure.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Relative change in percent: `同比下降16.2%` → `{"pct": -16.2}`.
    Pct(f64),
    /// Change in percentage points: `上升3.5个百分点` → `{"points": 3.5}`.
    Points(f64),
}

/// One catalog metric fact: a (metric, value) pair with all its evidence.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Fact {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub label_en: String,
    #[serde(default)]
    pub group: String,
    #[serde(serialize_with = "ser_number")]
    pub value: f64,
    pub unit: String,
    pub primary: bool,
    /// The source text of the first evidence span.
    pub raw: String,
    pub approx: Option<Approx>,
    pub scope: Option<String>,
    pub period: Option<String>,
    pub change: Option<Change>,
    pub evidence: Vec<Span>,
}

/// A quantity that no metric took: value, unit and what it counts.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Figure {
    #[serde(serialize_with = "ser_number")]
    pub value: f64,
    /// `""` for a bare number.
    pub unit: String,
    /// A short phrase naming what is counted.
    pub subject: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approx: Option<Approx>,
    pub evidence: Vec<Span>,
}

/// One heading of the outline.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Heading {
    /// 1 = 一、 2 = (一) 3 = 1. 4 = 一是 / (1)
    pub level: u8,
    pub text: String,
    /// Char offset of the heading's first character.
    pub at: usize,
}

/// A title cited in 《》.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Document {
    pub title: String,
    /// 法律, 行政法规, 地方性法规, 规章, 规范性文件, 方案/规划/计划, 办法/细则/规定, 通知/意见, 其他
    pub kind: String,
    /// How often it is cited.
    pub count: usize,
    /// The report says it was issued (出台/印发/制定/发布) this year.
    #[serde(default)]
    pub issued: bool,
    /// Char offset of the first citation.
    #[serde(default)]
    pub at: usize,
}

/// A short narrative in both languages, numbers linked to their facts.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Summary {
    pub zh: String,
    pub en: String,
    /// Where each number in the narratives stands and which fact it shows.
    #[serde(default)]
    pub links: Vec<SummaryLink>,
}

/// A number in the summary text: `[start, end)` chars of `zh` or `en`, and the index of its fact in `metrics`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SummaryLink {
    /// `"zh"` or `"en"`.
    pub lang: String,
    pub span: Span,
    pub fact: usize,
}

/// Write whole numbers as JSON integers (`146`, not `146.0`).
pub fn ser_number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}
