//! The year reported on and the page's publication date.

use super::title::year_re;
use super::words::{any_in, words};
use super::{is_han, trim, Line};
use crate::re::Regex;
use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// The year reported on, from the body: the first sentence-initial `20XX年`, else the most
/// frequent year-only mention, else the year of a campaign named `2023“净网”行动`.
pub(super) fn body_year(norm: &str) -> Option<i32> {
    year_written(norm).or_else(|| campaign_year(norm))
}

/// A year written `20XX` right before a quoted name (`2023“净网”行动`): the year of a campaign
/// the text reports on, read only when no `20XX年` gives the year.
fn campaign_year(norm: &str) -> Option<i32> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re =
        R.get_or_init(|| Regex::new(r#"(?:^|[^0-9])(20[0-9][0-9])["“]"#).expect("a valid pattern"));
    re.captures(norm)?.get(1)?.as_str().parse().ok()
}

/// The year of the text's first sentence-initial `20XX年`, else its most frequent one.
fn year_written(norm: &str) -> Option<i32> {
    let mut counts: HashMap<i32, (usize, usize)> = HashMap::default();
    let mut line_start = 0;
    let mut scanned = 0;
    for m in year_re().captures_iter(norm) {
        let (Some(all), Some(y)) = (m.get(0), m.get(1)) else {
            continue;
        };
        if let Some(k) = norm[scanned..all.start()].rfind('\n') {
            line_start = scanned + k + 1;
        }
        scanned = all.start();
        let after = &norm[all.end()..];
        let after = after.strip_prefix('度').unwrap_or(after);
        if after.starts_with(|c: char| c.is_ascii_digit() || c == ' ') || after.starts_with("以来")
        {
            continue;
        }
        // the year of a plan (`二、2025年工作计划`), not of the report
        if words()
            .title
            .plan_endings
            .iter()
            .any(|p| after.starts_with(p.as_str()))
        {
            continue;
        }
        let before = &norm[line_start..all.start()];
        let prev = before.chars().next_back();
        // (also past spaces: `自 2024年`)
        let word_before = before.trim_end_matches(' ').chars().next_back();
        if matches!(word_before, Some('自' | '从' | '至' | '-' | '到' | '~')) {
            continue;
        }
        let Ok(v) = y.as_str().parse::<i32>() else {
            continue;
        };
        // sentence-initial: after a line start, 。, a heading marker, or spaces (where a text's
        // line breaks became spaces)
        let line_head = if before.len() <= 24 {
            trim(before)
        } else {
            "-"
        };
        let initial = matches!(prev, Some('。' | ';' | '!' | '?' | ' '))
            || line_head.is_empty()
            || crate::text::segment::heading_marker(&format!("{line_head}x"))
                .is_some_and(|(_, l)| l == line_head.len());
        if initial {
            return Some(v);
        }
        let e = counts.entry(v).or_insert((0, all.start()));
        e.0 += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(y, _)| y)
        .or_else(|| first_year(norm))
}

/// The first `20XX年` of a text at all (`2024年以来`, `截至2025年6月底`): the last resort for the
/// year of a news item or a bulletin.
fn first_year(norm: &str) -> Option<i32> {
    year_re()
        .captures(norm)
        .and_then(|c| c.get(1))
        .and_then(|y| y.as_str().parse().ok())
}

// ---------------------------------------------------------------- published

/// A date at the start of `s` (after spaces): `2022-01-10`, `2022年1月10日`, `2022/01/10`,
/// `2022.01.10` → (ISO date, bytes used).
pub(super) fn parse_date(s: &str) -> Option<(String, usize)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"^[ ]*(20[0-9][0-9])[ ]*(?:-|/|\.|年)[ ]*([0-9]{1,2})[ ]*(?:-|/|\.|月)[ ]*([0-9]{1,2})(?:[ ]*日)?")
            .unwrap()
    });
    let c = r.captures(s)?;
    let y: u32 = c.get(1)?.as_str().parse().ok()?;
    let mo: u32 = c.get(2)?.as_str().parse().ok()?;
    let d: u32 = c.get(3)?.as_str().parse().ok()?;
    let end = c.get(0)?.end();
    if (s[end..].starts_with(|c: char| c.is_ascii_digit())
        && !(c.get(2)?.len() == 2 && c.get(3)?.len() == 2 && year_runs_on(&s[end..])))
        || !(1..=12).contains(&mo)
        || !(1..=31).contains(&d)
    {
        return None;
    }
    Some((format!("{y:04}-{mo:02}-{d:02}"), end))
}

/// Whether `s` opens with a year `20XX` and no further digit: what a zero-padded date runs into
/// where a text's line breaks were lost (`2025-03-312024年,…`).
fn year_runs_on(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 4
        && b.starts_with(b"20")
        && b[2].is_ascii_digit()
        && b[3].is_ascii_digit()
        && !b.get(4).is_some_and(u8::is_ascii_digit)
}

/// A date label written with optional spaces between its chars (`发 布 时 间`), then an optional
/// colon (or a table's `|`): (regex, rank, whether a clock time must follow, plain label length in chars).
fn label_res() -> &'static [(Regex, u8, bool, usize)] {
    static R: OnceLock<Vec<(Regex, u8, bool, usize)>> = OnceLock::new();
    R.get_or_init(|| {
        let w = &words().date;
        let plain = w.labels.iter().map(|l| (l, false));
        let stamps = w.stamp_labels.iter().map(|l| (l, true));
        plain
            .chain(stamps)
            .filter_map(|((label, rank), stamp)| {
                let chars: Vec<String> = label.chars().map(|c| c.to_string()).collect();
                let pat = format!("{}[ ]*([:|]?)", chars.join("[ ]*"));
                Regex::new(&pat)
                    .ok()
                    .map(|r| (r, *rank, stamp, label.chars().count()))
            })
            .collect()
    })
}

/// The plain form of each of [`label_res`] (the regex without its optional spaces and colon),
/// and their automaton to find them in one pass (see [`contained`]).
pub(crate) fn label_words() -> &'static (Vec<String>, AhoCorasick) {
    static R: OnceLock<(Vec<String>, AhoCorasick)> = OnceLock::new();
    R.get_or_init(|| {
        let labels: Vec<String> = label_res()
            .iter()
            .map(|(re, ..)| {
                re.as_str()
                    .strip_suffix("[ ]*([:|]?)")
                    .map_or(String::new(), |l| l.replace("[ ]*", ""))
            })
            .collect();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(labels.iter().filter(|l| !l.is_empty()))
            .expect("a few short labels");
        (labels, ac)
    })
}

/// Which of `words` occur in `hay` (`hay.contains(word)` of each), with `ac` the leftmost-first
/// automaton of the non-empty words in order. One scan finds some occurrences; a word it did not
/// report can only occur overlapping one it did (the scan stops at every start of a word), so it
/// is looked for in the windows around those alone.
fn contained(ac: &AhoCorasick, words: &[String], hay: &str) -> Vec<bool> {
    let found: Vec<aho_corasick::Match> = ac.find_iter(hay).collect();
    let ids: Vec<&String> = words.iter().filter(|w| !w.is_empty()).collect();
    let mut present: Vec<bool> = words.iter().map(|w| w.is_empty()).collect();
    for m in &found {
        let w = ids[m.pattern().as_usize()];
        for (k, v) in words.iter().enumerate() {
            present[k] |= v == w;
        }
    }
    for (k, w) in words.iter().enumerate().filter(|(_, w)| !w.is_empty()) {
        if present[k] {
            continue;
        }
        present[k] = found.iter().any(|m| {
            let mut from = m.start().saturating_sub(w.len() - 1);
            while !hay.is_char_boundary(from) {
                from -= 1;
            }
            let mut to = (m.end() + w.len() - 1).min(hay.len());
            while !hay.is_char_boundary(to) {
                to += 1;
            }
            hay[from..to].contains(w.as_str())
        });
    }
    present
}

/// A clock time right after a date: ` 11:04`, ` 10:16:31`.
fn clock_follows(s: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| Regex::new(r"^[ ]*[0-9]{1,2}:[0-9]{2}").unwrap());
    r.is_match(s)
}

pub(super) fn published(norm: &str, lines: &[Line]) -> Option<String> {
    let mut best: Option<(u8, usize, String)> = None;
    // a label can only match where the text without spaces holds its chars in a row: skip the
    // others without a search of their own (an empty plain form is never skipped)
    let spaceless = without_ascii_spaces(norm);
    let (plain, ac) = label_words();
    let present = contained(ac, plain, &spaceless);
    static WORDS: OnceLock<Vec<bool>> = OnceLock::new();
    let words_only = WORDS.get_or_init(|| {
        plain
            .iter()
            .map(|p| p.chars().all(char::is_alphanumeric))
            .collect()
    });
    for (k, (re, rank, stamp, n)) in label_res().iter().enumerate() {
        if words_only[k] && !present[k] {
            continue;
        }
        for c in re.captures_iter(norm) {
            let (Some(all), Some(colon)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let at = all.start();
            if *n == 2 {
                // a bare 时间/日期 must be a field of its own: a colon, and no word before it
                if colon.as_str().is_empty() || norm[..at].chars().next_back().is_some_and(is_han) {
                    continue;
                }
            }
            let rest = &norm[all.end()..];
            let Some((date, end)) = parse_date(rest) else {
                continue;
            };
            if *stamp && !clock_follows(&rest[end..]) {
                continue;
            }
            if best.as_ref().is_none_or(|b| (*rank, at) < (b.0, b.1)) {
                best = Some((*rank, at, date));
            }
        }
    }
    if let Some(b) = best {
        return Some(b.2);
    }
    // an unlabelled numeric date among the first lines of the page, above its body (not the
    // signature date under a short text's last paragraph, `2023.1.15`)
    let mut head = lines.iter().take(15).take_while(|l| !l.text.contains('。'));
    head.find_map(|l| {
        // a line of a document's own date does not count (asked only of a line with a date)
        first_numeric_date(l.text).filter(|_| !any_in(l.text, &words().date.document_labels))
    })
}

/// `norm` without its ASCII spaces (what `norm.replace(' ', "")` gives): the runs between the spaces
/// memchr finds, copied into a string sized once.
fn without_ascii_spaces(norm: &str) -> String {
    let mut out = String::with_capacity(norm.len());
    let mut from = 0;
    for i in memchr::memchr_iter(b' ', norm.as_bytes()) {
        out.push_str(&norm[from..i]);
        from = i + 1;
    }
    out.push_str(&norm[from..]);
    out
}

/// The first numeric date of a line (`2022-01-10`, not `2022年1月10日`) that starts at a `2`
/// not preceded by a digit.
fn first_numeric_date(t: &str) -> Option<String> {
    for (i, _) in t.match_indices('2') {
        if i == 0 || !t[..i].ends_with(|p: char| p.is_ascii_digit()) {
            if let Some((d, end)) = parse_date(&t[i..]) {
                if !t[i..i + end].contains('年') {
                    return Some(d);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `without_ascii_spaces` is `replace(' ', "")`: spaces at either end, in runs, between wide
    /// chars, none at all, nothing but spaces.
    #[test]
    fn without_ascii_spaces_is_replace() {
        for s in [
            "",
            " ",
            "   ",
            "无空格",
            " 发 布 时 间 ",
            "a  b\t\u{3000}c\u{a0}d ",
            "\u{1F600} \u{1F600}  é",
        ] {
            assert_eq!(without_ascii_spaces(s), s.replace(' ', ""), "{s:?}");
        }
    }

    /// `contained` tells what `str::contains` tells: words inside others, overlapping others,
    /// repeated, empty, at either end, around wide chars.
    #[test]
    fn contained_is_contains() {
        let words: Vec<String> = [
            "发布时间",
            "时间",
            "布时",
            "间日",
            "",
            "时间",
            "日期",
            "期发",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(words.iter().filter(|w| !w.is_empty()))
            .unwrap();
        for hay in [
            "",
            "发布时间:2024-01-01",
            "发布时间日期",
            "时间日期发布",
            "日期发布时",
            "x发布时间日\u{1F600}期发y",
            "无关",
        ] {
            let want: Vec<bool> = words.iter().map(|w| hay.contains(w.as_str())).collect();
            assert_eq!(contained(&ac, &words, hay), want, "{hay:?}");
        }
        // the labels of the data, on the seeds
        let (labels, ac) = label_words();
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        for e in std::fs::read_dir(seeds).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(e.path()).unwrap_or_default();
            let want: Vec<bool> = labels.iter().map(|w| text.contains(w.as_str())).collect();
            assert_eq!(contained(ac, labels, &text), want, "{:?}", e.path());
        }
    }
}
