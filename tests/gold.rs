//! The scoreboard: run `zhibiao::extract` on the seed reports (`../shared/corpus` with
//! `../shared/gold`) and on the development set (`../shared/dev/texts` with `../shared/dev/gold`),
//! score each with the rules of `../shared/eval/score.py` (per document the (id, value) pairs, a
//! value matching within 0.5% relative, one-to-one; micro-averaged P/R/F1; meta fields exact;
//! primaries), print the score per set and per department type of the dev set, and fail below
//! the floors of `tests/data/gold_floor.toml`. A missing `../shared` is a failure, not a pass.

mod common;

use common::cases::{GoldFloors as Floors, SetFloor};
use common::shared;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A value matches within 0.5% relative (score.py).
fn close(a: f64, b: f64) -> bool {
    common::close_within(a, b, 0.005)
}

fn pairs(v: &Value) -> Vec<(String, f64)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|m| {
                    Some((
                        m.get("id")?.as_str()?.to_string(),
                        m.get("value")?.as_f64()?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Counts of one set (or one department type).
#[derive(Default, Clone, Copy)]
struct Score {
    docs: usize,
    tp: usize,
    fn_: usize,
    fp: usize,
    prim_hit: usize,
    prim_total: usize,
    meta_hit: usize,
    meta_total: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.docs += o.docs;
        self.tp += o.tp;
        self.fn_ += o.fn_;
        self.fp += o.fp;
        self.prim_hit += o.prim_hit;
        self.prim_total += o.prim_total;
        self.meta_hit += o.meta_hit;
        self.meta_total += o.meta_total;
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp > 0 {
            self.tp as f64 / (self.tp + self.fp) as f64
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 {
            self.tp as f64 / (self.tp + self.fn_) as f64
        } else {
            0.0
        };
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (f1, p, r)
    }
    fn rate(hit: usize, total: usize) -> f64 {
        if total == 0 {
            1.0
        } else {
            hit as f64 / total as f64
        }
    }
    fn line(&self) -> String {
        let (f1, p, r) = self.prf();
        format!(
            "F1 {f1:.3} P {p:.3} R {r:.3} primary {}/{} ({:.0}%) meta {}/{} ({:.0}%)",
            self.prim_hit,
            self.prim_total,
            100.0 * Self::rate(self.prim_hit, self.prim_total),
            self.meta_hit,
            self.meta_total,
            100.0 * Self::rate(self.meta_hit, self.meta_total)
        )
    }
}

/// Score one document; with `verbose`, print its misses.
fn score_doc(gold: &Value, pred: &Value, name: &str, verbose: bool) -> Score {
    let mut s = Score {
        docs: 1,
        ..Score::default()
    };
    let g = pairs(&gold["metrics"]);
    let mut left = pairs(&pred["metrics"]);
    let mut hit: Vec<(String, f64)> = Vec::new();
    for gm in &g {
        if let Some(i) = left.iter().position(|pm| pm.0 == gm.0 && close(pm.1, gm.1)) {
            left.remove(i);
            hit.push(gm.clone());
        } else {
            if verbose {
                println!("  {name}: missed {} = {}", gm.0, gm.1);
            }
            s.fn_ += 1;
        }
    }
    s.tp = hit.len();
    for pm in &left {
        if !hit.iter().any(|h| h.0 == pm.0 && close(h.1, pm.1)) {
            if verbose {
                println!("  {name}: extra  {} = {}", pm.0, pm.1);
            }
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
        let (id, v) = (
            gm["id"].as_str().unwrap_or(""),
            gm["value"].as_f64().unwrap_or(f64::NAN),
        );
        if pm.iter().any(|f| {
            f["primary"].as_bool() == Some(true)
                && f["id"].as_str() == Some(id)
                && f["value"].as_f64().is_some_and(|x| close(x, v))
        }) {
            s.prim_hit += 1;
        } else if verbose {
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
            } else if verbose {
                println!("  {name}: meta {k}: gold {v} got {got}");
            }
        }
    }
    s
}

/// Score every gold file of `gold_dir` against the text of the same name in `texts`; returns the
/// score per document name.
fn score_set(texts: &Path, gold_dir: &Path, verbose: bool) -> BTreeMap<String, Score> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(gold_dir)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (../shared must sit beside the repository)",
                gold_dir.display()
            )
        })
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no gold files in {}", gold_dir.display());
    let mut out = BTreeMap::new();
    for gp in &names {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(gp).unwrap()).unwrap();
        let src = gold["source"].as_str().unwrap().to_string();
        let text =
            std::fs::read_to_string(texts.join(&src)).unwrap_or_else(|e| panic!("{src}: {e}"));
        let report = zhibiao::extract(&text, &src);
        let pred = serde_json::to_value(&report).unwrap();
        out.insert(src.clone(), score_doc(&gold, &pred, &src, verbose));
    }
    out
}

/// The documents of a set with a miss (false negative, false positive, primary or meta), worst
/// first, as `name (fn N, fp N, primary N, meta N)`: printed when the set is below a floor.
fn worst(docs: &BTreeMap<String, Score>) -> String {
    let mut v: Vec<(&String, &Score)> = docs
        .iter()
        .filter(|(_, s)| {
            s.fn_ + s.fp + (s.prim_total - s.prim_hit) + (s.meta_total - s.meta_hit) > 0
        })
        .collect();
    let bad = |s: &Score| s.fn_ + s.fp + (s.prim_total - s.prim_hit) + (s.meta_total - s.meta_hit);
    v.sort_by(|a, b| bad(b.1).cmp(&bad(a.1)).then(a.0.cmp(b.0)));
    v.iter()
        .map(|(n, s)| {
            format!(
                "{n} (fn {}, fp {}, primary {}, meta {})",
                s.fn_,
                s.fp,
                s.prim_total - s.prim_hit,
                s.meta_total - s.meta_hit
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn check(set: &str, s: &Score, fl: &SetFloor, bad: &mut Vec<String>) {
    let (f1, _, _) = s.prf();
    let prim = Score::rate(s.prim_hit, s.prim_total);
    let meta = Score::rate(s.meta_hit, s.meta_total);
    for (what, got, min) in [
        ("F1", f1, fl.f1),
        ("primary", prim, fl.primary),
        ("meta", meta, fl.meta),
    ] {
        if got + 1e-9 < min {
            bad.push(format!("{set}: {what} {got:.3} below the floor {min}"));
        }
    }
}

#[test]
fn scoreboard_stays_above_the_floors() {
    let floors: Floors = common::load("gold_floor.toml");
    let mut bad = Vec::new();

    let seeds = score_set(&shared().join("corpus"), &shared().join("gold"), true);
    let mut total = Score::default();
    seeds.values().for_each(|s| total.add(s));
    println!("gold: seeds ({} documents): {}", total.docs, total.line());
    let before = bad.len();
    check("seeds", &total, &floors.seeds, &mut bad);
    if bad.len() > before {
        bad.push(format!("seeds: documents with misses: {}", worst(&seeds)));
    }

    let dev_dir = shared().join("dev");
    let dev = score_set(&dev_dir.join("texts"), &dev_dir.join("gold"), false);
    let mut total = Score::default();
    dev.values().for_each(|s| total.add(s));
    println!("gold: dev ({} documents): {}", total.docs, total.line());
    let before = bad.len();
    check("dev", &total, &floors.dev, &mut bad);
    if bad.len() > before {
        bad.push(format!("dev: documents with misses: {}", worst(&dev)));
    }

    // per department type (sources.tsv: id, url, agency, year, department_type, …)
    let tsv =
        std::fs::read_to_string(dev_dir.join("sources.tsv")).expect("../shared/dev/sources.tsv");
    let mut by_dept: BTreeMap<String, Score> = BTreeMap::new();
    for line in tsv.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 5 {
            continue;
        }
        if let Some(s) = dev.get(&format!("{}.txt", cols[0])) {
            by_dept.entry(cols[4].to_string()).or_default().add(s);
        }
    }
    let mut rows: Vec<_> = by_dept.into_iter().collect();
    rows.sort_by(|a, b| b.1.docs.cmp(&a.1.docs).then(a.0.cmp(&b.0)));
    for (dept, s) in &rows {
        println!("gold: dev {dept:<18} {:>3} docs  {}", s.docs, s.line());
        let (f1, _, _) = s.prf();
        if s.docs >= floors.dept_min_docs && f1 + 1e-9 < floors.dept_f1 {
            bad.push(format!(
                "dev {dept}: F1 {f1:.3} below the department floor {}",
                floors.dept_f1
            ));
            let docs: BTreeMap<String, Score> = tsv
                .lines()
                .skip(1)
                .map(|l| l.split('\t').collect::<Vec<_>>())
                .filter(|c| c.len() >= 5 && c[4] == dept.as_str())
                .filter_map(|c| {
                    dev.get(&format!("{}.txt", c[0]))
                        .map(|s| (format!("{}.txt", c[0]), *s))
                })
                .collect();
            bad.push(format!(
                "dev {dept}: documents with misses: {}",
                worst(&docs)
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
