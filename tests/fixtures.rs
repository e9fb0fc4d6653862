//! The input fixtures as a table (`tests/data/fixtures.toml`): every fixture made from the
//! synthetic sample report must give the sample's metrics and title, through the core and the CLI, and the
//! page must read it as the core does (`common::page_reads`).

mod common;

use common::cases::{FixtureCase as Case, FixturesTable as Table};
use common::Verdict;
use std::collections::BTreeSet;

type Metrics = BTreeSet<(String, String)>;

fn dir() -> std::path::PathBuf {
    common::fixtures_dir()
}

/// The metrics (id, value) of a report, and its title as `("title", …)`.
fn metric_set(r: &zhibiao::Report) -> Metrics {
    let title = (
        "title".to_string(),
        r.meta.title.clone().unwrap_or_default(),
    );
    r.metrics
        .iter()
        .map(|m| (m.id.clone(), format!("{:.6}", m.value)))
        .chain([title])
        .collect()
}

/// [`metric_set`] of a report's JSON.
fn json_metric_set(v: &serde_json::Value) -> Metrics {
    let title = v["meta"]["title"].as_str().unwrap_or_default().to_string();
    v["metrics"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|m| {
                    Some((
                        m["id"].as_str()?.to_string(),
                        format!("{:.6}", m["value"].as_f64()?),
                    ))
                })
                .collect::<Metrics>()
        })
        .unwrap_or_default()
        .into_iter()
        .chain([("title".to_string(), title)])
        .collect()
}

/// The problems of `c` through the core.
fn core(c: &Case, reference: &Metrics) -> Vec<String> {
    let name = c.as_name.clone().unwrap_or_else(|| c.file.clone());
    let bytes = std::fs::read(dir().join(&c.file)).expect("fixture (run tests/fixtures/make.sh)");
    let parts = zhibiao::input::expand(bytes, &name);
    let mut bad = Vec::new();
    if !c.parts.is_empty() {
        let names: Vec<&str> = parts.iter().map(|p| p.name.as_str()).collect();
        if names != c.parts {
            bad.push(format!("parts {names:?}"));
        }
    }
    let mut warned = false;
    for p in parts {
        match p.bytes.and_then(|b| zhibiao::input::decode(&b, &p.name)) {
            Err(e) => match &c.error {
                Some(want)
                    if e.0.contains(want.as_str()) && e.0.starts_with(&format!("{name}: ")) => {}
                _ => bad.push(format!("{}: {e}", p.name)),
            },
            Ok(d) => {
                if c.error.is_some() {
                    bad.push(format!("{}: read, expected an error", p.name));
                    continue;
                }
                warned |= c
                    .warning
                    .as_ref()
                    .is_some_and(|w| d.warnings.iter().any(|x| x.contains(w.as_str())));
                if c.untrusted {
                    // garbage text: no metrics to compare, only the warning matters
                    continue;
                }
                let r = zhibiao::extract(&d.text, &p.name);
                // every fact's raw text is the original's chars at its first evidence span
                // (across a wrapped or letter-spaced text's dropped breaks and spaces)
                let chars: Vec<char> = d.text.chars().collect();
                for m in &r.metrics {
                    let at = m.evidence.first().and_then(|s| chars.get(s[0]..s[1]));
                    if at.map(|c| c.iter().collect::<String>()).as_deref() != Some(m.raw.as_str()) {
                        bad.push(format!(
                            "{}: {} raw {:?} is not its span",
                            p.name, m.id, m.raw
                        ));
                    }
                }
                let got = metric_set(&r);
                if &got != reference {
                    bad.push(format!(
                        "{}: metrics differ: missing {:?}, extra {:?}",
                        p.name,
                        reference.difference(&got).collect::<Vec<_>>(),
                        got.difference(reference).collect::<Vec<_>>()
                    ));
                }
                if d.warnings.iter().any(|w| w.contains("garbled")) {
                    bad.push(format!("{}: garbled warning {:?}", p.name, d.warnings));
                }
            }
        }
    }
    if c.warning.is_some() && !warned {
        bad.push(format!("no report warns {:?}", c.warning));
    }
    bad
}

/// The page reads `c` as the core does (a zip through the engine's `unpack`).
fn page(c: &Case) -> Vec<String> {
    let name = c.as_name.clone().unwrap_or_else(|| c.file.clone());
    let bytes = std::fs::read(dir().join(&c.file)).expect("fixture");
    let (page, core) = (
        common::page_reads(&bytes, &name),
        common::cli_reads(&bytes, &name),
    );
    if page == core {
        return Vec::new();
    }
    vec![format!("the page reads {page:?}\nthe CLI reads {core:?}")]
}

/// The problems of `c` through the CLI (`extract --jsonl`).
fn cli(c: &Case, reference: &Metrics) -> Vec<String> {
    let path = match &c.as_name {
        None => dir().join(&c.file),
        Some(n) => {
            let d = std::env::temp_dir().join(format!("zhibiao-fixtures-{}", std::process::id()));
            std::fs::create_dir_all(&d).unwrap();
            std::fs::copy(dir().join(&c.file), d.join(n)).unwrap();
            d.join(n)
        }
    };
    let out = common::cli()
        .args(["extract", "--jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut bad = Vec::new();
    if let Some(want) = &c.error {
        if out.status.success() || !stderr.contains(want.as_str()) {
            bad.push(format!(
                "CLI: expected {want:?}, got exit {:?} and {stderr}",
                out.status.code()
            ));
        }
        return bad;
    }
    if !out.status.success() {
        bad.push(format!("CLI: exit {:?}: {stderr}", out.status.code()));
    }
    let reports: Vec<serde_json::Value> = stdout
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let want = c.parts.len().max(1);
    if reports.len() != want {
        bad.push(format!("CLI: {} reports, expected {want}", reports.len()));
    }
    for r in &reports {
        if !c.untrusted && &json_metric_set(r) != reference {
            bad.push(format!("CLI: {} metrics differ", r["source"]));
        }
    }
    if let Some(w) = &c.warning {
        let has = |r: &serde_json::Value| {
            r["warnings"].as_array().is_some_and(|a| {
                a.iter()
                    .any(|x| x.as_str().is_some_and(|x| x.contains(w.as_str())))
            })
        };
        if !reports.iter().any(has) {
            bad.push(format!("CLI: no report warns {w:?}"));
        }
    }
    bad
}

#[test]
fn fixtures_give_the_plain_texts_metrics() {
    let table: Table = common::load("fixtures.toml");
    let text = std::fs::read_to_string(dir().join("sample.txt")).unwrap();
    let reference = metric_set(&zhibiao::extract(&text, "sample.txt"));
    assert!(
        reference.len() >= 15,
        "the sample has many metrics: {reference:?}"
    );
    let mut verdict = Verdict::new("fixtures.toml");
    for c in &table.case {
        let mut bad = core(c, &reference);
        bad.extend(cli(c, &reference));
        bad.extend(page(c));
        verdict.record(&c.name, c.known_failure, &bad);
    }
    verdict.finish();
}
