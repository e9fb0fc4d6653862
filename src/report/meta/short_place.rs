//! The body of a text that names itself only as 我局/本局 and its place only by a short name
//! (`泰安` of 泰安市, `在凌源召开`, `凌源融媒体`): the department its vocabulary tells, at the place
//! that short name answers to.

use super::agency::department_by_vocabulary;
use super::jurisdiction::{fits, Jurisdiction};
use crate::data::gazetteer::{self, Found, Place};

/// The place and the agency, when the text speaks as a department (`as_department`), its
/// vocabulary tells which ([`department_by_vocabulary`]), it speaks of itself with a level char
/// (`j`, `市委、市政府` → 市) and names exactly one place of that level by a short name
/// ([`gazetteer::find_short`] outside the full names `found`), at least twice or in the province
/// the text names; a short name of another province is no place of the text's, nor one named
/// right after a word of going there (`赴X学习`, `data/meta.toml` travel_to).
pub(super) fn short_place_agency(
    norm: &str,
    found: &[Found],
    j: &Jurisdiction,
    as_department: bool,
) -> Option<(Place, String)> {
    let lc = j.level_char?;
    if !as_department {
        return None;
    }
    let mut place: Option<(Place, usize)> = None;
    let travel_to = &super::words::words().agency.travel_to;
    for f in gazetteer::find_short(norm, found) {
        // (`赴X学习`: where the body went, not where it is)
        let before = norm.get(..f.range.start).unwrap_or("");
        if travel_to.iter().any(|w| before.ends_with(w.as_str())) {
            continue;
        }
        let Some(p) = f.candidates.into_iter().next() else {
            continue;
        };
        if !fits(&p, lc) || p.level == gazetteer::PROVINCIAL {
            continue;
        }
        match &mut place {
            None => place = Some((p, 1)),
            Some((q, n)) if q.code == p.code => *n += 1,
            // two places of the level: which one is the body's is not told
            Some(_) => return None,
        }
    }
    let (p, n) = place?;
    let named_province = j.province.as_deref() == Some(p.province.as_str());
    if j.province.as_deref().is_some_and(|q| q != p.province) || (n < 2 && !named_province) {
        return None;
    }
    let dept = department_by_vocabulary(norm)?;
    let agency = format!("{}{dept}", p.name);
    Some((p, agency))
}
