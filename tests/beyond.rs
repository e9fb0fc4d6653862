//! Outline, sections, documents and summary: the data tables of `tests/data/{sections,documents,summary}.toml`
//! and checks on the seed reports of `../shared/corpus`.

use std::path::PathBuf;

fn corpus() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().map(|x| x == "txt").unwrap_or(false) {
                if let Ok(t) = std::fs::read_to_string(&p) {
                    out.push((p.file_name().unwrap().to_string_lossy().to_string(), t));
                }
            }
        }
    }
    out.sort();
    out
}

#[test]
#[ignore]
fn dump() {
    for (name, text) in corpus() {
        let r = zhibiao::extract(&text, &name);
        println!("==== {name}");
        for h in &r.outline {
            println!("  H{} @{} {}", h.level, h.at, h.text);
        }
        let doc = zhibiao::Doc::new(&text);
        for (k, rg) in zhibiao::sections::sections(&doc) {
            let s = &doc.body[rg.clone()];
            let head: String = s.chars().take(30).collect();
            let tail: String = s.chars().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect();
            println!("  SECTION {k:?} {head} ... {tail}");
        }
        for (p, a) in r.problems.iter().zip(&r.problems_at) {
            println!("  P @{a} {p}");
        }
        for (p, a) in r.plans.iter().zip(&r.plans_at) {
            println!("  N @{a} {p}");
        }
        for d in &r.documents {
            println!("  D {} [{}] x{} issued={} @{}", d.title, d.kind, d.count, d.issued, d.at);
        }
        println!("  ZH {}", r.summary.zh);
        println!("  EN {}", r.summary.en);
    }
}
