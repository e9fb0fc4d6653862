//! The page's extraction engine and the page's side of it: the engine (a wasm of its own,
//! `src/bin/engine.rs`, run in the page's Web Workers) extracts a text into an [`Answer`] as
//! JSON; the page's shell only [`read`]s answers, so the pipeline, the regex engine and the
//! language data stay out of the shell's wasm.

use crate::input::{self, Decoded};
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

/// A report of the project's own wording (`data/warm-up.txt`: invented agency and figures, about
/// 6,600 chars, in the shape of a real one: headings of every level, a table, cited documents,
/// changes, parts, zeros, problems and plans) that a new worker extracts again and again while it
/// is idle ([`warm_up`]).
pub const WARM_UP_TEXT: &str = include_str!("../data/warm-up.txt");

/// Extract [`WARM_UP_TEXT`] as [`answer`] does, the result dropped: a worker runs it while idle so
/// that the browser's optimising compiler takes up the engine's hot code before real reports
/// need it (wasm starts in a baseline tier; the sample text alone leaves the paths of long
/// reports in it).
pub fn warm_up() {
    let _ = answer(WARM_UP_TEXT, "warm-up");
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

/// One file of what the engine unpacked for the page's shell ([`unpack`]).
pub enum Unpacked {
    /// A Word .docx, named, read to text here.
    Text(String, Decoded),
    /// A file the shell reads itself (text, HTML, PDF, .doc), named, by its bytes.
    Bytes(String, Vec<u8>),
    /// A one-line message naming the file.
    Error(String),
}

/// The files of a zip archive or a Word .docx (`bytes`, named `name`): an archive's members
/// (nested archives opened, as `input::expand` does for the CLI), each .docx among them read to
/// text, the others left as bytes for the shell. The shell sends every zip here, so that the
/// zip, deflate and XML readers stay out of its wasm; what it reads itself is what the CLI's
/// `input::decode` reads the same way. Never panics.
pub fn unpack(bytes: Vec<u8>, name: &str) -> Vec<Unpacked> {
    input::expand(bytes, name)
        .into_iter()
        .map(|part| match part.bytes {
            Err(e) => Unpacked::Error(e.to_string()),
            Ok(b) if input::is_zip(&b) => match input::decode_zip(&b, &part.name) {
                Ok(d) => Unpacked::Text(part.name, d),
                Err(e) => Unpacked::Error(e.to_string()),
            },
            Ok(b) => Unpacked::Bytes(part.name, b),
        })
        .collect()
}
