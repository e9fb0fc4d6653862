//! Legacy Word .doc (Word 97–2003, and WPS Office `.wps` files of the same format) → text.
//!
//! The file is a Compound File (CFB, read with the `cfb` crate). Its `WordDocument` stream
//! starts with the FIB, which says which table stream (`0Table`/`1Table`) holds the CLX and
//! where; the CLX's piece table maps character positions to pieces of text in `WordDocument`,
//! each either UTF-16LE or "compressed" 8-bit (Windows-1252). Only the main document is read
//! (the first `ccpText` characters), not footnotes or headers. Paragraph marks become line
//! breaks, table cell marks tabs; field codes are dropped and field results kept.
//!
//! The CLI compiles this module in; the page loads it on demand as a wasm module of its own
//! (`crates/docread`, which includes this file): compiled into the page's wasm, `cfb` and this
//! reader added 21.3 KB gzip to the initial load (measured with `scripts/build-web.sh`).
//! Needs only `cfb` and `super::MAX_BYTES`.

use std::io::{Cursor, Read};

/// A little-endian u16 at `i`, if `b` is long enough.
fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    b.get(i..i + 2).map(|s| u16::from_le_bytes([s[0], s[1]]))
}

/// A little-endian u32 at `i`, if `b` is long enough.
fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    b.get(i..i + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// The main document's UTF-16 units: the CLX's piece table (`clx`) read against the
/// `WordDocument` stream (`wd`), up to `ccp_text` characters.
fn pieces(wd: &[u8], clx: &[u8], ccp_text: usize, max_text: usize) -> Result<Vec<u16>, String> {
    // skip Prc entries (0x01, cbGrpprl, grpprl) to the Pcdt (0x02, lcb, PlcPcd)
    let mut p = 0;
    while clx.get(p) == Some(&0x01) {
        let cb = u16_at(clx, p + 1).ok_or("not a valid .doc: damaged piece table")? as usize;
        p += 3 + cb;
    }
    if clx.get(p) != Some(&0x02) {
        return Err("not a valid .doc: no piece table".into());
    }
    let lcb = u32_at(clx, p + 1).ok_or("not a valid .doc: damaged piece table")? as usize;
    let plc = clx
        .get(p + 5..)
        .and_then(|s| s.get(..lcb.min(s.len())))
        .unwrap_or(&[]);
    if plc.len() < 16 {
        return Err("not a valid .doc: empty piece table".into());
    }
    let n = (plc.len() - 4) / 12;
    let mut text: Vec<u16> = Vec::new();
    for i in 0..n {
        let (Some(cp0), Some(cp1)) = (u32_at(plc, i * 4), u32_at(plc, i * 4 + 4)) else {
            break;
        };
        let (cp0, cp1) = (cp0 as usize, cp1 as usize);
        if cp0 >= ccp_text || cp1 <= cp0 {
            continue;
        }
        let count = cp1.min(ccp_text) - cp0;
        let pcd = (n + 1) * 4 + i * 8;
        let Some(fc) = u32_at(plc, pcd + 2) else {
            break;
        };
        let compressed = fc & 0x4000_0000 != 0;
        let fc = (fc & 0x3FFF_FFFF) as usize;
        if compressed {
            let at = fc / 2;
            let Some(bytes) = at.checked_add(count).and_then(|e| wd.get(at..e)) else {
                continue;
            };
            text.extend(bytes.iter().map(|&b| cp1252(b) as u16));
        } else {
            let Some(bytes) = count
                .checked_mul(2)
                .and_then(|c| fc.checked_add(c))
                .and_then(|e| wd.get(fc..e))
            else {
                continue;
            };
            text.extend(
                bytes
                    .chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]])),
            );
        }
        if text.len() * 2 > max_text {
            return Err(format!(
                "the .doc holds more than {} MB of text",
                max_text >> 20
            ));
        }
    }
    Ok(text)
}

/// The text of a .doc, and warnings; or why it cannot be read (a phrase, without the file name).
pub fn doc_to_text(bytes: &[u8], max_text: usize) -> Result<(String, Vec<String>), String> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| format!("not a valid .doc: the compound file is damaged ({e})"))?;
    let read = |cf: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str| -> Result<Vec<u8>, String> {
        let mut s = cf
            .open_stream(name)
            .map_err(|e| format!("not a valid .doc: no {name} stream ({e})"))?;
        let mut buf = Vec::new();
        (&mut s)
            .take(super::MAX_BYTES as u64)
            .read_to_end(&mut buf)
            .map_err(|e| format!("not a valid .doc: the {name} stream is damaged ({e})"))?;
        Ok(buf)
    };
    if !cf.is_stream("/WordDocument") {
        let what = if cf.is_stream("/Workbook") || cf.is_stream("/Book") {
            "an old Excel .xls file"
        } else if cf.is_stream("/PowerPoint Document") {
            "an old PowerPoint .ppt file"
        } else {
            "an Office compound file without a WordDocument stream, not a Word .doc"
        };
        return Err(what.to_string());
    }
    let wd = read(&mut cf, "/WordDocument")?;
    let ident = u16_at(&wd, 0).ok_or("not a valid .doc: the WordDocument stream is too short")?;
    if ident != 0xA5EC {
        return Err(
            "not a Word 97–2003 document (an older Word or WPS format: save it as .docx)".into(),
        );
    }
    let flags = u16_at(&wd, 0x0A).unwrap_or(0);
    if flags & 0x0100 != 0 {
        return Err("the .doc is encrypted (password protected)".into());
    }
    let table = if flags & 0x0200 != 0 {
        "/1Table"
    } else {
        "/0Table"
    };
    let ccp_text = u32_at(&wd, 0x4C).ok_or("not a valid .doc: the FIB is cut short")? as usize;
    let fc_clx = u32_at(&wd, 0x1A2).ok_or("not a valid .doc: the FIB is cut short")? as usize;
    let lcb_clx = u32_at(&wd, 0x1A6).ok_or("not a valid .doc: the FIB is cut short")? as usize;
    let tbl = read(&mut cf, table)?;
    let clx = fc_clx
        .checked_add(lcb_clx)
        .and_then(|end| tbl.get(fc_clx..end))
        .ok_or("not a valid .doc: the piece table lies outside its stream")?;
    let text = pieces(&wd, clx, ccp_text, max_text)?;
    let text = String::from_utf16_lossy(&text);
    Ok((clean(&text), Vec::new()))
}

/// A byte of a "compressed" piece: Windows-1252 (Latin-1 but for 0x80–0x9F). Every char is in
/// the Basic Multilingual Plane, so it is one UTF-16 unit.
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Word's special characters → plain text: paragraph marks and breaks → line breaks, cell
/// marks → tabs (a row's end mark ends the line), field codes dropped, results kept.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // nesting of fields: true while inside a field's code (before its separator)
    let mut fields: Vec<bool> = Vec::new();
    for c in s.chars() {
        match c {
            '\u{13}' => {
                fields.push(true);
                continue;
            }
            '\u{14}' => {
                if let Some(f) = fields.last_mut() {
                    *f = false;
                }
                continue;
            }
            '\u{15}' => {
                fields.pop();
                continue;
            }
            _ if fields.iter().any(|&code| code) => continue,
            '\r' | '\u{0B}' | '\u{0C}' => {
                let n = out.trim_end_matches([' ', '\t']).len();
                out.truncate(n);
                out.push('\n');
            }
            '\u{07}' => {
                if out.ends_with('\t') {
                    // the row-end mark after the last cell's mark
                    out.pop();
                    out.push('\n');
                } else {
                    out.push('\t');
                }
            }
            '\u{1E}' => out.push('-'),
            '\u{1F}' | '\u{01}' | '\u{02}' | '\u{05}' | '\u{08}' | '\0' => {}
            c => out.push(c),
        }
    }
    // at most one blank line in a row
    let mut result = String::with_capacity(out.len());
    for line in out.split('\n') {
        if line.trim().is_empty() && (result.is_empty() || result.ends_with("\n\n")) {
            continue;
        }
        result.push_str(line);
        result.push('\n');
    }
    result.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_chars() {
        assert_eq!(
            clean("标题\r\r\r正文\u{13} PAGE \u{14}3\u{15}页\r"),
            "标题\n\n正文3页"
        );
        assert_eq!(
            clean("项目\u{07}数量\u{07}\u{07}复议\u{07}25件\u{07}\u{07}"),
            "项目\t数量\n复议\t25件"
        );
    }

    #[test]
    fn windows_1252() {
        for b in 0..=255u8 {
            let byte = [b];
            let (want, _, _) = encoding_rs::WINDOWS_1252.decode(&byte);
            assert_eq!(cp1252(b).to_string(), want, "{b:#x}");
        }
    }

    #[test]
    fn not_a_doc() {
        assert!(doc_to_text(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 1 << 20).is_err());
    }
}
