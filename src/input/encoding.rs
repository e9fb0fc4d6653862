//! Bytes → text: byte-order marks, UTF-8, UTF-16, GB18030/GBK (detected when the bytes are not
//! UTF-8) and Big5 (only when an HTML page declares it), plus the binary-file check.
//!
//! Legacy encodings are decoded with the WHATWG Encoding Standard decoders: `encoding_rs` in the
//! native build, the browser's own `TextDecoder` in the web build (the same standard, and it keeps
//! encoding_rs's ~130 KB gzip of CJK tables out of the page).

/// A legacy (non-Unicode) encoding this crate can decode, or UTF-16.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// GB18030, a superset of GBK and GB2312 (the WHATWG decoder for all three labels).
    Gb18030,
    /// Big5 (with the HKSCS extensions, as browsers decode it).
    Big5,
    /// UTF-16, little endian.
    Utf16Le,
    /// UTF-16, big endian.
    Utf16Be,
}

impl Legacy {
    /// The WHATWG label, as passed to `TextDecoder` and shown in warnings.
    pub fn label(self) -> &'static str {
        match self {
            Legacy::Gb18030 => "gb18030",
            Legacy::Big5 => "big5",
            Legacy::Utf16Le => "utf-16le",
            Legacy::Utf16Be => "utf-16be",
        }
    }

    /// The encoding named by an HTML `charset` label (`gbk`, `gb2312`, `big5` …); `None` for
    /// UTF-8 and labels this crate does not decode.
    pub fn from_label(label: &str) -> Option<Legacy> {
        let l = label.trim().to_ascii_lowercase();
        match l.as_str() {
            "gbk" | "gb2312" | "gb18030" | "gb_2312" | "gb_2312-80" | "x-gbk" | "chinese"
            | "csgb2312" | "csiso58gb231280" | "iso-ir-58" | "euc-cn" | "cp936" | "windows-936" => {
                Some(Legacy::Gb18030)
            }
            "big5" | "big5-hkscs" | "cn-big5" | "csbig5" | "x-x-big5" => Some(Legacy::Big5),
            _ => None,
        }
    }
}

/// Text decoded from bytes, with how it was decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedText {
    /// The text (a leading BOM removed).
    pub text: String,
    /// `utf-8`, `gb18030`, `big5`, `utf-16le` or `utf-16be`.
    pub encoding: &'static str,
    /// Malformed sequences replaced by U+FFFD.
    pub replaced: usize,
}

/// Decode `bytes` with a legacy decoder; malformed sequences become U+FFFD.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode_legacy(bytes: &[u8], enc: Legacy) -> String {
    let e = match enc {
        Legacy::Gb18030 => encoding_rs::GB18030,
        Legacy::Big5 => encoding_rs::BIG5,
        Legacy::Utf16Le => encoding_rs::UTF_16LE,
        Legacy::Utf16Be => encoding_rs::UTF_16BE,
    };
    e.decode_without_bom_handling(bytes).0.into_owned()
}

/// Decode `bytes` with a legacy decoder; malformed sequences become U+FFFD.
#[cfg(target_arch = "wasm32")]
pub fn decode_legacy(bytes: &[u8], enc: Legacy) -> String {
    web::decode(bytes, enc.label())
}

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        type TextDecoder;
        #[wasm_bindgen(constructor, catch)]
        fn new(label: &str) -> Result<TextDecoder, JsValue>;
        #[wasm_bindgen(method)]
        fn decode(this: &TextDecoder, bytes: &[u8]) -> String;
    }

    /// `new TextDecoder(label).decode(bytes)` (non-fatal: malformed input becomes U+FFFD).
    pub fn decode(bytes: &[u8], label: &str) -> String {
        match TextDecoder::new(label) {
            Ok(d) => d.decode(bytes),
            Err(_) => String::from_utf8_lossy(bytes).into_owned(),
        }
    }
}

/// Why the bytes are not text: a short phrase for the one-line message, or `None` for text.
/// Recognises common binary formats by their magic numbers, then (unless it is UTF-16) NUL and
/// control bytes.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (
            b"%PDF",
            "a PDF file (PDF is not supported: save the report as .docx, HTML or text)",
        ),
        (b"\x89PNG", "a PNG image"),
        (b"GIF8", "a GIF image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"BM", ""),
        (
            b"\xD0\xCF\x11\xE0",
            "an old Word .doc/.xls file (save it as .docx)",
        ),
        (b"{\\rtf", "an RTF file (save it as .docx)"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
        (b"RIFF", "a RIFF media file"),
        (b"\x7FELF", "a program"),
        (b"MZ", ""),
        (b"\x00\x00\x01\x00", "an icon"),
        (b"wOF", "a font"),
    ];
    for (m, what) in MAGIC {
        if bytes.starts_with(m) && !what.is_empty() {
            return Some(what);
        }
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let nul = head.contains(&0);
    let control = head.iter().filter(|&&b| is_control(b)).count();
    if (nul || control * 100 > head.len()) && is_utf16(bytes) {
        return None;
    }
    if nul {
        return Some("binary data (it contains NUL bytes)");
    }
    if control * 100 > head.len() {
        return Some("binary data (it contains control bytes)");
    }
    None
}

/// A control byte that text does not hold: 1–8, 0x0E–0x1A, 0x1C–0x1F and DEL (not NUL, tab,
/// line ends, form feed or escape). Branch-free, so that counting them vectorises.
fn is_control(b: u8) -> bool {
    (b.wrapping_sub(1) < 8) | (b.wrapping_sub(0x0E) < 13) | (b.wrapping_sub(0x1C) < 4) | (b == 0x7F)
}

/// Whether `bytes` are UTF-16 (with a BOM, or sniffed without one): such text has NUL bytes
/// and must not be taken for binary.
pub fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || sniff_utf16(bytes).is_some()
        || plausible_utf16(bytes).is_some()
}

/// UTF-16 without a BOM and without many NULs (Chinese text): at least 95% of the first 4 K
/// code units are plausible in a report (ASCII, Latin-1, punctuation, CJK, full-width forms).
/// Only asked of bytes that are not UTF-8 (pairs of ASCII letters look like CJK code units).
fn plausible_utf16(bytes: &[u8]) -> Option<Legacy> {
    if !bytes.len().is_multiple_of(2) || bytes.len() < 16 {
        return None;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let plausible = |le: bool| {
        let ok = head
            .chunks_exact(2)
            .map(|p| if le { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) })
            .filter(|u| {
                matches!(u, 0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0xA0..=0xFF | 0x2000..=0x206F | 0x2150..=0x218F
                    | 0x2460..=0x24FF | 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF)
            })
            .count();
        ok * 100 >= (head.len() / 2) * 95
    };
    if plausible(true) {
        Some(Legacy::Utf16Le)
    } else if plausible(false) {
        Some(Legacy::Utf16Be)
    } else {
        None
    }
}

/// UTF-16 without a BOM: in the first 4 KB, most bytes at one parity are NUL and few at the other.
fn sniff_utf16(bytes: &[u8]) -> Option<Legacy> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 16 {
        return None;
    }
    let pairs = head.len() / 2;
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd * 10 >= pairs * 3 && even * 20 <= pairs {
        Some(Legacy::Utf16Le)
    } else if even * 10 >= pairs * 3 && odd * 20 <= pairs {
        Some(Legacy::Utf16Be)
    } else {
        None
    }
}

/// The charset an HTML page declares in its first 4 KB (`<meta charset=gbk>` or
/// `content="text/html; charset=gb2312"`), if it is one this crate decodes other than UTF-8.
pub fn declared_charset(bytes: &[u8]) -> Option<Legacy> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"charset") {
        let mut j = from + i + 7;
        from = j;
        while j < lower.len() && matches!(lower[j], b' ' | b'\t' | b'\n' | b'\r') {
            j += 1;
        }
        if j >= lower.len() || lower[j] != b'=' {
            continue;
        }
        j += 1;
        while j < lower.len() && matches!(lower[j], b' ' | b'\t' | b'\n' | b'\r' | b'"' | b'\'') {
            j += 1;
        }
        let start = j;
        while j < lower.len()
            && (lower[j].is_ascii_alphanumeric() || matches!(lower[j], b'-' | b'_' | b':'))
        {
            j += 1;
        }
        let label = std::str::from_utf8(&lower[start..j]).unwrap_or("");
        if !label.is_empty() {
            return Legacy::from_label(label);
        }
    }
    None
}

/// First index of `needle` in `hay` (naive; callers pass short needles over bounded input).
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn count_replacements(s: &str) -> usize {
    s.chars().filter(|&c| c == '\u{FFFD}').count()
}

/// Natively: the legacy encoding `chardetng` (Firefox's detector) guesses for bytes that are not
/// UTF-8, when it is one this crate decodes (GBK/GB18030 or Big5); `None` otherwise.
#[cfg(not(target_arch = "wasm32"))]
pub fn sniff_legacy(bytes: &[u8]) -> Option<Legacy> {
    let mut d = chardetng::EncodingDetector::new();
    d.feed(
        &bytes[..bytes.len().min(256 * 1024)],
        bytes.len() <= 256 * 1024,
    );
    let guess = d.guess(None, false);
    if guess == encoding_rs::GBK || guess == encoding_rs::GB18030 {
        Some(Legacy::Gb18030)
    } else if guess == encoding_rs::BIG5 {
        Some(Legacy::Big5)
    } else {
        None
    }
}

/// In the browser there is no detector (chardetng's frequency tables would grow the page):
/// bytes that are not UTF-8 go to whichever of lossy UTF-8 and GB18030 replaces fewer sequences.
#[cfg(target_arch = "wasm32")]
pub fn sniff_legacy(_bytes: &[u8]) -> Option<Legacy> {
    None
}

/// Decode `bytes` into text: BOM first, then BOM-less UTF-16 with many NULs, then strict UTF-8,
/// then the `declared` charset, then BOM-less UTF-16 of plausible chars, then (natively) the
/// encoding `chardetng` guesses, then whichever of lossy UTF-8 and GB18030 replaces fewer.
pub fn decode_text(bytes: &[u8], declared: Option<Legacy>) -> DecodedText {
    let with = |text: String, encoding: &'static str| {
        let replaced = count_replacements(&text);
        DecodedText {
            text,
            encoding,
            replaced,
        }
    };
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return with(String::from_utf8_lossy(rest).into_owned(), "utf-8");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return with(decode_legacy(rest, Legacy::Utf16Le), "utf-16le");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return with(decode_legacy(rest, Legacy::Utf16Be), "utf-16be");
    }
    if let Some(enc) = sniff_utf16(bytes) {
        return with(decode_legacy(bytes, enc), enc.label());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return DecodedText {
            text: s.to_string(),
            encoding: "utf-8",
            replaced: 0,
        };
    }
    if let Some(enc) = declared {
        return with(decode_legacy(bytes, enc), enc.label());
    }
    if let Some(enc) = plausible_utf16(bytes) {
        return with(decode_legacy(bytes, enc), enc.label());
    }
    if let Some(enc) = sniff_legacy(bytes) {
        return with(decode_legacy(bytes, enc), enc.label());
    }
    let utf8 = with(String::from_utf8_lossy(bytes).into_owned(), "utf-8");
    let gb = with(decode_legacy(bytes, Legacy::Gb18030), "gb18030");
    if utf8.replaced <= gb.replaced {
        utf8
    } else {
        gb
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_bytes_are_the_listed_ranges() {
        for b in 0..=255u8 {
            let listed = matches!(b, 1..=8 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F);
            assert_eq!(is_control(b), listed, "byte {b:#04x}");
        }
    }

    #[test]
    fn labels() {
        assert_eq!(Legacy::from_label("GB2312"), Some(Legacy::Gb18030));
        assert_eq!(Legacy::from_label(" big5 "), Some(Legacy::Big5));
        assert_eq!(Legacy::from_label("utf-8"), None);
    }

    #[test]
    fn declared() {
        assert_eq!(
            declared_charset(b"<meta charset=\"GBK\">"),
            Some(Legacy::Gb18030)
        );
        assert_eq!(
            declared_charset(b"<meta http-equiv=Content-Type content='text/html; charset = big5'>"),
            Some(Legacy::Big5)
        );
        assert_eq!(declared_charset(b"<meta charset=utf-8>"), None);
        assert_eq!(declared_charset(b"charset"), None);
    }

    #[test]
    fn binary() {
        assert!(binary_kind(b"%PDF-1.7\n").unwrap().contains("PDF"));
        assert!(binary_kind(b"abc\0def").is_some());
        assert_eq!(binary_kind("普通文本\n第二行".as_bytes()), None);
    }
}
