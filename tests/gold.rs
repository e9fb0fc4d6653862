//! Gold: run the pipeline on `../shared/corpus/*.txt` and score it against `../shared/gold` with
//! the rules of `../shared/eval/score.py`: per document the (id, value) pairs, a value matching
//! within 0.5% relative, one-to-one; micro-averaged P/R/F1; meta fields exact; primaries.
//! Fails below the floor in `tests/data/gold_floor.toml`.

use serde_json::Value;
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 0.005 * a.abs().max(b.abs())
}

fn pairs(v: &Value) -> Vec<(String, f64)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|m| Some((m.get("id")?.as_str()?.to_string(), m.get("value")?.as_f64()?)))
                .collect()
        })
        .unwrap_or_default()
}

#[derive(Default)]
struct Score {
    tp: usize,
    fn_: usize,
    fp: usize,
    prim_hit: usize,
    prim_total: usize,
    meta_hit: usize,
    meta_total: usize,
}

fn score_doc(gold: &Value, pred: &Value, s: &mut Score, name: &str) {
    let g = pairs(&gold["metrics"]);
    let p = pairs(&pred["metrics"]);
    let mut left = p.clone();
    let mut hit: Vec<(String, f64)> = Vec::new();
    for gm in &g {
        if let Some(i) = left.iter().position(|pm| pm.0 == gm.0 && close(pm.1, gm.1)) {
            left.remove(i);
            hit.push(gm.clone());
        } else {
            println!("  {name}: missed {} = {}", gm.0, gm.1);
            s.fn_ += 1;
        }
    }
    s.tp += hit.len();
    for pm in &left {
        if !hit.iter().any(|h| h.0 == pm.0 && close(h.1, pm.1)) {
            println!("  {name}: extra  {} = {}", pm.0, pm.1);
            s.fp += 1;
        }
    }
    let empty = vec![];
    let pm = pred["metrics"].as_array().unwrap_or(&empty);
    for gm in gold["metrics"].as_array().unwrap_or(&empty) {
        if gm["primary"].as_bool() != Some(true) {
            continue;
        }
        s.prim_total += 1;
        let (id, v) = (gm["id"].as_str().unwrap_or(""), gm["value"].as_f64().unwrap_or(f64::NAN));
        if pm.iter().any(|f| f["primary"].as_bool() == Some(true) && f["id"].as_str() == Some(id) && f["value"].as_f64().is_some_and(|x| close(x, v))) {
            s.prim_hit += 1;
        } else {
            println!("  {name}: primary {id} = {v} not marked primary");
        }
    }
    if let Some(meta) = gold["meta"].as_object() {
        for (k, v) in meta {
            if v.is_null() {
                continue;
            }
            s.meta_total += 1;
            let got = &pred["meta"][k];
            let same = match (v, got) {
                (Value::String(a), Value::String(b)) => a == b,
                (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
                _ => false,
            };
            if same {
                s.meta_hit += 1;
            } else {
                println!("  {name}: meta {k}: gold {v} got {got}");
            }
        }
    }
}

#[test]
fn gold_score_stays_above_the_floor() {
    let corpus = shared().join("corpus");
    let gold_dir = shared().join("gold");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&gold_dir)
        .expect("../shared/gold")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no gold files");
    let mut s = Score::default();
    for gp in &names {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(gp).unwrap()).unwrap();
        let src = gold["source"].as_str().unwrap().to_string();
        let text = std::fs::read_to_string(corpus.join(&src)).unwrap();
        let report = zhibiao::extract(&text, &src);
        let pred = serde_json::to_value(&report).unwrap();
        score_doc(&gold, &pred, &mut s, &src);
    }
    let p = if s.tp + s.fp > 0 { s.tp as f64 / (s.tp + s.fp) as f64 } else { 0.0 };
    let r = if s.tp + s.fn_ > 0 { s.tp as f64 / (s.tp + s.fn_) as f64 } else { 0.0 };
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    println!(
        "gold: F1 {f1:.3} P {p:.3} R {r:.3} primary {}/{} meta {}/{}",
        s.prim_hit, s.prim_total, s.meta_hit, s.meta_total
    );
    let floor: toml::Value = toml::from_str(&std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gold_floor.toml")).unwrap()).unwrap();
    let f1_floor = floor["f1"].as_float().unwrap_or(0.0);
    assert!(f1 + 1e-9 >= f1_floor, "F1 {f1:.3} fell below the floor {f1_floor}");
    assert!(s.prim_hit as i64 >= floor["primary"].as_integer().unwrap_or(0), "primary {} below the floor", s.prim_hit);
    assert!(s.meta_hit as i64 >= floor["meta"].as_integer().unwrap_or(0), "meta {} below the floor", s.meta_hit);
}
