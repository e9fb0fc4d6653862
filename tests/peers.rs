//! Peer suites: Microsoft Recognizers-Text (Chinese Number, Percent, Currency specs) run through
//! [`zhibiao::extract`], and cn2an's `cn2an()` cases run through [`zhibiao::numerals::parse_mode`].
//!
//! The files are read at test time from `../shared/peers/` (relative to the crate root).
//! RT rule: a case passes when the multiset of values in the output (`metrics[].value` +
//! `figures[].value`) equals the multiset of expected `Resolution.value`s (`"20%"` → 20; units,
//! types and spans ignored; relative tolerance 1e-6). A `value: null` result (a bare currency
//! name such as `人民币`) expects nothing. Prints every failing input and the pass rate per file,
//! then asserts the floors below.

use serde_json::Value;
use std::path::{Path, PathBuf};
use zhibiao::numerals::{parse_direct, parse_mode, Mode};

/// Floors (cases passed), set at what the implementation reaches.
const RT_FLOOR: usize = 537;
const CN2AN_FLOOR_PCT: f64 = 100.0;

fn peers_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/peers")
}

fn read_json(p: &Path) -> Option<Value> {
    let s = std::fs::read_to_string(p).ok()?;
    serde_json::from_str(s.trim_start_matches('\u{feff}')).ok()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-12)
}

/// `"20%"` → 20, `"5E-06"` → 5e-6.
fn rt_value(v: &Value) -> Option<f64> {
    v.as_str()?.trim_end_matches('%').parse().ok()
}

/// The values the pipeline produces for one input.
fn produced(input: &str) -> Vec<f64> {
    let r = zhibiao::extract(input, "");
    r.metrics
        .iter()
        .map(|f| f.value)
        .chain(r.figures.iter().map(|f| f.value))
        .collect()
}

fn same_multiset(mut a: Vec<f64>, mut b: Vec<f64>) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.sort_by(|x, y| x.total_cmp(y));
    b.sort_by(|x, y| x.total_cmp(y));
    a.iter().zip(&b).all(|(x, y)| close(*x, *y))
}

/// Run one RT spec file; returns (passed, total).
fn run_rt(rel: &str) -> (usize, usize) {
    let path = peers_dir().join("recognizers-text/Specs").join(rel);
    let Some(Value::Array(cases)) = read_json(&path) else {
        println!("{rel}: missing or unreadable");
        return (0, 0);
    };
    let mut pass = 0;
    for c in &cases {
        let input = c["Input"].as_str().unwrap_or("");
        let want: Vec<f64> = c["Results"]
            .as_array()
            .map(|rs| {
                rs.iter()
                    .filter_map(|r| rt_value(&r["Resolution"]["value"]))
                    .collect()
            })
            .unwrap_or_default();
        let got = produced(input);
        if same_multiset(got.clone(), want.clone()) {
            pass += 1;
        } else {
            println!("  FAIL {rel}: {input:?} want {want:?} got {got:?}");
        }
    }
    println!(
        "peers: recognizers-text {rel}: {pass}/{} passed",
        cases.len()
    );
    (pass, cases.len())
}

#[test]
fn recognizers_text() {
    let mut pass = 0;
    let mut total = 0;
    for f in [
        "Number/Chinese/NumberModel.json",
        "Number/Chinese/PercentModel.json",
        "NumberWithUnit/Chinese/CurrencyModel.json",
    ] {
        let (p, t) = run_rt(f);
        pass += p;
        total += t;
    }
    println!(
        "peers: recognizers-text total: {pass}/{total} passed ({:.1}%)",
        100.0 * pass as f64 / total.max(1) as f64
    );
    assert!(
        total > 0 && pass >= RT_FLOOR,
        "recognizers-text below floor: {pass} < {RT_FLOOR}"
    );
}

fn mode_of(s: &str) -> Option<Mode> {
    match s {
        "strict" => Some(Mode::Strict),
        "normal" => Some(Mode::Normal),
        "smart" => Some(Mode::Smart),
        _ => None,
    }
}

#[test]
fn cn2an() {
    let path = peers_dir().join("cn2an/cn2an_cases.json");
    let doc =
        read_json(&path).expect("../shared/peers/cn2an/cn2an_cases.json missing or unreadable");
    let mut pass = 0;
    let mut total = 0;
    for c in doc["cases"].as_array().into_iter().flatten() {
        total += 1;
        let input = c["input"].as_str().unwrap_or("");
        let mode = c["mode"].as_str().unwrap_or("");
        let ok = match (mode_of(mode), &c["expected"]) {
            (Some(m), e) => match (parse_mode(input, m), e.as_f64()) {
                (Some(g), Some(w)) => close(g, w),
                _ => false,
            },
            (None, e) => parse_direct(input).as_deref() == e.as_str(),
        };
        if ok {
            pass += 1;
        } else {
            let got = mode_of(mode)
                .map(|m| format!("{:?}", parse_mode(input, m)))
                .unwrap_or_else(|| format!("{:?}", parse_direct(input)));
            println!(
                "  FAIL cn2an {mode} {input:?} want {} got {got}",
                c["expected"]
            );
        }
    }
    for c in doc["errors"].as_array().into_iter().flatten() {
        total += 1;
        let input = c["input"].as_str().unwrap_or("");
        let m = mode_of(c["mode"].as_str().unwrap_or("strict")).unwrap_or(Mode::Strict);
        match parse_mode(input, m) {
            None => pass += 1,
            Some(v) => println!(
                "  FAIL cn2an error row {:?} {input:?}: want an error, got {v}",
                m
            ),
        }
    }
    let pct = 100.0 * pass as f64 / total.max(1) as f64;
    println!("peers: cn2an: {pass}/{total} passed ({pct:.1}%)");
    assert!(
        pct >= CN2AN_FLOOR_PCT,
        "cn2an below floor: {pct:.1}% < {CN2AN_FLOOR_PCT}%"
    );
}
