//! Loading files in the page: dropped folders (`webkitGetAsEntry`) and picked folders
//! (`webkitdirectory`) become files named by their path; a .zip becomes its files and a .docx
//! its text, both through the page's engine ([`read_zip`]: `engine::unpack`, the CLI's readers,
//! kept out of the shell's wasm); a PDF is read by pdf.js, loaded from the
//! page's own origin only when the first PDF arrives (it is not in the initial bundle), and its
//! page texts tidied by the core ([`crate::input::pdf::tidy_pages`]); a legacy Word .doc/.wps is
//! read by the CLI's own reader (`src/input/doc.rs`) built as a wasm module of its own
//! (`crates/docread` → `docread.mjs` + `docread.wasm`), likewise loaded only when first needed.

use crate::input::{self, Decoded};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/src/web/page.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn pdf_pages(bytes: &[u8]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn doc_text(bytes: &[u8]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn unpack(bytes: &[u8], name: &str) -> Result<JsValue, JsValue>;
    fn drop_entries(dt: &web_sys::DataTransfer) -> js_sys::Array;
    async fn entry_files(entries: js_sys::Array) -> JsValue;
    fn relative_path(file: &web_sys::File) -> String;
}

/// What one file (or one member of an archive) became.
pub enum Loaded {
    /// Decoded text, named.
    Text(String, Decoded),
    /// A PDF to read with [`read_pdf`], named.
    Pdf(String, Vec<u8>),
    /// A legacy Word .doc/.wps to read with [`read_doc`], named.
    Doc(String, Vec<u8>),
    /// A zip archive or a Word .docx to read with [`read_zip`], named.
    Zip(String, Vec<u8>),
    /// A one-line message naming the file.
    Error(String),
}

/// What the bytes of a file named `name` are: a zip archive or a .docx left for [`read_zip`]
/// (the engine unpacks it), a PDF for [`read_pdf`], a compound file (.doc/.wps) for
/// [`read_doc`]; anything else decoded here.
pub fn load(bytes: Vec<u8>, name: &str) -> Loaded {
    if input::is_zip(&bytes) {
        Loaded::Zip(name.to_string(), bytes)
    } else {
        unzipped(name.to_string(), bytes)
    }
}

/// [`load`] for bytes that are not a zip.
fn unzipped(name: String, bytes: Vec<u8>) -> Loaded {
    if bytes.starts_with(b"%PDF") {
        Loaded::Pdf(name, bytes)
    } else if bytes.starts_with(input::CFB_MAGIC) {
        Loaded::Doc(name, bytes)
    } else {
        match input::decode_unzipped(&bytes, &name) {
            Ok(d) => Loaded::Text(name, d),
            Err(e) => Loaded::Error(e.to_string()),
        }
    }
}

/// The files of a zip archive or a .docx, unpacked by the page's engine (imported on this
/// thread on first use; `engine::unpack`, the CLI's reader): each .docx as its text, the other
/// members as [`load`] takes them; a one-line message when the engine cannot be loaded.
pub async fn read_zip(bytes: &[u8], name: &str) -> Vec<Loaded> {
    let Ok(items) = unpack(bytes, name).await else {
        let why = "the page's engine, which opens zip archives and .docx files, did not load";
        return vec![Loaded::Error(input::error(name, why).to_string())];
    };
    let s = |v: JsValue| v.as_string().unwrap_or_default();
    js_sys::Array::from(&items)
        .iter()
        .map(|item| {
            let a = js_sys::Array::from(&item);
            let (name, payload) = (s(a.get(1)), a.get(2));
            match s(a.get(0)).as_str() {
                "text" => {
                    let warnings = js_sys::Array::from(&a.get(3)).iter().map(s).collect();
                    let text = s(payload);
                    Loaded::Text(name, Decoded { text, warnings })
                }
                "bytes" => unzipped(name, js_sys::Uint8Array::new(&payload).to_vec()),
                _ => Loaded::Error(s(payload)),
            }
        })
        .collect()
}

/// The text of a PDF through pdf.js (loaded on first use), tidied by the core; or a one-line
/// message naming it.
pub async fn read_pdf(bytes: &[u8], name: &str) -> Result<Decoded, String> {
    let pages = pdf_pages(bytes).await.map_err(|e| {
        let msg = js_sys::Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default();
        format!("{name}: not a readable PDF ({msg}); {}", input::SUPPORTED)
    })?;
    let pages: Vec<String> = js_sys::Array::from(&pages)
        .iter()
        .map(|p| p.as_string().unwrap_or_default())
        .collect();
    let (text, warnings) =
        input::pdf::tidy_pages(&pages).map_err(|e| format!("{name}: {e}; {}", input::SUPPORTED))?;
    Ok(Decoded { text, warnings })
}

/// The text of a legacy Word .doc/.wps through the on-demand reader module (loaded on first
/// use); or a one-line message naming it, as the CLI gives.
pub async fn read_doc(bytes: &[u8], name: &str) -> Result<Decoded, String> {
    let text = doc_text(bytes).await.map_err(|e| {
        let why = e
            .as_string()
            .or_else(|| {
                js_sys::Reflect::get(&e, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
                    .map(|m| format!("not a readable .doc (the .doc reader stopped: {m})"))
            })
            .unwrap_or_else(|| "not a readable .doc".to_string());
        input::error(name, &why).to_string()
    })?;
    let text = text.as_string().unwrap_or_default();
    if text.trim().is_empty() {
        return Err(input::error(name, "the file has no text").to_string());
    }
    Ok(Decoded {
        text,
        warnings: Vec::new(),
    })
}

/// The files of a drop, folders walked: `(file, path)` with the path inside the dropped folder
/// (`folder/sub/a.txt`) or the plain name. Call [`drop_entries`] inside the event handler
/// (the browser empties the list afterwards) through [`entries_of_drop`].
pub async fn dropped_files(entries: js_sys::Array) -> Vec<(web_sys::File, String)> {
    let all = js_sys::Array::from(&entry_files(entries).await);
    all.iter()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            let file: web_sys::File = pair.get(0).dyn_into().ok()?;
            let path = pair.get(1).as_string()?;
            Some((file, path))
        })
        .collect()
}

/// The entries of a drop (files and folders); empty when the browser has none.
pub fn entries_of_drop(dt: &web_sys::DataTransfer) -> js_sys::Array {
    drop_entries(dt)
}

/// A picked file's name: its path inside a picked folder (`webkitdirectory`), else its name.
pub fn picked_name(file: &web_sys::File) -> String {
    let p = relative_path(file);
    if p.is_empty() {
        file.name()
    } else {
        p
    }
}

/// Whether a file from a folder is one to read (supported extension, not hidden).
pub fn wanted(path: &str) -> bool {
    !path.contains('/') || input::expand::is_supported_name(path)
}
