//! PDF → text (natively; the page uses pdf.js and hands the text to [`tidy_pages`]).
//!
//! The text layer is read page by page with `pdf-extract` (CID fonts decoded through their
//! ToUnicode maps). Then, the same for both: page numbers and the headers/footers repeated on
//! most pages are dropped, lines wrapped inside a paragraph are joined, and the text is checked
//! for the signs of a broken text layer. No text at all means a scanned document.

/// The message for a PDF without a text layer.
pub const SCANNED: &str = "scanned document: no text to read; paste the text or OCR it first";

/// The text of a PDF, and warnings; or why it cannot be read (a phrase, without the file name).
#[cfg(not(target_arch = "wasm32"))]
pub fn pdf_to_text(bytes: &[u8]) -> Result<(String, Vec<String>), String> {
    let pages = super::guard(|| pdf_extract::extract_text_from_mem_by_pages(bytes))
        .ok_or_else(|| "not a readable PDF (its structure could not be parsed)".to_string())?
        .map_err(|e| {
            let e = e.to_string();
            if e.to_lowercase().contains("encrypt") || e.to_lowercase().contains("password") {
                "the PDF is encrypted (password protected)".to_string()
            } else {
                format!("not a valid PDF ({})", e.replace(['\n', '\r'], " "))
            }
        })?;
    tidy_pages(&pages)
}

/// Whether a line is a page number: `3`, `- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 9 页`, `3/9`.
fn is_page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() || t.chars().count() > 16 {
        return false;
    }
    let core = t.trim_matches(|c: char| matches!(c, '-' | '—' | '–' | '－' | '·' | '•'));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if digits(core) {
        return true;
    }
    if let Some((a, b)) = core.split_once('/') {
        return digits(a) && digits(b);
    }
    let no_digits: String = core.chars().filter(|c| !c.is_ascii_digit()).collect();
    core.chars().any(|c| c.is_ascii_digit())
        && matches!(no_digits.as_str(), "第页" | "第页共页" | "Page" | "页")
}

/// A line with its digits blanked, to find headers/footers that differ only by page number.
fn shape(line: &str) -> String {
    line.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Page texts → one text: page numbers and repeated headers/footers dropped, wrapped lines
/// joined, a warning when the text looks garbled; [`SCANNED`] when there is no text.
pub fn tidy_pages(pages: &[String]) -> Result<(String, Vec<String>), String> {
    let pages: Vec<Vec<&str>> = pages
        .iter()
        .map(|p| {
            p.lines()
                .map(str::trim_end)
                .filter(|l| !l.trim().is_empty())
                .collect()
        })
        .collect();
    // headers/footers: among the first and last two lines of each page, the shapes on at least
    // half of the pages (and on at least 3 pages)
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for p in &pages {
        let mut seen = std::collections::HashSet::new();
        for l in p.iter().take(2).chain(p.iter().rev().take(2)) {
            let s = shape(l);
            if seen.insert(s.clone()) {
                *counts.entry(s).or_default() += 1;
            }
        }
    }
    let repeated =
        |l: &str| pages.len() >= 3 && counts.get(&shape(l)).is_some_and(|&n| n * 2 >= pages.len());
    let mut lines: Vec<&str> = Vec::new();
    for p in &pages {
        let n = p.len();
        for (i, l) in p.iter().enumerate() {
            let edge = i < 2 || i + 2 >= n;
            if is_page_number(l) || (edge && repeated(l)) {
                continue;
            }
            lines.push(l);
        }
    }
    let chars: usize = lines.iter().map(|l| l.trim().chars().count()).sum();
    if chars == 0 {
        return Err(SCANNED.to_string());
    }
    let text = join_wrapped(&lines);
    let mut warnings = Vec::new();
    if let Some(w) = garbled(&text) {
        warnings.push(w);
    }
    Ok((text, warnings))
}

/// Join the lines a paragraph was wrapped into: a line continues on the next when it is about
/// as long as the longest lines (it was wrapped, not ended) and does not end a sentence, and the
/// next line does not start a heading.
fn join_wrapped(lines: &[&str]) -> String {
    let width = |l: &str| {
        l.trim()
            .chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum::<usize>()
    };
    let mut widths: Vec<usize> = lines.iter().map(|l| width(l)).collect();
    widths.sort_unstable();
    // the usual width of a full line: the 80th percentile
    let full = widths.get(widths.len() * 4 / 5).copied().unwrap_or(0);
    let heading = |l: &str| {
        let t = l.trim_start();
        let mut cs = t.chars();
        let first = cs.next().unwrap_or(' ');
        let second = cs.next().unwrap_or(' ');
        ("一二三四五六七八九十".contains(first) && matches!(second, '、' | '是' | '要'))
            || matches!(first, '(' | '（' | '第')
            || (first.is_ascii_digit() && matches!(second, '.' | '、' | '．'))
    };
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        out.push_str(l.trim());
        let Some(next) = lines.get(i + 1) else { break };
        let ends = l
            .trim_end()
            .ends_with(['。', '！', '？', '；', '：', '!', '?', ';', ':']);
        let wrapped = full >= 20 && width(l) * 10 >= full * 9 && !ends && !heading(next);
        if !wrapped {
            out.push('\n');
        }
    }
    out
}

/// Whether a Chinese report's text plausibly holds `c`: ASCII, CJK ideographs and punctuation,
/// full-width forms, the common symbol blocks (punctuation, ℃, ①, arrows, shapes …). Not:
/// control chars, letters of other scripts, accented Latin — what glyph ids read as char codes
/// look like when a font has no ToUnicode map.
fn expected_char(c: char) -> bool {
    matches!(c,
        ' '..='~' | '\t' | '\n' | '\r'
        | '\u{A0}'..='\u{BF}' | '×' | '÷'
        | '\u{2000}'..='\u{2BFF}'  // general punctuation … arrows, maths, enclosed, shapes, symbols
        | '\u{3000}'..='\u{303F}'  // CJK punctuation
        | '\u{3200}'..='\u{32FF}'  // enclosed CJK
        | '\u{4E00}'..='\u{9FFF}'  // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'  // CJK compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}'  // CJK compatibility forms
        | '\u{FF00}'..='\u{FFEF}') // full-width forms
        || c.is_whitespace()
}

/// Why a text layer looks garbled (`(cid:123)` placeholders, U+FFFD, private-use chars, GBK
/// read as Latin-1, control chars and other scripts as from a font without a ToUnicode map),
/// or `None` when it looks like text.
pub fn garbled(text: &str) -> Option<String> {
    let total = text.chars().filter(|c| !c.is_whitespace()).count().max(1);
    let cid = text.matches("(cid:").count();
    let fffd = text.chars().filter(|&c| c == '\u{FFFD}').count();
    let private = text
        .chars()
        .filter(|c| ('\u{E000}'..='\u{F8FF}').contains(c))
        .count();
    let latin1 = text
        .chars()
        .filter(|c| ('\u{00C0}'..='\u{00FF}').contains(c))
        .count();
    let cjk = text
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .count();
    // private-use chars and U+FFFD have their own reasons
    let unexpected = text
        .chars()
        .filter(|&c| {
            !expected_char(c) && c != '\u{FFFD}' && !('\u{E000}'..='\u{F8FF}').contains(&c)
        })
        .count();
    let mut what = Vec::new();
    if unexpected * 20 > total {
        what.push(format!(
            "{unexpected} control chars or letters of other scripts, as from a font without a ToUnicode map"
        ));
    }
    if cid > 0 && cid * 6 * 20 > total {
        what.push(format!("{cid} undecoded (cid:…) glyphs"));
    }
    if fffd * 20 > total {
        what.push(format!("{fffd} unreadable chars (\u{FFFD})"));
    }
    if private * 20 > total {
        what.push(format!("{private} private-use chars"));
    }
    if latin1 * 10 > total && latin1 > cjk {
        what.push(
            "accented Latin letters where Chinese is expected (GBK read as Latin-1?)".to_string(),
        );
    }
    (!what.is_empty()).then(|| {
        format!(
            "the PDF's text layer looks garbled ({}): check the figures against the document",
            what.join("; ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for l in ["3", " - 12 - ", "— 4 —", "第 3 页", "第3页共9页", "3/9"] {
            assert!(is_page_number(l), "{l}");
        }
        for l in ["2023年", "办理案件3件", "第三页"] {
            assert!(!is_page_number(l), "{l}");
        }
    }

    #[test]
    fn headers_and_wrapping() {
        let part = ["一", "二", "三"];
        let body = |i: usize| {
            format!(
                "这是第{}部分办理行政复议案件二十五件，审查规范性文件八件，组织执法人员培训六期，",
                part[i - 1]
            )
        };
        let pages: Vec<String> = (1..=3)
            .map(|i| {
                format!(
                    "某某市司法局年度报告\n{}\n继续推进依法行政{}。\n- {i} -\n",
                    body(i),
                    part[i - 1]
                )
            })
            .collect();
        let (t, w) = tidy_pages(&pages).unwrap();
        assert!(w.is_empty());
        assert!(!t.contains("某某市司法局年度报告"), "{t}");
        assert!(!t.contains("- 1 -"), "{t}");
        assert!(
            t.contains(&format!("{}继续推进依法行政二。", body(2))),
            "{t}"
        );
        assert_eq!(
            tidy_pages(&["  \n".into(), "".into()]).unwrap_err(),
            SCANNED
        );
    }

    #[test]
    fn garbage() {
        assert!(garbled("全年办理案件25件。").is_none());
        assert!(garbled(&"(cid:12)(cid:34)".repeat(20)).is_some());
        assert!(garbled(&"\u{E012}\u{E013}办".repeat(20)).is_some());
        assert!(garbled(&"È«Äê°ìÀí".repeat(20)).is_some());
        // glyph ids read as chars (a font without ToUnicode): control chars, stray scripts
        let ids = "\u{10}\u{3}\u{14}儁㍭ឱ⻎ᦰⵞሲᗯ\u{15}\u{13}";
        assert!(garbled(&ids.repeat(20)).unwrap().contains("ToUnicode"));
        // what a report holds: full-width forms, ℃, ①, ×, ±, ·, 《》, —, …, Latin letters
        assert!(
            garbled("（一）全年①办理案件２５件，气温３℃±1，2×3，《条例》——第1页·A类…“依法”")
                .is_none()
        );
    }
}
