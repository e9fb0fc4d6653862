//! The typed cases of cli.toml, fixtures.toml, gold_floor.toml.

use serde::Deserialize;

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
