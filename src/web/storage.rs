//! What the user pasted or dropped, kept in `localStorage` so it survives a reload; a copy
//! too large for it (a batch of a thousand reports) goes to IndexedDB instead, and
//! localStorage says so ([`IN_IDB`]).

use super::edits::MetaEdit;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
function open() {
  return new Promise((res, rej) => {
    const r = indexedDB.open('zhibiao', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('kv');
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
}
async function run(mode, f) {
  const db = await open();
  try {
    return await new Promise((res, rej) => {
      const tx = db.transaction('kv', mode);
      const req = f(tx.objectStore('kv'));
      tx.oncomplete = () => res(req.result);
      tx.onerror = () => rej(tx.error);
      tx.onabort = () => rej(tx.error);
    });
  } finally { db.close(); }
}
export async function idb_put(key, value) {
  try { await run('readwrite', (s) => s.put(value, key)); return true; } catch (e) { return false; }
}
export async function idb_get(key) {
  try { const v = await run('readonly', (s) => s.get(key)); return typeof v === 'string' ? v : null; } catch (e) { return null; }
}
export async function idb_delete(key) {
  try { await run('readwrite', (s) => s.delete(key)); } catch (e) { /* nothing to delete */ }
}
"#)]
extern "C" {
    async fn idb_put(key: &str, value: String) -> JsValue;
    async fn idb_get(key: &str) -> JsValue;
    async fn idb_delete(key: &str);
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
        wasm_bindgen_futures::spawn_local(idb_delete(DOCS_KEY));
    }
}

/// Whether the saved texts are in IndexedDB (read them with [`load_idb`]).
pub fn in_idb() -> bool {
    get(DOCS_KEY).as_deref() == Some(IN_IDB)
}

/// The saved inputs kept in IndexedDB (empty when none or unreadable).
pub async fn load_idb() -> Saved {
    idb_get(DOCS_KEY)
        .await
        .as_string()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
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
