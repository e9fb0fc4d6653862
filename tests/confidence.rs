//! Confidence table: `tests/data/confidence.toml`. Each named case extracts its text through
//! the page's engine (`zhibiao::engine::answer` then `zhibiao::engine::read`, what the workers
//! and the page run) and checks whether the fact of `id` with `value` is marked weak.

mod common;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    id: String,
    value: f64,
    weak: bool,
}

#[derive(Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[test]
fn confidence_table() {
    let table: Table = common::load("confidence.toml");
    let mut bad = Vec::new();
    for c in &table.case {
        let json = zhibiao::engine::answer(&c.text, "case.txt");
        let report = zhibiao::engine::read(&json).expect("the engine's answer reads back");
        let fact = report
            .metrics
            .iter()
            .find(|f| f.id == c.id && f.value == c.value);
        match fact {
            None => bad.push(format!("{}: no fact {} = {}", c.name, c.id, c.value)),
            Some(f) if f.weak != c.weak => {
                bad.push(format!("{}: weak is {} (raw {:?})", c.name, f.weak, f.raw))
            }
            Some(_) => {}
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
