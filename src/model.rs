//! The result types: what one report becomes (the JSON contract of `../shared/spec/OUTPUT.md`).
//!
//! Every span in these types is a pair of **character** (Unicode scalar) offsets
//! `[start, end)` into the text exactly as the user gave it.

use serde::{Deserialize, Serialize, Serializer};

pub mod from_json;

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
    /// What a reviewer checks (REVIEW.md): parts, timeliness, derived rates, flags, density.
    #[serde(default)]
    pub review: Review,
}

impl Report {
    /// The index in `metrics` of metric `id`'s primary fact (the one of its facts that stands
    /// for the metric: in the summary, the comparison, the series and the derived measures).
    pub fn primary_at(&self, id: &str) -> Option<usize> {
        self.metrics.iter().position(|f| f.primary && f.id == id)
    }

    /// Metric `id`'s primary fact.
    pub fn primary(&self, id: &str) -> Option<&Fact> {
        self.primary_at(id).map(|i| &self.metrics[i])
    }
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
    /// What kind of page it is (`rule_of_law_report`, `gov_info_disclosure`, `enforcement_stats`,
    /// `notice` … of `data/genres.toml`); null when nothing says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    /// The part of the year the figures cover: `全年`, or `截至7月底`, `1-11月` …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<String>,
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
    /// A loose match (a weak or distant trigger, words only in the phrase before): the page
    /// marks it "check the source". Written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub loose: bool,
    /// A weak match the page marks "check the source" (`metrics::confidence`): set by the
    /// page's extraction engine (`engine`), never written in the JSON output.
    #[serde(skip)]
    pub weak: bool,
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

/// What a reviewer checks in the report (../shared/spec/REVIEW.md): required parts, timeliness,
/// derived indicators, consistency flags and where the numbers are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Review {
    /// The five required parts in the order of REVIEW.md §1.
    pub parts: Vec<Part>,
    /// Published before the deadline?
    pub timeliness: Timeliness,
    /// Indicators computed from the primary facts (data/derived.toml).
    pub derived: Vec<Derived>,
    /// Numbers that do not add up.
    pub flags: Vec<Flag>,
    /// Per level-1 section: length, facts and figures.
    pub sections: Vec<SectionDensity>,
    /// Figures (facts and other figures) per 1,000 chars of text.
    pub density: f64,
    /// Last-year values the report states next to this year's (used across reports).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub last_year: Vec<LastYear>,
    /// With several reports of the same agency: its metrics over the years (CLI array, page).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<Series>,
}

/// One required part: `section`, `mentioned` or `missing`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Part {
    /// `measures`, `leader_duty`, `shortcomings`, `plans` or `other`.
    pub id: String,
    /// `section`, `mentioned` or `missing`.
    pub status: String,
    /// The heading that covers the part (outline text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Char offset of the heading, or of the sentence that mentions the part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<usize>,
    /// Shortcomings only: are causes given?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasons: Option<bool>,
}

/// Was the report published by the deadline (1 April of the following year)?
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Timeliness {
    /// The year reported on.
    pub year: Option<i32>,
    /// Publication date `YYYY-MM-DD`.
    pub published: Option<String>,
    /// `year+1-04-01`.
    pub deadline: Option<String>,
    /// `on_time`, `late`, `early` or `unknown`.
    pub status: String,
    /// Days after the deadline when late.
    pub days_late: Option<i64>,
}

/// A derived indicator with its formula and the facts it used.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Derived {
    /// Indicator id (`average_fine`).
    pub id: String,
    /// Chinese label.
    #[serde(default)]
    pub label: String,
    /// English label.
    #[serde(default)]
    pub label_en: String,
    /// The computed value (rounded to two decimals).
    #[serde(serialize_with = "ser_number")]
    pub value: f64,
    /// `%`, `元/件` …
    pub unit: String,
    /// `fines / penalty_cases`.
    pub formula: String,
    /// The metric ids whose primary facts were used.
    pub uses: Vec<String>,
}

/// A consistency flag: something in the report that does not add up.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Flag {
    /// `parts_exceed_total`, `rate_over_100`, `conflicting_values`, `change_mismatch`,
    /// `stated_vs_derived`, `year_mismatch`, `cross_year_mismatch`.
    pub kind: String,
    /// The message in Chinese.
    pub zh: String,
    /// The message in English.
    pub en: String,
    /// The metric ids involved.
    pub metrics: Vec<String>,
    /// Char spans of the evidence in the original text.
    pub evidence: Vec<Span>,
}

/// Where the numbers are: one level-1 section.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SectionDensity {
    /// The section's heading (outline text).
    pub heading: String,
    /// Char offset of the heading.
    pub at: usize,
    /// Length of the section in chars.
    pub chars: usize,
    /// Catalog fact mentions (evidence spans) in it.
    pub facts: usize,
    /// Other figures in it.
    pub figures: usize,
    /// A measures section of over 500 chars without a single figure.
    pub no_figures: bool,
}

/// A last-year value stated beside this year's (`较去年的120件`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct LastYear {
    /// The metric of this year's value.
    pub metric: String,
    /// The stated last-year value.
    #[serde(serialize_with = "ser_number")]
    pub value: f64,
    /// This year's value in the same sentence.
    #[serde(serialize_with = "ser_number")]
    pub current: f64,
    /// Char span of the last-year figure.
    pub evidence: Span,
}

/// One metric of one agency over several years.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Series {
    /// The agency (meta.agency).
    pub agency: String,
    /// Metric id.
    pub metric: String,
    /// Metric label.
    #[serde(default)]
    pub label: String,
    /// Unit of the values.
    #[serde(default)]
    pub unit: String,
    /// The primary value per year, ordered by year.
    pub points: Vec<SeriesPoint>,
}

/// One year of a [`Series`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SeriesPoint {
    /// The year reported on.
    pub year: i32,
    /// The primary value of that year's report.
    #[serde(serialize_with = "ser_number")]
    pub value: f64,
    /// That report's source name.
    pub source: String,
}
