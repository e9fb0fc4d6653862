//! Inputs: file bytes → text. Encodings (UTF-8/16, GB18030/GBK, Big5), HTML pages, Word .docx,
//! natively also legacy Word .doc/.wps and PDF (the page reads PDFs with pdf.js and .doc/.wps
//! with this crate's [`doc`] reader built into a small wasm module of its own, `crates/docread`); .zip archives of reports ([`expand`]); and page
//! clutter recognition ([`clutter`]).
//!
//! [`decode`] goes by content, not by name: zip bytes are read as .docx, `%PDF` as PDF, a
//! compound file as .doc, markup as HTML, anything else as text in whatever encoding it is in.
//! The name's extension is only a hint (a `.html` file with a few tags is HTML; a `.docx` that
//! is not a zip gets a .docx message). [`expand`] first turns an archive into its files.

pub mod archive;
#[cfg(not(target_arch = "wasm32"))]
pub mod doc;
pub mod docx;
pub mod encoding;
pub mod expand;
pub mod html;
pub mod pdf;
pub mod zipentry;
pub mod zipread;

pub use expand::{expand, Part};
pub use html::{html_to_text, looks_like_html, with_tables_read};

/// The largest file accepted, in bytes (20 MB; a long report is well under 1 MB).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// The first bytes of a Compound File (legacy Word .doc/.wps, also .xls and .ppt).
pub const CFB_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// What the reader supports, for the end of error messages (the same in the CLI and the page).
pub const SUPPORTED: &str =
    "zhibiao reads text (UTF-8, UTF-16, GB18030/GBK, Big5), HTML pages, Word .docx/.doc/.wps, PDF with a text layer and .zip archives of these";

/// Why a file could not be read: a one-line message saying what is wrong and what is supported.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// A decoded input.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decoded {
    /// The text to extract from (what evidence offsets point into).
    pub text: String,
    /// What the decoder noticed (`decoded as GB18030`, …).
    pub warnings: Vec<String>,
}

/// The kind of input, found from its content (and, only where the content is ambiguous, its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A zip archive (read as Word .docx).
    Docx,
    /// HTML markup.
    Html,
    /// Plain text.
    Text,
}

/// Run `f`, turning a panic inside it into `None` (natively; third-party parsers of hostile
/// formats are wrapped in this so that no input can crash the CLI). The panic message is not
/// printed. In the browser (built with `panic = "abort"`) this just runs `f`.
pub fn guard<T>(f: impl FnOnce() -> T) -> Option<T> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::cell::Cell;
        thread_local!(static QUIET: Cell<bool> = const { Cell::new(false) });
        static HOOK: std::sync::Once = std::sync::Once::new();
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                if !QUIET.with(Cell::get) {
                    previous(info);
                }
            }));
        });
        let was = QUIET.with(|q| q.replace(true));
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok();
        QUIET.with(|q| q.set(was));
        r
    }
    #[cfg(target_arch = "wasm32")]
    {
        Some(f())
    }
}

pub(crate) fn error(name: &str, what: &str) -> InputError {
    let what = what.replace(['\n', '\r'], " ");
    InputError(format!("{name}: {what}; {SUPPORTED}"))
}

fn has_ext(name: &str, exts: &[&str]) -> bool {
    let lower = name.to_ascii_lowercase();
    exts.iter().any(|e| lower.ends_with(e))
}

/// Decode `bytes` (named `name`, for messages and as a hint) into text. Never panics; linear in
/// the input; refuses inputs over [`MAX_BYTES`], binary files and unreadable text with a
/// one-line [`InputError`] naming the file.
pub fn decode(bytes: &[u8], name: &str) -> Result<Decoded, InputError> {
    if is_zip(bytes) {
        decode_zip(bytes, name)
    } else {
        decode_unzipped(bytes, name)
    }
}

/// The size limit and the empty file, the first checks of [`decode`].
fn checked(bytes: &[u8], name: &str) -> Result<(), InputError> {
    if bytes.len() > MAX_BYTES {
        return Err(error(
            name,
            &format!(
                "the file is over the limit of {} MB per file",
                MAX_BYTES >> 20
            ),
        ));
    }
    if bytes.is_empty() {
        return Err(error(name, "the file is empty"));
    }
    Ok(())
}

/// [`decode`] for a zip ([`is_zip`]): a Word .docx read to text, an archive refused (its
/// members are read one by one, `expand`). What the page's engine reads (`engine::unpack`),
/// without the text decoders of [`decode_unzipped`].
pub fn decode_zip(bytes: &[u8], name: &str) -> Result<Decoded, InputError> {
    checked(bytes, name)?;
    if expand::is_archive(bytes, name) {
        return Err(error(
            name,
            "a .zip archive: each report inside is read on its own (give the archive to `zhibiao extract` or drop it on the page)",
        ));
    }
    let (text, warnings) = docx::docx_to_text(bytes, MAX_BYTES).map_err(|e| error(name, &e))?;
    finish(name, text, warnings)
}

/// Do `bytes` begin as a zip archive (a .zip, or a Word .docx)?
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// [`decode`] for input that is not a zip archive ([`is_zip`]): what the page's shell decodes
/// itself (its archives and .docx go to the engine, `engine::unpack`, so that the zip and XML
/// readers stay out of the shell's wasm). A zip reads as an error here.
pub fn decode_unzipped(bytes: &[u8], name: &str) -> Result<Decoded, InputError> {
    checked(bytes, name)?;
    if is_zip(bytes) {
        return Err(error(name, "a zip archive, read by the page's engine"));
    }
    #[cfg(not(target_arch = "wasm32"))]
    if bytes.starts_with(b"%PDF")
        || (has_ext(name, &[".pdf"])
            && encoding::find(&bytes[..bytes.len().min(1024)], b"%PDF").is_some())
    {
        let (text, warnings) = pdf::pdf_to_text(bytes).map_err(|e| error(name, &e))?;
        return finish(name, text, warnings);
    }
    #[cfg(not(target_arch = "wasm32"))]
    if bytes.starts_with(CFB_MAGIC) {
        let (text, warnings) = guard(|| doc::doc_to_text(bytes, MAX_BYTES))
            .unwrap_or_else(|| Err("not a valid .doc: the compound file is damaged".to_string()))
            .map_err(|e| error(name, &e))?;
        return finish(name, text, warnings);
    }
    let named_docx = has_ext(name, &[".docx", ".docm", ".dotx"]);
    if let Some(what) = encoding::binary_kind(bytes) {
        if named_docx {
            return Err(error(name, "not a valid .docx: it is not a zip archive"));
        }
        return Err(error(name, &format!("this is {what}")));
    }
    let declared = encoding::declared_charset(bytes);
    let d = encoding::decode_text(bytes, declared);
    // more than a handful and more than 1 in 50 chars unreadable: not text in any encoding we know
    let chars = d.text.chars().count().max(1);
    if d.replaced > 8 && d.replaced * 50 > chars {
        if named_docx {
            return Err(error(name, "not a valid .docx: it is not a zip archive"));
        }
        return Err(error(
            name,
            "not readable text: neither UTF-8 nor GB18030/GBK",
        ));
    }
    let mut warnings = Vec::new();
    if named_docx {
        warnings.push(format!(
            "{name} is not a .docx (zip) file; it was read as text"
        ));
    }
    if d.encoding != "utf-8" {
        warnings.push(format!("decoded as {}", d.encoding.to_ascii_uppercase()));
    }
    if d.replaced > 0 {
        warnings.push(format!(
            "{} unreadable byte sequences replaced by \u{FFFD}",
            d.replaced
        ));
    }
    let text = d
        .text
        .strip_prefix('\u{FEFF}')
        .map(str::to_string)
        .unwrap_or(d.text);
    let html_named = has_ext(name, &[".html", ".htm", ".xhtml", ".shtml", ".mht"]);
    if !html_named {
        if let Some(t) = with_tables_read(&text) {
            return finish(name, t, warnings);
        }
    }
    if looks_like_html(&text) || (html_named && text.contains('<') && text.contains('>')) {
        return finish(name, html_to_text(&text), warnings);
    }
    finish(name, text, warnings)
}

/// Which [`Kind`] `decode` reads `bytes` as (ignoring encodings and errors).
pub fn kind(bytes: &[u8], name: &str) -> Kind {
    if is_zip(bytes) {
        return Kind::Docx;
    }
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(MAX_BYTES)]);
    let html_named = has_ext(name, &[".html", ".htm", ".xhtml", ".shtml", ".mht"]);
    if looks_like_html(&text) || (html_named && text.contains('<') && text.contains('>')) {
        Kind::Html
    } else {
        Kind::Text
    }
}

fn finish(name: &str, text: String, warnings: Vec<String>) -> Result<Decoded, InputError> {
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .is_empty()
    {
        return Err(error(name, "the file has no text"));
    }
    Ok(Decoded { text, warnings })
}

/// Text pasted by a user (already a `&str`): the text of the page when it is HTML markup, a text
/// with its `<table>`s read when they are its only markup ([`with_tables_read`]), otherwise the
/// text itself.
pub fn decode_str(s: &str) -> String {
    if let Some(t) = with_tables_read(s) {
        return t;
    }
    if looks_like_html(s) {
        html_to_text(s)
    } else {
        s.to_string()
    }
}
