//! Legacy Word .doc/.wps → text in the browser: the CLI's reader (`src/input/doc.rs`, included
//! as is) exported to JavaScript. The page imports `docread.mjs` from its own origin the first
//! time a .doc or .wps arrives and calls [`doc_text`].

use wasm_bindgen::prelude::*;

/// The largest text read from one .doc (as the CLI's `input::MAX_BYTES`).
const MAX_BYTES: usize = 20 * 1024 * 1024;

#[path = "../../../src/input/doc.rs"]
mod doc;

/// The text of a .doc/.wps; throws a one-phrase reason (without the file name) when it cannot
/// be read. Never panics on hostile input that the CLI's reader survives.
#[wasm_bindgen]
pub fn doc_text(bytes: &[u8]) -> Result<String, String> {
    doc::doc_to_text(bytes, MAX_BYTES).map(|(text, _warnings)| text)
}
