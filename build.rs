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
        if name == "catalog" {
            let names = serde_json::to_string(&catalog_names(value)).expect("json");
            std::fs::write(Path::new(&out).join("catalog_names.json"), names).expect("write");
        }
    }
}

/// The fields of a metric the page's shell shows (`catalog::defs`); its patterns are the
/// engine's only, and kept out of the shell's wasm.
const SHOWN: &[&str] = &[
    "id", "label", "label_en", "group", "group_en", "kind", "unit",
];

/// The catalog with only what the page's shell shows of each metric ([`SHOWN`]).
fn catalog_names(mut catalog: toml::Value) -> toml::Value {
    if let Some(t) = catalog.as_table_mut() {
        t.retain(|k, _| k == "version" || k == "metric" || k == "summary_group");
        if let Some(ms) = t.get_mut("metric").and_then(|m| m.as_array_mut()) {
            for m in ms.iter_mut().filter_map(|m| m.as_table_mut()) {
                m.retain(|k, _| SHOWN.contains(&k));
            }
        }
    }
    catalog
}
