//! What the user pasted or dropped, kept in `localStorage` so it survives a reload; a copy
//! too large for it (a batch of a thousand reports) goes to IndexedDB instead, and
//! localStorage says so ([`IN_IDB`]). There each text is a value of its own (key
//! [`text_key`], put as it arrives, in the background) and the saved index names them, so a
//! batch's end writes a small index, not every text again.

use super::edits::MetaEdit;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/web/page.js")]
extern "C" {
    async fn idb_put(key: &str, value: String) -> JsValue;
    async fn idb_put_many(keys: Vec<String>, values: Vec<String>) -> JsValue;
    async fn idb_get(key: &str) -> JsValue;
    async fn idb_get_many(keys: Vec<String>) -> JsValue;
    async fn idb_prune(keep: Vec<String>);
    async fn idb_clear();
}

/// The localStorage key of the saved texts.
pub const DOCS_KEY: &str = "zhibiao.docs.v1";
/// The saved copy in localStorage when the texts are in IndexedDB.
pub const IN_IDB: &str = "indexeddb";
/// The largest saved copy kept in localStorage (bytes of JSON); a larger one goes to IndexedDB.
pub const LOCAL_MAX: usize = 1 << 20;
/// The localStorage key of the UI language.
pub const LANG_KEY: &str = "zhibiao.lang";

/// One saved input: its name and text.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SavedDoc {
    /// File name or a generated name for pasted text.
    pub name: String,
    /// The text extracted from (decoded, for files); empty in IndexedDB's index, which names
    /// the text by `key` instead.
    #[serde(default)]
    pub text: String,
    /// Where the text is in IndexedDB ([`text_key`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
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

/// Remove a key (ignoring errors); the saved texts also from IndexedDB.
pub fn remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
    if key == DOCS_KEY {
        forget_idb();
    }
}

fn forget_idb() {
    if web_sys::window().is_some() {
        wasm_bindgen_futures::spawn_local(idb_clear());
    }
}

/// The IndexedDB key of a text: a 64-bit FNV-1a hash of its bytes and its length.
pub fn text_key(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("text:{h:016x}:{}", text.len())
}

/// Put texts into IndexedDB under their keys, in the background.
pub fn put_texts(items: Vec<(String, String)>) {
    if items.is_empty() || web_sys::window().is_none() {
        return;
    }
    let (keys, values) = items.into_iter().unzip();
    wasm_bindgen_futures::spawn_local(async move {
        idb_put_many(keys, values).await;
    });
}

/// Save the index of texts kept in IndexedDB (the JSON of a [`Saved`] whose docs name their
/// text by `key`), and drop the texts it no longer names, in the background; localStorage says
/// [`IN_IDB`]. `false` when localStorage refused.
pub fn save_index(json: String, keys: Vec<String>) -> bool {
    if web_sys::window().is_some() {
        wasm_bindgen_futures::spawn_local(async move {
            idb_put(DOCS_KEY, json).await;
            idb_prune(keys).await;
        });
    }
    set(DOCS_KEY, IN_IDB)
}

/// Whether the saved texts are in IndexedDB (read them with [`load_idb`]).
pub fn in_idb() -> bool {
    get(DOCS_KEY).as_deref() == Some(IN_IDB)
}

/// The saved inputs kept in IndexedDB (empty when none or unreadable): the index, its texts
/// read back by key (a doc whose text is missing is left out).
pub async fn load_idb() -> Saved {
    let mut saved: Saved = idb_get(DOCS_KEY)
        .await
        .as_string()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    let keys: Vec<String> = saved.docs.iter().filter_map(|d| d.key.clone()).collect();
    if keys.is_empty() {
        return saved;
    }
    let texts = js_sys::Array::from(&idb_get_many(keys).await);
    let keyed = saved.docs.iter_mut().filter(|d| d.key.is_some());
    for (k, d) in keyed.enumerate() {
        match texts.get(k as u32).as_string() {
            Some(t) => d.text = t,
            None => d.key = None,
        }
    }
    saved.docs.retain(|d| d.key.is_some() || !d.text.is_empty());
    saved
}

/// The saved inputs (empty when nothing or something unreadable is stored).
pub fn load() -> Saved {
    get(DOCS_KEY)
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

/// Save the inputs; `false` when the browser refused (quota). A copy over [`LOCAL_MAX`] is
/// written to IndexedDB (in the background) and localStorage says [`IN_IDB`].
pub fn save(saved: &Saved) -> bool {
    match serde_json::to_string(saved) {
        Ok(s) => save_json(s),
        Err(_) => false,
    }
}

/// Save the inputs given as the JSON of a [`Saved`] (see [`save`]).
pub fn save_json(s: String) -> bool {
    if s.len() <= LOCAL_MAX {
        let was_idb = in_idb();
        let ok = set(DOCS_KEY, &s);
        if ok && was_idb {
            forget_idb();
        }
        return ok;
    }
    wasm_bindgen_futures::spawn_local(async move {
        idb_put(DOCS_KEY, s).await;
    });
    set(DOCS_KEY, IN_IDB)
}
