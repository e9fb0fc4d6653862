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
    }
}
