//! A notice sent to bodies one level down (`各区应急管理局:` on one of its first lines): its
//! issuer is the same kind of body of the place above them, the city (or province) above the
//! places the text names.

use super::words::words;
use super::{is_han, Line};
use crate::data::gazetteer::{self, Found, Place};
use std::collections::HashMap;

/// The department an addressee line names and whether the addressees are county level:
/// `各区应急管理局:` → (`应急管理局`, true), `各市(州)司法局:` → (`司法局`, false).
fn addressee<'a>(lines: &[Line<'a>]) -> Option<(&'a str, bool)> {
    let w = &words().addressee;
    lines.iter().take(w.lines).find_map(|l| {
        let body = l.text.strip_prefix('各')?.strip_suffix(':')?;
        let dept = body.trim_start_matches(|c| w.level_chars.contains(c));
        let levels = &body[..body.len() - dept.len()];
        let named = (2..=12).contains(&dept.chars().count())
            && dept.chars().all(is_han)
            && dept
                .chars()
                .last()
                .is_some_and(|c| words().agency.org_end(c));
        (!levels.is_empty() && named)
            .then(|| (dept, levels.contains(|c| w.county_chars.contains(c))))
    })
}

/// The place directly above the addressees' level that `p` lies in or is: the city of a county
/// (a municipality's district: the municipality) for county-level addressees, else the
/// province of a prefecture.
fn above(p: &Place, county: bool) -> Option<&str> {
    match (county, p.level) {
        (true, gazetteer::COUNTY) => p.parent.as_deref(),
        (true, gazetteer::PREFECTURAL) => Some(&p.name),
        // a municipality (上海市) is the city of its districts
        (true, gazetteer::PROVINCIAL) => p.name.ends_with('市').then_some(p.name.as_str()),
        (false, gazetteer::PREFECTURAL) => Some(&p.province),
        (false, gazetteer::PROVINCIAL) => Some(&p.name),
        _ => None,
    }
}

/// The issuer of a notice whose first lines name its addressees one level down: the same
/// department (`应急管理局` of `各区应急管理局:`) of the place the text's places (full names,
/// `found`, and short names) lie in most often, when one does more often than any other.
pub(super) fn issuer<'f>(
    norm: &str,
    lines: &[Line],
    found: impl FnOnce() -> &'f [Found],
) -> Option<String> {
    let (dept, county) = addressee(lines)?;
    let found = found();
    let short = gazetteer::find_short(norm, found);
    let mut votes: HashMap<&str, usize> = HashMap::new();
    for f in found.iter().chain(&short) {
        if let [p] = f.candidates.as_slice() {
            if let Some(a) = above(p, county) {
                *votes.entry(a).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(&str, usize)> = votes.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match ranked.as_slice() {
        [(p, _)] => Some(format!("{p}{dept}")),
        [(p, n), (_, m), ..] if n > m => Some(format!("{p}{dept}")),
        _ => None,
    }
}
