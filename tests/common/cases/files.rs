//! The typed cases of snapshot.toml, genres.toml.

use serde::Deserialize;
use std::collections::BTreeMap;

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
