//! Classification tables: `tests/data/classify.toml` and `tests/data/qualifiers.toml`.
//!
//! Each `[[case]]` has a `text` and `facts`, the EXACT set of (id, value) pairs `extract` must
//! produce from it; optional per-fact fields (`approx`, `scope`, `period`, `change_pct`,
//! `change_points`, `primary`) are checked when present. Prints every failing case, then the
//! pass rate per file, and fails below the floor in `tests/data/classify_floor.toml`.

use std::path::Path;
use zhibiao::model::{Approx, Change, Fact};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

fn check_fact(exp: &toml::Table, got: &Fact) -> Vec<String> {
    let mut errs = Vec::new();
    let s = |k: &str| exp.get(k).and_then(|v| v.as_str());
    if let Some(a) = s("approx") {
        let g = match got.approx {
            Some(Approx::MoreThan) => "more_than",
            Some(Approx::Nearly) => "nearly",
            None => "",
        };
        if a != g {
            errs.push(format!("approx {a:?} got {g:?}"));
        }
    }
    for (k, g) in [("scope", &got.scope), ("period", &got.period)] {
        if let Some(want) = s(k) {
            if g.as_deref() != Some(want) {
                errs.push(format!("{k} {want:?} got {g:?}"));
            }
        }
    }
    let num = |k: &str| exp.get(k).and_then(|v| v.as_float().or(v.as_integer().map(|i| i as f64)));
    if let Some(p) = num("change_pct") {
        if !matches!(got.change, Some(Change::Pct(x)) if close(x, p)) {
            errs.push(format!("change_pct {p} got {:?}", got.change));
        }
    }
    if let Some(p) = num("change_points") {
        if !matches!(got.change, Some(Change::Points(x)) if close(x, p)) {
            errs.push(format!("change_points {p} got {:?}", got.change));
        }
    }
    if let Some(p) = exp.get("primary").and_then(|v| v.as_bool()) {
        if got.primary != p {
            errs.push(format!("primary {p} got {}", got.primary));
        }
    }
    errs
}

/// Run one table; returns (passed, total).
fn run_table(file: &str) -> (usize, usize) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(file);
    let Ok(src) = std::fs::read_to_string(&path) else {
        println!("{file}: missing");
        return (0, 0);
    };
    let doc: toml::Table = toml::from_str(&src).unwrap_or_else(|e| panic!("{file}: {e}"));
    let cases = doc.get("case").and_then(|c| c.as_array()).cloned().unwrap_or_default();
    let mut pass = 0;
    for (n, case) in cases.iter().enumerate() {
        let text = case.get("text").and_then(|t| t.as_str()).unwrap_or("");
        let want: Vec<toml::Table> = case
            .get("facts")
            .and_then(|f| f.as_array())
            .map(|a| a.iter().filter_map(|x| x.as_table().cloned()).collect())
            .unwrap_or_default();
        let r = zhibiao::extract(text, "case");
        let mut errs = Vec::new();
        let mut got: Vec<&Fact> = r.metrics.iter().collect();
        for w in &want {
            let id = w.get("id").and_then(|v| v.as_str()).unwrap_or("");
            let v = w.get("value").and_then(|v| v.as_float().or(v.as_integer().map(|i| i as f64))).unwrap_or(f64::NAN);
            match got.iter().position(|f| f.id == id && close(f.value, v)) {
                Some(i) => {
                    for e in check_fact(w, got[i]) {
                        errs.push(format!("{id}={v}: {e}"));
                    }
                    got.remove(i);
                }
                None => errs.push(format!("missing {id}={v}")),
            }
        }
        for f in got {
            errs.push(format!("extra {}={}", f.id, f.value));
        }
        if errs.is_empty() {
            pass += 1;
        } else {
            println!("{file} #{n}: {text}\n    {}", errs.join("; "));
        }
    }
    println!("{file}: {pass}/{} passed", cases.len());
    (pass, cases.len())
}

#[test]
fn classification_tables() {
    let floor: toml::Table = toml::from_str(
        &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/classify_floor.toml")).unwrap(),
    )
    .unwrap();
    let mut bad = Vec::new();
    for file in ["classify.toml", "qualifiers.toml"] {
        let (p, t) = run_table(file);
        let rate = if t == 0 { 0.0 } else { p as f64 / t as f64 };
        let min = floor.get(file.trim_end_matches(".toml")).and_then(|v| v.as_float()).unwrap_or(1.0);
        if rate + 1e-9 < min {
            bad.push(format!("{file}: {rate:.3} < floor {min}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("; "));
}
