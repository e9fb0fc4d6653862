//! The required parts (REVIEW.md §1), driven by `tests/data/parts.toml`: headings → parts, and
//! small documents → part statuses.

mod common;

use common::cases::PartsTable as File;
use zhibiao::review::parts::heading_parts;

fn load() -> File {
    common::load("parts.toml")
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
