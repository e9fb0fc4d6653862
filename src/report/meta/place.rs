//! Region, province and level of an agency name (see [`crate::data::gazetteer`]).

use super::words::{any_in, words};
use super::{is_han, trim};
use crate::data::gazetteer;
use crate::model::Meta;

/// An agency whose place the text may tell: `市生态环境局`, or a truncated `洲市生态环境局`
/// (not a central one such as `生态环境部`).
pub(super) fn may_lack_place(agency: &str) -> bool {
    agency.chars().take(4).any(|c| "市区县州省旗盟".contains(c))
}

/// Region, province and level of an agency (or title).
pub(super) struct PlaceInfo {
    pub(super) region: Option<String>,
    pub(super) province: Option<String>,
    pub(super) level: Option<String>,
}

impl PlaceInfo {
    pub(super) fn fill(self, m: &mut Meta) {
        m.region = self.region;
        m.province = self.province;
        m.level = self.level;
    }
}

/// A county-level name that the gazetteer does not know, at the start of `s`: `灵璧县司法局` →
/// `灵璧县`. `city` allows a county-level `…市` (after a prefecture).
pub(super) fn unknown_county(s: &str, city: bool) -> Option<&str> {
    for (n, (i, c)) in s.char_indices().enumerate() {
        if n > 6 || !is_han(c) {
            return None;
        }
        if n >= 2 && (c == '县' || c == '旗' || c == '区' || (city && c == '市')) {
            let name = &s[..i + c.len_utf8()];
            let head = &name[..i];
            if words()
                .agency
                .not_division
                .iter()
                .any(|x| name.ends_with(x.as_str()))
                || head.contains(['省', '市', '局', '委', '府', '厅', '县', '区'])
                || any_in(name, &words().agency.not_county_words)
            {
                return None;
            }
            return Some(name);
        }
    }
    None
}

/// Region, province and level of the place names at the head of `s` (see [`gazetteer::resolve`]).
pub(super) fn place_of(s: &str) -> PlaceInfo {
    let res = gazetteer::resolve(s);
    if res.name.is_none() {
        if let Some((town, _)) = super::agency::township(s) {
            return PlaceInfo {
                region: Some(town),
                province: None,
                level: None,
            };
        }
    }
    // a township of the named county (`X县Y镇人民政府`): the township, below the levels
    if let Some(town) = res
        .name
        .as_ref()
        .and_then(|_| s.get(res.end..))
        .and_then(town_body)
    {
        return PlaceInfo {
            region: Some(town),
            province: res.province(),
            level: None,
        };
    }
    let mut p = PlaceInfo {
        region: res.name.clone(),
        province: res.province(),
        level: res.level().map(str::to_string),
    };
    // a vertical body named after its province's or city's short name (`…江苏监管局`)
    if res.name.is_none() {
        if let Some(v) = vertical_place(s) {
            return PlaceInfo {
                region: Some(v.name),
                province: Some(v.province),
                level: Some(v.level.to_string()),
            };
        }
    }
    // a named zone governed like a county, right after its city or province (or at the start)
    if let Some(zone) = zone_place(s, &res) {
        return zone;
    }
    // a county the gazetteer does not list, right after the known chain (or at the very start)
    let known_level = res.level();
    let after = if res.name.is_some() {
        &s[res.end.min(s.len())..]
    } else {
        trim(s.trim_start_matches("中共"))
    };
    let allowed = match known_level {
        None => true,
        Some(l) => l != gazetteer::COUNTY && res.place.is_some(),
    };
    // a county branch of a city bureau: `株洲市生态环境局醴陵分局` → 醴陵市
    if let Some(city) = res
        .place
        .as_ref()
        .filter(|p| p.level == gazetteer::PREFECTURAL)
    {
        if let Some(county) = branch_county(&s[res.end.min(s.len())..], &city.name) {
            return PlaceInfo {
                region: Some(county.name),
                province: Some(county.province),
                level: Some(county.level.to_string()),
            };
        }
    }
    if allowed && s.is_char_boundary(res.end.min(s.len())) {
        let city = known_level == Some(gazetteer::PREFECTURAL);
        if let Some(name) = unknown_county(after, city) {
            if gazetteer::lookup_all(name).is_empty() {
                p.region = Some(name.to_string());
                p.level = Some(gazetteer::COUNTY.to_string());
                if known_level.is_none() {
                    p.province = None;
                }
            }
        }
    }
    p
}

/// A named zone at the head of `s` (`屈家岭管理区…`, `苏州工业园区…`, data `agency.zones`): two to
/// eight Han chars of its name (no level or body char, none of `agency.not_county_words`), then
/// the zone's ending; the earliest ending wins, the longest of those that begin there.
pub(super) fn zone_at(s: &str) -> Option<&str> {
    let ends = &words().agency.zones;
    let (at, end) = ends
        .iter()
        .filter_map(|e| s.find(e.as_str()).map(|i| (i, i + e.len())))
        .min_by_key(|&(i, e)| (i, std::cmp::Reverse(e)))?;
    let head = &s[..at];
    let n = head.chars().count();
    let named = (2..=8).contains(&n)
        && head.chars().all(is_han)
        && !head.contains(['省', '市', '局', '委', '府', '厅', '县', '区', '镇', '乡'])
        && !any_in(head, &words().agency.not_county_words);
    named.then(|| &s[..end])
}

/// The zone of `s` as its place ([`zone_at`]): right after a province or prefecture the chain
/// of `res` ends with (`荆门市屈家岭管理区`), its province; at the start, the province of the
/// province or prefecture whose short name it opens with (`苏州工业园区`), else none (the text may
/// tell it).
fn zone_place(s: &str, res: &gazetteer::Resolution) -> Option<PlaceInfo> {
    let province = if res.name.is_some() {
        let above = matches!(
            res.level(),
            Some(gazetteer::PROVINCIAL | gazetteer::PREFECTURAL)
        );
        if !above {
            return None;
        }
        res.province()
    } else {
        None
    };
    let rest = if res.name.is_some() {
        s.get(res.end..)?
    } else {
        trim(s.trim_start_matches("中共"))
    };
    let zone = zone_at(rest)?;
    let province = province.or_else(|| {
        let chars: Vec<(usize, char)> = zone.char_indices().collect();
        (2..=3.min(chars.len())).rev().find_map(|k| {
            let short = &zone[..chars.get(k).map_or(zone.len(), |c| c.0)];
            gazetteer::lookup_short_above_county(short).map(|p| p.province)
        })
    });
    Some(PlaceInfo {
        region: Some(zone.to_string()),
        province,
        level: Some(gazetteer::COUNTY.to_string()),
    })
}

/// The province or prefecture whose short (or full) name, two or three chars, stands right
/// before a vertical body's ending in `s` (data `agency.vertical_units`: `江苏监管局` → 江苏省,
/// `宁波监管局` → 宁波市, `上海海关` → 上海市).
pub(super) fn vertical_place(s: &str) -> Option<gazetteer::Place> {
    words().agency.vertical_units.iter().find_map(|v| {
        let at = s.find(v.as_str())?;
        let head: Vec<(usize, char)> = s[..at].char_indices().collect();
        (2..=3.min(head.len())).rev().find_map(|k| {
            let name = &s[head[head.len() - k].0..at];
            gazetteer::lookup_short_above_county(name)
        })
    })
}

/// Whether `region` is a zone ([`zone_at`] of all of it).
pub(super) fn is_zone(region: &str) -> bool {
    zone_at(region).is_some_and(|z| z.len() == region.len())
}

/// The township at the head of `s` when what follows it is its body (`Y镇人民政府`, `Y街道办事处`,
/// data `agency.township_bodies`) or no Han char (`Y镇2023年…`): not a word such as `城乡建设局`.
fn town_body(s: &str) -> Option<String> {
    let (town, _) = super::agency::township(s)?;
    let after = &s[town.len()..];
    let body = words()
        .agency
        .township_bodies
        .iter()
        .any(|b| after.starts_with(b.as_str()));
    (body || !after.starts_with(is_han)).then_some(town)
}

/// The county of `X分局` (or another [`super::words::AgencyWords::branch_ends`] word, `X大队` of a
/// city's 执法支队) in an agency tail, when `X` is the short (or full) name of a county of `city`.
pub(super) fn branch_county(tail: &str, city: &str) -> Option<gazetteer::Place> {
    words()
        .agency
        .branch_ends
        .iter()
        .filter_map(|e| tail.find(e.as_str()))
        .find_map(|i| county_before(&tail[..i], city))
}

/// The county of `city` whose short (or full) name the last 2..=5 chars of `head` are.
fn county_before(head: &str, city: &str) -> Option<gazetteer::Place> {
    // the county name is the last 2..=5 chars before 分局
    let chars: Vec<(usize, char)> = head.char_indices().collect();
    for k in (2..=5.min(chars.len())).rev() {
        let name = &head[chars[chars.len() - k].0..];
        let fits = |p: &gazetteer::Place| {
            p.parent.as_deref() == Some(city) && p.level == gazetteer::COUNTY
        };
        if let Some(p) = gazetteer::lookup_short(name).filter(fits) {
            return Some(p);
        }
        let within: Vec<gazetteer::Place> = gazetteer::lookup_within(name, city)
            .into_iter()
            .filter(fits)
            .collect();
        if within.len() == 1 {
            return within.into_iter().next();
        }
    }
    None
}
