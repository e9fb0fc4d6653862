//! The comparison table's pages and its rows drawn a chunk at a time (src/web/paging.rs,
//! src/web/components/compare.rs).

use super::*;
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;
use zhibiao::web::components::compare::{CompareProps, CompareRow, CompareTable};
use zhibiao::web::filters::Filters;
use zhibiao::web::paging::{self, Paging, View, CHUNK_ROWS, PAGE_ROWS};

fn view(generation: u64, lang: Lang, year: &str, sort: Option<(usize, bool)>) -> View {
    View {
        generation,
        lang,
        filters: Filters {
            year: year.into(),
            ..Filters::default()
        },
        sort,
    }
}

#[wasm_bindgen_test]
fn the_pages_rows_come_a_chunk_at_a_time_and_a_new_order_starts_over() {
    let v = view(1, Lang::Zh, "", None);
    // (what happens, the view it is seen with, the expected page and drawn rows)
    let on_page_3 = Paging::turned(&v, 3);
    let grown = on_page_3.more(&v, PAGE_ROWS).expect("more rows to draw");
    let fresh = Paging::default();
    let cases: Vec<(&str, &Paging, View, (usize, usize))> = vec![
        ("nothing yet", &fresh, v.clone(), (0, CHUNK_ROWS)),
        ("a page turned", &on_page_3, v.clone(), (3, CHUNK_ROWS)),
        ("one chunk more", &grown, v.clone(), (3, 2 * CHUNK_ROWS)),
        (
            "new data: the same page, the rows drawn stay",
            &grown,
            view(2, Lang::Zh, "", None),
            (3, 2 * CHUNK_ROWS),
        ),
        (
            "another language: the same page from its first chunk",
            &grown,
            view(1, Lang::En, "", None),
            (3, CHUNK_ROWS),
        ),
        (
            "a filter: the first page",
            &grown,
            view(1, Lang::Zh, "2021", None),
            (0, CHUNK_ROWS),
        ),
        (
            "a sort: the first page",
            &grown,
            view(1, Lang::Zh, "", Some((1, true))),
            (0, CHUNK_ROWS),
        ),
    ];
    for (what, p, v, want) in cases {
        assert_eq!(p.at(&v), want, "{what}");
    }
    // more until the page is drawn, then none
    let mut p = Paging::turned(&v, 0);
    let mut steps = 0;
    while let Some(next) = p.more(&v, 55) {
        p = next;
        steps += 1;
    }
    let chunks = 55usize.div_ceil(CHUNK_ROWS);
    assert_eq!((steps, p.at(&v)), (chunks - 1, (0, chunks * CHUNK_ROWS)));
    assert_eq!(
        Paging::turned(&v, 0).more(&v, 7),
        None,
        "a short page at once"
    );
}

#[wasm_bindgen_test]
fn the_window_clamps_to_the_last_page() {
    // (rows, page, drawn) → (page, pages, on page, drawn range)
    let cases = [
        ((0, 0, 20), (0, 1, 0, 0..0)),
        ((250, 0, 20), (0, 3, 100, 0..20)),
        ((250, 1, 200), (1, 3, 100, 100..200)),
        ((250, 2, 20), (2, 3, 50, 200..220)),
        ((250, 9, 100), (2, 3, 50, 200..250)),
    ];
    for ((n, page, drawn), (p, pages, on_page, range)) in cases {
        let w = paging::window(n, page, drawn);
        assert_eq!(
            (w.page, w.pages, w.on_page, w.drawn),
            (p, pages, on_page, range),
            "{n} rows, page {page}, {drawn} drawn"
        );
    }
}

/// A report of agency `甲局{i}`, year 2019 + i % 3, with one fact.
fn row(i: usize) -> CompareRow {
    let mut r = Report {
        source: format!("r{i}.txt"),
        ..Report::default()
    };
    r.meta.agency = Some(format!("甲局{i:03}"));
    r.meta.year = Some(2019 + (i % 3) as i32);
    r.metrics.push(fact("fines", 1000.0 * i as f64, true));
    CompareRow {
        entry: i,
        report: Rc::new(r),
        genre: None,
        months: None,
    }
}

/// Wait `ms` milliseconds (the table's next chunks come in timer tasks).
async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |res, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&res, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    yew::scheduler::flush().await;
}

fn count(root: &web_sys::Element, sel: &str) -> u32 {
    root.query_selector_all(sel)
        .map(|l| l.length())
        .unwrap_or(0)
}

#[wasm_bindgen_test]
async fn a_page_of_rows_is_drawn_in_chunks_and_its_buttons_answer() {
    let root = mounted_root();
    let clicks: Rc<RefCell<Vec<String>>> = Rc::default();
    let (c1, c2) = (clicks.clone(), clicks.clone());
    let props = CompareProps {
        lang: Lang::Zh,
        rows: Rc::new((0..250).map(row).collect()),
        generation: 1,
        current: 0,
        sort: None,
        filters: Filters::default(),
        on_sort: Callback::noop(),
        on_select: Callback::from(move |i: usize| c1.borrow_mut().push(format!("open {i}"))),
        on_cell: Callback::from(move |(i, id): (usize, String)| {
            c2.borrow_mut().push(format!("cell {i} {id}"))
        }),
        on_filter: Callback::noop(),
    };
    yew::Renderer::<CompareTable>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let rows = |root: &web_sys::Element| count(root, "[data-testid=compare-row]");
    let busy = |root: &web_sys::Element| count(root, "[data-testid=compare-table][aria-busy]");
    assert_eq!(
        (rows(&root), busy(&root)),
        (CHUNK_ROWS as u32, 1),
        "the first chunk at once"
    );
    for _ in 0..100 {
        if busy(&root) == 0 {
            break;
        }
        sleep(5).await;
    }
    assert_eq!(
        (rows(&root), busy(&root)),
        (PAGE_ROWS as u32, 0),
        "then the whole page"
    );
    // the last page: 50 rows, from row 200
    for _ in 0..2 {
        query(&root, "[data-testid=compare-next]")
            .expect("next")
            .click();
        yew::scheduler::flush().await;
    }
    for _ in 0..100 {
        sleep(5).await;
        if busy(&root) == 0 {
            break;
        }
    }
    let page = query(&root, "[data-testid=compare-page]").expect("pager");
    assert_eq!(page.text_content().unwrap_or_default(), "201–250 / 250");
    assert_eq!(rows(&root), 50);
    // one handler on the body answers every row's buttons
    query(&root, "tr[data-entry='201'] button.cell")
        .expect("a value")
        .click();
    query(&root, "tr[data-entry='202'] th button")
        .expect("a name")
        .click();
    assert_eq!(*clicks.borrow(), ["cell 201 fines", "open 202"]);
    root.remove();
}
