//! A city body that names its counties' bodies of its own kind: `市市场监管局` in a text that also
//! names `孟州市市场监管局` and `解放区市场监管局` (both of 焦作市) is 焦作市's bureau, not one of
//! the counties'.

use super::agency::expand;
use crate::data::gazetteer::{self, Found};

/// The parent city's department when the text calls its own body by a department with the level
/// char 市 (`self_dept`, see [`super::agency::self_department`]) and names that department of at
/// least two counties of one city (`found`: the text's places), and `best` (the agency inferred
/// from the text's `<place><department>` phrases) is none or a county's of that city.
pub(super) fn parent_of_peers(
    norm: &str,
    best: Option<&str>,
    found: &[Found],
    self_dept: impl FnOnce() -> Option<(char, String)>,
) -> Option<String> {
    if !two_counties_of_one_city(found) {
        return None; // (cheap test first: the self department is not)
    }
    let (level_char, own) = self_dept()?;
    if level_char != '市' {
        return None;
    }
    let full = expand(&own);
    // (city, its distinct counties named with the department right after them)
    let mut cities: Vec<(String, Vec<&str>)> = Vec::new();
    for f in found {
        let named = norm
            .get(f.range.end..)
            .is_some_and(|rest| rest.starts_with(own.as_str()) || rest.starts_with(full.as_str()));
        let Some((city, name)) = county_of(f).filter(|_| named) else {
            continue;
        };
        match cities.iter_mut().find(|(p, _)| p == city) {
            Some((_, names)) if !names.contains(&name) => names.push(name),
            Some(_) => {}
            None => cities.push((city.to_string(), vec![name])),
        }
    }
    let [(city, counties)] = cities.as_slice() else {
        return None;
    };
    if counties.len() < 2 {
        return None;
    }
    let of_city = |b: &str| {
        let res = gazetteer::resolve(b);
        res.place.is_some_and(|p| {
            p.level == gazetteer::COUNTY && p.parent.as_deref() == Some(city.as_str())
        })
    };
    best.is_none_or(of_city).then(|| format!("{city}{full}"))
}

/// The city and the name of a place that is a county, when that is its only reading.
fn county_of(f: &Found) -> Option<(&str, &str)> {
    let [c] = f.candidates.as_slice() else {
        return None;
    };
    let city = c
        .parent
        .as_deref()
        .filter(|_| c.level == gazetteer::COUNTY)?;
    Some((city, f.name.as_str()))
}

/// Whether the places hold two distinct counties of one city ([`county_of`]): a necessary
/// condition of [`parent_of_peers`], tested before its costly part.
fn two_counties_of_one_city(found: &[Found]) -> bool {
    let mut first: Vec<(&str, &str)> = Vec::new(); // (city, the first county named of it)
    for (city, name) in found.iter().filter_map(county_of) {
        match first.iter().find(|(p, _)| *p == city) {
            Some((_, n)) if *n != name => return true,
            Some(_) => {}
            None => first.push((city, name)),
        }
    }
    false
}
