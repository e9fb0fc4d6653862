//! What the user pasted or dropped, kept in `localStorage` so it survives a reload.

use super::edits::MetaEdit;
use serde::{Deserialize, Serialize};

/// The localStorage key of the saved texts.
pub const DOCS_KEY: &str = "zhibiao.docs.v1";
/// The localStorage key of the UI language.
pub const LANG_KEY: &str = "zhibiao.lang";

/// One saved input: its name and text.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SavedDoc {
    /// File name or a generated name for pasted text.
    pub name: String,
    /// The text extracted from (decoded, for files).
    pub text: String,
    /// The user's corrections of the report card.
    #[serde(default, skip_serializing_if = "MetaEdit::is_empty")]
    pub edit: MetaEdit,
}

/// Everything saved: the inputs and which one is open.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Saved {
    /// The inputs in list order.
    pub docs: Vec<SavedDoc>,
    /// Index of the open input.
    #[serde(default)]
    pub current: usize,
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Read a string; `None` when storage is unavailable or the key is absent.
pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Write a string; `false` when storage is unavailable or full.
pub fn set(key: &str, value: &str) -> bool {
    match local() {
        Some(s) => s.set_item(key, value).is_ok(),
        None => false,
    }
}

/// Remove a key (ignoring errors).
pub fn remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}

/// The saved inputs (empty when nothing or something unreadable is stored).
pub fn load() -> Saved {
    get(DOCS_KEY)
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

/// Save the inputs; `false` when the browser refused (quota).
pub fn save(saved: &Saved) -> bool {
    match serde_json::to_string(saved) {
        Ok(s) => set(DOCS_KEY, &s),
        Err(_) => false,
    }
}
