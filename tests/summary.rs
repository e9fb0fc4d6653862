//! The summary: the data table of `tests/data/summary.toml` (synthetic reports) and the
//! numbers of the summaries of the seed reports of `../shared/corpus` against their facts and gold.

mod common;

use common::cases::{SummaryCase, SummaryTable};
use common::{fail_if_any, seed};
use zhibiao::model::Report;

fn synthetic_report(c: &SummaryCase) -> Report {
    let metrics: Vec<serde_json::Value> = c
        .facts
        .iter()
        .map(|f| {
            serde_json::json!({
                "id": f.id, "label": f.id, "value": f.value, "unit": f.unit,
                "primary": f.primary.unwrap_or(true), "raw": "", "approx": f.approx,
                "scope": null, "period": null, "change": null, "evidence": [],
            })
        })
        .collect();
    let v = serde_json::json!({
        "schema": 1, "source": c.name,
        "meta": { "agency": c.agency, "year": c.year, "genre": c.genre, "coverage": c.coverage },
        "metrics": metrics, "figures": [], "outline": [], "problems": [], "plans": [],
        "documents": [], "summary": { "zh": "", "en": "" },
    });
    serde_json::from_value(v).expect("a synthetic report")
}

/// Every digit run of the summary is the year, the part of the year covered, or inside a link whose text reads as its
/// (primary) fact's value; every link is inside its text.
fn summary_number_errors(r: &Report) -> Vec<String> {
    let mut errors = Vec::new();
    let year = r.meta.year.map(|y| y.to_string());
    for (lang, text) in [("zh", &r.summary.zh), ("en", &r.summary.en)] {
        let chars: Vec<char> = text.chars().collect();
        let links: Vec<&zhibiao::model::SummaryLink> =
            r.summary.links.iter().filter(|l| l.lang == lang).collect();
        for l in &links {
            if l.span[0] >= l.span[1] || l.span[1] > chars.len() {
                errors.push(format!("{lang}: link {:?} outside the text", l.span));
                continue;
            }
            let Some(f) = r.metrics.get(l.fact) else {
                errors.push(format!(
                    "{lang}: link to fact {} of {}",
                    l.fact,
                    r.metrics.len()
                ));
                continue;
            };
            if !f.primary {
                errors.push(format!("{lang}: link to a non-primary fact {}", f.id));
            }
            let s: String = chars[l.span[0]..l.span[1]].iter().collect();
            let digits: String = s
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                .filter(|c| *c != ',')
                .collect();
            let Ok(n) = digits.trim_end_matches('.').parse::<f64>() else {
                errors.push(format!("{lang}: link text {s:?} has no number"));
                continue;
            };
            let mult = if s.contains('亿') {
                1e8
            } else if s.contains('万') {
                1e4
            } else if s.contains("billion") {
                1e9
            } else if s.contains("million") {
                1e6
            } else {
                1.0
            };
            let v = n * mult;
            if (v - f.value).abs() > 0.005 * f.value.abs() + 1e-9 {
                errors.push(format!(
                    "{lang}: {s:?} reads {v}, but fact {} is {}",
                    f.id, f.value
                ));
            }
        }
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < chars.len()
                && (chars[j].is_ascii_digit()
                    || (matches!(chars[j], '.' | ',')
                        && chars.get(j + 1).is_some_and(|c| c.is_ascii_digit())))
            {
                j += 1;
            }
            let run: String = chars[i..j].iter().collect();
            let linked = links.iter().any(|l| l.span[0] <= i && j <= l.span[1]);
            // the part of the year covered (`截至7月底`) is stated as the meta says
            let in_coverage = r.meta.coverage.as_deref().is_some_and(|c| {
                let at: String = chars[i.saturating_sub(8)..(j + 8).min(chars.len())]
                    .iter()
                    .collect();
                c.contains(run.as_str()) && at.contains(c)
            });
            if !linked && !in_coverage && Some(&run) != year.as_ref() {
                errors.push(format!(
                    "{lang}: number {run:?} at {i} is neither a linked fact nor the year: {text}"
                ));
            }
            i = j;
        }
    }
    errors
}

#[test]
fn summary_cases() {
    let table: SummaryTable = common::load("summary.toml");
    let mut errors = Vec::new();
    for c in &table.case {
        let mut r = synthetic_report(c);
        r.summary = zhibiao::stages::summary::summarise(&r);
        let s = &r.summary;
        for p in &c.zh_has {
            if !s.zh.contains(p.as_str()) {
                errors.push(format!("{}: zh lacks {p:?}: {}", c.name, s.zh));
            }
        }
        for p in &c.en_has {
            if !s.en.contains(p.as_str()) {
                errors.push(format!("{}: en lacks {p:?}: {}", c.name, s.en));
            }
        }
        for p in &c.zh_not {
            if s.zh.contains(p.as_str()) {
                errors.push(format!("{}: zh has {p:?}: {}", c.name, s.zh));
            }
        }
        for p in &c.en_not {
            if s.en.contains(p.as_str()) {
                errors.push(format!("{}: en has {p:?}: {}", c.name, s.en));
            }
        }
        if let Some(z) = &c.zh_is {
            if &s.zh != z {
                errors.push(format!("{}: zh is {:?}", c.name, s.zh));
            }
        }
        if let Some(e) = &c.en_is {
            if &s.en != e {
                errors.push(format!("{}: en is {:?}", c.name, s.en));
            }
        }
        if s.links.len() != c.links {
            errors.push(format!(
                "{}: {} links expected, got {}",
                c.name,
                c.links,
                s.links.len()
            ));
        }
        errors.extend(
            summary_number_errors(&r)
                .into_iter()
                .map(|e| format!("{}: {e}", c.name)),
        );
    }
    fail_if_any("summary cases", errors);
}

#[test]
fn seeds_summary_numbers() {
    let mut errors = Vec::new();
    for e in std::fs::read_dir(common::shared_path("corpus"))
        .expect("../shared/corpus")
        .flatten()
    {
        let file = e.file_name().to_string_lossy().to_string();
        if !file.ends_with(".txt") {
            continue;
        }
        let (_, r) = seed(&file);
        if r.meta.agency.is_some() && r.summary.zh.is_empty() {
            errors.push(format!("{file}: no summary"));
        }
        // one link per language for every primary fact the summary tells
        let zh_links = r.summary.links.iter().filter(|l| l.lang == "zh").count();
        let en_links = r.summary.links.iter().filter(|l| l.lang == "en").count();
        if zh_links != en_links {
            errors.push(format!(
                "{file}: {zh_links} zh links but {en_links} en links"
            ));
        }
        errors.extend(
            summary_number_errors(&r)
                .into_iter()
                .map(|e| format!("{file}: {e}")),
        );
    }
    fail_if_any("seed summary numbers", errors);
}

/// The gold annotations of ../shared/gold as reports: their summaries tell several facts and
/// every number is a linked fact value or the year (meaningful before classification is done).
#[test]
fn gold_summary_numbers() {
    let dir = common::shared_path("gold");
    let mut errors = Vec::new();
    let mut n = 0;
    for e in std::fs::read_dir(&dir).expect("../shared/gold").flatten() {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let g: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&p).expect("gold file"))
                .expect("gold json");
        let metrics: Vec<serde_json::Value> = g["metrics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(|m| {
                serde_json::json!({
                    "id": m["id"], "label": m["id"], "value": m["value"], "unit": m["unit"],
                    "primary": m["primary"], "raw": "", "approx": m["approx"], "scope": null,
                    "period": null, "change": null, "evidence": [],
                })
            })
            .collect();
        let v = serde_json::json!({
            "schema": 1, "source": g["source"], "meta": g["meta"], "metrics": metrics, "figures": [],
            "outline": [], "problems": [], "plans": [], "documents": [], "summary": { "zh": "", "en": "" },
        });
        let mut r: Report = serde_json::from_value(v).expect("a gold report");
        r.summary = zhibiao::stages::summary::summarise(&r);
        println!("{}\n  {}\n  {}", r.source, r.summary.zh, r.summary.en);
        n += 1;
        let zh_links = r.summary.links.iter().filter(|l| l.lang == "zh").count();
        if zh_links < 5 {
            errors.push(format!(
                "{}: only {zh_links} facts told: {}",
                r.source, r.summary.zh
            ));
        }
        errors.extend(
            summary_number_errors(&r)
                .into_iter()
                .map(|e| format!("{}: {e}", r.source)),
        );
    }
    assert_eq!(n, 5, "five gold files");
    fail_if_any("gold summary numbers", errors);
}
