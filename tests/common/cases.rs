//! The typed form of every table in `tests/data/*.toml`, one struct per kind of case.
//!
//! Every struct denies unknown fields, so a misspelt key is an error when the table is loaded,
//! never a silently skipped check; required keys have no default. Every case has a `name`,
//! unique in its table (checked by [`crate::common::Verdict`] and [`unique_names`]). Where a
//! harness judges each case, `known_failure = true` lists the case as a known failure: the
//! harness fails when an unlisted case fails and when a listed one starts to pass.

use serde::Deserialize;
use std::collections::BTreeMap;

/// Panics when two cases of one table share a name.
pub fn unique_names<'a>(table: &str, names: impl IntoIterator<Item = &'a str>) {
    let mut seen = std::collections::HashSet::new();
    for n in names {
        assert!(!n.is_empty(), "{table}: a case without a name");
        assert!(seen.insert(n), "{table}: two cases are named {n:?}");
    }
}

// ───────────────────────────── numbers.toml ─────────────────────────────

/// `numbers.toml`: `rows`, numeral strings and their values.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumbersTable {
    /// The rows, in file order.
    pub rows: Vec<NumberCase>,
}

/// One numeral string and the value the peer-compatible parser must give it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberCase {
    /// Unique name of the row.
    pub name: String,
    /// The string parsed as a whole.
    pub s: String,
    /// `strict` / `normal` / `smart` for cn2an's modes; absent: the lenient `parse_number`.
    pub mode: Option<String>,
    /// The expected value, or `"none"` (not one well-formed number).
    pub v: NumberOrNone,
    /// Listed as a known failure.
    #[serde(default)]
    pub known_failure: bool,
}

/// A number, or the word `"none"` for "no value" (an explicit absence).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum NumberOrNone {
    /// A value.
    Number(f64),
    /// Must be `"none"`.
    Word(String),
}

impl NumberOrNone {
    /// The value, `None` for `"none"`; panics on any other word.
    pub fn value(&self) -> Option<f64> {
        match self {
            NumberOrNone::Number(v) => Some(*v),
            NumberOrNone::Word(w) if w == "none" => None,
            NumberOrNone::Word(w) => panic!("expected a number or \"none\", found {w:?}"),
        }
    }
}

// ───────────────────────────── quantities.toml ─────────────────────────────

/// `quantities.toml`: texts and the quantities the scanner must find.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantitiesTable {
    /// The cases, in file order.
    pub case: Vec<QuantityCase>,
}

/// One text and the quantities found in it, in order (`expect = []`: none at all).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantityCase {
    /// Unique name of the case.
    pub name: String,
    /// The text (normalised by the harness).
    pub text: String,
    /// The quantities, in text order.
    pub expect: Vec<QuantityWant>,
    /// Listed as a known failure.
    #[serde(default)]
    pub known_failure: bool,
}

/// One expected quantity.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantityWant {
    /// The value in the canonical unit of its kind.
    pub value: f64,
    /// The unit in its normal form (`` for a bare number).
    pub unit: String,
    /// count / money / percent / points / concentration / measure / bare.
    pub kind: String,
    /// `more_than` / `nearly`; absent: exact.
    #[serde(default)]
    pub approx: Option<String>,
    /// Preceded by 各.
    #[serde(default)]
    pub each: bool,
}

// ───────────────────────────── classify.toml, qualifiers.toml ─────────────────────────────

/// `classify.toml` and `qualifiers.toml`: excerpts and the exact catalog facts from them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseTable {
    /// The cases, in file order.
    pub case: Vec<PhraseCase>,
}

/// One excerpt and the exact multiset of catalog facts `extract` must produce from it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseCase {
    /// Unique name of the case.
    pub name: String,
    /// The excerpt.
    pub text: String,
    /// The facts (`[]`: no catalog fact at all).
    pub facts: Vec<FactWant>,
    /// A remark for the reader; not checked.
    #[serde(default)]
    pub note: Option<String>,
    /// Listed as a known failure.
    #[serde(default)]
    pub known_failure: bool,
}

/// `classify_floor.toml`: the pass-rate floors of the two phrase tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassifyFloor {
    /// Share of `classify.toml` cases that must pass.
    pub classify: f64,
    /// Share of `qualifiers.toml` cases that must pass.
    pub qualifiers: f64,
}

/// One expected catalog fact: id and value always, the other fields checked when present.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactWant {
    /// The metric id.
    pub id: String,
    /// The value in the metric's canonical unit.
    pub value: f64,
    /// `more_than` / `nearly` (`""` would mean exact).
    #[serde(default)]
    pub approx: Option<String>,
    /// The scope word (`全市`).
    #[serde(default)]
    pub scope: Option<String>,
    /// The period words (`2023年`).
    #[serde(default)]
    pub period: Option<String>,
    /// Year-on-year change in percent.
    #[serde(default)]
    pub change_pct: Option<f64>,
    /// Year-on-year change in percentage points.
    #[serde(default)]
    pub change_points: Option<f64>,
    /// Whether the fact is its metric's primary one.
    #[serde(default)]
    pub primary: Option<bool>,
    /// Whether the fact is marked a loose match (check the source).
    #[serde(default)]
    pub loose: Option<bool>,
}

// ───────────────────────────── departments.toml ─────────────────────────────

/// `departments.toml`: phrase tables per department type.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentsTable {
    /// The cases, in file order.
    pub case: Vec<DepartmentCase>,
}

/// One excerpt of one department type and its exact catalog facts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentCase {
    /// Unique name of the case.
    pub name: String,
    /// The department type (生态环境, 市场监管 …).
    pub dept: String,
    /// The excerpt.
    pub text: String,
    /// The facts (`[]`: none).
    pub facts: Vec<FactWant>,
    /// A remark for the reader; not checked.
    #[serde(default)]
    pub note: Option<String>,
    /// Listed as a known failure.
    #[serde(default)]
    pub known_failure: bool,
}

// ───────────────────────────── tables.toml ─────────────────────────────

/// `tables.toml`: tables flattened into text and the exact facts from them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TablesTable {
    /// The cases, in file order.
    pub case: Vec<TableCase>,
}

/// One flattened table and its exact catalog facts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableCase {
    /// Unique name of the case.
    pub name: String,
    /// The text.
    pub text: String,
    /// The facts.
    pub facts: Vec<TableFactWant>,
    /// A remark for the reader; not checked.
    #[serde(default)]
    pub note: Option<String>,
    /// Listed as a known failure.
    #[serde(default)]
    pub known_failure: bool,
}

/// One expected fact of a table case.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableFactWant {
    /// The metric id.
    pub id: String,
    /// The value.
    pub value: f64,
    /// Whether it is primary (checked when given).
    #[serde(default)]
    pub primary: Option<bool>,
    /// The evidence text (checked against the original by char offsets when given).
    #[serde(default)]
    pub raw: Option<String>,
}

// ───────────────────────────── meta.toml, gazetteer.toml ─────────────────────────────

/// `meta.toml`: synthetic page heads and their meta.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaTable {
    /// The cases, in file order.
    pub case: Vec<MetaCase>,
}

/// One page head; a field left out must come out as `None`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaCase {
    /// Unique name of the case.
    pub name: String,
    /// The text.
    pub text: String,
    /// The reporting agency.
    pub agency: Option<String>,
    /// Its region.
    pub region: Option<String>,
    /// Its province.
    pub province: Option<String>,
    /// Its level.
    pub level: Option<String>,
    /// The year reported on.
    pub year: Option<i32>,
    /// The published date (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// The title.
    pub title: Option<String>,
    /// Listed as a known failure.
    #[serde(default)]
    pub known_failure: bool,
}

/// `gazetteer.toml`: lookups in the gazetteer. In all but `[[resolve]]`, `name` is the place
/// looked up, which also names the case.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GazetteerTable {
    /// Full name → province, level, parent.
    pub lookup: Vec<LookupCase>,
    /// A string such as an agency → region, province, level.
    pub resolve: Vec<ResolveCase>,
    /// A short form → the full name.
    pub short: Vec<ShortCase>,
    /// A place → its parent.
    pub parent: Vec<ParentCase>,
    /// How many places of a name lie within another.
    pub within: Vec<WithinCase>,
    /// GB/T 2260 codes.
    pub code: Vec<CodeCase>,
}

/// A full name looked up.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookupCase {
    /// The full name (and the case's name).
    pub name: String,
    /// Its province.
    #[serde(default)]
    pub province: Option<String>,
    /// Its level.
    #[serde(default)]
    pub level: Option<String>,
    /// Its parent.
    #[serde(default)]
    pub parent: Option<String>,
    /// Several places have this name.
    #[serde(default)]
    pub ambiguous: bool,
    /// How many.
    #[serde(default)]
    pub count: Option<usize>,
    /// Not in the gazetteer.
    #[serde(default)]
    pub unknown: bool,
}

/// A string resolved to a region.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResolveCase {
    /// Unique name of the case.
    pub name: String,
    /// The string (an agency name …).
    pub text: String,
    /// Expected region (absent: None).
    pub region: Option<String>,
    /// Expected province.
    pub province: Option<String>,
    /// Expected level.
    pub level: Option<String>,
}

/// A short form expanded.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShortCase {
    /// The short form (and the case's name).
    pub name: String,
    /// The full name; absent when unknown or ambiguous.
    pub full: Option<String>,
}

/// A place's parent.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParentCase {
    /// The place (and the case's name).
    pub name: String,
    /// Its parent; absent: none.
    pub parent: Option<String>,
}

/// Places of a name within another place.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WithinCase {
    /// The name (with `within`, the case's name).
    pub name: String,
    /// The enclosing place.
    pub within: String,
    /// How many places of that name lie in it.
    pub count: usize,
}

/// A place's GB/T 2260 code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeCase {
    /// Unique name of the case.
    pub name: String,
    /// The place.
    pub place: String,
    /// The code.
    pub code: String,
}

// ───────────────────────────── sections, documents, summary ─────────────────────────────

/// `sections.toml`: headings, small reports and the seeds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionsTable {
    /// Heading lines → kinds.
    pub heading: Vec<SectionHeadingCase>,
    /// Small synthetic reports.
    pub doc: Vec<SectionDocCase>,
    /// The seed reports of `../shared/corpus`.
    pub seed: Vec<SectionSeedCase>,
}

/// A heading line and the section kinds it names.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionHeadingCase {
    /// Unique name of the case.
    pub name: String,
    /// The heading line.
    pub text: String,
    /// `problems`, `plans` (empty: neither).
    pub kinds: Vec<String>,
}

/// A small report and its problems / plans items.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionDocCase {
    /// Unique name of the case.
    pub name: String,
    /// The report.
    pub text: String,
    /// How many problem items.
    pub problems: usize,
    /// How many plan items.
    pub plans: usize,
    /// A phrase one problem item must contain.
    pub problem_has: Option<String>,
    /// A phrase no problem item may contain.
    pub problem_not: Option<String>,
    /// A phrase one plan item must contain.
    pub plan_has: Option<String>,
    /// A phrase no plan item may contain.
    pub plan_not: Option<String>,
}

/// A seed report: whether it has problems / plans, and a phrase among their items.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSeedCase {
    /// Unique name of the case.
    pub name: String,
    /// The file in `../shared/corpus`.
    pub file: String,
    /// Has a problems section.
    pub problems: bool,
    /// Has a plans section.
    pub plans: bool,
    /// A phrase among the problem items.
    pub problem_phrase: String,
    /// A phrase among the plan items.
    pub plan_phrase: String,
}

/// `documents.toml`: kinds, `issued`, citations.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentsTable {
    /// A title → its kind.
    pub kind: Vec<DocKindCase>,
    /// A sentence → the title cited and whether it was issued.
    pub issued: Vec<DocIssuedCase>,
    /// A text → the titles found with their counts.
    pub cites: Vec<DocCitesCase>,
}

/// A title and its kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocKindCase {
    /// Unique name of the case.
    pub name: String,
    /// The title.
    pub title: String,
    /// The kind.
    pub kind: String,
    /// The sentence calls it a 规范性文件.
    #[serde(default)]
    pub normative: bool,
}

/// A sentence citing a title.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocIssuedCase {
    /// Unique name of the case.
    pub name: String,
    /// The sentence.
    pub text: String,
    /// The title cited.
    pub title: String,
    /// The report says it was issued.
    pub issued: bool,
}

/// A text and the titles it cites.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocCitesCase {
    /// Unique name of the case.
    pub name: String,
    /// The text.
    pub text: String,
    /// The titles, in order.
    pub titles: Vec<String>,
    /// Their counts.
    pub counts: Vec<usize>,
}

/// `summary.toml`: synthetic reports and their narratives.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryTable {
    /// The cases.
    pub case: Vec<SummaryCase>,
}

/// A synthetic report (meta + facts) and what its zh/en summary must (not) say.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryCase {
    /// Unique name of the case.
    pub name: String,
    /// The agency.
    pub agency: Option<String>,
    /// The year.
    pub year: Option<i32>,
    /// The genre id (`data/genres.toml`).
    pub genre: Option<String>,
    /// The part of the year covered (`截至7月底`).
    pub coverage: Option<String>,
    /// The facts.
    pub facts: Vec<SummaryFact>,
    /// Substrings the zh text must contain.
    #[serde(default)]
    pub zh_has: Vec<String>,
    /// Substrings the en text must contain.
    #[serde(default)]
    pub en_has: Vec<String>,
    /// Substrings the zh text must not contain.
    #[serde(default)]
    pub zh_not: Vec<String>,
    /// Substrings the en text must not contain.
    #[serde(default)]
    pub en_not: Vec<String>,
    /// The whole zh text.
    pub zh_is: Option<String>,
    /// The whole en text.
    pub en_is: Option<String>,
    /// How many links.
    pub links: usize,
}

/// A fact of a synthetic report.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryFact {
    /// The metric id.
    pub id: String,
    /// The value.
    pub value: f64,
    /// The unit.
    pub unit: String,
    /// `more_than` / `nearly`.
    pub approx: Option<String>,
    /// `false` for a non-primary fact.
    pub primary: Option<bool>,
}

// ───────────────────────────── clutter.toml ─────────────────────────────

/// `clutter.toml`: page lines and the clutter rule that matches them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClutterTable {
    /// The cases.
    pub case: Vec<ClutterCase>,
}

/// One line and its clutter rule (absent: content, must stay).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClutterCase {
    /// Unique name of the case.
    pub name: String,
    /// The line.
    pub line: String,
    /// The rule name, absent for content.
    pub rule: Option<String>,
    /// Listed as a known failure.
    #[serde(default)]
    pub known_failure: bool,
}

// ───────────────────────────── cli.toml, fixtures.toml ─────────────────────────────

/// `cli.toml`: the command line as a table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CliTable {
    /// The cases.
    pub case: Vec<CliCase>,
}

/// Arguments (and standard input) → exit code and output fragments.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CliCase {
    /// Unique name of the case.
    pub name: String,
    /// The arguments (`{fixtures}` stands for tests/fixtures).
    pub args: Vec<String>,
    /// Standard input.
    pub stdin: Option<String>,
    /// The exit code.
    pub code: i32,
    /// Fragments stdout must have.
    #[serde(default)]
    pub stdout: Vec<String>,
    /// Fragments stderr must have.
    #[serde(default)]
    pub stderr: Vec<String>,
    /// Fragments stdout must not have.
    #[serde(default)]
    pub stdout_not: Vec<String>,
    /// Fragments of stdout in this order.
    #[serde(default)]
    pub in_order: Vec<String>,
    /// `object`, `array` or `lines`.
    pub json: Option<String>,
    /// Array or line count.
    pub count: Option<usize>,
    /// Listed as a known failure.
    #[serde(default)]
    pub known_failure: bool,
}

/// `fixtures.toml`: the input fixtures.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixturesTable {
    /// The cases.
    pub case: Vec<FixtureCase>,
}

/// One fixture → the sample's metrics, or a message.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixtureCase {
    /// Unique name of the case.
    pub name: String,
    /// The file in tests/fixtures.
    pub file: String,
    /// The name it is given (default: the file name).
    pub as_name: Option<String>,
    /// A fragment of the expected message, instead of metrics.
    pub error: Option<String>,
    /// For an archive: the reports inside, in order.
    #[serde(default)]
    pub parts: Vec<String>,
    /// A fragment one report's warnings must have.
    pub warning: Option<String>,
    /// The text layer is garbled: its metrics are not compared with the sample's.
    #[serde(default)]
    pub untrusted: bool,
    /// Listed as a known failure.
    #[serde(default)]
    pub known_failure: bool,
}

// ───────────────────────────── gold_floor.toml ─────────────────────────────

/// `gold_floor.toml`: the floors of the scoreboard.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldFloors {
    /// The seeds.
    pub seeds: SetFloor,
    /// The development set.
    pub dev: SetFloor,
    /// No department type with at least `dept_min_docs` documents may score below this F1.
    pub dept_f1: f64,
    /// See `dept_f1`.
    pub dept_min_docs: usize,
}

/// The floors of one set.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetFloor {
    /// F1 over (id, value) pairs.
    pub f1: f64,
    /// Share of gold primary facts also marked primary.
    pub primary: f64,
    /// Share of gold meta fields matched.
    pub meta: f64,
}

// ───────────────────────────── flags.toml, flags_real.toml, parts.toml ─────────────────────────────

/// `flags.toml`: consistency flags on crafted paragraphs and series.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagsTable {
    /// One paragraph each.
    pub case: Vec<FlagCase>,
    /// Several reports of one agency.
    pub series: Vec<FlagSeriesCase>,
}

/// A paragraph and the exact flag kinds on it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagCase {
    /// Unique name of the case.
    pub name: String,
    /// The paragraph.
    pub text: String,
    /// The flag kinds, sorted.
    pub flags: Vec<String>,
    /// Metric ids the flags must name.
    #[serde(default)]
    pub metrics: Vec<String>,
    /// Extra `[[derived]]` definitions in TOML.
    #[serde(default)]
    pub derived: Option<String>,
}

/// Several reports of one agency and the flags on each.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagSeriesCase {
    /// Unique name of the case.
    pub name: String,
    /// The source names.
    pub sources: Vec<String>,
    /// The texts.
    pub texts: Vec<String>,
    /// The flag kinds expected on report i.
    pub flags: Vec<Vec<String>>,
    /// Metric ids that must get a series.
    pub series: Vec<String>,
}

/// `flags_real.toml`: flags expected on the real reports.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagsRealTable {
    /// The documents that raise flags.
    pub doc: Vec<FlagsRealDoc>,
}

/// A real report (file name = case name) and the flags it must raise.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagsRealDoc {
    /// The file name.
    pub name: String,
    /// The flag kinds.
    pub flags: Vec<String>,
    /// Why a careful reader agrees.
    pub why: String,
}

/// `parts.toml`: headings and small reports → required parts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartsTable {
    /// Headings.
    pub heading: Vec<PartsHeadingCase>,
    /// Small reports.
    pub document: Vec<PartsDocCase>,
}

fn one() -> u8 {
    1
}

/// A heading and the parts it names.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartsHeadingCase {
    /// Unique name of the case.
    pub name: String,
    /// The heading text.
    pub text: String,
    /// The outline level (default 1).
    #[serde(default = "one")]
    pub level: u8,
    /// The part ids, exactly.
    pub parts: Vec<String>,
}

/// A small report and the status of each part named.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartsDocCase {
    /// Unique name of the case.
    pub name: String,
    /// The report.
    pub text: String,
    /// Part id → section / mentioned / missing.
    pub expect: BTreeMap<String, String>,
    /// Part id → the heading text of the part.
    #[serde(default)]
    pub headings: BTreeMap<String, String>,
    /// Whether reasons must be given.
    #[serde(default)]
    pub reasons: Option<bool>,
}

// ───────────────────────────── snapshot.toml ─────────────────────────────

/// `snapshot.toml`: the SHA-256 of the CLI's JSON output per input file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotTable {
    /// Input (relative to `../shared`) → hash.
    pub sha256: BTreeMap<String, String>,
}

// ───────────────────────────── genres.toml ─────────────────────────────

/// `genres.toml`: texts → the genre and coverage of their report.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenreTable {
    /// The cases.
    pub case: Vec<GenreCase>,
}

/// One short page → its genre id (`"none"`: no genre) and coverage (`"none"`: not known).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenreCase {
    /// Unique name of the case.
    pub name: String,
    /// The page.
    pub text: String,
    /// The genre id of `data/genres.toml`, or `"none"`.
    pub genre: String,
    /// `全年`, a part such as `截至7月底`, or `"none"`.
    pub coverage: String,
    /// The year reported on, checked when given.
    pub year: Option<i32>,
    /// Listed as a known failure.
    #[serde(default)]
    pub known_failure: bool,
}
