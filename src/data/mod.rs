//! Data files: the embedded ones arrive as JSON (converted from `data/*.toml` by `build.rs`);
//! user files are TOML natively (the CLI's `--catalog`), JSON in the browser (no TOML parser there).

pub mod catalog;
pub mod gazetteer;

use serde::de::DeserializeOwned;

/// The JSON form of the embedded data file `data/NAME.toml`.
macro_rules! builtin_data {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $name, ".json"))
    };
}
pub(crate) use builtin_data;

/// Parse an embedded data file (JSON made at build time from its TOML).
pub fn builtin<T: DeserializeOwned>(json: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

/// Parse a user's data file: TOML natively; JSON (or TOML with only JSON syntax) in the browser.
pub fn user<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        toml::from_str(text).map_err(|e| e.to_string())
    }
    #[cfg(target_arch = "wasm32")]
    {
        serde_json::from_str(text)
            .map_err(|e| format!("in the browser a data file must be JSON: {e}"))
    }
}
