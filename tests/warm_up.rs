//! The engine's warm-up report exercises what it is there for: the rows of
//! `tests/data/warm_up.toml`, each a JSON pointer into the answer a worker's warm-up run makes
//! (`zhibiao::engine::answer` on `zhibiao::engine::WARM_UP_TEXT`) and the least it must hold.

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    row: Vec<Row>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    name: String,
    pointer: String,
    at_least: f64,
}

/// The length of an array or string, or a number's value, at `pointer`; None otherwise.
fn measure(v: &serde_json::Value, pointer: &str) -> Option<f64> {
    match v.pointer(pointer)? {
        serde_json::Value::Array(a) => Some(a.len() as f64),
        serde_json::Value::String(s) => Some(s.chars().count() as f64),
        serde_json::Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

#[test]
fn the_warm_up_report_takes_the_paths_of_long_reports() {
    let table: Table =
        toml::from_str(include_str!("data/warm_up.toml")).expect("tests/data/warm_up.toml reads");
    let json = zhibiao::engine::answer(zhibiao::engine::WARM_UP_TEXT, "warm-up");
    let v: serde_json::Value = serde_json::from_str(&json).expect("the engine answers JSON");
    let failed: Vec<String> = table
        .row
        .iter()
        .filter_map(|r| match measure(&v, &r.pointer) {
            Some(x) if x >= r.at_least => None,
            got => Some(format!(
                "{}: {} is {got:?}, not ≥ {}",
                r.name, r.pointer, r.at_least
            )),
        })
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    // (the export a worker calls runs the same extraction, and never panics)
    zhibiao::engine::warm_up();
}
