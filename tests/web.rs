//! Browser tests of the web page (headless Chromium via wasm-bindgen-test-runner):
//! `scripts/test-web.sh`, or
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --target wasm32-unknown-unknown --test web --profile wasm-test`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zhibiao::model::{Approx, Change, Fact, Report};
use zhibiao::web::app::{App, AppProps, Local, Msg, Pane, State, Store, Tab};
use zhibiao::web::components::{chart, source, summary};
use zhibiao::web::format::{decimals, exact, group_thousands, human, qualifiers};
use zhibiao::web::i18n::{t, Lang};
use zhibiao::web::{labels, sample, storage};

wasm_bindgen_test_configure!(run_in_browser);

/// The engine on the main thread for these tests: the engine's own function, called directly
/// (the page loads the engine's wasm instead; tests/e2e covers that path).
fn engine(text: &str, name: &str) -> Option<String> {
    Some(zhibiao::engine::answer(text, name))
}

/// A fresh `div` appended to the body, for a component to render into.
fn mounted_root() -> web_sys::Element {
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn fact(id: &str, value: f64, primary: bool) -> Fact {
    Fact {
        id: id.into(),
        label: "罚款金额".into(),
        label_en: "fines imposed".into(),
        group: "执法".into(),
        value,
        unit: "元".into(),
        primary,
        raw: "罚款1021.2056万元".into(),
        approx: None,
        scope: None,
        period: None,
        change: None,
        evidence: vec![[2, 5]],
        loose: false,
        weak: false,
    }
}

#[wasm_bindgen_test]
fn money_and_counts_read_like_people_write_them() {
    assert_eq!(human(10212056.0, "元", Lang::Zh), "1,021.21 万元");
    assert_eq!(human(960000000.0, "元", Lang::Zh), "9.6 亿元");
    assert_eq!(human(3400.0, "元", Lang::Zh), "3,400 元");
    assert_eq!(human(10212056.0, "元", Lang::En), "10.21 million yuan");
    assert_eq!(human(146.0, "件", Lang::Zh), "146 件");
    assert_eq!(human(12000.0, "人次", Lang::En), "12,000 person-times");
    assert_eq!(human(89.1, "%", Lang::Zh), "89.1%");
    assert_eq!(exact(10212056.0, "元"), "10,212,056 元");
    assert_eq!(group_thousands("-1234567.25"), "-1,234,567.25");
    assert_eq!(decimals(f64::NAN, 2), "?");
}

#[wasm_bindgen_test]
fn qualifiers_are_listed_in_the_ui_language() {
    let mut f = fact("fines", 1.0, true);
    f.scope = Some("全市".into());
    f.period = Some("截至11月".into());
    f.approx = Some(Approx::MoreThan);
    f.change = Some(Change::Pct(-16.2));
    let q = qualifiers(&f, Lang::Zh);
    assert_eq!(q.len(), 4);
    assert!(q[3].contains("-16.2%"));
    let q = qualifiers(&f, Lang::En);
    assert!(q.iter().any(|s| s == "more than"));
}

#[wasm_bindgen_test]
fn languages_follow_the_browser_tag() {
    assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
    assert_eq!(Lang::from_tag("zh-Hant-TW"), Lang::Zh);
    assert_eq!(Lang::from_tag("en-GB"), Lang::En);
    assert_eq!(Lang::from_tag(""), Lang::En);
    assert_ne!(t(Lang::Zh, "tab_metrics"), t(Lang::En, "tab_metrics"));
}

#[wasm_bindgen_test]
fn source_pieces_cut_at_char_offsets() {
    let text = "甲乙罚款12件丙";
    let p = source::pieces(text, &[[2, 7], [4, 6]]);
    assert_eq!(p, vec![("甲乙", false), ("罚款12件", true), ("丙", false)]);
    // out of range spans are clamped, empty ones ignored
    let p = source::pieces(text, &[[7, 100], [3, 3]]);
    assert_eq!(p, vec![("甲乙罚款12件", false), ("丙", true)]);
    assert_eq!(source::pieces("", &[[0, 4]]), vec![]);
}

#[wasm_bindgen_test]
fn summary_links_cut_the_narrative() {
    let p = summary::linked_pieces(
        "处罚146件,罚款5万元",
        &[([2, 6], 0), ([9, 12], 1), ([40, 50], 2)],
    );
    assert_eq!(p[1], ("146件".to_string(), Some(0)));
    assert_eq!(p[3], ("5万元".to_string(), Some(1)));
    assert_eq!(p.len(), 4);
}

#[wasm_bindgen_test]
fn charts_scale_and_series() {
    assert_eq!(chart::nice_max(0.0), 1.0);
    assert_eq!(chart::nice_max(146.0), 200.0);
    assert_eq!(chart::nice_max(10212056.0), 20000000.0);
    assert_eq!(
        chart::svg_size("<svg xmlns=\"x\" width=\"680\" height=\"300\">"),
        (680.0, 300.0)
    );
    assert_eq!(
        chart::svg_size("<svg width=\"512.5\" height=\"x\">"),
        (512.5, 320.0),
        "a fraction; what does not read takes the default"
    );
    let mut a = Report::default();
    a.meta.agency = Some("甲局".into());
    a.meta.year = Some(2021);
    a.metrics.push(fact("fines", 10.0, true));
    let mut b = a.clone();
    b.meta.year = Some(2022);
    b.metrics[0].value = 20.0;
    let s = chart::series(&[&a, &b], "fines");
    assert_eq!(
        s,
        vec![("甲局".to_string(), vec![(2021, 10.0), (2022, 20.0)])]
    );
    assert_eq!(labels::primary(&b, "fines"), Some(20.0));
}

#[wasm_bindgen_test]
fn storage_round_trips() {
    let saved = storage::Saved {
        docs: vec![
            storage::SavedDoc {
                name: "a.txt".into(),
                text: "文本".into(),
                key: None,
                edit: Default::default(),
            },
            // a corrected card is kept with its text
            storage::SavedDoc {
                name: "b.txt".into(),
                text: "另一文本".into(),
                key: None,
                edit: zhibiao::web::edits::MetaEdit {
                    agency: Some("某局".into()),
                    year: Some(2022),
                    ..Default::default()
                },
            },
        ],
        current: 0,
    };
    assert!(storage::save(&saved));
    assert_eq!(storage::load(), saved);
    storage::remove(storage::DOCS_KEY);
    assert_eq!(storage::load(), storage::Saved::default());
}

#[wasm_bindgen_test]
fn the_saved_json_made_of_escaped_texts_reads_back_the_same() {
    let saved = storage::Saved {
        docs: vec![
            storage::SavedDoc {
                name: "a \"引号\".txt".into(),
                text: "第一行\n\t\"引号\" \\ 反斜杠".into(),
                key: None,
                edit: Default::default(),
            },
            storage::SavedDoc {
                name: "b.txt".into(),
                text: "另一文本".into(),
                key: None,
                edit: zhibiao::web::edits::MetaEdit {
                    agency: Some("某局".into()),
                    ..Default::default()
                },
            },
        ],
        current: 1,
    };
    let s = State::new(Lang::Zh, saved.clone());
    let json = s.saved_json();
    assert_eq!(
        serde_json::from_str::<storage::Saved>(&json).ok(),
        Some(saved)
    );
    // the same JSON again
    assert_eq!(s.saved_json(), json);
}

fn query(root: &web_sys::Element, sel: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(sel)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

#[wasm_bindgen_test]
async fn the_page_extracts_the_example_and_highlights_evidence() {
    storage::remove(storage::DOCS_KEY);
    let root = mounted_root();
    let props = AppProps {
        local: Local(engine),
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert!(
        query(&root, "[data-testid=empty]").is_some(),
        "empty state first"
    );

    query(&root, "[data-testid=example]")
        .expect("example button")
        .click();
    yew::scheduler::flush().await;
    assert!(
        query(&root, "[data-testid=report-card]").is_some(),
        "report card after the example"
    );
    let items = root
        .query_selector_all("[data-testid=doc-item]")
        .expect("list")
        .length();
    assert_eq!(items, 1);
    let ta: web_sys::HtmlTextAreaElement = root
        .query_selector("[data-testid=input-text]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .expect("textarea");
    assert_eq!(ta.value(), sample::SAMPLE_TEXT);
    assert!(
        storage::load().docs.len() == 1,
        "the example is saved for a reload"
    );

    // an outline heading (or a fact, once the core extracts them) jumps to the source
    let target = query(&root, "[data-testid^=fact-]");
    match target {
        Some(f) => f.click(),
        None => {
            query(&root, "[data-testid=tab-summary]")
                .expect("summary tab")
                .click();
            yew::scheduler::flush().await;
            query(&root, "[data-testid=outline-item]")
                .expect("an outline heading")
                .click();
        }
    }
    yew::scheduler::flush().await;
    let mark = query(&root, "[data-testid=evidence-mark]").expect("highlighted evidence");
    assert!(!mark.text_content().unwrap_or_default().is_empty());

    // clear all really clears (and the saved copy too)
    query(&root, "[data-testid=clear-all]")
        .expect("clear")
        .click();
    yew::scheduler::flush().await;
    assert_eq!(
        root.query_selector_all("[data-testid=doc-item]")
            .expect("list")
            .length(),
        0
    );
    assert!(storage::load().docs.is_empty());
    root.remove();
}

#[wasm_bindgen_test]
fn extraction_never_panics_on_odd_input() {
    for s in [
        "",
        "\u{0}",
        "<script>alert(1)</script>",
        "一、\n(一)\n1.",
        &"罚款".repeat(5000),
        "９９９９９９９９９９９９９９９９９９９万元",
    ] {
        let (r, ms) = zhibiao::web::app::run(Local(engine), s, "odd.txt").expect("loaded");
        assert!(ms >= 0.0);
        if let Some(r) = r {
            assert_eq!(r.schema, 1);
        }
    }
}

#[wasm_bindgen_test]
fn export_names_are_safe_file_names() {
    let mut r = Report {
        source: "pasted-2.txt".into(),
        ..Report::default()
    };
    assert_eq!(zhibiao::web::app::export_name(&r), "pasted-2");
    r.meta.agency = Some("甲/乙局".into());
    r.meta.year = Some(2021);
    assert_eq!(zhibiao::web::app::export_name(&r), "甲乙局-2021");
    r.meta.agency = Some("?".into());
    r.meta.year = None;
    r.source = "".into();
    assert_eq!(zhibiao::web::app::export_name(&r), "zhibiao");
}

#[wasm_bindgen_test]
fn the_desk_helpers_work_on_their_own() {
    use zhibiao::web::{app, dedup, edits, exports, filters, genre};
    // duplicates: whitespace does not count
    assert_eq!(
        dedup::text_hash("甲 局\n2023"),
        dedup::text_hash("甲局2023")
    );
    assert_ne!(dedup::text_hash("甲局2023"), dedup::text_hash("甲局2024"));
    // tabs: arrows wrap, Home/End
    assert_eq!(
        app::tab_after_key(app::Tab::Metrics, "ArrowLeft"),
        Some(app::Tab::Charts)
    );
    assert_eq!(
        app::tab_after_key(app::Tab::Charts, "ArrowRight"),
        Some(app::Tab::Metrics)
    );
    assert_eq!(
        app::tab_after_key(app::Tab::Review, "Home"),
        Some(app::Tab::Metrics)
    );
    assert_eq!(app::tab_after_key(app::Tab::Review, "x"), None);
    // genre and coverage
    // (the core reads genre and coverage; the page labels them)
    let r = zhibiao::extract(
        "某市2023年行政执法统计数据\n截至7月底,全市立案处罚12起。",
        "g.txt",
    );
    assert_eq!(
        genre::genre_of(&r.meta).map(|g| genre::genre_label(Lang::Zh, g)),
        Some("行政执法统计")
    );
    assert_eq!(genre::months_of(&r.meta), Some(7));
    let full = zhibiao::extract(
        "某县2023年法治政府建设年度报告\n2023年,全县立案处罚12起。",
        "f.txt",
    );
    assert_eq!(genre::months_of(&full.meta), None);
    assert!(genre::genre_of(&full.meta).is_some_and(genre::is_annual));
    // corrections laid over a report, noted in its warnings
    let mut r = zhibiao::extract(
        "某局2023年法治政府建设年度报告。办理行政处罚案件12件。",
        "pasted-1.txt",
    );
    let e = edits::MetaEdit {
        agency: Some("宝坻区司法局".into()),
        region: Some("宝坻区".into()),
        ..Default::default()
    };
    edits::apply(&e, &mut r);
    edits::apply(&e, &mut r);
    assert_eq!(r.meta.agency.as_deref(), Some("宝坻区司法局"));
    assert_eq!(
        r.warnings
            .iter()
            .filter(|w| w.starts_with(edits::EDITED_NOTE))
            .count(),
        1
    );
    assert_eq!(filters::department(&r), "司法局");
    // CSV headers in the UI language
    let csv = zhibiao::output::csv_facts(std::slice::from_ref(&r));
    let zh = exports::localize_csv(Lang::Zh, &csv);
    assert!(zh.starts_with("\u{feff}来源,机关,年度"), "{}", &zh[..40]);
    assert_eq!(zh.lines().count(), csv.lines().count());
    assert!(exports::localize_csv(Lang::En, &csv).starts_with("\u{feff}source,agency"));
    assert_eq!(
        exports::split_csv_line("a,\"b,\"\"c\"\"\",d"),
        vec!["a", "b,\"c\"", "d"]
    );
}

#[path = "web/state.rs"]
mod state;

#[path = "web/html.rs"]
mod html;

#[wasm_bindgen_test]
fn the_shells_one_sort_gives_the_standard_stable_order() {
    // pairs sorted by their first half only: ties keep their order (stable), as slice::sort_by
    let mut seed = 7u32;
    for n in [0usize, 1, 2, 3, 10, 57, 300] {
        let items: Vec<(u32, usize)> = (0..n)
            .map(|i| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((seed >> 16) % 13, i)
            })
            .collect();
        let mut ours = items.clone();
        zhibiao::web::order::sort_by_key(&mut ours, |p| p.0);
        let mut std_order = items.clone();
        std_order.sort_by_key(|p| p.0);
        assert_eq!(ours, std_order, "n = {n}");
    }
}

#[path = "web/compare.rs"]
mod compare;
