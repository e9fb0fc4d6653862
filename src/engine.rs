//! The page's extraction engine and the page's side of it: the engine (a wasm of its own,
//! `src/bin/engine.rs`, run in the page's Web Workers) extracts a text into an [`Answer`] as
//! JSON; the page's shell only [`read`]s answers, so the pipeline, the regex engine and the
//! language data stay out of the shell's wasm.

use crate::model::Report;
use serde::{Deserialize, Serialize};

/// What the engine sends the page for one text: the report (the JSON of OUTPUT.md) and the
/// indices of its weak facts (`metrics::confidence`), which the JSON output does not carry.
#[derive(Serialize, Deserialize)]
pub struct Answer {
    /// The report.
    pub report: Report,
    /// Indices into `report.metrics` of the facts to mark "check the source".
    #[serde(default)]
    pub weak: Vec<usize>,
}

/// Extract `text` named `name` into an [`Answer`] as JSON (the engine's one export).
pub fn answer(text: &str, name: &str) -> String {
    let report = crate::pipeline::extract(text, name);
    let cat = crate::data::catalog::builtin();
    let weak = report
        .metrics
        .iter()
        .enumerate()
        .filter(|(_, f)| crate::metrics::confidence::is_weak(cat, f))
        .map(|(i, _)| i)
        .collect();
    serde_json::to_string(&Answer { report, weak }).unwrap_or_default()
}

/// The report of an engine's answer, its weak facts marked; `None` when `json` is not one.
/// Read with [`FromJson`](crate::model::from_json::FromJson), not serde's derived
/// `Deserialize`, to keep the shell small (see `model::from_json`).
pub fn read(json: &str) -> Option<Report> {
    use crate::model::from_json::{field, FromJson};
    let v: serde_json::Value = serde_json::from_str(json).ok()?;
    let mut report = Report::from_json(v.get("report")?);
    for i in field::<Vec<usize>>(&v, "weak") {
        if let Some(f) = report.metrics.get_mut(i) {
            f.weak = true;
        }
    }
    Some(report)
}
