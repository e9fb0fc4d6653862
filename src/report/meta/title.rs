//! The report title and the agency written in it.

use super::words::{any_in, words};
use super::{is_han, trim, Line};
use crate::re::Regex;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

/// The title part of a line: page titles carry a site name after `_`, `|` or ` - `.
pub(super) fn title_part(line: &str) -> &str {
    if line.len() > 600 {
        // far longer than any title (and keeps the cuts below linear)
        return line;
    }
    let mut s = line;
    // a cell of a table-form page head: `|标题:…|`
    if let Some(x) = s.strip_prefix('|') {
        s = trim(x.split('|').next().unwrap_or(x));
    }
    // a label can only strip when its first char opens the line (past spaces)
    let head = s.trim_start_matches(' ').chars().next();
    for lab in &words().title.labels {
        if lab.chars().next().is_some_and(|c| Some(c) != head) {
            continue;
        }
        if let Some(x) = strip_label(s, lab) {
            if let Some(x) = x.trim_start().strip_prefix(':') {
                s = trim(x);
                break;
            }
        }
    }
    // a leading `[栏目]` tag
    if s.starts_with('[') {
        if let Some(i) = s.find(']') {
            if s[..i].chars().count() <= 12 {
                s = trim(&s[i + 1..]);
            }
        }
    }
    // a title wrapped in 《》
    if let Some(x) = s.strip_prefix('《').and_then(|x| x.strip_suffix('》')) {
        if !x.contains('《') {
            s = trim(x);
        }
    }
    // a site name after `_`, `|` or a dash: cut at the first separator that ends a title (most
    // lines have none: one branch-free pass over the bytes tells)
    let separator = |b: u8| matches!(b, b'_' | b'|' | b'-');
    if s.bytes().fold(false, |any, b| any | separator(b)) {
        // ASCII bytes: each is a whole char, found without decoding the others
        if let Some(i) = s
            .bytes()
            .enumerate()
            .filter(|&(_, b)| separator(b))
            .map(|(i, _)| i)
            .find(|&i| ends_title(strip_paren(trim(&s[..i]))))
        {
            s = trim(&s[..i]);
        }
    }
    // a trailing date (and time): `…报告 2022-01-10 10:12`
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(
            r"[ \[(]*20[0-9][0-9][ ]*(?:-|/|\.|年)[ ]*[0-9]{1,2}[ ]*(?:-|/|\.|月)[ ]*[0-9]{1,2}(?:[ ]*日)?(?:[ ]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?[ \])]*$",
        )
        .unwrap()
    });
    // (the pattern ends in a digit, `日`, a space or a closing bracket: a line ending otherwise
    // is not searched)
    let date_end = |c: char| c.is_ascii_digit() || matches!(c, '日' | ' ' | ']' | ')');
    if let Some(m) = s.ends_with(date_end).then(|| r.find(s)).flatten() {
        let head = trim(&s[..m.start()]);
        if ends_title(strip_paren(head)) {
            s = head;
        }
    }
    s
}

/// `s` without a leading label written with or without spaces between its chars (`标 题`).
pub(super) fn strip_label<'a>(s: &'a str, label: &str) -> Option<&'a str> {
    let mut rest = s;
    for c in label.chars() {
        rest = rest.trim_start_matches(' ').strip_prefix(c)?;
    }
    Some(rest)
}

/// Whether a title ends with a report word (报告, 公报 …).
pub(super) fn ends_title(s: &str) -> bool {
    words()
        .title
        .endings
        .iter()
        .any(|e| s.ends_with(e.as_str()))
}

/// Without a trailing `(全文)`-like parenthesis or one naming a body.
pub(super) fn strip_paren(s: &str) -> &str {
    let t = s.trim_end();
    if let Some(x) = t.strip_suffix(')') {
        if let Some(i) = x.rfind('(') {
            // a short note (`(全文)`, `(2025-02-11)`) or the body's name (`(X县司法局)`)
            if x[i..].chars().count() <= 8 || agency_like(trim(&x[i + 1..])) {
                return trim(&x[..i]);
            }
        }
    }
    t
}

pub(super) fn title_like(s: &str) -> bool {
    // (pure tests, each one a reason to say no: the ending, which rules out most lines, first)
    let core = strip_paren(s);
    let plan_tail = words()
        .title
        .plan_endings
        .iter()
        .any(|e| core.ends_with(e.as_str()))
        && any_in(s, &words().title.plan_with);
    if !plan_tail && !ends_title(core) {
        return false;
    }
    if !chars_within(s, 6, 100) {
        return false;
    }
    if s.contains('。')
        || s.contains('>')
        || s.contains('»')
        || s.contains(',')
        || s.starts_with('《')
    {
        return false;
    }
    if words().title.nav.iter().any(|p| s.starts_with(p.as_str()))
        || crate::text::segment::heading_marker(s).is_some()
    {
        return false;
    }
    if core.ends_with("情况")
        && !(year_in(s).is_some() && (s.contains("法治") || s.contains("依法")))
    {
        return false;
    }
    any_in(s, &words().title.subjects)
}

pub(super) fn year_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"(20[0-9][0-9])[ ]*年").unwrap())
}

/// The first `20XX年` of a string that is a year, not part of a full date.
pub(super) fn year_in(s: &str) -> Option<i32> {
    for m in year_re().captures_iter(s) {
        let (Some(all), Some(y)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let after = s[all.end()..].trim_start();
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        if let Ok(v) = y.as_str().parse::<i32>() {
            return Some(v);
        }
    }
    None
}

/// Whether `s` has `min..=max` chars; a string of more than `4 * max` bytes (a paragraph) is
/// not counted through.
pub(super) fn chars_within(s: &str, min: usize, max: usize) -> bool {
    s.len() <= 4 * max && (min..=max).contains(&s.chars().count())
}

/// Where the agency part of a title ends.
pub(super) fn subject_start(t: &str) -> usize {
    let mut cut = t.len();
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| Regex::new(r"20[0-9][0-9]").unwrap());
    if let Some(m) = r.find(t) {
        cut = m.start();
    }
    // the first of the subject's words, whichever: the leftmost match of all in one scan
    static STARTS: OnceLock<AhoCorasick> = OnceLock::new();
    let starts = STARTS.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(&words().title.subject_starts)
            .expect("a few short words")
    });
    if let Some(m) = starts.find(t) {
        cut = cut.min(m.start());
    }
    cut
}

pub(super) fn agency_like(s: &str) -> bool {
    chars_within(s, 2, 40)
        && s.chars()
            .all(|c| is_han(c) || c == ' ' || c == '(' || c == ')')
        && (s.ends_with(|c| words().agency.org_end(c))
            || ends_with_place(s)
            || super::place::is_zone(s))
}

pub(super) fn ends_with_place(s: &str) -> bool {
    super::word_places::places_in(s)
        .last()
        .is_some_and(|f| f.range.end == s.len())
}

/// The agency at the head of a title, if any.
pub(super) fn title_agency(t: &str) -> Option<String> {
    let head = trim(&t[..subject_start(t)]);
    let head = trim(head.trim_end_matches(['的', '、', ':']));
    if agency_like(head) {
        return Some(head.to_string());
    }
    // `2021年威海市司法局法治政府建设年度报告`: the agency after a leading year
    if head.is_empty() {
        static R: OnceLock<Regex> = OnceLock::new();
        let r = R.get_or_init(|| Regex::new(r"^(?:关于)?20[0-9][0-9][ ]*年(?:度)?").unwrap());
        if let Some(m) = r.find(t) {
            let rest = &t[m.end()..];
            let a = trim(&rest[..subject_start(rest)]);
            let a = trim(a.trim_end_matches(['的', '、', ':']));
            if agency_like(a) && a.ends_with(|c| words().agency.org_end(c)) {
                return Some(a.to_string());
            }
        }
        // `2024年法治政府建设年度报告(X县司法局)`: the body in brackets after the title
        let inner = t.trim_end().strip_suffix(')').and_then(|x| {
            let i = x.rfind('(')?;
            Some(trim(&x[i + 1..]))
        });
        if let Some(a) = inner.filter(|a| {
            agency_like(a)
                && a.ends_with(|c| words().agency.org_end(c))
                && !super::word_places::places_in(a).is_empty()
        }) {
            return Some(a.to_string());
        }
    }
    None
}

/// The title and the agency written in it.
pub(super) fn find_title(lines: &[Line]) -> (Option<String>, Option<String>) {
    let mut partial: Option<(String, Option<String>)> = None;
    // (distance to the page's fields, title, agency)
    let mut full: Option<(usize, String, String)> = None;
    // the title part of the line below, when already cut (for a title split over two lines)
    let mut below: Option<&str> = None;
    for (i, l) in lines.iter().enumerate().take(600) {
        let t = below.take().unwrap_or_else(|| title_part(l.text));
        let t = if l.cut { super::oneline::unglued(t) } else { t };
        if !title_like(t) {
            // a title split over two lines, the break inside the subject
            let next = lines.get(i + 1).map(|n| *below.insert(title_part(n.text)));
            if let Some(joined) = next.and_then(|n| joined_title(t, n)) {
                let joined = match l.cut {
                    true => super::oneline::unglued(&joined).to_string(),
                    false => joined,
                };
                if let Some(a) = title_agency(&joined) {
                    let d = fields_distance(lines, i);
                    if full.as_ref().is_none_or(|f| d < f.0) {
                        full = Some((d, joined, a));
                    }
                }
            }
            continue;
        }
        if let Some(a) = title_agency(t) {
            // a list of other reports may come first: prefer the one next to the page's fields
            let d = fields_distance(lines, i);
            if full.as_ref().is_none_or(|f| d < f.0) {
                full = Some((d, t.to_string(), a));
            }
            continue;
        }
        if partial.is_none() {
            // a title split over two lines: agency above, `2021年…报告` below
            let prev = match i.checked_sub(1).map(|k| &lines[k]) {
                Some(p) if p.cut => super::oneline::unglued_agency(trim(p.text)),
                Some(p) => trim(p.text),
                None => "",
            };
            // or the agency on the line below the title (then a date)
            let next = lines.get(i + 1).map(|l| trim(l.text)).unwrap_or("");
            if subject_start(t) == 0 && agency_like(prev) && !title_like(prev) {
                partial = Some((format!("{prev}{t}"), Some(prev.to_string())));
            } else if subject_start(t) == 0
                && agency_like(next)
                && next.chars().count() <= 30
                && !title_like(next)
            {
                partial = Some((t.to_string(), Some(next.to_string())));
            } else {
                partial = Some((t.to_string(), None));
            }
        }
    }
    if let Some((_, t, a)) = full {
        return (Some(t), Some(a));
    }
    match partial {
        Some((t, a)) => (Some(t), a),
        None => match cited_title(lines).or_else(|| headline(lines)) {
            Some(t) => {
                let a = title_agency(&t);
                (Some(t), a)
            }
            None => (None, None),
        },
    }
}

/// Two short lines that together read like a title (`X局2025年法治政府建设` + `工作总结`, or
/// `…情况报` + `告`);
/// `next`: the [`title_part`] of the second.
fn joined_title(first: &str, next: &str) -> Option<String> {
    // (the second may be one char: a PDF's centred title broken before its last, `…报` + `告`)
    if !chars_within(first, 2, 40) || !chars_within(next, 1, 40) || ends_title(strip_paren(first)) {
        return None;
    }
    let joined = format!("{first}{next}");
    // (pure tests: the cheaper first; most joined lines read like no title)
    (title_like(&joined) && title_agency(next).is_none()).then_some(joined)
}

/// The report named in 《》 in the body's opening sentence (`现将《X局2025年度…报告》公布如下`),
/// which names its body or its place.
fn cited_title(lines: &[Line]) -> Option<String> {
    let l = lines
        .iter()
        .take(40)
        .find(|l| l.text.chars().count() >= 30 && !l.text.contains('|'))?;
    let sentence = l.text.split('。').next().unwrap_or(l.text);
    let mut rest = sentence;
    while let Some(i) = rest.find('《') {
        let after = &rest[i + '《'.len_utf8()..];
        let j = after.find('》')?;
        let t = &after[..j];
        // a report of a body, or of a place (`2021年度X市生态环境状况公报`)
        let names_body =
            || title_agency(t).is_some() || !super::word_places::places_in(t).is_empty();
        if title_like(t) && names_body() {
            return Some(t.to_string());
        }
        rest = &after[j..];
    }
    None
}

/// A news page's headline: among the first lines, a short line without sentence punctuation
/// that opens the text or sits right above the page's fields (发布日期, 来源 …).
fn headline(lines: &[Line]) -> Option<String> {
    for (i, l) in lines.iter().enumerate().take(12) {
        let t = title_part(l.text);
        let n = t.chars().count();
        let plain = (8..=50).contains(&n)
            && !t.contains(['。', ',', ';', ':', '|', '>', '»'])
            && t.chars().filter(|&c| is_han(c)).count() * 2 > n
            && crate::text::segment::heading_marker(t).is_none()
            && !words().title.nav.iter().any(|p| t.starts_with(p.as_str()))
            && !words().agency.in_footer(t)
            && !words()
                .title
                .not_headline_endings
                .iter()
                .any(|e| t.ends_with(e.as_str()));
        if !plain {
            continue;
        }
        let next_is_body = lines
            .get(i + 1)
            .is_some_and(|n| n.text.chars().count() >= 40 && n.text.contains('。'));
        if (i == 0 && next_is_body) || fields_distance(lines, i) == 1 {
            return Some(t.to_string());
        }
    }
    None
}

/// How many lines away from line `i` the page's fields (date, source) are: looking two lines up
/// and three down; `usize::MAX` when none is there.
pub(super) fn fields_distance(lines: &[Line], i: usize) -> usize {
    let fields = &words().title.page_fields;
    let is_field = |k: usize| {
        let t = lines[k].text;
        chars_within(t, 0, 120) && t.contains(':') && any_in(t, fields)
    };
    let below = (i + 1..(i + 4).min(lines.len()))
        .find(|&k| is_field(k))
        .map(|k| k - i);
    let above = (i.saturating_sub(2)..i)
        .rev()
        .find(|&k| is_field(k))
        .map(|k| i - k);
    match (below, above) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => usize::MAX,
    }
}

#[cfg(test)]
mod tests {
    /// The agency part ends where the year or the first subject word (any of them) starts, as
    /// the smallest `str::find` of them all tells.
    #[test]
    fn chars_within_counts() {
        for s in [
            "",
            "a",
            "法治",
            "法治政府建设年度报告",
            &"长".repeat(41),
            &"x".repeat(161),
        ] {
            for (min, max) in [(0, 0), (2, 40), (6, 100), (0, 120), (41, 41)] {
                let n = s.chars().count();
                let want = (min..=max).contains(&n);
                assert_eq!(super::chars_within(s, min, max), want, "{s:?} {min} {max}");
            }
        }
    }
    #[test]
    fn subject_start_is_the_first_word() {
        let words = &super::words().title.subject_starts;
        for t in [
            "",
            "威海市司法局",
            "威海市司法局2021年法治政府建设年度报告",
            "某局关于法治政府建设情况的报告",
            "某县依法行政工作报告年度",
            "生态环境状况公报",
            "x年度环境状况",
        ] {
            let year = t.find("20").unwrap_or(t.len());
            let want = words
                .iter()
                .filter_map(|k| t.find(k.as_str()))
                .fold(year, usize::min);
            assert_eq!(super::subject_start(t), want, "{t:?}");
        }
    }
}
