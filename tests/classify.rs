//! Classification tables: `tests/data/classify.toml` and `tests/data/qualifiers.toml`.
//!
//! Each named `[[case]]` has a `text` and `facts`, the EXACT set of (id, value) pairs `extract`
//! must produce from it; optional per-fact fields (`approx`, `scope`, `period`, `change_pct`,
//! `change_points`, `primary`) are checked when present. Prints every failing case by name, then
//! the pass rate per file. Fails when a case not marked `known_failure` fails, when a marked one
//! passes, and below the floor in `tests/data/classify_floor.toml` (naming the failing cases).

mod common;

use common::cases::{ClassifyFloor, PhraseTable};
use common::Verdict;

/// Run one table; returns its problems (empty: as expected).
fn run_table(file: &str, floor: f64) -> Vec<String> {
    let table: PhraseTable = common::load(file);
    let mut verdict = Verdict::new(file);
    for c in &table.case {
        let mut errs = common::facts_diff(&c.text, &c.facts);
        if !errs.is_empty() {
            errs.insert(0, c.text.clone());
        }
        verdict.record(&c.name, c.known_failure, &errs);
    }
    let mut bad = verdict.summary();
    bad.extend(verdict.below_floor(floor));
    bad
}

#[test]
fn classification_tables() {
    let floor: ClassifyFloor = common::load("classify_floor.toml");
    let mut bad = run_table("classify.toml", floor.classify);
    bad.extend(run_table("qualifiers.toml", floor.qualifiers));
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
