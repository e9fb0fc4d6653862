//! The transitions of the views, the drawer and the keyboard.

use super::{tab_after_key, tab_id, Pane, State, Tab};
use crate::model::Span;
use crate::web::edits::{self, MetaEdit};
use crate::web::entry::facts_of;

/// The transitions of the views, the drawer and the keyboard.
impl State {
    /// Close the drawer; the focus goes back to the cell that opened it (else the table).
    pub fn close_drawer(&mut self) -> bool {
        self.focus = Some(match self.drawer.take() {
            Some((i, id)) => {
                format!("tr[data-entry=\"{i}\"] td[data-id=\"{id}\"] button || .table-box")
            }
            None => ".table-box".into(),
        });
        true
    }

    /// From the drawer: open its report and show fact `k` of its metric in the source.
    pub fn drawer_source(&mut self, k: usize) -> bool {
        if let Some((i, id)) = self.drawer.take() {
            self.extract_current();
            if i < self.entries.len() {
                self.current = i;
                self.after_switch();
            }
            let hit = self.report().and_then(|r| {
                facts_of(r, &id)
                    .get(k)
                    .map(|(idx, f)| (*idx, f.evidence.clone()))
            });
            if let Some((idx, ev)) = hit {
                self.highlight = ev;
                self.selected = Some(idx);
            }
            self.show_source();
        }
        true
    }

    /// The source with the highlight in view: unfolded, the sheet open, scrolled to the mark.
    fn show_source(&mut self) {
        self.fold = false;
        self.sheet = true;
        self.pane = Pane::Source;
        self.scroll_pending = true;
    }

    /// Highlight spans of the source, optionally selecting a fact, and show them.
    pub fn jump(&mut self, spans: Vec<Span>, fact: Option<usize>) -> bool {
        self.extract_current();
        self.highlight = spans;
        self.selected = fact;
        self.show_source();
        true
    }

    /// Open (focus on its ×) or close (focus on the results) the source sheet.
    pub fn open_sheet(&mut self, open: bool) -> bool {
        self.sheet = open;
        if open {
            self.extract_current();
            self.focus = Some("[data-testid=sheet-close]".into());
        } else {
            self.focus = Some("#results".into());
        }
        true
    }

    /// Keep the corrections of the open report's card, laid over the metadata as found.
    pub fn save_edit(&mut self, edit: MetaEdit) -> bool {
        if let Some(e) = self.entries.get_mut(self.current) {
            e.edit = edit;
            let found = e.found.clone();
            if let (Some(r), Some(m)) = (e.report.as_mut().map(std::rc::Rc::make_mut), found) {
                r.meta = m;
                r.warnings.retain(|w| !w.starts_with(edits::EDITED_NOTE));
                edits::apply(&e.edit, r);
            }
            self.stale = true;
            self.save();
        }
        true
    }

    /// Switch tab: the comparison and the charts take the full width, the other tabs show the
    /// text; the drawer closes.
    pub fn set_tab(&mut self, tab: Tab) -> bool {
        if tab != self.tab {
            self.fold = matches!(tab, Tab::Compare | Tab::Charts);
        }
        self.tab = tab;
        self.drawer = None;
        true
    }

    /// A key on the tabs: arrows, Home and End switch tab and move the focus with it.
    pub fn tab_key(&mut self, key: &str) -> bool {
        match tab_after_key(self.tab, key) {
            Some(tab) => {
                self.focus = Some(format!("[data-testid={}]", tab_id(tab)));
                self.set_tab(tab)
            }
            None => false,
        }
    }

    /// Switch the left pane (the source shows the open text's latest report).
    pub fn set_pane(&mut self, p: Pane) -> bool {
        if p == Pane::Source {
            self.extract_current();
        }
        self.pane = p;
        true
    }

    /// Escape: close the drawer, else the sheet, else the notices, else the highlight.
    pub fn escape(&mut self) -> bool {
        if self.drawer.is_some() {
            return self.close_drawer();
        }
        if self.sheet {
            return self.open_sheet(false);
        }
        if !self.trash.is_empty() || !self.skipped.is_empty() || self.notice.is_some() {
            self.trash.clear();
            self.skipped.clear();
            self.notice = None;
            return true;
        }
        let had = !self.highlight.is_empty();
        self.highlight.clear();
        self.selected = None;
        had
    }

    /// Sort the comparison by a column; the same column again reverses.
    pub fn sort_by(&mut self, col: usize) -> bool {
        self.sort = match self.sort {
            Some((c, asc)) if c == col => Some((c, !asc)),
            _ => Some((col, true)),
        };
        true
    }

    /// Switch the UI language.
    pub fn toggle_lang(&mut self) -> bool {
        self.lang = self.lang.other();
        true
    }
}
