//! Consistency flags and series on crafted paragraphs, driven by `tests/data/flags.toml`; and the
//! review CSV.

use serde::Deserialize;
use std::path::PathBuf;
use zhibiao::model::Report;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
    series: Vec<SeriesCase>,
}

/// One paragraph and the flag kinds it must raise, exactly.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    flags: Vec<String>,
    #[serde(default)]
    metrics: Vec<String>,
    #[serde(default)]
    derived: Option<String>,
}

/// Several reports given together and the flag kinds each must carry.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeriesCase {
    name: String,
    sources: Vec<String>,
    texts: Vec<String>,
    flags: Vec<Vec<String>>,
    series: Vec<String>,
}

fn load() -> File {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/flags.toml");
    toml::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
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
