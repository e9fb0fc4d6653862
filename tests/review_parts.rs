//! The required parts (REVIEW.md §1), driven by `tests/data/parts.toml`: headings → parts, and
//! small documents → part statuses.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use zhibiao::review::parts::heading_parts;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    heading: Vec<HeadingCase>,
    document: Vec<DocCase>,
}

/// One heading and the parts it names, exactly.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeadingCase {
    name: String,
    text: String,
    #[serde(default = "one")]
    level: u8,
    parts: Vec<String>,
}

fn one() -> u8 {
    1
}

/// A small report of own wording and the status of the parts it names.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocCase {
    name: String,
    text: String,
    expect: BTreeMap<String, String>,
    #[serde(default)]
    headings: BTreeMap<String, String>,
    #[serde(default)]
    reasons: Option<bool>,
}

fn load() -> File {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/parts.toml");
    toml::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

#[test]
fn headings_to_parts() {
    let f = load();
    let n = f.heading.len();
    assert!(n >= 60 - f.document.len(), "only {n} heading rows");
    let mut fails = Vec::new();
    for c in &f.heading {
        let got: Vec<String> = heading_parts(&c.text, c.level)
            .into_iter()
            .map(String::from)
            .collect();
        if got != c.parts {
            fails.push(format!(
                "[{}] {:?} (level {}): got {:?}, expected {:?}",
                c.name, c.text, c.level, got, c.parts
            ));
        }
    }
    println!("headings → parts: {}/{} pass", n - fails.len(), n);
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

#[test]
fn documents_to_parts() {
    let f = load();
    assert!(f.heading.len() + f.document.len() >= 60);
    let mut fails = Vec::new();
    for c in &f.document {
        let r = zhibiao::extract(&c.text, &c.name);
        for (id, status) in &c.expect {
            let Some(p) = r.review.parts.iter().find(|p| &p.id == id) else {
                fails.push(format!("[{}] no part {id}", c.name));
                continue;
            };
            if &p.status != status {
                fails.push(format!(
                    "[{}] {id}: got {} ({:?}), expected {status}",
                    c.name, p.status, p.heading
                ));
            }
            if let Some(h) = c.headings.get(id) {
                if p.heading.as_ref() != Some(h) {
                    fails.push(format!(
                        "[{}] {id}: heading {:?}, expected {h:?}",
                        c.name, p.heading
                    ));
                }
            }
            if let (Some(at), Some(h)) = (p.at, &p.heading) {
                let there: String = c.text.chars().skip(at).take(h.chars().count()).collect();
                if &there != h {
                    fails.push(format!(
                        "[{}] {id}: `at` {at} points at {there:?}, not the heading {h:?}",
                        c.name
                    ));
                }
            }
        }
        if let Some(want) = c.reasons {
            let got = r
                .review
                .parts
                .iter()
                .find(|p| p.id == "shortcomings")
                .and_then(|p| p.reasons);
            if got != Some(want) {
                fails.push(format!(
                    "[{}] reasons: got {got:?}, expected {want}",
                    c.name
                ));
            }
        }
    }
    println!(
        "documents → parts: {}/{} pass",
        f.document.len() - fails.len().min(f.document.len()),
        f.document.len()
    );
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}
