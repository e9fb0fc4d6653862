//! The agency when the title does not name it: page fields, signature, the body's text.

use super::date::parse_date;
use super::title::agency_like;
use super::words::{any_in, words};
use super::{char_finder, char_hits, is_han, trim, Line};
use crate::data::gazetteer;
use std::collections::HashMap;

pub(super) fn source_agency(lines: &[Line]) -> Option<String> {
    for l in lines.iter().take(300) {
        // a label counts only followed by ':': a line without one holds no field
        if l.text.len() > 600 || !l.text.contains(':') {
            continue;
        }
        for lab in &words().agency.source_labels {
            let lab = lab.as_str();
            let mut from = 0;
            while let Some(i) = l.text[from..].find(lab) {
                let at = from + i;
                from = at + lab.len();
                let rest = l.text[from..].trim_start();
                let Some(rest) = rest.strip_prefix(':') else {
                    continue;
                };
                let mut v = trim(rest);
                if let Some(j) = v.find([' ', '|']) {
                    v = &v[..j];
                }
                for s in &words().agency.field_stop {
                    if let Some(j) = v.find(s.as_str()) {
                        v = &v[..j];
                    }
                }
                let v = trim(v);
                // a bare department (`司法局`) names no body: its place is unknown
                let placed = || {
                    v.starts_with(|c| words().jurisdiction.level_chars.contains(c))
                        || v.chars().count() > 6
                        || !super::word_places::places_in(v).is_empty()
                };
                if agency_like(v) && placed() && !v.starts_with("本网") && !v.starts_with("本站")
                {
                    return Some(v.to_string());
                }
            }
        }
    }
    None
}

/// The signature: an agency line next to the closing date at the end of the report.
pub(super) fn signature_agency(lines: &[Line]) -> Option<String> {
    let tail: Vec<&str> = lines
        .iter()
        .rev()
        .take(40)
        .map(|l| l.text)
        .filter(|t| !words().agency.in_footer(t))
        // a date among the first 12 lines and the line after it: no further line is read
        .take(13)
        .collect();
    for (k, t) in tail.iter().enumerate().take(12) {
        if parse_date(t).is_some_and(|(_, end)| end == t.len()) || cn_date(t) {
            if let Some(prev) = tail.get(k + 1) {
                if agency_like(prev) && prev.chars().count() <= 30 {
                    return Some(prev.to_string());
                }
            }
        }
        // `威海市生态环境局 2021年12月15日` on one line
        if let Some(i) = t.find(' ') {
            let (a, d) = (trim(&t[..i]), trim(&t[i..]));
            if agency_like(a)
                && (parse_date(d).is_some_and(|(_, end)| end == d.len()) || cn_date(d))
            {
                return Some(a.to_string());
            }
        }
    }
    None
}

/// A date in Chinese numerals: `二〇二一年十二月十五日`.
pub(super) fn cn_date(s: &str) -> bool {
    let n = s.chars().count();
    (8..=14).contains(&n)
        && s.ends_with('日')
        && s.contains('年')
        && s.contains('月')
        && s.chars()
            .all(|c| "〇零○O0一二三四五六七八九十年月日".contains(c))
}

/// Count, first position, last char of the place and department of one `<place><department>`.
pub(super) type Combo = (usize, usize, char, String, bool);

/// Where a department's name ends right after a place (within 12 Han chars), if one does. An
/// end that a longer end begins with runs on to it when the text does (`委` → `委员会`).
pub(super) fn department_end(rest: &str, ends: &[String]) -> Option<usize> {
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if n > 12 || !is_han(c) {
            break;
        }
        let upto = i + c.len_utf8();
        let Some(e) = ends.iter().find(|e| rest[..upto].ends_with(e.as_str())) else {
            continue;
        };
        let start = upto - e.len();
        let longer = longer_ends(e, ends).find(|l| rest[start..].starts_with(l.as_str()));
        let end = longer.map_or(upto, |l| start + l.len());
        return Some(branch_end(rest, end).unwrap_or(end));
    }
    None
}

/// The ends that begin with end `e` and go on (`委员会` of `委`).
fn longer_ends<'a>(e: &'a str, ends: &'a [String]) -> impl Iterator<Item = &'a String> {
    ends.iter()
        .filter(move |l| l.len() > e.len() && l.starts_with(e))
}

/// Where a branch named right after its bureau ends (`…局马关分局`: a name of one to five Han
/// chars, then a [`super::words::AgencyWords::branch_ends`] word), if one does at `from`.
fn branch_end(rest: &str, from: usize) -> Option<usize> {
    let tail = &rest[from..];
    let ends = &words().agency.branch_ends;
    for (n, (i, c)) in tail.char_indices().enumerate() {
        if n > 7 || !is_han(c) {
            break;
        }
        let upto = &tail[..i + c.len_utf8()];
        if let Some(e) = ends.iter().find(|e| upto.ends_with(e.as_str())) {
            return (upto.len() > e.len()).then_some(from + upto.len());
        }
    }
    None
}

/// The agency the text most likely is among the `<place><department>` combinations it names:
/// counted with how often it names itself without the place (`市生态环境局`), whether the
/// opening sentence names it and whether it titles a document of its own.
fn best_combo(norm: &str, combos: &HashMap<String, Combo>) -> Option<String> {
    let mut order: Vec<(&String, &Combo)> = combos.iter().collect();
    order.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    order.truncate(64);
    let mut bare_of: HashMap<String, usize> = HashMap::new();
    let mut best: Option<(usize, usize, String)> = None;
    let opening = opening_sentence(norm);
    for (agency, (count, first, last, dept, titled)) in &order {
        let bare_key = format!("{last}{dept}");
        let bare = *bare_of.entry(bare_key.clone()).or_insert_with(|| {
            let all = norm.matches(bare_key.as_str()).count();
            let with_place: usize = combos
                .values()
                .filter(|v| v.2 == *last && v.3 == *dept)
                .map(|v| v.0)
                .sum();
            all.saturating_sub(with_place)
        });
        let opening = opening.contains(first) && !norm[..*first].ends_with('《');
        if bare == 0 && *count < 2 && !opening && !*titled {
            continue;
        }
        let score = count + 3 * bare + if opening { 3 } else { 0 } + if *titled { 2 } else { 0 };
        let better = match &best {
            None => true,
            Some((s, f, _)) => score > *s || (score == *s && first < f),
        };
        if better {
            best = Some((score, *first, (*agency).clone()));
        }
    }
    best.map(|b| b.2)
}

/// `<place><department>` phrases of the text; the one that matches how the report names itself.
/// `found`: the text's places ([`gazetteer::find_all`] of `norm`); `self_dept`: gives
/// [`self_department`] of the two; `as_department`: [`speaks_as_department`] of `norm`.
pub(super) fn infer_agency(
    norm: &str,
    found: &[gazetteer::Found],
    as_department: bool,
    self_dept: impl FnOnce() -> Option<(char, String)>,
) -> Option<String> {
    let ends = &words().agency.department_ends;
    // provinces the text names unambiguously: they settle an ambiguous name (鼓楼区 in 福建省)
    let provinces: std::collections::HashSet<&str> = found
        .iter()
        .filter(|f| f.candidates.len() == 1)
        .map(|f| f.candidates[0].province.as_str())
        .collect();
    // (agency text) → (count, first position, last char of the place, department)
    let mut combos: HashMap<String, Combo> = HashMap::new();
    let mut chain_start = 0;
    let mut prev_end = usize::MAX;
    for f in found {
        if f.range.start != prev_end {
            chain_start = f.range.start;
        }
        prev_end = f.range.end;
        // an ambiguous name alone: settled when one candidate lies in a province the text names;
        // the agency then carries its parent (`福州市鼓楼区…`)
        let mut parent = String::new();
        if f.candidates.len() != 1 && chain_start == f.range.start {
            let mut inside = f
                .candidates
                .iter()
                .filter(|c| provinces.contains(c.province.as_str()));
            match (inside.next(), inside.next()) {
                (Some(c), None) if c.parent.is_some() => {
                    parent = c.parent.clone().unwrap_or_default()
                }
                _ => continue,
            }
        }
        let rest = &norm[f.range.end..];
        let dept_end = department_end(rest, ends);
        let Some(d) = dept_end else { continue };
        let dept = &rest[..d];
        if any_in(dept, &words().agency.jurisdiction_words)
            || words()
                .agency
                .not_department_starts
                .iter()
                .any(|w| dept.starts_with(w.as_str()))
            || (as_department && dept == "人民政府")
            || super::hosts::hosted(norm, chain_start, f.range.end + d)
        {
            continue;
        }
        let agency = format!("{parent}{}", &norm[chain_start..f.range.end + d]);
        let last = f.name.chars().last().unwrap_or(' ');
        // the body's own document (`《X县统计局权责清单》`) in a text that says 我局
        let titled = as_department && norm[..chain_start].ends_with('《');
        let e = combos
            .entry(agency)
            .or_insert((0, f.range.start, last, dept.to_string(), false));
        e.0 += 1;
        e.4 |= titled;
    }
    if combos.is_empty() {
        return infer_from_self_reference(found, self_dept());
    }
    let best = best_combo(norm, &combos);
    match best {
        Some(b) => Some(b),
        None => infer_from_self_reference(found, self_dept()),
    }
}

/// The department a report calls itself by without a place (`市城市管理局`, mostly as a
/// sentence subject), weighted; `None` below weight 3.
pub(super) fn self_department(norm: &str, found: &[gazetteer::Found]) -> Option<(char, String)> {
    let place_ends: rustc_hash::FxHashSet<usize> = found.iter().map(|f| f.range.end).collect();
    // (level char, department) → weight
    let mut depts: HashMap<(char, &str), (usize, usize)> = HashMap::new();
    static LEVELS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let levels = LEVELS.get_or_init(|| char_finder(&words().jurisdiction.self_department_levels));
    let ends = &words().jurisdiction.self_department_ends;
    let not_self = &words().jurisdiction.not_self_department;
    for (p, c, before) in char_hits(levels, norm) {
        if place_ends.contains(&(p + c.len_utf8())) {
            continue;
        }
        let rest = &norm[p + c.len_utf8()..];
        let mut end = None;
        for (n, (i, d)) in rest.char_indices().enumerate() {
            if n > 10 || !is_han(d) {
                break;
            }
            if n >= 1 && ends.contains(d) {
                end = Some(i + d.len_utf8());
                break;
            }
        }
        let Some(e) = end else { continue };
        let dept = &rest[..e];
        if not_self.iter().any(|w| dept.contains(w.as_str()))
            || super::hosts::hosted(norm, p, p + c.len_utf8() + e)
        {
            continue;
        }
        let subject = before.is_none_or(|b| !is_han(b));
        let w = depts.entry((c, dept)).or_insert((0, p));
        w.0 += if subject { 3 } else { 1 };
    }
    let ((level_char, dept), (weight, _)) = depts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))?;
    (weight >= 3).then(|| (level_char, dept.to_string()))
}

/// No `<place><department>` in the text: its [`self_department`] (`self_dept`) joined to the
/// most frequent place of that level (`苏州市`, named at least twice).
pub(super) fn infer_from_self_reference(
    found: &[gazetteer::Found],
    self_dept: Option<(char, String)>,
) -> Option<String> {
    let (level_char, dept) = self_dept?;
    let mut places: HashMap<&str, (usize, usize)> = HashMap::new();
    for f in found {
        if f.candidates.len() != 1 || !f.name.ends_with(level_char) {
            continue;
        }
        let lv = f.candidates[0].level;
        let fits = match level_char {
            '市' => lv == gazetteer::PREFECTURAL || lv == gazetteer::PROVINCIAL,
            _ => lv == gazetteer::COUNTY,
        };
        if fits {
            let e = places.entry(f.name.as_str()).or_insert((0, f.range.start));
            e.0 += 1;
        }
    }
    let (place, (count, _)) = places
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))?;
    (count >= 2).then(|| format!("{place}{}", expand(&dept)))
}

/// The full official form of a department name written short (`市场监管局` → 市场监督管理局):
/// the longest short form of `data/meta.toml` that ends the name is replaced.
pub(super) fn expand(dept: &str) -> String {
    let best = words()
        .agency
        .expansions
        .iter()
        .filter(|(short, _)| dept.ends_with(short.as_str()))
        .max_by_key(|(short, _)| short.len());
    match best {
        Some((_, full)) if dept.ends_with(full.as_str()) => dept.to_string(),
        Some((short, full)) => format!("{}{full}", &dept[..dept.len() - short.len()]),
        None => dept.to_string(),
    }
}

/// The department a text that calls itself 我局/我厅/我委 is, told by its vocabulary
/// (`data/meta.toml` `[[agency.departments]]`): `市场监督管理局` for a text full of 市场主体 and
/// 特种设备. `None` when no kind's words clearly outnumber the others'.
pub(super) fn department_by_vocabulary(norm: &str) -> Option<String> {
    let w = &words().agency;
    // the suffix of the self reference used most (`我厅` → 厅)
    let suffix = w
        .self_suffixes
        .iter()
        .map(|(r, s)| (norm.matches(r.as_str()).count(), s))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n)?
        .1;
    let mut counts: Vec<(usize, &super::words::DepartmentWords)> = w
        .department_counts(norm)
        .into_iter()
        .zip(&w.departments)
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    let (best, dept) = *counts.first()?;
    let next = counts.get(1).map_or(0, |c| c.0);
    if best < w.department_min || (best as f64) < w.department_ratio * next as f64 {
        return None;
    }
    let alt_applies = |pat: &str| crate::re::Regex::new(pat).is_ok_and(|r| r.is_match(norm));
    let stem = match &dept.alt {
        Some((pat, alt)) if alt_applies(pat) => alt,
        _ => &dept.stem,
    };
    Some(format!("{stem}{suffix}"))
}

/// Whether the text speaks as a department (`我局`, `本厅` …) rather than as a government.
pub(super) fn speaks_as_department(norm: &str) -> bool {
    any_in(norm, &words().agency.self_refs)
}

/// The agency of a body whose place is known but whose text does not name it with the place:
/// the department it calls itself by (`区司法局` → `宝坻区司法局`, expanded), else, for a text
/// that speaks as the jurisdiction (`我区`, `区委、区政府`) and never as a department, its
/// people's government.
/// `found`: the text's places ([`gazetteer::find_all`] of `norm`); `self_dept`: gives
/// [`self_department`] of the two; `level_char`: the text's level char; `as_department`:
/// [`speaks_as_department`] of `norm`.
pub(super) fn compose(
    norm: &str,
    region: &str,
    level_char: Option<char>,
    as_department: bool,
    found: &[gazetteer::Found],
    self_dept: impl FnOnce() -> Option<(char, String)>,
) -> Option<String> {
    let last = region.chars().last()?;
    if let Some((lc, dept)) = self_dept() {
        if lc == last {
            return Some(format!("{region}{}", expand(&dept)));
        }
    }
    if let Some(dept) = department_by_vocabulary(norm) {
        return Some(format!("{region}{dept}"));
    }
    if level_char != Some(last) || as_department {
        return None;
    }
    // `我县` speaks as the government even when the text names its departments; a bare
    // `县政府` only when it names none
    let speaks = match government_voice(norm, last) {
        Voice::Own => true,
        Voice::Government => !names_department(norm, region, found),
        Voice::None => false,
    };
    speaks.then(|| format!("{region}人民政府"))
}

/// Whether a department of `region` is named in the text (a `found` place named `region` with a
/// department end within the 12 chars after it): then it is not the government's own report.
/// An end that a longer end begins with (`委` of 委员会) counts only as that longer end: alone it
/// is as often the party committee (`县委`).
fn names_department(norm: &str, region: &str, found: &[gazetteer::Found]) -> bool {
    let ends = &words().agency.department_ends;
    let prefix_only = |e: &String| longer_ends(e, ends).next().is_some();
    found.iter().any(|f| {
        if f.name != region {
            return false;
        }
        // the 12 chars after the place
        let window = crate::text::offsets::first_chars(&norm[f.range.end..], 12);
        ends.iter()
            .any(|e| e != "人民政府" && !prefix_only(e) && window.contains(e.as_str()))
    })
}

/// An agency written without its place (`区司法局`, `市城管执法委`): the department part after the
/// level char, when `region` is of that level.
pub(super) fn placeless_department<'a>(agency: &'a str, region: &str) -> Option<&'a str> {
    let first = agency.chars().next()?;
    let rest = &agency[first.len_utf8()..];
    (region.ends_with(first)
        && rest.chars().count() >= 2
        && super::word_places::places_in(agency).is_empty())
    .then_some(rest)
}

/// The byte range of the body's opening sentence: from the start of the first line of at least
/// 30 chars that holds a `。` to that `。`.
pub(super) fn opening_sentence(norm: &str) -> std::ops::Range<usize> {
    let mut at = 0;
    for line in norm.split('\n') {
        let start = at;
        at += line.len() + 1;
        if line.chars().count() < 30 || line.contains('|') {
            continue;
        }
        let end = line.find(['。', ':']).unwrap_or(line.len());
        return start..start + end;
    }
    0..0
}

/// A township-level body (`X镇人民政府`, `X街道办事处`) or its place (`X镇`) at the start of `s`:
/// (the place, the body's name). Townships are below the levels of the catalog.
pub(super) fn township(s: &str) -> Option<(String, String)> {
    let s = s.trim_start_matches("中共");
    for (n, (i, c)) in s.char_indices().enumerate() {
        if n > 6 || !is_han(c) {
            return None;
        }
        if n < 2 {
            continue;
        }
        let (place, body) = if c == '镇' || c == '乡' {
            let p = &s[..i + c.len_utf8()];
            (p, format!("{p}人民政府"))
        } else if s[i..].starts_with("街道") {
            let p = &s[..i + "街道".len()];
            (p, format!("{p}办事处"))
        } else {
            continue;
        };
        if place.contains(['省', '市', '县', '区', '局'])
            || any_in(place, &words().agency.not_township)
        {
            return None;
        }
        return Some((place.to_string(), body));
    }
    None
}

/// The township the opening sentence speaks for (`2024年,X街道认真…`), or the most named
/// township body of the text (`X镇人民政府`).
pub(super) fn township_of_text(norm: &str) -> Option<(String, String)> {
    let o = opening_sentence(norm);
    let sentence = &norm[o];
    for (i, c) in sentence.char_indices() {
        let boundary = i == 0 || matches!(sentence[..i].chars().next_back(), Some(',' | ' '));
        if boundary && is_han(c) {
            if let Some(t) = township(&sentence[i..]) {
                return Some(t);
            }
        }
    }
    let mut counts: HashMap<String, (usize, usize, String)> = HashMap::new();
    for suffix in ["镇人民政府", "乡人民政府", "街道办事处"] {
        for (at, _) in norm.match_indices(suffix) {
            let head = &norm[..at];
            let start = head
                .char_indices()
                .rev()
                .take(4)
                .take_while(|&(_, c)| is_han(c))
                .last()
                .map(|(k, _)| k);
            let Some(k) = start else { continue };
            if let Some((place, body)) = township(&norm[k..]) {
                let e = counts.entry(place).or_insert((0, at, body));
                e.0 += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(p, (_, _, b))| (p, b))
}

/// A national body (`生态环境部`, `市场监管总局`): it has no region and no level.
pub(super) fn national(agency: &str) -> bool {
    let a = agency.trim_start_matches("中华人民共和国");
    words().agency.national.iter().any(|n| {
        // `国家统计局湖北调查总队`: a local body of a national system
        a.strip_prefix(n.as_str()).is_some_and(|rest| {
            rest.is_empty()
                || (super::word_places::places_in(rest).is_empty()
                    && super::place::vertical_place(rest).is_none())
        })
    })
}

/// Whether the text speaks as a branch bureau (`我分局`, `本分局`).
pub(super) fn speaks_as_branch(norm: &str) -> bool {
    any_in(norm, &words().agency.branch_refs)
}

/// How a text speaks of the government of its jurisdiction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Voice {
    /// Not at all.
    None,
    /// `县政府` / `县人民政府` not inside a longer name (`县委、县政府`).
    Government,
    /// `我县`: as the jurisdiction itself.
    Own,
}

/// How the text speaks of the government of the jurisdiction of `level_char`.
fn government_voice(norm: &str, level_char: char) -> Voice {
    let mut voice = Voice::None;
    // (each place of the char found by a byte search; only the char before it decoded)
    for (i, c) in norm.match_indices(level_char) {
        let before = norm[..i].chars().next_back();
        let rest = &norm[i + c.len()..];
        if before == Some('我') {
            return Voice::Own;
        }
        if before.is_none_or(|b| !is_han(b))
            && (rest.starts_with("政府") || rest.starts_with("人民政府"))
        {
            voice = Voice::Government;
        }
    }
    voice
}
