//! Meta and gazetteer tests, driven by `tests/data/meta.toml` and `tests/data/gazetteer.toml`,
//! plus the five seed reports of `../shared/corpus` against `../shared/gold` (a missing
//! `../shared` is a failure). Failing cases are printed by name.

mod common;

use common::cases::{CodeCase, GazetteerTable, LookupCase, MetaCase, MetaTable};
use common::Verdict;
use zhibiao::model::Meta;
use zhibiao::stages::gazetteer;

fn diff(name: &str, got: &Meta, c: &MetaCase) -> Vec<String> {
    let mut out = Vec::new();
    let mut cmp = |field: &str, g: &Option<String>, e: &Option<String>| {
        if g != e {
            out.push(format!("[{name}] {field}: got {g:?}, expected {e:?}"));
        }
    };
    cmp("agency", &got.agency, &c.agency);
    cmp("region", &got.region, &c.region);
    cmp("province", &got.province, &c.province);
    cmp("level", &got.level, &c.level);
    cmp("published", &got.published, &c.published);
    cmp("title", &got.title, &c.title);
    if got.year != c.year {
        out.push(format!(
            "[{name}] year: got {:?}, expected {:?}",
            got.year, c.year
        ));
    }
    out
}

#[test]
fn meta_table() {
    let file: MetaTable = common::load("meta.toml");
    assert!(file.case.len() >= 25, "only {} cases", file.case.len());
    let mut verdict = Verdict::new("meta.toml");
    for c in &file.case {
        let doc = zhibiao::stages::Doc::new(&c.text);
        let got = zhibiao::stages::meta::meta(&doc);
        verdict.record(&c.name, c.known_failure, &diff(&c.name, &got, c));
    }
    verdict.finish();
}

/// What is wrong with the gazetteer's answer for one `lookup` case.
fn lookup_errors(c: &LookupCase) -> Vec<String> {
    let mut fails = Vec::new();
    let got = gazetteer::lookup(&c.name);
    let all = gazetteer::lookup_all(&c.name);
    if c.unknown {
        if !all.is_empty() {
            fails.push(format!("lookup {}: expected unknown, got {all:?}", c.name));
        }
    } else if c.ambiguous {
        if got.is_some() || c.count.is_some_and(|n| n != all.len()) || all.len() < 2 {
            fails.push(format!(
                "lookup {}: expected ambiguous ({:?}), got {got:?} / {}",
                c.name,
                c.count,
                all.len()
            ));
        }
    } else {
        match got {
            None => fails.push(format!("lookup {}: not found", c.name)),
            Some(p) => {
                if Some(&p.province) != c.province.as_ref()
                    || Some(p.level) != c.level.as_deref()
                    || p.parent != c.parent
                {
                    fails.push(format!(
                        "lookup {}: got {} {} {:?}, expected {:?} {:?} {:?}",
                        c.name, p.province, p.level, p.parent, c.province, c.level, c.parent
                    ));
                }
            }
        }
    }
    fails
}

/// What is wrong with the gazetteer's answer for one `code` case.
fn code_errors(c: &CodeCase) -> Vec<String> {
    let mut fails = Vec::new();
    let got = gazetteer::lookup(&c.place).map(|p| p.code);
    if got.as_deref() != Some(c.code.as_str()) {
        fails.push(format!(
            "[{}] code of {}: got {got:?}, expected {}",
            c.name, c.place, c.code
        ));
    }
    let padded = format!("{:0<6}", c.code);
    for code in [c.code.as_str(), padded.as_str()] {
        let back = gazetteer::by_code(code).map(|p| p.name);
        if back.as_deref() != Some(c.place.as_str()) {
            fails.push(format!(
                "[{}] by_code {code}: got {back:?}, expected {}",
                c.name, c.place
            ));
        }
    }
    fails
}

#[test]
fn gazetteer_table() {
    let file: GazetteerTable = common::load("gazetteer.toml");
    let total = file.lookup.len()
        + file.resolve.len()
        + file.short.len()
        + file.parent.len()
        + file.within.len();
    assert!(total >= 40, "only {total} cases");
    let mut v = Verdict::new("gazetteer.toml");
    for c in &file.lookup {
        v.record(&format!("lookup {}", c.name), false, &lookup_errors(c));
    }
    for c in &file.resolve {
        let mut fails = Vec::new();
        let r = gazetteer::resolve(&c.text);
        let got = (r.name.clone(), r.province(), r.level().map(str::to_string));
        let exp = (c.region.clone(), c.province.clone(), c.level.clone());
        if got != exp {
            fails.push(format!("resolve {}: got {got:?}, expected {exp:?}", c.text));
        }
        v.record(&format!("resolve {}", c.name), false, &fails);
    }
    for c in &file.short {
        let mut fails = Vec::new();
        let got = gazetteer::lookup_short(&c.name).map(|p| p.name);
        if got != c.full {
            fails.push(format!(
                "short {}: got {got:?}, expected {:?}",
                c.name, c.full
            ));
        }
        v.record(&format!("short {}", c.name), false, &fails);
    }
    for c in &file.parent {
        let mut fails = Vec::new();
        let got = gazetteer::parent(&c.name).map(|p| p.name);
        if got != c.parent {
            fails.push(format!(
                "parent {}: got {got:?}, expected {:?}",
                c.name, c.parent
            ));
        }
        v.record(&format!("parent {}", c.name), false, &fails);
    }
    for c in &file.within {
        let mut fails = Vec::new();
        let got = gazetteer::lookup_within(&c.name, &c.within).len();
        if got != c.count {
            fails.push(format!(
                "within {} in {}: got {got}, expected {}",
                c.name, c.within, c.count
            ));
        }
        v.record(&format!("within {} in {}", c.name, c.within), false, &fails);
    }
    for c in &file.code {
        v.record(&format!("code {}", c.name), false, &code_errors(c));
    }
    assert!(file.code.len() >= 10, "only {} code cases", file.code.len());
    v.finish();
}

#[test]
fn gazetteer_counts() {
    // every province-level unit and every prefecture-level unit is in the data
    let provinces = [
        "北京市",
        "天津市",
        "上海市",
        "重庆市",
        "河北省",
        "山西省",
        "辽宁省",
        "吉林省",
        "黑龙江省",
        "江苏省",
        "浙江省",
        "安徽省",
        "福建省",
        "江西省",
        "山东省",
        "河南省",
        "湖北省",
        "湖南省",
        "广东省",
        "海南省",
        "四川省",
        "贵州省",
        "云南省",
        "陕西省",
        "甘肃省",
        "青海省",
        "台湾省",
        "内蒙古自治区",
        "广西壮族自治区",
        "西藏自治区",
        "宁夏回族自治区",
        "新疆维吾尔自治区",
        "香港特别行政区",
        "澳门特别行政区",
    ];
    for p in provinces {
        let got = gazetteer::lookup(p).unwrap_or_else(|| panic!("{p} missing"));
        assert_eq!(got.level, gazetteer::PROVINCIAL, "{p}");
        assert_eq!(got.province, p);
    }
    assert_eq!(gazetteer::count(gazetteer::PROVINCIAL), 34);
    assert_eq!(gazetteer::count(gazetteer::PREFECTURAL), 333);
    // the complete list (china-division 2.7.0, development zones and the four cities without
    // counties listed again as their own area left out): 2850 county-level units
    assert!(gazetteer::count(gazetteer::COUNTY) >= 2800);
}

const FIELDS: [&str; 7] = [
    "agency",
    "region",
    "province",
    "level",
    "year",
    "published",
    "title",
];

fn field(m: &Meta, f: &str) -> serde_json::Value {
    serde_json::to_value(m).unwrap()[f].clone()
}

#[test]
fn seeds_match_gold() {
    let gold = common::shared_path("gold");
    let files = common::shared_texts("corpus");
    let mut per_field = [(0usize, 0usize); 7];
    let mut fails = Vec::new();
    for f in &files {
        let stem = f.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(f).unwrap();
        let g: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(gold.join(format!("{stem}.json"))).unwrap(),
        )
        .unwrap();
        let doc = zhibiao::stages::Doc::new(&text);
        let m = zhibiao::stages::meta::meta(&doc);
        for (k, name) in FIELDS.iter().enumerate() {
            let exp = &g["meta"][name];
            if exp.is_null() {
                continue;
            }
            per_field[k].1 += 1;
            let got = field(&m, name);
            if &got == exp {
                per_field[k].0 += 1;
            } else {
                fails.push(format!("{stem} {name}: got {got}, expected {exp}"));
            }
        }
    }
    for (k, name) in FIELDS.iter().enumerate() {
        println!("seed meta {name:9} {}/{}", per_field[k].0, per_field[k].1);
    }
    assert!(fails.is_empty(), "\n{}", fails.join("\n"));
}

#[test]
fn never_panics_on_cut_seeds() {
    for (_, text) in common::seeds() {
        let chars: Vec<char> = text.chars().collect();
        // every cut point on a coarse grid, from the front and from the back
        let step = (chars.len() / 60).max(1);
        for k in (0..chars.len()).step_by(step) {
            let head: String = chars[..k].iter().collect();
            let tail: String = chars[k..].iter().collect();
            let _ = zhibiao::stages::meta::meta(&zhibiao::stages::Doc::new(&head));
            let _ = zhibiao::stages::meta::meta(&zhibiao::stages::Doc::new(&tail));
        }
    }
    for s in [
        "",
        "\n",
        "2",
        "2021年",
        "时间:",
        "来源:",
        "报告",
        "朝阳区",
        "年度报告\n",
        "时间:2022-13-45",
        "\u{feff}",
    ] {
        let _ = zhibiao::stages::meta::meta(&zhibiao::stages::Doc::new(s));
    }
}

#[test]
fn linear_time_on_hostile_input() {
    // long single lines full of the patterns the stage looks for
    let pieces = [
        "报告-",
        "报告(-",
        "2020年来源:时间:",
        "朝阳区生态环境局",
        "市生态环境局",
        "发布时间:2022-01-0",
        "2021年度法治报告",
    ];
    for p in pieces {
        let text = p.repeat(20_000);
        let t = std::time::Instant::now();
        let _ = zhibiao::stages::meta::meta(&zhibiao::stages::Doc::new(&text));
        let secs = t.elapsed().as_secs_f64();
        assert!(secs < 5.0, "{p}: {secs:.2}s on {} bytes", text.len());
    }
    let lines = "威海市生态环境局2021年法治政府建设情况的工作报告\n".repeat(20_000);
    let t = std::time::Instant::now();
    let _ = zhibiao::stages::meta::meta(&zhibiao::stages::Doc::new(&lines));
    assert!(t.elapsed().as_secs_f64() < 5.0);
}
