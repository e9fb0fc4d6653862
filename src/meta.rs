//! Stage 7 — meta: title, agency, region, province, level, year reported on, published date.
//!
//! In: the [`Doc`] (the unblanked normalised text, since title and date lines often sit in page
//! clutter). Out: [`Meta`]. Province and level come from [`crate::gazetteer`].
//!
//! - **title**: the first line that reads like a report title (a report word at the end, a
//!   法治/依法行政/信息公开 … keyword, not a breadcrumb or sentence). A title without an agency
//!   whose previous line is an agency name (a title split over two lines) is joined to it; a
//!   full one-line title anywhere near the top wins over that.
//! - **agency**: the title's text before the year / 关于 / the subject; else a 来源/发布机构 line,
//!   the signature above the closing date, or the most frequent `<place><department>` of the text
//!   that matches how the report names itself (`市生态环境局`); failing that, that department
//!   joined to the place of its level the text names most (at least twice).
//! - **region/province/level**: the agency's place names through [`gazetteer::resolve`] (else the
//!   title's); a county the gazetteer lacks (`…县`, `…旗`) still gives region and level. No place is
//!   guessed for an agency without one that is not a local bureau (`生态环境部`).
//! - **year**: the title's year; else the first sentence-initial `20XX年`; else the most frequent.
//! - **published**: a labelled date (发布时间/更新时间/时间/日期 …), never the signature date.

use crate::gazetteer;
use crate::model::Meta;
use crate::Doc;
use crate::re::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Read the report's metadata.
pub fn meta(doc: &Doc) -> Meta {
    meta_of_text(&doc.norm)
}

/// [`meta`] on a normalised text (half-width forms, see [`crate::normalise`]).
pub fn meta_of_text(norm: &str) -> Meta {
    let lines = lines(norm);
    let (title, title_agency) = find_title(&lines);
    let mut m = Meta {
        title: title.clone(),
        ..Meta::default()
    };

    let mut agency = title_agency
        .or_else(|| source_agency(&lines))
        .or_else(|| signature_agency(&lines));
    let from_agency = agency.as_deref().map(place_of);
    if let Some(p) = from_agency.filter(|p| p.region.is_some()) {
        m.agency = agency;
        p.fill(&mut m);
    } else if let Some(p) = title
        .as_deref()
        .map(place_of)
        .filter(|p| p.region.is_some())
    {
        m.agency = agency;
        p.fill(&mut m);
    } else if agency.as_deref().is_none_or(may_lack_place) {
        if let Some(inferred) = infer_agency(norm) {
            place_of(&inferred).fill(&mut m);
            if agency.is_none() {
                agency = Some(inferred);
            }
        }
        m.agency = agency;
    } else {
        m.agency = agency;
    }

    m.year = title
        .as_deref()
        .and_then(year_in)
        .or_else(|| body_year(norm));
    m.published = published(norm, &lines);
    m
}

/// An agency whose place the text may tell: `市生态环境局`, or a truncated `洲市生态环境局`
/// (not a central one such as `生态环境部`).
fn may_lack_place(agency: &str) -> bool {
    agency.chars().take(4).any(|c| "市区县州省旗盟".contains(c))
}

/// Region, province and level of an agency (or title).
struct PlaceInfo {
    region: Option<String>,
    province: Option<String>,
    level: Option<String>,
}

impl PlaceInfo {
    fn fill(self, m: &mut Meta) {
        m.region = self.region;
        m.province = self.province;
        m.level = self.level;
    }
}

/// Suffixes of zones that are not administrative divisions.
const NOT_DIVISION: &[&str] = &[
    "开发区",
    "高新区",
    "园区",
    "景区",
    "试验区",
    "示范区",
    "保税区",
    "片区",
    "新区",
    "管理区",
    "主城区",
    "城区",
    "辖区",
    "社区",
    "校区",
    "厂区",
    "库区",
    "林区",
    "矿区",
    "灾区",
    "山区",
    "牧区",
    "自治区",
    "特区",
    "地区",
    "街区",
    "功能区",
];

/// A county-level name that the gazetteer does not know, at the start of `s`: `灵璧县司法局` →
/// `灵璧县`. `city` allows a county-level `…市` (after a prefecture).
fn unknown_county(s: &str, city: bool) -> Option<&str> {
    for (n, (i, c)) in s.char_indices().enumerate() {
        if n > 6 || !is_han(c) {
            return None;
        }
        if n >= 2 && (c == '县' || c == '旗' || c == '区' || (city && c == '市')) {
            let name = &s[..i + c.len_utf8()];
            let head = &name[..i];
            if NOT_DIVISION.iter().any(|x| name.ends_with(x))
                || head.contains(['省', '市', '局', '委', '府', '厅', '县', '区'])
            {
                return None;
            }
            return Some(name);
        }
    }
    None
}

/// Region, province and level of the place names at the head of `s` (see [`gazetteer::resolve`]).
fn place_of(s: &str) -> PlaceInfo {
    let res = gazetteer::resolve(s);
    let mut p = PlaceInfo {
        region: res.name.clone(),
        province: res.province(),
        level: res.level().map(str::to_string),
    };
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

/// The county of `X分局` in an agency tail, when `X` is the short (or full) name of a county of
/// `city`.
fn branch_county(tail: &str, city: &str) -> Option<gazetteer::Place> {
    let i = tail.find("分局")?;
    let head = &tail[..i];
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

// ---------------------------------------------------------------- lines

struct Line<'a> {
    text: &'a str,
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
}

fn lines(norm: &str) -> Vec<Line<'_>> {
    norm.split('\n')
        .map(trim)
        .filter(|t| !t.is_empty())
        .map(|text| Line { text })
        .collect()
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c) || c == '〇'
}

// ---------------------------------------------------------------- title

/// Words a report title ends with.
const ENDINGS: &[&str] = &["报告", "公报", "报告书", "年报", "工作总结", "情况"];
/// Subjects a report title names.
const SUBJECTS: &[&str] = &[
    "法治政府",
    "法治建设",
    "依法行政",
    "法治",
    "法制",
    "政府信息公开",
    "环境状况",
    "年度报告",
    "工作报告",
    "工作总结",
    "依法治",
];
/// Line starts that mark navigation, not a title.
const NAV: &[&str] = &[
    "当前位置",
    "您当前的位置",
    "您的位置",
    "你的位置",
    "你当前的位置",
    "位置:",
    "首页",
    "来源",
    "时间",
];
/// Last chars of an agency name.
const ORG_END: &[char] = &[
    '局', '厅', '委', '会', '府', '室', '院', '署', '办', '处', '所', '站', '队', '心', '部', '馆',
    '社', '司', '组',
];

/// The title part of a line: page titles carry a site name after `_`, `|` or ` - `.
fn title_part(line: &str) -> &str {
    if line.len() > 600 {
        // far longer than any title (and keeps the cuts below linear)
        return line;
    }
    let mut s = line;
    for lab in ["文章标题", "信息名称", "标题", "名称", "主题", "题目"] {
        if let Some(x) = s.strip_prefix(lab) {
            if let Some(x) = x.trim_start().strip_prefix(':') {
                s = trim(x);
                break;
            }
        }
    }
    // a leading `[栏目]` tag
    if s.starts_with('[') {
        if let Some(i) = s.find(']') {
            if s[..i].chars().count() <= 12 {
                s = trim(&s[i + 1..]);
            }
        }
    }
    // a title wrapped in 《》
    if let Some(x) = s.strip_prefix('《').and_then(|x| x.strip_suffix('》')) {
        if !x.contains('《') {
            s = trim(x);
        }
    }
    // a site name after `_`, `|` or a dash: cut at the first separator that ends a title
    if let Some((i, _)) = s.match_indices(['_', '|', '-']).find(|&(i, _)| {
        let head = trim(&s[..i]);
        ENDINGS.iter().any(|e| strip_paren(head).ends_with(e))
    }) {
        s = trim(&s[..i]);
    }
    // a trailing date (and time): `…报告 2022-01-10 10:12`
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(
            r"[ \[(]*20[0-9][0-9][ ]*(?:-|/|\.|年)[ ]*[0-9]{1,2}[ ]*(?:-|/|\.|月)[ ]*[0-9]{1,2}(?:[ ]*日)?(?:[ ]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?[ \])]*$",
        )
        .unwrap()
    });
    if let Some(m) = r.find(s) {
        let head = trim(&s[..m.start()]);
        if ENDINGS.iter().any(|e| strip_paren(head).ends_with(e)) {
            s = head;
        }
    }
    s
}

/// Without a trailing `(全文)`-like parenthesis.
fn strip_paren(s: &str) -> &str {
    let t = s.trim_end();
    if let Some(x) = t.strip_suffix(')') {
        if let Some(i) = x.rfind('(') {
            if x[i..].chars().count() <= 8 {
                return trim(&x[..i]);
            }
        }
    }
    t
}

fn title_like(s: &str) -> bool {
    let n = s.chars().count();
    if !(6..=100).contains(&n) {
        return false;
    }
    if s.contains('。')
        || s.contains('>')
        || s.contains('»')
        || s.contains(',')
        || s.starts_with('《')
    {
        return false;
    }
    if NAV.iter().any(|p| s.starts_with(p)) || crate::segment::heading_marker(s).is_some() {
        return false;
    }
    let core = strip_paren(s);
    let plan_tail = ["工作计划", "工作思路", "工作打算", "工作安排"]
        .iter()
        .any(|e| core.ends_with(e))
        && (s.contains("报告") || s.contains("情况"));
    if !plan_tail && !ENDINGS.iter().any(|e| core.ends_with(e)) {
        return false;
    }
    if core.ends_with("情况")
        && !(year_in(s).is_some() && (s.contains("法治") || s.contains("依法")))
    {
        return false;
    }
    SUBJECTS.iter().any(|k| s.contains(k))
}

fn year_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"(20[0-9][0-9])[ ]*年").unwrap())
}

/// The first `20XX年` of a string that is a year, not part of a full date.
fn year_in(s: &str) -> Option<i32> {
    for m in year_re().captures_iter(s) {
        let (Some(all), Some(y)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let after = s[all.end()..].trim_start();
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        if let Ok(v) = y.as_str().parse::<i32>() {
            return Some(v);
        }
    }
    None
}

/// Where the agency part of a title ends.
fn subject_start(t: &str) -> usize {
    let mut cut = t.len();
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| Regex::new(r"20[0-9][0-9]").unwrap());
    if let Some(m) = r.find(t) {
        cut = m.start();
    }
    for k in [
        "关于",
        "法治政府",
        "法治建设",
        "依法行政",
        "政府信息公开",
        "年度",
        "环境状况",
        "生态环境状况",
        "工作报告",
    ] {
        if let Some(i) = t.find(k) {
            cut = cut.min(i);
        }
    }
    cut
}

fn agency_like(s: &str) -> bool {
    let n = s.chars().count();
    (2..=40).contains(&n)
        && s.chars()
            .all(|c| is_han(c) || c == ' ' || c == '(' || c == ')')
        && (s.ends_with(ORG_END) || ends_with_place(s))
}

fn ends_with_place(s: &str) -> bool {
    gazetteer::find_all(s)
        .last()
        .is_some_and(|f| f.range.end == s.len())
}

/// The agency at the head of a title, if any.
fn title_agency(t: &str) -> Option<String> {
    let head = trim(&t[..subject_start(t)]);
    let head = trim(head.trim_end_matches(['的', '、', ':']));
    if agency_like(head) {
        return Some(head.to_string());
    }
    // `2021年威海市司法局法治政府建设年度报告`: the agency after a leading year
    if head.is_empty() {
        static R: OnceLock<Regex> = OnceLock::new();
        let r = R.get_or_init(|| Regex::new(r"^(?:关于)?20[0-9][0-9][ ]*年(?:度)?").unwrap());
        if let Some(m) = r.find(t) {
            let rest = &t[m.end()..];
            let a = trim(&rest[..subject_start(rest)]);
            let a = trim(a.trim_end_matches(['的', '、', ':']));
            if agency_like(a) && a.ends_with(ORG_END) {
                return Some(a.to_string());
            }
        }
    }
    None
}

/// The title and the agency written in it.
fn find_title(lines: &[Line]) -> (Option<String>, Option<String>) {
    let mut partial: Option<(String, Option<String>)> = None;
    // (distance to the page's fields, title, agency)
    let mut full: Option<(usize, String, String)> = None;
    for (i, l) in lines.iter().enumerate().take(600) {
        let t = title_part(l.text);
        if !title_like(t) {
            continue;
        }
        if let Some(a) = title_agency(t) {
            // a list of other reports may come first: prefer the one next to the page's fields
            let d = fields_distance(lines, i);
            if full.as_ref().is_none_or(|f| d < f.0) {
                full = Some((d, t.to_string(), a));
            }
            continue;
        }
        if partial.is_none() {
            // a title split over two lines: agency above, `2021年…报告` below
            let prev = if i > 0 { trim(lines[i - 1].text) } else { "" };
            if subject_start(t) == 0 && agency_like(prev) && !title_like(prev) {
                partial = Some((format!("{prev}{t}"), Some(prev.to_string())));
            } else {
                partial = Some((t.to_string(), None));
            }
        }
    }
    if let Some((_, t, a)) = full {
        return (Some(t), Some(a));
    }
    match partial {
        Some((t, a)) => (Some(t), a),
        None => (None, None),
    }
}

/// How many lines away from line `i` the page's fields (date, source) are: looking two lines up
/// and three down; `usize::MAX` when none is there.
fn fields_distance(lines: &[Line], i: usize) -> usize {
    const FIELDS: &[&str] = &[
        "时间",
        "日期",
        "来源",
        "发布机构",
        "浏览",
        "点击",
        "字体",
        "作者",
    ];
    let is_field = |k: usize| {
        let t = lines[k].text;
        t.chars().count() <= 120 && t.contains(':') && FIELDS.iter().any(|f| t.contains(f))
    };
    let below = (i + 1..(i + 4).min(lines.len()))
        .find(|&k| is_field(k))
        .map(|k| k - i);
    let above = (i.saturating_sub(2)..i)
        .rev()
        .find(|&k| is_field(k))
        .map(|k| i - k);
    match (below, above) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => usize::MAX,
    }
}

// ---------------------------------------------------------------- agency without title

const SOURCE_LABELS: &[&str] = &[
    "文章来源",
    "信息来源",
    "来源单位",
    "发布机构",
    "发布单位",
    "发文机关",
    "发文单位",
    "发布部门",
    "来源",
];
/// Field labels that may follow a value on the same line.
const FIELD_STOP: &[&str] = &[
    "访问量",
    "浏览",
    "点击",
    "发布",
    "更新",
    "时间",
    "日期",
    "作者",
    "字体",
    "阅读",
    "来源",
];

fn source_agency(lines: &[Line]) -> Option<String> {
    for l in lines.iter().take(300) {
        if l.text.len() > 600 {
            continue;
        }
        for lab in SOURCE_LABELS {
            let mut from = 0;
            while let Some(i) = l.text[from..].find(lab) {
                let at = from + i;
                from = at + lab.len();
                let rest = l.text[from..].trim_start();
                let Some(rest) = rest.strip_prefix(':') else {
                    continue;
                };
                let mut v = trim(rest);
                if let Some(j) = v.find(' ') {
                    v = &v[..j];
                }
                for s in FIELD_STOP {
                    if let Some(j) = v.find(s) {
                        v = &v[..j];
                    }
                }
                let v = trim(v);
                if agency_like(v) && !v.starts_with("本网") && !v.starts_with("本站") {
                    return Some(v.to_string());
                }
            }
        }
    }
    None
}

const FOOTER: &[&str] = &[
    "版权",
    "主办",
    "承办",
    "ICP",
    "备案",
    "网站标识",
    "技术支持",
    "联系",
    "地址",
    "电话",
    "邮编",
    "返回",
    "打印",
    "关闭",
    "分享",
    "扫一扫",
    "字体",
    "公网安",
    "Copyright",
    "copyright",
];

/// The signature: an agency line next to the closing date at the end of the report.
fn signature_agency(lines: &[Line]) -> Option<String> {
    let tail: Vec<&str> = lines
        .iter()
        .rev()
        .take(40)
        .map(|l| l.text)
        .filter(|t| !FOOTER.iter().any(|f| t.contains(f)))
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
fn cn_date(s: &str) -> bool {
    let n = s.chars().count();
    (8..=14).contains(&n)
        && s.ends_with('日')
        && s.contains('年')
        && s.contains('月')
        && s.chars()
            .all(|c| "〇零○O0一二三四五六七八九十年月日".contains(c))
}

/// Count, first position, last char of the place and department of one `<place><department>`.
type Combo = (usize, usize, char, String);

/// `<place><department>` phrases of the text; the one that matches how the report names itself.
fn infer_agency(norm: &str) -> Option<String> {
    const ENDS: &[&str] = &["人民政府", "委员会", "办公室", "局", "厅"];
    let found = gazetteer::find_all(norm);
    // (agency text) → (count, first position, last char of the place, department)
    let mut combos: HashMap<String, Combo> = HashMap::new();
    let mut chain_start = 0;
    let mut prev_end = usize::MAX;
    for f in &found {
        if f.range.start != prev_end {
            chain_start = f.range.start;
        }
        prev_end = f.range.end;
        if f.candidates.len() != 1 && chain_start == f.range.start {
            continue;
        }
        let rest = &norm[f.range.end..];
        let mut dept_end = None;
        for (n, (i, c)) in rest.char_indices().enumerate() {
            if n > 12 || !is_han(c) {
                break;
            }
            let upto = &rest[..i + c.len_utf8()];
            if ENDS.iter().any(|e| upto.ends_with(e)) {
                dept_end = Some(i + c.len_utf8());
                break;
            }
        }
        let Some(d) = dept_end else { continue };
        let dept = &rest[..d];
        if ["全市", "本市", "我市", "全县", "全区", "全省", "全州"]
            .iter()
            .any(|w| dept.contains(w))
        {
            continue;
        }
        let agency = norm[chain_start..f.range.end + d].to_string();
        let last = f.name.chars().last().unwrap_or(' ');
        let e = combos
            .entry(agency)
            .or_insert((0, f.range.start, last, dept.to_string()));
        e.0 += 1;
    }
    if combos.is_empty() {
        return infer_from_self_reference(norm, &found);
    }
    // how the report names itself without a place: `市生态环境局`
    let mut order: Vec<(&String, &Combo)> = combos.iter().collect();
    order.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    order.truncate(64);
    let mut bare_of: HashMap<String, usize> = HashMap::new();
    let mut best: Option<(usize, usize, String)> = None;
    for (agency, (count, first, last, dept)) in &order {
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
        if bare == 0 && *count < 2 {
            continue;
        }
        let score = count + 3 * bare;
        let better = match &best {
            None => true,
            Some((s, f, _)) => score > *s || (score == *s && first < f),
        };
        if better {
            best = Some((score, *first, (*agency).clone()));
        }
    }
    match best {
        Some(b) => Some(b.2),
        None => infer_from_self_reference(norm, &found),
    }
}

/// No `<place><department>` in the text: the department the report calls itself by
/// (`市城市管理局`, mostly as a sentence subject) joined to the most frequent place of that level
/// (`苏州市`, named at least twice).
fn infer_from_self_reference(norm: &str, found: &[gazetteer::Found]) -> Option<String> {
    let place_ends: std::collections::HashSet<usize> = found.iter().map(|f| f.range.end).collect();
    // (level char, department) → weight
    let mut depts: HashMap<(char, &str), (usize, usize)> = HashMap::new();
    let mut prev: Option<char> = None;
    for (p, c) in norm.char_indices() {
        let before = prev;
        prev = Some(c);
        if !matches!(c, '市' | '区' | '县') || place_ends.contains(&(p + c.len_utf8())) {
            continue;
        }
        let rest = &norm[p + c.len_utf8()..];
        let mut end = None;
        for (n, (i, d)) in rest.char_indices().enumerate() {
            if n > 10 || !is_han(d) {
                break;
            }
            if d == '局' && n >= 1 {
                end = Some(i + d.len_utf8());
                break;
            }
        }
        let Some(e) = end else { continue };
        let dept = &rest[..e];
        if ["全市", "本市", "我市", "全区", "全县", "省", "市区", "县区"]
            .iter()
            .any(|w| dept.contains(w))
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
    if weight < 3 {
        return None;
    }
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
    (count >= 2).then(|| format!("{place}{dept}"))
}

// ---------------------------------------------------------------- year

/// The year reported on, from the body: the first sentence-initial `20XX年`, else the most
/// frequent year-only mention.
fn body_year(norm: &str) -> Option<i32> {
    let mut counts: HashMap<i32, (usize, usize)> = HashMap::new();
    let mut line_start = 0;
    let mut scanned = 0;
    for m in year_re().captures_iter(norm) {
        let (Some(all), Some(y)) = (m.get(0), m.get(1)) else {
            continue;
        };
        if let Some(k) = norm[scanned..all.start()].rfind('\n') {
            line_start = scanned + k + 1;
        }
        scanned = all.start();
        let after = &norm[all.end()..];
        let after = after.strip_prefix('度').unwrap_or(after);
        if after.starts_with(|c: char| c.is_ascii_digit() || c == ' ') || after.starts_with("以来")
        {
            continue;
        }
        let before = &norm[line_start..all.start()];
        let prev = before.chars().next_back();
        if matches!(prev, Some('自' | '从' | '至' | '-' | '到' | '~')) {
            continue;
        }
        let Ok(v) = y.as_str().parse::<i32>() else {
            continue;
        };
        // sentence-initial: after a line start, 。, a heading marker
        let line_head = if before.len() <= 24 {
            trim(before)
        } else {
            "-"
        };
        let initial = matches!(prev, Some('。' | ';' | '!' | '?'))
            || line_head.is_empty()
            || crate::segment::heading_marker(&format!("{line_head}x"))
                .is_some_and(|(_, l)| l == line_head.len());
        if initial {
            return Some(v);
        }
        let e = counts.entry(v).or_insert((0, all.start()));
        e.0 += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(y, _)| y)
}

// ---------------------------------------------------------------- published

/// Date labels, best first.
const DATE_LABELS: &[(&str, u8)] = &[
    ("发布时间", 0),
    ("发布日期", 0),
    ("发稿时间", 0),
    ("公开日期", 0),
    ("公开时间", 0),
    ("更新时间", 1),
    ("更新日期", 1),
    ("时间", 2),
    ("日期", 2),
    ("发文日期", 3),
    ("成文日期", 3),
    ("印发日期", 3),
];

/// A date at the start of `s` (after spaces): `2022-01-10`, `2022年1月10日`, `2022/01/10`,
/// `2022.01.10` → (ISO date, bytes used).
fn parse_date(s: &str) -> Option<(String, usize)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"^[ ]*(20[0-9][0-9])[ ]*(?:-|/|\.|年)[ ]*([0-9]{1,2})[ ]*(?:-|/|\.|月)[ ]*([0-9]{1,2})(?:[ ]*日)?")
            .unwrap()
    });
    let c = r.captures(s)?;
    let y: u32 = c.get(1)?.as_str().parse().ok()?;
    let mo: u32 = c.get(2)?.as_str().parse().ok()?;
    let d: u32 = c.get(3)?.as_str().parse().ok()?;
    let end = c.get(0)?.end();
    if s[end..].starts_with(|c: char| c.is_ascii_digit())
        || !(1..=12).contains(&mo)
        || !(1..=31).contains(&d)
    {
        return None;
    }
    Some((format!("{y:04}-{mo:02}-{d:02}"), end))
}

fn published(norm: &str, lines: &[Line]) -> Option<String> {
    let mut best: Option<(u8, usize, String)> = None;
    for &(label, rank) in DATE_LABELS {
        let mut from = 0;
        while let Some(i) = norm[from..].find(label) {
            let at = from + i;
            from = at + label.len();
            let rest = &norm[from..];
            let colon = rest.trim_start().starts_with(':');
            let rest = rest.trim_start().strip_prefix(':').unwrap_or(rest);
            if label.chars().count() == 2 {
                // a bare 时间/日期 must be a field of its own: a colon, and no word before it
                if !colon || norm[..at].chars().next_back().is_some_and(is_han) {
                    continue;
                }
            }
            let Some((date, _)) = parse_date(rest) else {
                continue;
            };
            if best.as_ref().is_none_or(|b| (rank, at) < (b.0, b.1)) {
                best = Some((rank, at, date));
            }
        }
    }
    if let Some(b) = best {
        return Some(b.2);
    }
    // an unlabelled numeric date among the first lines of the page (not the 年月日 signature)
    for l in lines.iter().take(15) {
        let t = l.text;
        for (i, c) in t.char_indices() {
            if c == '2' && (i == 0 || !t[..i].ends_with(|p: char| p.is_ascii_digit())) {
                if let Some((d, end)) = parse_date(&t[i..]) {
                    if !t[i..i + end].contains('年') {
                        return Some(d);
                    }
                }
            }
        }
    }
    None
}
