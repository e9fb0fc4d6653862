//! The typed cases of classify.toml, qualifiers.toml, departments.toml, tables.toml.

use serde::Deserialize;

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
