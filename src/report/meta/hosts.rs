//! A body named as the host of something the reporting body attended (`参加市司法局举办的培训`):
//! a superior or another body, never the report's own.

use super::words::words;
use crate::data::gazetteer::{self, Found, Place};

/// How far before a name (in chars, within its clause) an attend word is looked for, and how
/// far after it a host word.
const BEFORE: usize = 30;
const AFTER: usize = 20;

/// Whether the body named at `start..end` of `norm` is the host of what the text's body attended:
/// an attend word (`参加`) before it and a host word (`举办`) after it, both within its clause
/// (`data/meta.toml` `[hosts]`).
pub(super) fn hosted(norm: &str, start: usize, end: usize) -> bool {
    let w = &words().hosts;
    let stop = |c: char| ",;。:!?\n".contains(c);
    let before: String = {
        let head = norm.get(..start).unwrap_or("");
        let mut v: Vec<char> = head
            .chars()
            .rev()
            .take(BEFORE)
            .take_while(|&c| !stop(c))
            .collect();
        v.reverse();
        v.into_iter().collect()
    };
    if !w.attend.iter().any(|a| before.contains(a.as_str())) {
        return false;
    }
    let after: String = norm
        .get(end..)
        .unwrap_or("")
        .chars()
        .take(AFTER)
        .take_while(|&c| !stop(c))
        .collect();
    w.host.iter().any(|h| after.contains(h.as_str()))
}

/// The city whose department of the text's own kind (told by its vocabulary,
/// [`super::agency::department_by_vocabulary`]) hosted what the text's body attended
/// (`参加X市医保局举办的培训` in a text of a 医疗保障局 that says 我局): the body is one of that
/// city's counties'. `found`: the text's places ([`gazetteer::find_all`] of `norm`).
/// (The text's own kind, a count of words over the whole text, is worked out only once a city's
/// department is named as a host: most texts name none.)
pub(super) fn superior_city(norm: &str, found: &[Found]) -> Option<Place> {
    let mut own: Option<Option<String>> = None;
    for f in found {
        let [p] = f.candidates.as_slice() else {
            continue;
        };
        if p.level != gazetteer::PREFECTURAL {
            continue;
        }
        let Some(rest) = norm.get(f.range.end..) else {
            continue;
        };
        let Some(d) = super::agency::department_end(rest, &words().agency.department_ends) else {
            continue;
        };
        if !hosted(norm, f.range.start, f.range.end + d) {
            continue;
        }
        let own = own.get_or_insert_with(|| super::agency::department_by_vocabulary(norm));
        // (a text whose vocabulary names no department has no kind to compare: none at all)
        let own = own.as_deref()?;
        if super::agency::expand(&rest[..d]) == own {
            return Some(p.clone());
        }
    }
    None
}
