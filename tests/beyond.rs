//! Outline, sections, documents and summary: the data tables of
//! `tests/data/{sections,documents,summary}.toml` and checks on the seed reports of
//! `../shared/corpus` (problems/plans presence, offsets, outline, documents, summary numbers).

mod common;

use common::cases::{DocumentsTable, SectionsTable, SummaryCase, SummaryTable};
use std::path::PathBuf;
use zhibiao::model::Report;
use zhibiao::stages::layout::{self, SectionKind};
use zhibiao::stages::sections;
use zhibiao::stages::{documents, normalise, segment, Doc};

fn corpus_dir() -> PathBuf {
    common::shared_path("corpus")
}

fn fail_if_any(what: &str, errors: Vec<String>) {
    assert!(
        errors.is_empty(),
        "{what}: {} failure(s):\n  {}",
        errors.len(),
        errors.join("\n  ")
    );
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

// ------------------------------------------------------------------------------- the seed reports

fn seed(file: &str) -> (String, Report) {
    let p = corpus_dir().join(file);
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let r = zhibiao::extract(&text, file);
    (text, r)
}

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
fn seeds_summary_numbers() {
    let mut errors = Vec::new();
    for e in std::fs::read_dir(corpus_dir())
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
