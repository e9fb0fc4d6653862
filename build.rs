//! Converts the embedded data files (`data/*.toml`) to JSON at build time, so the browser build
//! needs no TOML parser (size); the native CLI still reads user TOML files (see `src/data/mod.rs`).

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    for name in [
        "catalog",
        "classify",
        "numbers",
        "facts",
        "clutter",
        "sections",
        "document_kinds",
        "tables",
        "meta",
        "genres",
        "parts",
        "derived",
        "flags",
    ] {
        let src = format!("data/{name}.toml");
        println!("cargo:rerun-if-changed={src}");
        let text = std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{src}: {e}"));
        let json = serde_json::to_string(&value).expect("json");
        std::fs::write(Path::new(&out).join(format!("{name}.json")), json).expect("write");
        if let Some(&(_, keep, items, fields)) = NAMES.iter().find(|n| n.0 == name) {
            let names = serde_json::to_string(&names(value, keep, items, fields)).expect("json");
            std::fs::write(Path::new(&out).join(format!("{name}_names.json")), names)
                .expect("write");
        }
    }
}

/// What the page's shell reads of a data file (`NAME_names.json`): the top-level keys it
/// keeps, and the array whose items keep only the given fields. Patterns are the engine's only,
/// and kept out of the shell's wasm (`catalog::defs`, `genre::names`, `parts::names`,
/// `rules::messages`).
type Names = (
    &'static str,
    &'static [&'static str],
    &'static str,
    &'static [&'static str],
);
const NAMES: &[Names] = &[
    (
        "catalog",
        &["version", "metric", "summary_group"],
        "metric",
        &[
            "id", "label", "label_en", "group", "group_en", "kind", "unit",
        ],
    ),
    (
        "genres",
        &["genre"],
        "genre",
        &["id", "zh", "en", "what_zh", "what_en"],
    ),
    ("parts", &["part"], "part", &["id", "label", "label_en"]),
    ("flags", &["messages"], "", &[]),
];

/// `file` with only the top-level keys `keep`, the items of array `items` with only `fields`.
fn names(mut file: toml::Value, keep: &[&str], items: &str, fields: &[&str]) -> toml::Value {
    if let Some(t) = file.as_table_mut() {
        t.retain(|k, _| keep.contains(&k));
        if let Some(ms) = t.get_mut(items).and_then(|m| m.as_array_mut()) {
            for m in ms.iter_mut().filter_map(|m| m.as_table_mut()) {
                m.retain(|k, _| fields.contains(&k));
            }
        }
    }
    file
}
