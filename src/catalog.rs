//! The metric catalog: data, not code. `data/catalog.toml` is embedded at build time; a user can
//! load an extended copy with [`Catalog::from_toml`] (new metric = new entry, no Rust change).

use serde::Deserialize;
use std::sync::OnceLock;

/// The catalog file embedded in the binary.
pub const BUILTIN_TOML: &str = include_str!("../data/catalog.toml");

/// One metric of the catalog.
#[derive(Debug, Clone, Deserialize)]
pub struct Metric {
    pub id: String,
    pub label: String,
    pub label_en: String,
    pub group: String,
    #[serde(default)]
    pub group_en: String,
    /// `count`, `money`, `rate` or `concentration`.
    pub kind: String,
    /// Canonical unit.
    pub unit: String,
    /// Units of the text accepted for this metric.
    #[serde(default)]
    pub units: Vec<String>,
    /// Regexes, one of which must match the words before the figure (its clause) …
    #[serde(default)]
    pub triggers: Vec<String>,
    /// … or the words right after it (`29份行政合同`).
    #[serde(default)]
    pub after: Vec<String>,
    /// Regexes that veto this metric when they match the words before the figure.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Higher wins when several metrics match equally close.
    #[serde(default)]
    pub priority: i32,
}

/// The parsed catalog.
#[derive(Debug, Clone, Deserialize)]
pub struct Catalog {
    pub version: String,
    #[serde(rename = "metric")]
    pub metrics: Vec<Metric>,
}

impl Catalog {
    /// Parse a catalog file.
    pub fn from_toml(s: &str) -> Result<Catalog, String> {
        toml::from_str(s).map_err(|e| format!("catalog: {e}"))
    }
    /// The metric with this id.
    pub fn get(&self, id: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.id == id)
    }
}

/// The embedded catalog, parsed once.
pub fn builtin() -> &'static Catalog {
    static CAT: OnceLock<Catalog> = OnceLock::new();
    CAT.get_or_init(|| Catalog::from_toml(BUILTIN_TOML).expect("the embedded catalog parses (tested)"))
}
