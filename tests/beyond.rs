//! Outline, sections, documents and summary: the data tables of
//! `tests/data/{sections,documents,summary}.toml` and checks on the seed reports of
//! `../shared/corpus` (problems/plans presence, offsets, outline, documents, summary numbers).

mod common;

use common::cases::{DocumentsTable, SectionsTable};
use std::path::PathBuf;
use zhibiao::stages::layout::{self, SectionKind};
use zhibiao::stages::sections;
use zhibiao::stages::{documents, normalise, segment, Doc};

use common::{fail_if_any, seed};

fn corpus_dir() -> PathBuf {
    common::shared_path("corpus")
}

// ------------------------------------------------------------------------------- sections

fn kind_name(k: SectionKind) -> &'static str {
    match k {
        SectionKind::Problems => "problems",
        SectionKind::Plans => "plans",
    }
}

/// Each item's `at` is where its text stands in the (normalised) original.
fn check_offsets(
    what: &str,
    original: &str,
    items: &[String],
    ats: &[usize],
    errors: &mut Vec<String>,
) {
    if items.len() != ats.len() {
        errors.push(format!(
            "{what}: {} items but {} offsets",
            items.len(),
            ats.len()
        ));
        return;
    }
    let norm: Vec<char> = normalise::normalise(original).chars().collect();
    for (t, &a) in items.iter().zip(ats) {
        let n = t.chars().count();
        let got: String = norm.iter().skip(a).take(n).collect();
        if &got != t {
            errors.push(format!("{what}: item {t:?} at {a} reads {got:?}"));
        }
    }
}

#[test]
fn section_headings() {
    let table: SectionsTable = common::load("sections.toml");
    assert!(
        table.heading.len() >= 30,
        "the heading table has {} rows",
        table.heading.len()
    );
    let mut errors = Vec::new();
    for h in &table.heading {
        let top = match segment::heading_marker(h.text.trim()) {
            Some((level, _)) => level == 1,
            None => true,
        };
        let got: Vec<&str> = layout::heading_kinds(&h.text, top)
            .into_iter()
            .map(kind_name)
            .collect();
        if got != h.kinds {
            errors.push(format!(
                "{}: {:?}: expected {:?}, got {:?}",
                h.name, h.text, h.kinds, got
            ));
        }
    }
    fail_if_any("section headings", errors);
}

#[test]
fn section_documents() {
    let table: SectionsTable = common::load("sections.toml");
    let mut errors = Vec::new();
    for d in &table.doc {
        let doc = Doc::new(&d.text);
        let (problems, problems_at) = sections::problems(&doc);
        let (plans, plans_at) = sections::plans(&doc);
        if problems.len() != d.problems {
            errors.push(format!(
                "{}: {} problems expected, got {:?}",
                d.name, d.problems, problems
            ));
        }
        if plans.len() != d.plans {
            errors.push(format!(
                "{}: {} plans expected, got {:?}",
                d.name, d.plans, plans
            ));
        }
        let has = |items: &[String], p: &str| items.iter().any(|i| i.contains(p));
        if let Some(p) = &d.problem_has {
            if !has(&problems, p) {
                errors.push(format!(
                    "{}: no problem contains {p:?}: {problems:?}",
                    d.name
                ));
            }
        }
        if let Some(p) = &d.problem_not {
            if has(&problems, p) {
                errors.push(format!(
                    "{}: a problem contains {p:?}: {problems:?}",
                    d.name
                ));
            }
        }
        if let Some(p) = &d.plan_has {
            if !has(&plans, p) {
                errors.push(format!("{}: no plan contains {p:?}: {plans:?}", d.name));
            }
        }
        if let Some(p) = &d.plan_not {
            if has(&plans, p) {
                errors.push(format!("{}: a plan contains {p:?}: {plans:?}", d.name));
            }
        }
        check_offsets(&d.name, &d.text, &problems, &problems_at, &mut errors);
        check_offsets(&d.name, &d.text, &plans, &plans_at, &mut errors);
        // sections are ordered, inside the text and do not overlap
        let secs = doc.sections();
        for w in secs.windows(2) {
            if w[0].1.end > w[1].1.start {
                errors.push(format!("{}: sections overlap: {:?}", d.name, secs));
            }
        }
        if secs
            .iter()
            .any(|(_, r)| r.end > doc.body.len() || r.start > r.end)
        {
            errors.push(format!(
                "{}: a section is out of the text: {:?}",
                d.name, secs
            ));
        }
    }
    fail_if_any("section documents", errors);
}

// ------------------------------------------------------------------------------- documents

#[test]
fn document_kinds() {
    let table: DocumentsTable = common::load("documents.toml");
    assert!(
        table.kind.len() >= 30,
        "the kind table has {} rows",
        table.kind.len()
    );
    let mut errors = Vec::new();
    for k in &table.kind {
        let got = documents::kind_of(&k.title, k.normative);
        if got != k.kind {
            errors.push(format!(
                "{}: {:?} (normative: {}): expected {}, got {got}",
                k.name, k.title, k.normative, k.kind
            ));
        }
    }
    fail_if_any("document kinds", errors);
}

#[test]
fn document_issued() {
    let table: DocumentsTable = common::load("documents.toml");
    assert!(
        table.issued.len() >= 8,
        "the issued table has {} rows",
        table.issued.len()
    );
    let mut errors = Vec::new();
    for c in &table.issued {
        let doc = Doc::new(&c.text);
        let ds = documents::documents(&doc);
        match ds.iter().find(|d| d.title == c.title) {
            Some(d) if d.issued == c.issued => {}
            Some(d) => errors.push(format!(
                "{}: {:?}: issued expected {}, got {}",
                c.name, c.text, c.issued, d.issued
            )),
            None => errors.push(format!(
                "{}: {:?}: title {:?} not found in {:?}",
                c.name, c.text, c.title, ds
            )),
        }
    }
    fail_if_any("document issued", errors);
}

#[test]
fn document_citations() {
    let table: DocumentsTable = common::load("documents.toml");
    let mut errors = Vec::new();
    for c in &table.cites {
        let ds = documents::documents(&Doc::new(&c.text));
        let titles: Vec<&str> = ds.iter().map(|d| d.title.as_str()).collect();
        let counts: Vec<usize> = ds.iter().map(|d| d.count).collect();
        if titles != c.titles || counts != c.counts {
            errors.push(format!(
                "{}: {:?}: expected {:?} {:?}, got {:?} {:?}",
                c.name, c.text, c.titles, c.counts, titles, counts
            ));
        }
        check_document_offsets("citations", &c.text, &ds, &mut errors);
    }
    fail_if_any("document citations", errors);
}

/// Each document's `at` points at a `《` (or an inner `〈`/`<`) in the original.
fn check_document_offsets(
    what: &str,
    original: &str,
    ds: &[zhibiao::model::Document],
    errors: &mut Vec<String>,
) {
    let chars: Vec<char> = original.chars().collect();
    for d in ds {
        let c = chars.get(d.at).copied().unwrap_or(' ');
        if !matches!(c, '《' | '〈' | '<' | '＜') {
            errors.push(format!("{what}: {:?} at {} reads {c:?}", d.title, d.at));
        }
        if d.title.chars().count() > 80 || d.title.contains('。') || d.count == 0 {
            errors.push(format!("{what}: bad document {d:?}"));
        }
    }
}

// ------------------------------------------------------------------------------- summary

// ------------------------------------------------------------------------------- the seed reports

#[test]
fn seeds_problems_and_plans() {
    let table: SectionsTable = common::load("sections.toml");
    assert_eq!(table.seed.len(), 5, "one row per seed report");
    let mut errors = Vec::new();
    for s in &table.seed {
        let (text, r) = seed(&s.file);
        for (what, want, items, ats, phrase) in [
            (
                "problems",
                s.problems,
                &r.problems,
                &r.problems_at,
                &s.problem_phrase,
            ),
            ("plans", s.plans, &r.plans, &r.plans_at, &s.plan_phrase),
        ] {
            if want && items.is_empty() {
                errors.push(format!("{}: no {what}", s.file));
            }
            if !want && !items.is_empty() {
                errors.push(format!("{}: unexpected {what}: {items:?}", s.file));
            }
            if want && !items.iter().any(|i| i.contains(phrase.as_str())) {
                errors.push(format!(
                    "{}: no {what} item contains {phrase:?}: {items:?}",
                    s.file
                ));
            }
            if items
                .iter()
                .any(|i| i.chars().count() > 90 || i.chars().count() < 4)
            {
                errors.push(format!(
                    "{}: a {what} item is too long or short: {items:?}",
                    s.file
                ));
            }
            check_offsets(&s.file, &text, items, ats, &mut errors);
        }
        // problems come before plans and neither holds the other's items
        let doc = Doc::new(&text);
        let secs = doc.sections();
        for w in secs.windows(2) {
            if w[0].1.end > w[1].1.start {
                errors.push(format!("{}: sections overlap", s.file));
            }
        }
    }
    fail_if_any("seed problems/plans", errors);
}

#[test]
fn seeds_outline() {
    let mut errors = Vec::new();
    let mut n = 0;
    for e in std::fs::read_dir(corpus_dir())
        .expect("../shared/corpus")
        .flatten()
    {
        let file = e.file_name().to_string_lossy().to_string();
        if !file.ends_with(".txt") {
            continue;
        }
        n += 1;
        let (text, r) = seed(&file);
        let norm: Vec<char> = normalise::normalise(&text).chars().collect();
        let top = r.outline.iter().filter(|h| h.level == 1).count();
        if top < 2 {
            errors.push(format!("{file}: {top} level-1 headings"));
        }
        let mut last = 0;
        for h in &r.outline {
            let got: String = norm
                .iter()
                .skip(h.at)
                .take(h.text.chars().count())
                .collect();
            if got != h.text {
                errors.push(format!(
                    "{file}: heading {:?} at {} reads {got:?}",
                    h.text, h.at
                ));
            }
            if !(1..=5).contains(&h.level) || h.text.chars().count() > 60 || h.at < last {
                errors.push(format!("{file}: bad heading {h:?}"));
            }
            last = h.at;
        }
        check_document_offsets(&file, &text, &r.documents, &mut errors);
        if r.documents.is_empty() {
            errors.push(format!("{file}: no documents"));
        }
    }
    assert_eq!(n, 5, "five seed reports");
    fail_if_any("seed outline and documents", errors);
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "",
        "《",
        "》《》《《》",
        "三、存在问题",
        "四、下步打算\n",
        "一是二是三是",
        "《未闭合\n\n\n二、存在的不足\n①\n(一)",
        "\u{3000}\u{3000}1.\n2、\n(1)\n十是",
    ] {
        let r = zhibiao::extract(t, "odd");
        let _ = (r.outline.len(), r.problems.len(), r.documents.len());
    }
}

/// Random texts made of the pieces these stages look at: no panic, offsets in range.
#[test]
fn never_panics_on_random_input() {
    const PIECES: [&str; 32] = [
        "《",
        "》",
        "〈",
        "〉",
        "<",
        ">",
        "一、",
        "(二)",
        "3.",
        "①",
        "二是",
        "存在问题",
        "下一步打算",
        "2025年工作安排",
        "。",
        ",",
        ";",
        ":",
        "\n",
        " ",
        "印发了",
        "以下简称",
        "条例",
        "办法",
        "存在的问题\n",
        "某某局\n",
        "2022年1月1日",
        "已于",
        "一.",
        "2)",
        "(",
        ")",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..1500 {
        let n = (next() % 80) as usize;
        let text: String = (0..n)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        let doc = Doc::new(&text);
        let chars = text.chars().count();
        for h in zhibiao::stages::outline::outline(&doc) {
            assert!(h.at <= chars, "{text:?}");
        }
        for (_, r) in doc.sections() {
            assert!(r.start <= r.end && r.end <= text.len(), "{text:?}");
        }
        let (p, pa) = sections::problems(&doc);
        let (q, qa) = sections::plans(&doc);
        assert_eq!((p.len(), q.len()), (pa.len(), qa.len()));
        assert!(pa.iter().chain(&qa).all(|&a| a <= chars), "{text:?}");
        for d in documents::documents(&doc) {
            assert!(d.at < chars && d.count > 0, "{text:?}");
        }
    }
}

/// A long text full of titles and headings is handled in reasonable time (linear stages).
#[test]
fn long_input_is_fast() {
    let unit = "一、存在问题\n(一)某某。印发了《某某办法》、《某某条例》和〈某某〉。二是某某;\n四、下步打算\n";
    let text = unit.repeat(3000);
    let t = std::time::Instant::now();
    let doc = Doc::new(&text);
    let n = documents::documents(&doc).len()
        + sections::problems(&doc).0.len()
        + zhibiao::stages::outline::outline(&doc).len();
    assert!(n > 0);
    assert!(t.elapsed().as_secs() < 30, "took {:?}", t.elapsed());
}

#[test]
#[ignore]
fn dump() {
    let mut files: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("../shared/corpus")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|f| f.ends_with(".txt"))
        .collect();
    files.sort();
    for name in files {
        let (text, r) = seed(&name);
        println!("==== {name}");
        let doc = Doc::new(&text);
        for (k, rg) in doc.sections() {
            let s = &doc.body[rg];
            let head: String = s.chars().take(20).collect();
            let tail: String = s
                .chars()
                .rev()
                .take(20)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            println!("  SECTION {k:?} {head:?} … {tail:?}");
        }
        for h in &r.outline {
            println!("  H{} @{} {}", h.level, h.at, h.text);
        }
        for (p, a) in r.problems.iter().zip(&r.problems_at) {
            println!("  P @{a} {p}");
        }
        for (p, a) in r.plans.iter().zip(&r.plans_at) {
            println!("  N @{a} {p}");
        }
        for d in &r.documents {
            println!(
                "  D {} [{}] x{} issued={} @{}",
                d.title, d.kind, d.count, d.issued, d.at
            );
        }
        println!("  ZH {}", r.summary.zh);
        println!("  EN {}", r.summary.en);
    }
}
