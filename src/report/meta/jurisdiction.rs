//! The body's jurisdiction read from the text when no title or agency names it: how the text
//! speaks of its own level (`我市`, `全区`, `区委、区政府`, `县生态环境局`) and the place of that level
//! it names most (ambiguous names such as 通州区 settled by the other places named).

use super::words::words;
use super::{char_finder, char_hits, is_han};
use crate::data::gazetteer::{self, Found, Place};
use std::collections::HashMap;

/// The jurisdiction read from a text.
#[derive(Debug, Default, Clone)]
pub(super) struct Jurisdiction {
    /// The level char the text speaks of itself with (`市`, `区`, `县` …).
    pub(super) level_char: Option<char>,
    /// The place's name (also when ambiguous).
    pub(super) region: Option<String>,
    /// Its province (the one its candidates share, or the one the text names most).
    pub(super) province: Option<String>,
    /// 省级 / 地市级 / 区县级.
    pub(super) level: Option<String>,
}

/// Weights of the text's self-reference to a level: the prefix before the level char (`我市`).
fn self_weight(prefix: char) -> usize {
    match prefix {
        '我' => 3,
        '本' => 2,
        '全' => 1,
        _ => 0,
    }
}

/// Which level char the text speaks of itself with, by weighted count of `我市`/`本区`/`全县`,
/// `区委、区政府` and a bare `县<department>局` (not preceded by a place name).
pub(super) fn level_char(norm: &str, found: &[Found]) -> Option<char> {
    static LEVELS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let levels = LEVELS.get_or_init(|| char_finder(&words().jurisdiction.level_chars));
    let place_ends: rustc_hash::FxHashSet<usize> = found.iter().map(|f| f.range.end).collect();
    let mut score: HashMap<char, usize> = HashMap::new();
    for (i, c, before) in char_hits(levels, norm) {
        let rest = &norm[i + c.len_utf8()..];
        let mut w = before.map(self_weight).unwrap_or(0);
        if w > 0 && before == Some('全') && rest.starts_with(['国', '省']) {
            w = 0;
        }
        if w == 0 && !place_ends.contains(&(i + c.len_utf8())) && before.is_none_or(|b| !is_han(b))
        {
            // `区委、区政府`, `县生态环境局` as a sentence subject
            let gov =
                rest.starts_with('委') || rest.starts_with("政府") || rest.starts_with("人民政府");
            let dept = rest
                .char_indices()
                .take(10)
                .take_while(|&(_, d)| is_han(d))
                .any(|(_, d)| d == '局');
            if gov || dept {
                w = 1;
            }
        }
        if w > 0 {
            *score.entry(c).or_default() += w;
        }
    }
    score
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(c, _)| c)
}

/// Whether a place fits a level char: its name ends with it (`区` also a county-level 新区 …),
/// `省` an autonomous region too.
pub(super) fn fits(p: &Place, level_char: char) -> bool {
    match level_char {
        '省' => p.level == gazetteer::PROVINCIAL,
        '州' => p.name.ends_with('州') && p.level == gazetteer::PREFECTURAL,
        '区' => p.name.ends_with('区') && p.level == gazetteer::COUNTY,
        c => p.name.ends_with(c),
    }
}

/// The places a text names with their counts; ambiguous names settled by the other places named.
fn tally(found: &[Found]) -> Vec<(String, Vec<Place>, usize, usize)> {
    let named: std::collections::HashSet<&str> = found
        .iter()
        .filter(|f| f.candidates.len() == 1)
        .map(|f| f.name.as_str())
        .collect();
    let mut out: Vec<(String, Vec<Place>, usize, usize)> = Vec::new();
    for f in found {
        if let Some(e) = out.iter_mut().find(|e| e.0 == f.name) {
            e.2 += 1;
            continue;
        }
        let mut cands = f.candidates.clone();
        if cands.len() > 1 {
            let inside: Vec<Place> = cands
                .iter()
                .filter(|c| {
                    named.contains(c.province.as_str())
                        || c.parent.as_deref().is_some_and(|p| named.contains(p))
                })
                .cloned()
                .collect();
            if !inside.is_empty() {
                cands = inside;
            }
        }
        out.push((f.name.clone(), cands, 1, f.range.start));
    }
    out
}

fn common<T: PartialEq>(v: &[Place], f: impl Fn(&Place) -> T) -> Option<T> {
    let first = f(v.first()?);
    v.iter().all(|p| f(p) == first).then_some(first)
}

/// The jurisdiction of a text: the most named place that fits its level char (ties: the first
/// named); without a level char, the most named place when it is named at least twice.
/// Without a fitting place a county level char still gives the level, and the province the
/// text names most (directly or through its places) the province.
/// `found`: the text's places ([`gazetteer::find_all`] of `norm`); `as_department`:
/// [`super::agency::speaks_as_department`] of `norm`.
pub(super) fn jurisdiction(norm: &str, found: &[Found], as_department: bool) -> Jurisdiction {
    let generic = &words().jurisdiction.generic_names;
    let found: Vec<Found> = found
        .iter()
        .filter(|f| !generic.contains(&f.name))
        .cloned()
        .collect();
    // the level of the department the text calls itself by decides; else its self-references
    let lc = as_department
        .then(|| super::agency::self_department(norm, &found))
        .flatten()
        .map(|(c, _)| c)
        .or_else(|| level_char(norm, &found));
    let places = tally(&found);
    let mut j = Jurisdiction {
        level_char: lc,
        ..Jurisdiction::default()
    };
    let best = places
        .iter()
        .filter(|(_, c, n, _)| match lc {
            Some(l) => c.iter().any(|p| fits(p, l)),
            None => *n >= 2 || places.len() == 1,
        })
        .max_by(|a, b| a.2.cmp(&b.2).then(b.3.cmp(&a.3)));
    if let Some((name, cands, _, _)) = best {
        let cands: Vec<Place> = match lc {
            Some(l) => cands.iter().filter(|p| fits(p, l)).cloned().collect(),
            None => cands.clone(),
        };
        j.region = Some(gazetteer::region_name(name));
        j.province = common(&cands, |p| p.province.clone());
        j.level = common(&cands, |p| p.level.to_string());
        return j;
    }
    if matches!(lc, Some('区' | '县' | '旗')) {
        j.level = Some(gazetteer::COUNTY.to_string());
    }
    // the province the places named share most
    let mut prov: HashMap<&str, (usize, usize)> = HashMap::new();
    for (_, cands, n, first) in &places {
        if let Some(p) = common(cands, |p| p.province.clone()) {
            let key = cands[0].province.as_str();
            debug_assert_eq!(key, p);
            let e = prov.entry(key).or_insert((0, *first));
            e.0 += n;
        }
    }
    j.province = prov
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(p, _)| p.to_string());
    j
}
