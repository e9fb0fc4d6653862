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

mod common;

use common::cases::{DepartmentCase as Case, DepartmentsTable as Table};
use std::collections::HashSet;

/// Table well-formedness: unique kebab-case names, known approx values.
fn validate(cases: &[Case]) -> Vec<String> {
    let mut bad = Vec::new();
    let mut seen = HashSet::new();
    for c in cases {
        let kebab = !c.name.is_empty()
            && c.name
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
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
    let table: Table = common::load("departments.toml");
    let invalid = validate(&table.case);
    assert!(
        invalid.is_empty(),
        "departments.toml: {}",
        invalid.join("; ")
    );

    // per department: (passed, total), in the order of first appearance
    let mut per_dept: Vec<(String, usize, usize)> = Vec::new();
    let mut unexpected_fail = Vec::new();
    let mut now_pass = Vec::new();
    let mut known = 0;
    let mut pass = 0;
    for c in &table.case {
        let errs = common::facts_diff(&c.text, &c.facts);
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
            let tag = if c.known_failure {
                "known failure"
            } else {
                "FAIL"
            };
            println!(
                "[{tag}] {} ({}): {}\n    {}",
                c.name,
                c.dept,
                c.text,
                errs.join("; ")
            );
            if !c.known_failure {
                unexpected_fail.push(c.name.clone());
            }
        } else if c.known_failure {
            println!("now passes: {} — remove known_failure", c.name);
            now_pass.push(c.name.clone());
        }
    }
    println!(
        "departments.toml: {pass}/{} passed ({known} marked known_failure)",
        table.case.len()
    );
    for (d, p, t) in &per_dept {
        println!("  {d}: {p}/{t}");
    }
    let mut msg = Vec::new();
    if !unexpected_fail.is_empty() {
        msg.push(format!(
            "failing cases not marked known_failure: {}",
            unexpected_fail.join(", ")
        ));
    }
    if !now_pass.is_empty() {
        msg.push(format!(
            "known_failure cases that now pass (remove the mark): {}",
            now_pass.join(", ")
        ));
    }
    assert!(msg.is_empty(), "{}", msg.join("; "));
}
