//! Data-driven tables for the numerals and the quantity scanner:
//! `tests/data/numbers.toml` (numeral string → value) and `tests/data/quantities.toml`
//! (text → the quantities found, in order). Prints every failing row, then fails if any did.

use std::path::Path;
use zhibiao::model::Approx;
use zhibiao::numerals::{parse_mode, parse_number, Mode};
use zhibiao::quantities::{scan, Kind, Quantity};

/// Load one table file under `tests/data`.
fn load(file: &str) -> toml::Table {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(file);
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    src.parse::<toml::Table>()
        .unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn num(v: Option<&toml::Value>) -> Option<f64> {
    v.and_then(|v| v.as_float().or(v.as_integer().map(|i| i as f64)))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-12)
}

#[test]
fn numbers_table() {
    let t = load("numbers.toml");
    let rows = t.get("rows").and_then(|r| r.as_array()).expect("rows");
    let mut fails = 0;
    for r in rows {
        let s = r.get("s").and_then(|v| v.as_str()).unwrap_or("");
        let mode = r.get("mode").and_then(|v| v.as_str());
        let got = match mode {
            None => parse_number(s),
            Some("strict") => parse_mode(s, Mode::Strict),
            Some("normal") => parse_mode(s, Mode::Normal),
            Some("smart") => parse_mode(s, Mode::Smart),
            Some(m) => panic!("unknown mode {m}"),
        };
        let want = num(r.get("v"));
        let ok = match (got, want) {
            (Some(g), Some(w)) => close(g, w),
            (None, None) => true,
            _ => false,
        };
        if !ok {
            fails += 1;
            println!("FAIL numbers {s:?} mode {mode:?}: want {want:?} got {got:?}");
        }
    }
    println!(
        "numbers.toml: {}/{} rows pass",
        rows.len() - fails,
        rows.len()
    );
    assert!(rows.len() >= 80, "the table needs at least 80 rows");
    assert_eq!(fails, 0, "{fails} failing rows in numbers.toml");
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

fn approx_name(a: Option<Approx>) -> &'static str {
    match a {
        Some(Approx::MoreThan) => "more_than",
        Some(Approx::Nearly) => "nearly",
        None => "",
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
    let t = load("quantities.toml");
    let cases = t.get("case").and_then(|r| r.as_array()).expect("case");
    let mut fails = 0;
    let mut negatives = 0;
    for c in cases {
        let text = c.get("text").and_then(|v| v.as_str()).unwrap_or("");
        let norm = zhibiao::normalise::normalise(text);
        let exp = c
            .get("expect")
            .and_then(|v| v.as_array())
            .cloned()
            .unwrap_or_default();
        if exp.is_empty() {
            negatives += 1;
        }
        let got = scan(&norm);
        let mut errs = Vec::new();
        if got.len() != exp.len() {
            errs.push(format!("want {} quantities, got {}", exp.len(), got.len()));
        }
        for (k, (e, g)) in exp.iter().zip(&got).enumerate() {
            let s = |key: &str| e.get(key).and_then(|v| v.as_str()).unwrap_or("");
            let v = num(e.get("value")).unwrap_or(f64::NAN);
            if !close(v, g.value)
                || s("unit") != g.unit
                || s("kind") != kind_name(g.kind)
                || s("approx") != approx_name(g.approx)
                || e.get("each").and_then(|v| v.as_bool()).unwrap_or(false) != g.each
            {
                errs.push(format!(
                    "#{k}: want {{{v} {} {} {:?}}}",
                    s("unit"),
                    s("kind"),
                    s("approx")
                ));
            }
        }
        if !errs.is_empty() {
            fails += 1;
            let shown: Vec<String> = got.iter().map(|q| show(&norm, q)).collect();
            println!(
                "FAIL quantities {text:?}: {}; got [{}]",
                errs.join("; "),
                shown.join(", ")
            );
        }
    }
    println!(
        "quantities.toml: {}/{} cases pass ({negatives} negatives)",
        cases.len() - fails,
        cases.len()
    );
    assert!(
        cases.len() >= 80 && negatives >= 25,
        "the table needs at least 80 cases and 25 negatives"
    );
    assert_eq!(fails, 0, "{fails} failing cases in quantities.toml");
}
