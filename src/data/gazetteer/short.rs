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
