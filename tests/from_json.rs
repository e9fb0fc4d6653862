//! The shell's report reader (`zhibiao::engine::read`, through `model::from_json`) against
//! serde's derived `Deserialize`: the table `tests/data/from_json.toml`, then the engine's
//! answer for every seed and dev text, each read both ways.

mod common;

use serde::Deserialize;
use zhibiao::engine::{answer, read, Answer};
use zhibiao::Report;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    json: Option<String>,
}

#[derive(Deserialize)]
struct Table {
    case: Vec<Case>,
}

/// The answer read by serde's derived `Deserialize`, its weak facts marked.
fn by_serde(json: &str) -> Report {
    let Answer { mut report, weak } = serde_json::from_str(json).expect("serde reads the answer");
    for i in weak {
        if let Some(f) = report.metrics.get_mut(i) {
            f.weak = true;
        }
    }
    report
}

/// `None` when both readers agree, else what differs.
fn differs(name: &str, json: &str) -> Option<String> {
    let mine = read(json);
    let serde = by_serde(json);
    match mine {
        Some(r) if r == serde => None,
        Some(r) => Some(format!(
            "{name}: reads\n{}\nserde reads\n{}",
            serde_json::to_string(&r).unwrap_or_default(),
            serde_json::to_string(&serde).unwrap_or_default()
        )),
        None => Some(format!("{name}: not read")),
    }
}

#[test]
fn from_json_table() {
    let table: Table = common::load("from_json.toml");
    let mut bad = Vec::new();
    for c in &table.case {
        let json = match (&c.text, &c.json) {
            (Some(t), None) => answer(t, "case.txt"),
            (None, Some(j)) => j.clone(),
            _ => panic!("{}: give text or json", c.name),
        };
        bad.extend(differs(&c.name, &json));
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_seed_and_dev_answer_reads_as_serde_reads_it() {
    let mut bad = Vec::new();
    let mut n = 0;
    for dir in ["corpus", "dev/texts"] {
        for p in common::shared_texts(dir) {
            let text = std::fs::read_to_string(&p).expect("read a shared text");
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            bad.extend(differs(&name, &answer(&text, &name)));
            n += 1;
        }
    }
    assert!(n > 100, "only {n} texts");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
