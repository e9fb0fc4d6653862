//! Consistency flags and series on crafted paragraphs, driven by `tests/data/flags.toml`; and the
//! review CSV.

mod common;

use common::cases::FlagsTable as File;
use std::path::PathBuf;
use zhibiao::model::Report;

fn load() -> File {
    common::load("flags.toml")
}

fn kinds(r: &Report) -> Vec<String> {
    let mut k: Vec<String> = r.review.flags.iter().map(|f| f.kind.clone()).collect();
    k.sort();
    k
}

#[test]
fn crafted_flags() {
    let f = load();
    let mut fails = Vec::new();
    for c in &f.case {
        let mut r = zhibiao::extract(&c.text, &c.name);
        if let Some(d) = &c.derived {
            let defs = zhibiao::review::derived::user_defs(d).expect("derived definitions");
            zhibiao::review::add_derived(&mut r, &defs);
        }
        let got = kinds(&r);
        if got != c.flags {
            let msgs: Vec<&str> = r.review.flags.iter().map(|f| f.zh.as_str()).collect();
            fails.push(format!(
                "[{}] got {got:?} {msgs:?}, expected {:?}",
                c.name, c.flags
            ));
            continue;
        }
        for m in &c.metrics {
            if !r.review.flags.iter().any(|f| f.metrics.contains(m)) {
                fails.push(format!("[{}] no flag names {m}", c.name));
            }
        }
        let n = c.text.chars().count();
        for fl in &r.review.flags {
            if fl.zh.is_empty() || fl.en.is_empty() || fl.zh.contains('{') || fl.en.contains('{') {
                fails.push(format!(
                    "[{}] message not filled: {:?} / {:?}",
                    c.name, fl.zh, fl.en
                ));
            }
            if fl.evidence.iter().any(|e| e[0] >= e[1] || e[1] > n) {
                fails.push(format!("[{}] bad evidence {:?}", c.name, fl.evidence));
            }
        }
    }
    println!(
        "crafted flags: {}/{} pass",
        f.case.len() - fails.len().min(f.case.len()),
        f.case.len()
    );
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

#[test]
fn series_and_cross_year() {
    let f = load();
    let mut fails = Vec::new();
    for c in &f.series {
        let mut reports: Vec<Report> = c
            .texts
            .iter()
            .zip(&c.sources)
            .map(|(t, s)| zhibiao::extract(t, s))
            .collect();
        zhibiao::review::series::across(&mut reports);
        for (i, r) in reports.iter().enumerate() {
            let mut want = c.flags[i].clone();
            want.sort();
            if kinds(r) != want {
                fails.push(format!(
                    "[{}] report {i}: got {:?}, expected {want:?}",
                    c.name,
                    kinds(r)
                ));
            }
            let ids: Vec<&str> = r.review.series.iter().map(|s| s.metric.as_str()).collect();
            for m in &c.series {
                match r.review.series.iter().find(|s| &s.metric == m) {
                    Some(s) if s.points.windows(2).all(|w| w[0].year < w[1].year) => {}
                    _ => fails.push(format!(
                        "[{}] report {i}: no ordered series for {m} ({ids:?})",
                        c.name
                    )),
                }
            }
            if c.series.is_empty() && !ids.is_empty() {
                fails.push(format!(
                    "[{}] report {i}: unexpected series {ids:?}",
                    c.name
                ));
            }
        }
    }
    println!(
        "series cases: {}/{} pass",
        f.series.len() - fails.len().min(f.series.len()),
        f.series.len()
    );
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

#[test]
fn review_csv_one_row_per_report() {
    let f = load();
    let reports: Vec<Report> = f
        .case
        .iter()
        .take(3)
        .map(|c| zhibiao::extract(&c.text, &c.name))
        .collect();
    let csv = zhibiao::review::table::review_csv(&reports);
    assert!(csv.starts_with('\u{FEFF}'));
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(lines[0].contains("parts") && lines[0].contains("flag_kinds"));
    assert!(
        lines[1].contains("/4") && lines[1].contains("parts_exceed_total"),
        "{}",
        lines[1]
    );
}

#[test]
fn cli_review_csv_and_user_derived() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("zhibiao-review-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    std::fs::write(
        &a,
        "某市生态环境局2022年法治政府建设年度报告\n全年办理行政处罚案件120件,罚款金额60万元。",
    )
    .unwrap();
    std::fs::write(&b, "某市生态环境局2023年法治政府建设年度报告\n全年办理行政处罚案件150件,较去年的130件增长15.4%。").unwrap();
    let cat = dir.join("cat.toml");
    let base = std::fs::read_to_string(root.join("data/catalog.toml")).unwrap();
    std::fs::write(&cat, format!("{base}\n[[derived]]\nid = \"fine_per_case_wan\"\nformula = \"fines / penalty_cases / 10000\"\nunit = \"万元/件\"\n")).unwrap();
    let s = |p: &PathBuf| p.to_string_lossy().into_owned();
    let run = |args: Vec<String>| {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = zhibiao::cli::run_with(&args, &mut out, &mut err);
        (
            code,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    };
    let (code, csv, err) = run(vec!["review".into(), "--csv".into(), s(&a), s(&b)]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(rows.len(), 3, "{csv}");
    assert!(rows[2].contains("cross_year_mismatch"), "{csv}");
    let (code, json, err) = run(vec![
        "extract".into(),
        "--json".into(),
        "--catalog".into(),
        s(&cat),
        s(&a),
        s(&b),
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let arr = v.as_array().expect("still a JSON array of reports");
    let d = &arr[0]["review"]["derived"];
    assert!(
        d.as_array()
            .unwrap()
            .iter()
            .any(|x| x["id"] == "fine_per_case_wan" && x["value"] == 0.5),
        "{d}"
    );
    assert_eq!(arr[1]["review"]["series"][0]["metric"], "penalty_cases");
    std::fs::remove_dir_all(&dir).ok();
}
