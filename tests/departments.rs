//! Phrase tables per department type: `tests/data/departments.toml` (issue 9).
//!
//! Each `[[case]]` is a short excerpt written the way one kind of body phrases its report
//! (市场监管, 交通运输, 应急管理, 司法局, whole governments, 政府信息公开年报 prose …) and the EXACT
//! multiset of catalog facts (id, value) a careful annotator following METRICS.md records.
//! Optional per-fact fields (`primary`, `scope`, `period`, `approx`) are checked when present.
//!
//! The test prints every failing case with what differed, `departments.toml: P/N passed` and a
//! pass count per department type. It fails when a case not marked `known_failure` fails, and
//! when a case marked `known_failure` passes (so the list shrinks as the extractor improves).

use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;
use zhibiao::model::{Approx, Fact};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    dept: String,
    text: String,
    facts: Vec<Want>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    known_failure: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Want {
    id: String,
    value: f64,
    #[serde(default)]
    primary: Option<bool>,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    period: Option<String>,
    #[serde(default)]
    approx: Option<String>,
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// Differences in the optional fields of one matched fact.
fn check_fact(w: &Want, got: &Fact) -> Vec<String> {
    let mut errs = Vec::new();
    if let Some(a) = &w.approx {
        let g = match got.approx {
            Some(Approx::MoreThan) => "more_than",
            Some(Approx::Nearly) => "nearly",
            None => "",
        };
        if a != g {
            errs.push(format!("approx {a:?} got {g:?}"));
        }
    }
    for (k, want, g) in [("scope", &w.scope, &got.scope), ("period", &w.period, &got.period)] {
        if let Some(want) = want {
            if g.as_deref() != Some(want.as_str()) {
                errs.push(format!("{k} {want:?} got {g:?}"));
            }
        }
    }
    if let Some(p) = w.primary {
        if got.primary != p {
            errs.push(format!("primary {p} got {}", got.primary));
        }
    }
    errs
}

/// What differs between the expected facts and what `extract` produced (empty: pass).
fn diff(case: &Case) -> Vec<String> {
    let r = zhibiao::extract(&case.text, "case");
    let mut got: Vec<&Fact> = r.metrics.iter().collect();
    let mut errs = Vec::new();
    for w in &case.facts {
        match got.iter().position(|f| f.id == w.id && close(f.value, w.value)) {
            Some(i) => {
                for e in check_fact(w, got[i]) {
                    errs.push(format!("{}={}: {e}", w.id, w.value));
                }
                got.remove(i);
            }
            None => errs.push(format!("missing {}={}", w.id, w.value)),
        }
    }
    for f in got {
        errs.push(format!("extra {}={} ({})", f.id, f.value, f.raw));
    }
    errs
}

/// Table well-formedness: unique kebab-case names, known approx values.
fn validate(cases: &[Case]) -> Vec<String> {
    let mut bad = Vec::new();
    let mut seen = HashSet::new();
    for c in cases {
        let kebab = !c.name.is_empty()
            && c.name.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
            && !c.name.starts_with('-')
            && !c.name.ends_with('-')
            && !c.name.contains("--");
        if !kebab {
            bad.push(format!("name not kebab-case: {:?}", c.name));
        }
        if !seen.insert(c.name.as_str()) {
            bad.push(format!("duplicate name: {}", c.name));
        }
        if c.dept.trim().is_empty() || c.text.trim().is_empty() {
            bad.push(format!("{}: empty dept or text", c.name));
        }
        for w in &c.facts {
            if let Some(a) = &w.approx {
                if a != "more_than" && a != "nearly" {
                    bad.push(format!("{}: approx {a:?} is not more_than/nearly", c.name));
                }
            }
        }
        let _ = &c.note;
    }
    bad
}

#[test]
fn department_phrase_tables() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/departments.toml");
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let table: Table = toml::from_str(&src).unwrap_or_else(|e| panic!("departments.toml: {e}"));
    let invalid = validate(&table.case);
    assert!(invalid.is_empty(), "departments.toml: {}", invalid.join("; "));

    // per department: (passed, total), in the order of first appearance
    let mut per_dept: Vec<(String, usize, usize)> = Vec::new();
    let mut unexpected_fail = Vec::new();
    let mut now_pass = Vec::new();
    let mut known = 0;
    let mut pass = 0;
    for c in &table.case {
        let errs = diff(c);
        let ok = errs.is_empty();
        let i = match per_dept.iter().position(|(d, _, _)| *d == c.dept) {
            Some(i) => i,
            None => {
                per_dept.push((c.dept.clone(), 0, 0));
                per_dept.len() - 1
            }
        };
        per_dept[i].2 += 1;
        if ok {
            pass += 1;
            per_dept[i].1 += 1;
        }
        if c.known_failure {
            known += 1;
        }
        if !ok {
            let tag = if c.known_failure { "known failure" } else { "FAIL" };
            println!("[{tag}] {} ({}): {}\n    {}", c.name, c.dept, c.text, errs.join("; "));
            if !c.known_failure {
                unexpected_fail.push(c.name.clone());
            }
        } else if c.known_failure {
            println!("now passes: {} — remove known_failure", c.name);
            now_pass.push(c.name.clone());
        }
    }
    println!("departments.toml: {pass}/{} passed ({known} marked known_failure)", table.case.len());
    for (d, p, t) in &per_dept {
        println!("  {d}: {p}/{t}");
    }
    let mut msg = Vec::new();
    if !unexpected_fail.is_empty() {
        msg.push(format!("failing cases not marked known_failure: {}", unexpected_fail.join(", ")));
    }
    if !now_pass.is_empty() {
        msg.push(format!("known_failure cases that now pass (remove the mark): {}", now_pass.join(", ")));
    }
    assert!(msg.is_empty(), "{}", msg.join("; "));
}
