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
pub fn read(json: &str) -> Option<Report> {
    let Answer { mut report, weak } = serde_json::from_str(json).ok()?;
    for i in weak {
        if let Some(f) = report.metrics.get_mut(i) {
            f.weak = true;
        }
    }
    Some(report)
}
