//! Word .docx → text: the paragraphs and table cells of `word/document.xml`, in order.
//!
//! The member is inflated as a stream (at most [`MAX_XML`] bytes: a zip bomb stops there) into
//! `quick-xml`, so memory is the text kept, not the XML. One line per paragraph; in a table the
//! paragraphs of a cell are joined by a space, cells by a tab and rows end a line. Deleted text,
//! field codes and the VML fallback copy of text boxes are left out.

use super::archive::{self, ZipError};
use quick_xml::events::Event;
use std::io::{BufReader, Read};

/// The most bytes `word/document.xml` may ever inflate to (a real report's is a few MB at most).
pub const MAX_XML: usize = 32 * 1024 * 1024;

/// The inflate cap for a member of `compressed` bytes: 50× its size (XML compresses 5–20×),
/// at least 4 MB, at most [`MAX_XML`]; so a bomb stops early and memory stays small.
pub fn xml_cap(compressed: usize) -> usize {
    compressed.saturating_mul(50).clamp(4 << 20, MAX_XML)
}

/// The text of a .docx, and warnings; or why it cannot be read (a phrase, without the file name).
pub fn docx_to_text(bytes: &[u8], max_text: usize) -> Result<(String, Vec<String>), String> {
    archive::with_member(
        bytes,
        "word/document.xml",
        |c| xml_cap(c as usize),
        |r, compressed| {
            walk(
                r,
                xml_cap(compressed as usize),
                compressed as usize,
                max_text,
            )
        },
    )
    .map_err(|e| match e {
        ZipError::NotZip => {
            "not a valid .docx: the zip archive is incomplete or damaged".to_string()
        }
        ZipError::Damaged => "not a valid .docx: the zip archive is damaged".to_string(),
        ZipError::Missing => {
            let names = archive::names(bytes, 200).unwrap_or_default();
            let what = if names.iter().any(|n| n.starts_with("xl/")) {
                "an Excel .xlsx file"
            } else if names.iter().any(|n| n.starts_with("ppt/")) {
                "a PowerPoint .pptx file"
            } else if names.iter().any(|n| n == "content.xml") {
                "an OpenDocument file (save it as .docx)"
            } else {
                "a zip archive"
            };
            format!("{what} without word/document.xml, not a Word .docx")
        }
        ZipError::Encrypted => "the .docx is encrypted (password protected)".to_string(),
        ZipError::Method(m) => {
            format!("the .docx uses zip compression method {m} (only stored and deflate)")
        }
    })?
}

/// Walk the XML of `word/document.xml` read from `r` (capped at `cap` bytes, `compressed` in
/// the archive) into text.
fn walk(
    r: &mut dyn Read,
    cap: usize,
    compressed: usize,
    max_text: usize,
) -> Result<(String, Vec<String>), String> {
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(r));
    reader.config_mut().check_end_names = false;
    let mut out = String::new();
    let mut warnings = Vec::new();
    let mut buf = Vec::new();
    let (mut in_t, mut runs, mut cells, mut fallback) = (false, 0usize, 0usize, 0usize);
    loop {
        let ev = match reader.read_event_into(&mut buf) {
            Ok(ev) => ev,
            Err(e) => {
                let e = e.to_string();
                if e.contains(archive::TOO_LARGE) {
                    return Err(format!(
                        "word/document.xml inflates to more than {} MB from {} KB (a zip bomb?)",
                        cap >> 20,
                        compressed >> 10
                    ));
                }
                if e.contains("checksum") && !out.trim().is_empty() {
                    warnings.push(
                        "word/document.xml fails its checksum: the file may be damaged".to_string(),
                    );
                    break;
                }
                if out.trim().is_empty() {
                    return Err(format!("word/document.xml is damaged ({e})"));
                }
                warnings.push(format!(
                    "word/document.xml is damaged after {} chars; the rest is left out",
                    out.chars().count()
                ));
                break;
            }
        };
        match ev {
            Event::Eof => break,
            Event::Start(e) => match e.local_name().into_inner() {
                "Fallback" => fallback += 1,
                _ if fallback > 0 => {}
                "t" => in_t = true,
                "r" => runs += 1,
                "tc" => cells += 1,
                _ => {}
            },
            Event::Empty(e) if fallback == 0 => match e.local_name().into_inner() {
                "tab" if runs > 0 => out.push('\t'),
                "br" | "cr" if runs > 0 => out.push('\n'),
                "p" => paragraph_end(&mut out, cells),
                _ => {}
            },
            Event::End(e) => match e.local_name().into_inner() {
                "Fallback" => fallback = fallback.saturating_sub(1),
                _ if fallback > 0 => {}
                "t" => in_t = false,
                "r" => runs = runs.saturating_sub(1),
                "p" => paragraph_end(&mut out, cells),
                "tc" => {
                    cells = cells.saturating_sub(1);
                    trim_end(&mut out);
                    out.push('\t');
                }
                "tr" => {
                    trim_end(&mut out);
                    out.push('\n');
                }
                _ => {}
            },
            Event::Text(t) if in_t && fallback == 0 => out.push_str(&t),
            Event::CData(t) if in_t && fallback == 0 => out.push_str(&t),
            Event::GeneralRef(r) if in_t && fallback == 0 => match r.resolve_char_ref() {
                Ok(Some(c)) => out.push(c),
                _ => out.push_str(match &*r {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                }),
            },
            _ => {}
        }
        if out.len() > max_text {
            return Err(format!(
                "the .docx holds more than {} MB of text",
                max_text >> 20
            ));
        }
        buf.clear();
    }
    let end = out.trim_end().len();
    out.truncate(end);
    Ok((out, warnings))
}

/// End a paragraph: a line break (at most one blank line in a row), or a space inside a table cell.
fn paragraph_end(out: &mut String, cells: usize) {
    trim_end(out);
    if cells > 0 {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push(' ');
        }
    } else if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

fn trim_end(s: &mut String) {
    let n = s.trim_end_matches([' ', '\t']).len();
    s.truncate(n);
}
