//! Data-driven tables for the numerals and the quantity scanner:
//! `tests/data/numbers.toml` (numeral string → value, through the peer-compatible parser of
//! `tests/common/cn2an.rs`) and `tests/data/quantities.toml` (text → the quantities
//! `quantities::scan` finds, in order). Prints every failing named case; fails on a failing case
//! not listed as `known_failure` and on a listed one that passes.

mod common;

use common::cases::{NumbersTable, QuantitiesTable};
use common::cn2an::{parse_mode, parse_number, Mode};
use common::{approx_name, close, Verdict};
use zhibiao::stages::quantities::{scan, Kind, Quantity};

#[test]
fn numbers_table() {
    let t: NumbersTable = common::load("numbers.toml");
    let mut verdict = Verdict::new("numbers.toml");
    for r in &t.rows {
        let got = match r.mode.as_deref() {
            None => parse_number(&r.s),
            Some("strict") => parse_mode(&r.s, Mode::Strict),
            Some("normal") => parse_mode(&r.s, Mode::Normal),
            Some("smart") => parse_mode(&r.s, Mode::Smart),
            Some(m) => panic!("numbers.toml {}: unknown mode {m}", r.name),
        };
        let want = r.v.value();
        let ok = match (got, want) {
            (Some(g), Some(w)) => close(g, w),
            (None, None) => true,
            _ => false,
        };
        let errs = if ok {
            vec![]
        } else {
            vec![format!(
                "{:?} mode {:?}: want {want:?} got {got:?}",
                r.s, r.mode
            )]
        };
        verdict.record(&r.name, r.known_failure, &errs);
    }
    assert!(t.rows.len() >= 80, "numbers.toml needs at least 80 rows");
    verdict.finish();
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Count => "count",
        Kind::Money => "money",
        Kind::Percent => "percent",
        Kind::Points => "points",
        Kind::Concentration => "concentration",
        Kind::Measure => "measure",
        Kind::Bare => "bare",
    }
}

fn show(text: &str, q: &Quantity) -> String {
    format!(
        "{{{} {} {} {:?}{}}} at {:?}",
        q.value,
        q.unit,
        kind_name(q.kind),
        approx_name(q.approx),
        if q.each { " each" } else { "" },
        text.get(q.span.clone()).unwrap_or("?")
    )
}

#[test]
fn quantities_table() {
    let t: QuantitiesTable = common::load("quantities.toml");
    let mut verdict = Verdict::new("quantities.toml");
    let negatives = t.case.iter().filter(|c| c.expect.is_empty()).count();
    for c in &t.case {
        let norm = zhibiao::stages::normalise::normalise(&c.text);
        let got = scan(&norm);
        let mut errs = Vec::new();
        if got.len() != c.expect.len() {
            errs.push(format!(
                "want {} quantities, got {}",
                c.expect.len(),
                got.len()
            ));
        }
        for (k, (e, g)) in c.expect.iter().zip(&got).enumerate() {
            let approx = e.approx.as_deref().unwrap_or("");
            if !close(e.value, g.value)
                || e.unit != g.unit
                || e.kind != kind_name(g.kind)
                || approx != approx_name(g.approx)
                || e.each != g.each
            {
                errs.push(format!(
                    "#{k}: want {{{} {} {} {approx:?}}}",
                    e.value, e.unit, e.kind
                ));
            }
        }
        if !errs.is_empty() {
            let shown: Vec<String> = got.iter().map(|q| show(&norm, q)).collect();
            errs.push(format!("{:?} got [{}]", c.text, shown.join(", ")));
        }
        verdict.record(&c.name, c.known_failure, &errs);
    }
    println!("quantities.toml: {negatives} negatives");
    assert!(
        t.case.len() >= 80 && negatives >= 25,
        "quantities.toml needs at least 80 cases and 25 negatives"
    );
    verdict.finish();
}
