//! Gazetteer: China's province-level units, prefecture-level units and a selection of their
//! districts/counties, from the embedded data file `data/gazetteer.txt`.
//!
//! Names repeat across provinces (朝阳区 in 北京市 and 长春市, 鼓楼区 in four cities): the plain
//! [`lookup`] then answers `None`, [`lookup_all`] gives every candidate, and [`resolve`] uses the
//! places named before (`长春市朝阳区`) to pick one or reports the ambiguity.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// Province-level unit (省/自治区/直辖市/特别行政区).
pub const PROVINCIAL: &str = "省级";
/// Prefecture-level unit (地级市/地区/自治州/盟).
pub const PREFECTURAL: &str = "地市级";
/// County-level unit (市辖区/县/县级市/自治县/旗).
pub const COUNTY: &str = "区县级";

/// A place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Full name (`綦江区`).
    pub name: String,
    /// Province-level unit (`重庆市`); the place itself for a province-level unit.
    pub province: String,
    /// 省级 / 地市级 / 区县级
    pub level: &'static str,
    /// The unit directly above: the prefecture of a county (or the province when it is directly
    /// under it), the province of a prefecture, `None` for a province-level unit.
    pub parent: Option<String>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    name: &'static str,
    level: &'static str,
    parent: &'static str,
    province: &'static str,
}

impl Entry {
    fn place(&self) -> Place {
        Place {
            name: self.name.to_string(),
            province: self.province.to_string(),
            level: self.level,
            parent: (!self.parent.is_empty()).then(|| self.parent.to_string()),
        }
    }
}

struct Gaz {
    entries: Vec<Entry>,
    full: HashMap<&'static str, Vec<usize>>,
    short: HashMap<String, Vec<usize>>,
    max_chars: usize,
    /// First chars of all full names (a quick filter for [`find_all`]).
    firsts: std::collections::HashSet<char>,
}

const DATA: &str = include_str!("../data/gazetteer.txt");

/// Ethnic-group names that sit between a place name and 自治州/自治县/自治旗.
const ETHNIC: &[&str] = &[
    "土家族",
    "苗族",
    "藏族",
    "羌族",
    "彝族",
    "布依族",
    "侗族",
    "哈尼族",
    "壮族",
    "傣族",
    "景颇族",
    "傈僳族",
    "白族",
    "回族",
    "蒙古族",
    "蒙古",
    "朝鲜族",
    "满族",
    "瑶族",
    "黎族",
    "畲族",
    "土族",
    "哈萨克",
    "柯尔克孜",
    "维吾尔",
    "仡佬族",
    "水族",
    "拉祜族",
    "佤族",
    "纳西族",
    "普米族",
    "怒族",
    "独龙族",
    "东乡族",
    "保安族",
    "撒拉族",
    "裕固族",
    "达斡尔族",
    "鄂温克族",
    "鄂伦春族",
    "锡伯族",
    "仫佬族",
    "毛南族",
    "各族",
];

/// The short form of a full name (`綦江区` → `綦江`, `延边朝鲜族自治州` → `延边`,
/// `广西壮族自治区` → `广西`), or `None` when it would be shorter than two chars.
pub fn short_form(name: &str) -> Option<String> {
    let mut s = name;
    let mut autonomous = false;
    for suf in [
        "特别行政区",
        "自治区",
        "自治州",
        "自治县",
        "自治旗",
        "联合旗",
    ] {
        if let Some(x) = s.strip_suffix(suf) {
            s = x;
            autonomous = true;
            break;
        }
    }
    if autonomous {
        loop {
            let before = s;
            for e in ETHNIC {
                if let Some(x) = s.strip_suffix(e) {
                    if x.chars().count() >= 2 {
                        s = x;
                    }
                }
            }
            if s == before {
                break;
            }
        }
    } else {
        let mut done = false;
        for suf in ["地区", "林区", "新区", "矿区"] {
            if let Some(x) = s.strip_suffix(suf) {
                s = x;
                done = true;
                break;
            }
        }
        if !done {
            for suf in ["省", "市", "区", "县", "盟", "旗"] {
                if let Some(x) = s.strip_suffix(suf) {
                    s = x;
                    break;
                }
            }
        }
    }
    (s.chars().count() >= 2 && s != name).then(|| s.to_string())
}

fn gaz() -> &'static Gaz {
    static G: OnceLock<Gaz> = OnceLock::new();
    G.get_or_init(|| {
        let mut entries: Vec<Entry> = Vec::new();
        let mut province: &'static str = "";
        for line in DATA.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(p) = line.strip_prefix('=') {
                province = p.trim();
                entries.push(Entry {
                    name: province,
                    level: PROVINCIAL,
                    parent: "",
                    province,
                });
                continue;
            }
            if province.is_empty() {
                continue;
            }
            if let Some((pref, counties)) = line.split_once(':') {
                let pref = pref.trim();
                let parent = if pref.is_empty() {
                    province
                } else {
                    entries.push(Entry {
                        name: pref,
                        level: PREFECTURAL,
                        parent: province,
                        province,
                    });
                    pref
                };
                for c in counties.split_whitespace() {
                    entries.push(Entry {
                        name: c,
                        level: COUNTY,
                        parent,
                        province,
                    });
                }
            } else {
                for p in line.split_whitespace() {
                    entries.push(Entry {
                        name: p,
                        level: PREFECTURAL,
                        parent: province,
                        province,
                    });
                }
            }
        }
        let mut full: HashMap<&'static str, Vec<usize>> = HashMap::new();
        let mut short: HashMap<String, Vec<usize>> = HashMap::new();
        let mut max_chars = 0;
        for (i, e) in entries.iter().enumerate() {
            full.entry(e.name).or_default().push(i);
            max_chars = max_chars.max(e.name.chars().count());
            if let Some(s) = short_form(e.name) {
                short.entry(s).or_default().push(i);
            }
        }
        let firsts = entries
            .iter()
            .filter_map(|e| e.name.chars().next())
            .collect();
        Gaz {
            entries,
            full,
            short,
            max_chars,
            firsts,
        }
    })
}

/// Look a full place name up; `None` when unknown or when the name is ambiguous (see
/// [`lookup_all`]).
pub fn lookup(name: &str) -> Option<Place> {
    let v = gaz().full.get(name)?;
    (v.len() == 1).then(|| gaz().entries[v[0]].place())
}

/// Every place with this full name (several for 朝阳区, 鼓楼区 …; empty when unknown).
pub fn lookup_all(name: &str) -> Vec<Place> {
    match gaz().full.get(name) {
        Some(v) => v.iter().map(|&i| gaz().entries[i].place()).collect(),
        None => Vec::new(),
    }
}

/// Resolve a short form (`綦江` → `綦江区`, `杭州` → `杭州市`) or a full name, only when exactly
/// one place answers to it (a full name that exists wins over short forms).
pub fn lookup_short(name: &str) -> Option<Place> {
    if let Some(v) = gaz().full.get(name) {
        return (v.len() == 1).then(|| gaz().entries[v[0]].place());
    }
    let v = gaz().short.get(name)?;
    (v.len() == 1).then(|| gaz().entries[v[0]].place())
}

/// The unit directly above a full name (`綦江区` → `重庆市`, `环翠区` → `威海市`); `None` for a
/// province-level unit and for an unknown or ambiguous name.
pub fn parent(name: &str) -> Option<Place> {
    lookup(&lookup(name)?.parent?)
}

/// All places with this name that lie inside `within` (a province or prefecture name).
pub fn lookup_within(name: &str, within: &str) -> Vec<Place> {
    lookup_all(name)
        .into_iter()
        .filter(|p| inside(p, within))
        .collect()
}

fn inside(p: &Place, within: &str) -> bool {
    p.province == within || p.parent.as_deref() == Some(within) || p.name == within
}

/// A place name found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Byte range of the name in the text.
    pub range: Range<usize>,
    /// The name as written.
    pub name: String,
    /// Every place with that name (one when unambiguous).
    pub candidates: Vec<Place>,
}

/// Every full place name in `text`, leftmost-longest, in text order. Linear in the text length.
pub fn find_all(text: &str) -> Vec<Found> {
    let g = gaz();
    let mut out = Vec::new();
    let starts: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let n = starts.len() - 1;
    let mut i = 0;
    while i < n {
        if !text[starts[i]..]
            .chars()
            .next()
            .is_some_and(|c| g.firsts.contains(&c))
        {
            i += 1;
            continue;
        }
        let mut hit = None;
        let top = (i + g.max_chars).min(n);
        for j in (i + 2..=top).rev() {
            let s = &text[starts[i]..starts[j]];
            if let Some(v) = g.full.get(s) {
                hit = Some((j, v));
                break;
            }
        }
        match hit {
            Some((j, v)) => {
                out.push(Found {
                    range: starts[i]..starts[j],
                    name: text[starts[i]..starts[j]].to_string(),
                    candidates: v.iter().map(|&k| g.entries[k].place()).collect(),
                });
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

/// The jurisdiction named by a string such as an agency (`重庆市綦江区生态环境局`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolution {
    /// The most specific place name found (also when it is ambiguous).
    pub name: Option<String>,
    /// That place, when the context makes it unique.
    pub place: Option<Place>,
    /// The remaining candidates when it is ambiguous (empty otherwise).
    pub candidates: Vec<Place>,
    /// Byte offset just after the last place name of the chain (0 when none was found).
    pub end: usize,
}

impl Resolution {
    /// The province: the place's, or the one all candidates share.
    pub fn province(&self) -> Option<String> {
        if let Some(p) = &self.place {
            return Some(p.province.clone());
        }
        common(&self.candidates, |p| p.province.clone())
    }
    /// The level: the place's, or the one all candidates share.
    pub fn level(&self) -> Option<&'static str> {
        if let Some(p) = &self.place {
            return Some(p.level);
        }
        common(&self.candidates, |p| p.level)
    }
}

fn common<T: PartialEq>(v: &[Place], f: impl Fn(&Place) -> T) -> Option<T> {
    let first = f(v.first()?);
    v.iter().all(|p| f(p) == first).then_some(first)
}

fn rank(level: &str) -> u8 {
    match level {
        PROVINCIAL => 0,
        PREFECTURAL => 1,
        _ => 2,
    }
}

/// Resolve the jurisdiction of a string: the place names in it are read left to right, each one
/// narrowed by those before it (`长春市朝阳区` → 朝阳区 of 长春市). The result is the most
/// specific place; an ambiguous name that the context cannot settle is reported as such.
/// Only a leading run of place names counts (`威海市生态环境局荣成分局` → 威海市).
pub fn resolve(text: &str) -> Resolution {
    let mut res = Resolution::default();
    let mut context: Vec<Place> = Vec::new();
    let mut last_end: Option<usize> = None;
    for f in find_all(text) {
        if let Some(e) = last_end {
            // only consecutive names (allowing a short gap such as a space) form one chain
            if f.range.start > e + 3 {
                break;
            }
        } else if f.range.start > 30 {
            // a leading qualifier (中共, 国家 …) may precede the first place, not a whole phrase
            break;
        }
        let mut cands = f.candidates.clone();
        if !context.is_empty() {
            let narrowed: Vec<Place> = cands
                .iter()
                .filter(|c| context.iter().any(|p| inside(c, &p.name)))
                .cloned()
                .collect();
            if narrowed.is_empty() {
                break;
            }
            cands = narrowed;
        }
        // a place must be below what is already known
        if let Some(cur) = context.last() {
            if cands.iter().all(|c| rank(c.level) <= rank(cur.level)) {
                break;
            }
        }
        last_end = Some(f.range.end);
        res.end = f.range.end;
        res.name = Some(f.name.clone());
        if cands.len() == 1 {
            res.place = Some(cands[0].clone());
            res.candidates.clear();
            context.push(cands[0].clone());
        } else {
            res.place = None;
            res.candidates = cands;
            break;
        }
    }
    res
}

/// Number of units of a level (`省级`, `地市级`, `区县级`) in the data.
pub fn count(level: &str) -> usize {
    gaz().entries.iter().filter(|e| e.level == level).count()
}
