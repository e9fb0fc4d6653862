//! Summary: a short narrative (zh and en) from the primary facts and meta, numbers linked to facts.
//!
//! One sentence on who reports on which year, then up to five sentences, one per group of
//! metrics (enforcement; disputes and complaints; rules, decisions and permits; legal education;
//! environment and inspection follow-up), each naming at most six primary facts in catalog
//! order. Every quantity written is a fact's value (formatted for people: `1021.21万元`,
//! `CNY 10.21 million`, `300余份`, `over 300`) and gets a [`SummaryLink`]; the only other number
//! is the report's year. A report without facts gets the first sentence alone (or nothing when
//! the meta is empty too).

use crate::model::{Approx, Fact, Report, Summary, SummaryLink};

/// One metric's phrase: `{}` is where the quantity goes.
struct Phrase {
    id: &'static str,
    zh: &'static str,
    en: &'static str,
}

const fn p(id: &'static str, zh: &'static str, en: &'static str) -> Phrase {
    Phrase { id, zh, en }
}

/// The groups of the narrative: (zh lead, en lead, phrases in order).
const GROUPS: [(&str, &str, &[Phrase]); 5] = [
    (
        "执法方面",
        "Enforcement",
        &[
            p("inspections", "检查企业{}", "{} enterprise inspections"),
            p(
                "random_inspections",
                "双随机抽查{}",
                "{} random spot checks",
            ),
            p(
                "officers_deployed",
                "出动执法人员{}",
                "{} officer deployments",
            ),
            p("penalty_cases", "办理行政处罚案件{}", "{} penalty cases"),
            p("fines", "罚款{}", "fines of {}"),
            p("fines_collected", "罚没款结案或到账{}", "{} collected"),
            p(
                "no_penalty_cases",
                "不予处罚或免于处罚{}",
                "{} cases exempted from penalty",
            ),
            p(
                "reduced_penalty_cases",
                "减轻处罚{}",
                "{} reduced penalties",
            ),
            p(
                "lenient_penalty_cases",
                "从轻处罚{}",
                "{} lighter penalties",
            ),
            p("seizure_cases", "查封扣押{}", "{} seizures"),
            p(
                "detention_referrals",
                "移送行政拘留{}",
                "{} referrals for detention",
            ),
            p(
                "criminal_referrals",
                "移送涉嫌犯罪案件{}",
                "{} referrals of suspected crimes",
            ),
            p(
                "supporting_measure_cases",
                "配套措施案件{}",
                "{} cases with supporting measures",
            ),
            p("rectification_orders", "责令改正{}", "{} orders to correct"),
            p("penalty_hearings", "组织处罚听证{}", "{} penalty hearings"),
            p(
                "certified_officers",
                "持证执法人员{}",
                "{} certified officers",
            ),
        ],
    ),
    (
        "复议诉讼与信访方面",
        "Disputes and complaints",
        &[
            p(
                "reconsideration_cases",
                "行政复议案件{}",
                "{} reconsideration cases",
            ),
            p("litigation_cases", "行政诉讼案件{}", "{} lawsuits"),
            p("litigation_lost", "败诉或被纠错{}", "{} lost or overturned"),
            p(
                "court_appearances",
                "负责人出庭应诉{}",
                "{} court appearances by the head",
            ),
            p(
                "court_appearance_rate",
                "出庭应诉率{}",
                "a court appearance rate of {}",
            ),
            p("complaints", "受理信访投诉{}", "{} complaints"),
            p(
                "complaint_handling_rate",
                "信访办结率{}",
                "a complaint handling rate of {}",
            ),
            p(
                "whistleblower_rewards",
                "发放举报奖励{}",
                "whistleblower rewards of {}",
            ),
        ],
    ),
    (
        "制度建设与审批方面",
        "Rules, decisions and permits",
        &[
            p(
                "normative_documents",
                "制定规范性文件{}",
                "{} normative documents",
            ),
            p(
                "documents_cleaned",
                "清理规范性文件{}",
                "{} documents cleaned up",
            ),
            p("major_decisions", "重大行政决策{}", "{} major decisions"),
            p("contracts_reviewed", "审查合同{}", "{} contracts reviewed"),
            p("legal_opinions", "出具法律审查意见{}", "{} legal opinions"),
            p(
                "major_case_reviews",
                "重大执法决定法制审核{}",
                "{} legal reviews of major cases",
            ),
            p(
                "legislative_input",
                "参与立法调研或征求意见{}",
                "{} contributions to legislation",
            ),
            p(
                "procuratorial_suggestions",
                "回复检察建议{}",
                "{} procuratorial suggestions answered",
            ),
            p("eia_approvals", "审批环评{}", "{} EIA approvals"),
            p("permits_processed", "办理行政许可{}", "{} permits"),
            p(
                "commitment_approvals",
                "告知承诺制办理{}",
                "{} notify-and-commit approvals",
            ),
        ],
    ),
    (
        "普法方面",
        "Legal education",
        &[
            p("study_sessions", "集中学法{}", "{} law-study sessions"),
            p("trainings", "法律培训{}", "{} trainings"),
            p(
                "publicity_events",
                "开展普法宣传活动{}",
                "{} publicity events",
            ),
            p(
                "materials_distributed",
                "发放宣传资料{}",
                "{} publicity materials",
            ),
            p(
                "cases_published",
                "公开典型案例{}",
                "{} typical cases published",
            ),
        ],
    ),
    (
        "生态环境方面",
        "Environment and follow-up",
        &[
            p("air_good_rate", "空气质量优良率{}", "good-air days at {}"),
            p(
                "pm25",
                "细颗粒物平均浓度{}",
                "fine particulate matter at {}",
            ),
            p(
                "water_quality_rate",
                "水质达标率{}",
                "water-quality compliance of {}",
            ),
            p(
                "damage_cases",
                "生态环境损害赔偿案件{}",
                "{} eco-damage compensation cases",
            ),
            p("damage_compensation", "赔偿金额{}", "compensation of {}"),
            p(
                "inspection_petitions",
                "督察交办信访件{}",
                "{} petitions from inspections",
            ),
            p(
                "inspection_petitions_resolved",
                "已整改信访件{}",
                "{} of those petitions resolved",
            ),
            p(
                "inspection_issues",
                "督察反馈问题{}",
                "{} inspection issues",
            ),
            p(
                "inspection_issues_resolved",
                "已整改问题{}",
                "{} of those issues fixed",
            ),
        ],
    ),
];

/// Most facts named in one sentence.
const PER_SENTENCE: usize = 6;

/// English glosses of common agency names (the name itself stays in Chinese).
const GLOSSES: [(&str, &str); 12] = [
    ("生态环境局", "ecology and environment bureau"),
    ("生态环境厅", "department of ecology and environment"),
    ("生态环境分局", "ecology and environment sub-bureau"),
    ("市场监督管理局", "market regulation bureau"),
    ("交通运输局", "transport bureau"),
    ("应急管理局", "emergency management bureau"),
    ("城市管理局", "urban management bureau"),
    ("综合行政执法局", "comprehensive law enforcement bureau"),
    ("自然资源局", "natural resources bureau"),
    ("司法局", "justice bureau"),
    ("水利局", "water resources bureau"),
    ("人民政府", "people's government"),
];

/// `v` with at most `dec` decimals, trailing zeros dropped.
fn trim_num(v: f64, dec: usize) -> String {
    let s = format!("{:.*}", dec, v);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Thousands separators for the integer part of a plain number string.
fn group3(s: &str) -> String {
    let (int, frac) = match s.find('.') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}{frac}")
}

fn plain(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        trim_num(v, 2)
    }
}

/// The quantity of a fact as written in Chinese: `146件`, `300余份`, `近200件`, `1021.21万元`, `100%`.
pub fn zh_quantity(f: &Fact) -> String {
    let (num, unit) = match f.unit.as_str() {
        "元" if f.value.abs() >= 1e8 => (trim_num(f.value / 1e8, 2), "亿元".to_string()),
        "元" if f.value.abs() >= 1e4 => (trim_num(f.value / 1e4, 2), "万元".to_string()),
        "µg/m³" => (plain(f.value), "微克/立方米".to_string()),
        u => (plain(f.value), u.to_string()),
    };
    match f.approx {
        Some(Approx::MoreThan) if unit == "%" => format!("{num}%以上"),
        Some(Approx::MoreThan) => format!("{num}余{unit}"),
        Some(Approx::Nearly) => format!("近{num}{unit}"),
        None => format!("{num}{unit}"),
    }
}

/// The quantity of a fact as written in English: `146`, `over 300`, `CNY 10.21 million`, `100%`.
pub fn en_quantity(f: &Fact) -> String {
    let v = f.value;
    let q = match f.unit.as_str() {
        "元" if v.abs() >= 1e9 => format!("CNY {} billion", trim_num(v / 1e9, 2)),
        "元" if v.abs() >= 1e6 => format!("CNY {} million", trim_num(v / 1e6, 2)),
        "元" => format!("CNY {}", group3(&plain(v))),
        "%" => format!("{}%", plain(v)),
        "µg/m³" => format!("{} µg/m³", plain(v)),
        _ => group3(&plain(v)),
    };
    match f.approx {
        Some(Approx::MoreThan) => format!("over {q}"),
        Some(Approx::Nearly) => format!("nearly {q}"),
        None => q,
    }
}

/// A narrative under construction: the text and its links.
struct Writer {
    lang: &'static str,
    text: String,
    chars: usize,
    links: Vec<SummaryLink>,
}

impl Writer {
    fn new(lang: &'static str) -> Self {
        Writer {
            lang,
            text: String::new(),
            chars: 0,
            links: Vec::new(),
        }
    }
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.chars += s.chars().count();
    }
    fn push_linked(&mut self, s: &str, fact: usize) {
        let start = self.chars;
        self.push(s);
        self.links.push(SummaryLink {
            lang: self.lang.to_string(),
            span: [start, self.chars],
            fact,
        });
    }
    /// Write `template` with `{}` replaced by the linked quantity `q`.
    fn phrase(&mut self, template: &str, q: &str, fact: usize) {
        match template.split_once("{}") {
            Some((a, b)) => {
                self.push(a);
                self.push_linked(q, fact);
                self.push(b);
            }
            None => self.push(template),
        }
    }
}

/// The template for a count of one: the first plural word after `{}` made singular
/// (`{} penalty cases` → `{} penalty case`, `{} reduced penalties` → `{} reduced penalty`).
fn singular(template: &str) -> String {
    let Some((a, b)) = template.split_once("{}") else {
        return template.to_string();
    };
    if b.contains(" of those") {
        return template.to_string();
    }
    let mut out = String::from(b);
    let mut pos = 0;
    for w in b.split(' ') {
        let end = pos + w.len();
        if w.len() > 3 && w.ends_with("ies") {
            out = format!("{}y{}", &b[..end - 3], &b[end..]);
            break;
        }
        if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
            out = format!("{}{}", &b[..end - 1], &b[end..]);
            break;
        }
        pos = end + 1;
    }
    format!("{a}{{}}{out}")
}

fn gloss(agency: &str) -> Option<&'static str> {
    GLOSSES
        .iter()
        .find(|(zh, _)| agency.ends_with(zh))
        .map(|(_, en)| *en)
}

/// Write the narrative of a report whose metrics and meta are filled.
pub fn summarise(report: &Report) -> Summary {
    let mut zh = Writer::new("zh");
    let mut en = Writer::new("en");
    let agency = report
        .meta
        .agency
        .as_deref()
        .filter(|a| !a.trim().is_empty());
    let year = report.meta.year;
    // what the page reports on (its genre, `data/genres.toml`), and a part of the year
    let genre = report.meta.genre.as_deref().and_then(crate::meta::genre::genre);
    let (what_zh, what_en) = genre.map_or(("工作情况", "work"), |g| (g.what_zh.as_str(), g.what_en.as_str()));
    let part = report.meta.coverage.as_deref().filter(|c| *c != "全年");
    let part_zh = part.map(|p| format!("({p})")).unwrap_or_default();
    let part_en = part.map(|p| format!(" (part of the year: {p})")).unwrap_or_default();
    match (agency, year) {
        (Some(a), Some(y)) => {
            zh.push(&format!("{a}报告了{y}年{part_zh}{what_zh}。"));
            let g = gloss(a).map(|g| format!(" ({g})")).unwrap_or_default();
            en.push(&format!("{a}{g} reports on its {y} {what_en}{part_en}."));
        }
        (Some(a), None) => {
            zh.push(&format!("{a}报告了{what_zh}。"));
            let g = gloss(a).map(|g| format!(" ({g})")).unwrap_or_default();
            en.push(&format!("{a}{g} reports on its {what_en}."));
        }
        (None, Some(y)) => {
            zh.push(&format!("本报告介绍了{y}年{part_zh}{what_zh}。"));
            en.push(&format!("The report covers {y} {what_en}{part_en}."));
        }
        (None, None) => {}
    }
    let primary = |id: &str| {
        report
            .metrics
            .iter()
            .position(|f| f.primary && f.id == id && f.value.is_finite())
    };
    for (zh_lead, en_lead, phrases) in GROUPS.iter() {
        let picked: Vec<(&Phrase, usize)> = phrases
            .iter()
            .filter_map(|ph| primary(ph.id).map(|i| (ph, i)))
            .take(PER_SENTENCE)
            .collect();
        if picked.is_empty() {
            continue;
        }
        if !zh.text.is_empty() {
            en.push(" ");
        }
        zh.push(zh_lead);
        en.push(en_lead);
        en.push(": ");
        for (n, (ph, i)) in picked.iter().enumerate() {
            let f = &report.metrics[*i];
            zh.push("，");
            if n > 0 {
                en.push(if n + 1 == picked.len() { " and " } else { ", " });
            }
            if f.id == "litigation_lost" && f.value == 0.0 {
                zh.push("均无败诉或被纠错");
                en.push("none lost or overturned");
                continue;
            }
            zh.phrase(ph.zh, &zh_quantity(f), *i);
            let en_t = if f.value == 1.0 && f.approx.is_none() {
                singular(ph.en)
            } else {
                ph.en.to_string()
            };
            en.phrase(&en_t, &en_quantity(f), *i);
        }
        zh.push("。");
        en.push(".");
    }
    let mut links = zh.links;
    links.extend(en.links);
    Summary {
        zh: zh.text,
        en: en.text,
        links,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn grouping() {
        assert_eq!(group3("1234567"), "1,234,567");
        assert_eq!(group3("533"), "533");
        assert_eq!(trim_num(1021.2056, 2), "1021.21");
        assert_eq!(trim_num(4.5, 2), "4.5");
        assert_eq!(singular("{} penalty cases"), "{} penalty case");
        assert_eq!(singular("{} reduced penalties"), "{} reduced penalty");
        assert_eq!(
            singular("{} of those issues fixed"),
            "{} of those issues fixed"
        );
        assert_eq!(singular("fines of {}"), "fines of {}");
    }
}
