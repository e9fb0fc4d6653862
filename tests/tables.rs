//! Table reading: `tests/data/tables.toml`.
//!
//! Each `[[case]]` is a small table flattened into text in one of the layouts of report pages
//! and the EXACT set of (metric id, value) facts `zhibiao::extract` must produce from it;
//! `primary` and `raw` (the evidence text, read from the original by the fact's char span) are
//! checked when given. Prints every failing case by name; fails when a case not marked
//! `known_failure` fails or a marked one passes.

mod common;

use common::cases::{TableCase as Case, TablesTable};
use common::Verdict;

fn check(case: &Case) -> Vec<String> {
    let r = zhibiao::extract(&case.text, "t.txt");
    let mut errs = Vec::new();
    let got: Vec<(String, f64)> = r.metrics.iter().map(|f| (f.id.clone(), f.value)).collect();
    for e in &case.facts {
        let Some(f) = r
            .metrics
            .iter()
            .find(|f| f.id == e.id && f.value == e.value)
        else {
            errs.push(format!("missing {} = {}", e.id, e.value));
            continue;
        };
        if let Some(p) = e.primary {
            if f.primary != p {
                errs.push(format!(
                    "{} = {}: primary {} expected {p}",
                    e.id, e.value, f.primary
                ));
            }
        }
        if let Some(raw) = &e.raw {
            let at = zhibiao::stages::chars_slice(&case.text, f.evidence[0]);
            if &f.raw != raw || &at != raw {
                errs.push(format!(
                    "{} = {}: raw {:?} / at span {:?}, expected {raw:?}",
                    e.id, e.value, f.raw, at
                ));
            }
        }
    }
    for (id, v) in &got {
        if !case.facts.iter().any(|e| &e.id == id && e.value == *v) {
            errs.push(format!("extra {id} = {v}"));
        }
    }
    errs
}

#[test]
fn tables() {
    let file: TablesTable = common::load("tables.toml");
    let mut verdict = Verdict::new("tables.toml");
    for case in &file.case {
        verdict.record(&case.name, case.known_failure, &check(case));
    }
    assert!(file.case.len() >= 20, "tables.toml needs at least 20 cases");
    verdict.finish();
}

/// The table stage alone is linear: a 5 MB single line and a 60 000-row table each take a
/// fraction of a second.
#[test]
fn tables_stage_is_linear() {
    let cat = zhibiao::catalog::builtin();
    let rules = zhibiao::stages::tables::builtin();
    let line = "依法行政工作情况".repeat(5 * 1024 * 1024 / 24);
    let mut rows = String::from("信息内容 |\n本年处理决定数量 |\n");
    for i in 0..60_000 {
        rows.push_str(&format!("行政许可 |\n{i} |\n"));
    }
    for text in [line, rows] {
        let mut qs = zhibiao::stages::quantities::scan(&text);
        let t = std::time::Instant::now();
        let facts = zhibiao::stages::tables::read(&text, cat, rules, &mut qs);
        let took = t.elapsed();
        println!(
            "tables stage: {} bytes {:?}, {} candidates",
            text.len(),
            took,
            facts.candidates.len()
        );
        assert!(
            took < std::time::Duration::from_millis(1500),
            "took {took:?}"
        );
    }
}
