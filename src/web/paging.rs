//! The comparison table's pages and how many rows of the page are drawn: a page of
//! [`PAGE_ROWS`] rows is drawn [`CHUNK_ROWS`] at a time, one task each, so a thousand reports
//! arriving (or a sort over them) never block the page for the time of a whole page of rows
//! (a hundred rows of 25 metrics took ~90 ms to build and as long again to lay out).

use crate::web::filters::Filters;
use crate::web::i18n::Lang;

/// Rows per page of the comparison table (sort and filters act on every row first).
pub const PAGE_ROWS: usize = 100;

/// Rows drawn in one task: the first this many show at once, the rest follow in tasks of their
/// own.
pub const CHUNK_ROWS: usize = 10;

/// What the table's rows show: their data (bumped when the rows change), language, filters and
/// sort. A change of the language draws the page's rows again from the first chunk; a change of
/// the filters or the sort also goes back to the first page.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// The rows' generation (see the state's `generation`).
    pub generation: u64,
    /// UI language.
    pub lang: Lang,
    /// The filters.
    pub filters: Filters,
    /// Sort column and direction.
    pub sort: Option<(usize, bool)>,
}

/// The page shown and how many of its rows are drawn, for the [`View`] they were set for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paging {
    view: Option<View>,
    page: usize,
    drawn: usize,
}

impl Paging {
    /// The page (0-based) and the number of its rows to draw for `view`: as set when only the
    /// data changed (the rows whose report is the same do not redraw, and the end of a batch
    /// finds the count of the rows drawn before it); the same page from its first chunk when the
    /// language changed (every row redraws); else the first page's first chunk.
    pub fn at(&self, view: &View) -> (usize, usize) {
        match &self.view {
            Some(v) if v.filters == view.filters && v.sort == view.sort => {
                if v.lang == view.lang {
                    (self.page, self.drawn)
                } else {
                    (self.page, CHUNK_ROWS)
                }
            }
            _ => (0, CHUNK_ROWS),
        }
    }

    /// Page `to` of `view`, its first chunk drawn.
    pub fn turned(view: &View, to: usize) -> Paging {
        Paging {
            view: Some(view.clone()),
            page: to,
            drawn: CHUNK_ROWS,
        }
    }

    /// After a render of `view` showing `rows` rows on its page: one chunk more to draw, or
    /// `None` when all of them are.
    pub fn more(&self, view: &View, rows: usize) -> Option<Paging> {
        let (page, drawn) = self.at(view);
        (drawn < rows).then(|| Paging {
            view: Some(view.clone()),
            page,
            drawn: drawn + CHUNK_ROWS,
        })
    }
}

/// Where the table is in the sorted, filtered rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// The page shown (0-based, clamped to the last page).
    pub page: usize,
    /// The number of pages (at least 1).
    pub pages: usize,
    /// The rows on the page.
    pub on_page: usize,
    /// The rows drawn (indexes into the sorted, filtered rows).
    pub drawn: std::ops::Range<usize>,
}

/// The [`Window`] on `n` rows at page `page`, its first `drawn` rows drawn.
pub fn window(n: usize, page: usize, drawn: usize) -> Window {
    let pages = n.div_ceil(PAGE_ROWS).max(1);
    let page = page.min(pages - 1);
    let start = (page * PAGE_ROWS).min(n);
    let end = ((page + 1) * PAGE_ROWS).min(n);
    Window {
        page,
        pages,
        on_page: end - start,
        drawn: start..end.min(start + drawn),
    }
}
