//! Short forms of place names (`綦江区` → `綦江`, `延边朝鲜族自治州` → `延边`): the level word
//! and, of an autonomous unit, the peoples' names dropped.

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

/// The words of [`super::COMMON_SHORT`].
pub(super) fn common_short() -> std::collections::HashSet<&'static str> {
    super::COMMON_SHORT
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
}

/// An autonomous county also written as its short name and 县 (`秀山县` for
/// 秀山土家族苗族自治县), unless that short name is a common word or also names a province or
/// prefecture (`河南县`: 河南省's short name): pushed to `aliases` (alias, entry, abbreviated).
pub(super) fn county_aliases(
    entries: &[super::Entry],
    full: &super::FxMap<&'static str, Vec<usize>>,
    short: &super::FxMap<String, Vec<usize>>,
    aliases: &mut Vec<(&'static str, usize, bool)>,
) {
    let common = common_short();
    for (i, e) in entries.iter().enumerate() {
        let Some(s) = e
            .name
            .ends_with("自治县")
            .then(|| short_form(e.name))
            .flatten()
        else {
            continue;
        };
        let above = short
            .get(&s)
            .is_some_and(|v| v.iter().any(|&k| entries[k].level != super::COUNTY));
        let alias = format!("{s}县");
        if !above && !common.contains(s.as_str()) && !full.contains_key(alias.as_str()) {
            aliases.push((Box::leak(alias.into_boxed_str()), i, false));
        }
    }
}

/// The one province- or prefecture-level unit a short form or full name answers to, counties
/// left out (`河南` → 河南省, though 河南蒙古族自治县 shares the short form).
pub fn lookup_short_above_county(name: &str) -> Option<super::Place> {
    let g = super::gaz();
    let above = |v: &Vec<usize>| -> Vec<super::Place> {
        v.iter()
            .map(|&i| g.entries[i].place())
            .filter(|p| p.level != super::COUNTY)
            .collect()
    };
    let mut found = g.full.get(name).map(above).unwrap_or_default();
    if found.is_empty() {
        found = g.short.get(name).map(above).unwrap_or_default();
    }
    if found.len() == 1 {
        found.pop()
    } else {
        None
    }
}
