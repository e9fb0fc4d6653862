//! Peer suites, read at test time from `../shared/peers/` (a missing file is a failure):
//!
//! - Microsoft Recognizers-Text (Chinese Number, Percent, Currency specs) through
//!   [`zhibiao::extract`]: a case passes when the multiset of values in the output
//!   (`metrics[].value` + `figures[].value`) equals the multiset of expected `Resolution.value`s
//!   (`"20%"` → 20; units, types and spans ignored; relative tolerance 1e-6). A `value: null`
//!   result (a bare currency name such as `人民币`) expects nothing.
//! - cn2an's `cn2an()` cases through the path `extract` takes: each numeral is embedded in a
//!   neutral sentence of our own with a unit (`common::cn2an_sentence`), the sentence goes through
//!   `Doc::new` (normalise, clutter) and `quantities::scan` exactly as in `extract_with`, and the
//!   case passes when the scanner finds exactly one quantity, with the expected value. The
//!   scanner has no modes: every input cn2an accepts in some mode is one case (its value is the
//!   same in every mode); an input cn2an rejects in every mode passes when no quantity covers
//!   the whole numeral.
//! - The same cn2an cases through the peer-compatible parser of `tests/common/cn2an.rs` (the
//!   reference the rate was first measured with; `extract` does not use it).
//!
//! Each prints its failing cases by name and its pass rate (`peers: …`), and fails below its
//! floor, naming the failing cases.

mod common;

use common::cn2an::{parse_direct, parse_mode, Mode};
use common::{close_within, shared_path, Verdict};
use serde_json::Value;
use std::collections::BTreeMap;

/// Floor of Recognizers-Text (cases passed through `extract`), set at what it reaches.
const RT_FLOOR: usize = 537;
/// Floors of the cn2an inputs through the scanner (inputs passed: with a value, rejected by
/// cn2an in every mode), set at what it reaches. The misses are digit-by-digit runs (`一七二零`,
/// `零零三`, which the scanner reads as a number only in a few contexts), single financial or
/// unit characters (`壹吨`, `拾吨`, `零吨`) and `百十一` (read as 111, cn2an rejects it).
const CN2AN_SCANNER_FLOOR: (usize, usize) = (120, 14);
/// Floor of the cn2an cases through the reference parser.
const CN2AN_REFERENCE_FLOOR: f64 = 1.0;

fn read_json(rel: &str) -> Value {
    let p = shared_path(rel);
    let s = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(s.trim_start_matches('\u{feff}'))
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn close(a: f64, b: f64) -> bool {
    close_within(a, b, 1e-6)
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

/// Run one RT spec file into the tally; case names are `<file>#<index>`.
fn run_rt(rel: &str, verdict: &mut Verdict) {
    let Value::Array(cases) = read_json(&format!("peers/recognizers-text/Specs/{rel}")) else {
        panic!("{rel}: not an array of cases");
    };
    let (before, short) = (verdict.passed(), rel.rsplit('/').next().unwrap_or(rel));
    for (i, c) in cases.iter().enumerate() {
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
        let errs = if same_multiset(got.clone(), want.clone()) {
            vec![]
        } else {
            vec![format!("{input:?} want {want:?} got {got:?}")]
        };
        verdict.record(&format!("{short}#{i}"), false, &errs);
    }
    println!(
        "peers: recognizers-text {rel}: {}/{} passed",
        verdict.passed() - before,
        cases.len()
    );
}

#[test]
fn recognizers_text_through_extract() {
    let mut verdict = Verdict::new("peers: recognizers-text (extract)");
    for f in [
        "Number/Chinese/NumberModel.json",
        "Number/Chinese/PercentModel.json",
        "NumberWithUnit/Chinese/CurrencyModel.json",
    ] {
        run_rt(f, &mut verdict);
    }
    let floor = RT_FLOOR as f64 / verdict.total().max(1) as f64;
    if let Some(msg) = verdict.below_floor(floor) {
        panic!("{msg}");
    }
}

/// One cn2an case as the scanner sees it: the input and its value (`None`: cn2an rejects it
/// in every mode).
struct ScanCase {
    input: String,
    want: Option<f64>,
}

/// The cn2an inputs, each once: the value of an accepted input (the `direct` mode's digit
/// string read as a number), `None` for an input rejected in every mode.
fn cn2an_scan_cases(doc: &Value) -> Vec<ScanCase> {
    let mut by_input: BTreeMap<String, Option<f64>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for c in doc["cases"].as_array().expect("cn2an cases") {
        let input = c["input"].as_str().expect("input").to_string();
        let e = &c["expected"];
        let v = e
            .as_f64()
            .or_else(|| e.as_str().and_then(|s| s.parse().ok()))
            .unwrap_or_else(|| panic!("cn2an {input:?}: expected {e}"));
        if let Some(Some(old)) = by_input.get(&input) {
            assert!(close(*old, v), "cn2an {input:?}: two values {old} and {v}");
        }
        if !by_input.contains_key(&input) {
            order.push(input.clone());
        }
        by_input.insert(input, Some(v));
    }
    for c in doc["errors"].as_array().expect("cn2an errors") {
        let input = c["input"].as_str().expect("input").to_string();
        if let std::collections::btree_map::Entry::Vacant(e) = by_input.entry(input.clone()) {
            order.push(input);
            e.insert(None);
        }
    }
    order
        .into_iter()
        .map(|input| ScanCase {
            want: by_input[&input],
            input,
        })
        .collect()
}

#[test]
fn cn2an_through_the_scanner() {
    let doc = read_json("peers/cn2an/cn2an_cases.json");
    let mut verdict = Verdict::new("peers: cn2an (scanner)");
    let mut malformed = Verdict::new("peers: cn2an malformed (scanner)");
    for c in cn2an_scan_cases(&doc) {
        let (text, at) = common::cn2an_sentence(&c.input);
        // the stages extract_with runs before the scanner, then the scanner itself
        let d = zhibiao::stages::Doc::new(&text);
        let found = zhibiao::stages::quantities::scan(&d.body);
        let shown: Vec<String> = found
            .iter()
            .map(|q| format!("{} {} at {:?}", q.value, q.unit, d.body.get(q.span.clone())))
            .collect();
        let name = format!("{:?}", c.input);
        match c.want {
            Some(w) => {
                let ok = found.len() == 1 && close(found[0].value, w);
                let errs = if ok {
                    vec![]
                } else {
                    vec![format!("in {text:?} want {w} got [{}]", shown.join(", "))]
                };
                verdict.record(&name, false, &errs);
            }
            None => {
                let (a, b) = (at, at + c.input.len());
                let whole = found.iter().any(|q| q.span.start <= a && q.span.end >= b);
                let errs = if whole && !c.input.is_empty() {
                    vec![format!("in {text:?} read as [{}]", shown.join(", "))]
                } else {
                    vec![]
                };
                malformed.record(&name, false, &errs);
            }
        }
    }
    let bad: Vec<String> = [
        verdict.below_floor(CN2AN_SCANNER_FLOOR.0 as f64 / verdict.total().max(1) as f64),
        malformed.below_floor(CN2AN_SCANNER_FLOOR.1 as f64 / malformed.total().max(1) as f64),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
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
fn cn2an_through_the_reference_parser() {
    let doc = read_json("peers/cn2an/cn2an_cases.json");
    let mut verdict = Verdict::new("peers: cn2an (reference parser, tests only)");
    for c in doc["cases"].as_array().expect("cn2an cases") {
        let input = c["input"].as_str().unwrap_or("");
        let mode = c["mode"].as_str().unwrap_or("");
        let (ok, got) = match mode_of(mode) {
            Some(m) => {
                let g = parse_mode(input, m);
                (
                    matches!((g, c["expected"].as_f64()), (Some(g), Some(w)) if close(g, w)),
                    format!("{g:?}"),
                )
            }
            None => {
                let g = parse_direct(input);
                (g.as_deref() == c["expected"].as_str(), format!("{g:?}"))
            }
        };
        let errs = if ok {
            vec![]
        } else {
            vec![format!("want {} got {got}", c["expected"])]
        };
        verdict.record(&format!("{mode} {input:?}"), false, &errs);
    }
    for c in doc["errors"].as_array().expect("cn2an errors") {
        let input = c["input"].as_str().unwrap_or("");
        let mode = c["mode"].as_str().unwrap_or("strict");
        let m = mode_of(mode).unwrap_or(Mode::Strict);
        let errs = match parse_mode(input, m) {
            None => vec![],
            Some(v) => vec![format!("want an error, got {v}")],
        };
        verdict.record(&format!("error {mode} {input:?}"), false, &errs);
    }
    if let Some(msg) = verdict.below_floor(CN2AN_REFERENCE_FLOOR) {
        panic!("{msg}");
    }
}
