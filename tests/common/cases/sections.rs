//! The typed cases of sections.toml, documents.toml, summary.toml, clutter.toml.

use serde::Deserialize;

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
