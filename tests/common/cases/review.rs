//! The typed cases of flags.toml, flags_real.toml, parts.toml.

use serde::Deserialize;
use std::collections::BTreeMap;

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
