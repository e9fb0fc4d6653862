//! One loaded input and what it became: the page's unit of data, shared by the app's state and
//! the views (which read it, never change it).

use super::dedup::text_hash;
use super::edits::{self, MetaEdit};
use crate::model::{Fact, Meta, Report};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// One loaded input and what it became.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// File name or generated name.
    pub name: String,
    /// The text as pasted or decoded from the file (what the text area shows).
    pub text: String,
    /// The text extracted from when it differs from `text` (pasted HTML → its text); evidence
    /// offsets point into this.
    pub shown: Option<String>,
    /// The extraction result (absent for empty text); shared with the comparison's rows, which
    /// copy only the reports the series across reports write into (`Rc::make_mut`).
    pub report: Option<Rc<Report>>,
    /// Extraction time in milliseconds.
    pub ms: f64,
    /// Text changed since the last extraction.
    pub dirty: bool,
    /// Stable id (for answers from the extraction worker).
    pub uid: u64,
    /// Number of the latest extraction request.
    pub seq: u64,
    /// What the decoder noticed (added to the report's warnings).
    pub warnings: Vec<String>,
    /// The user's corrections of the card (kept with the text).
    pub edit: MetaEdit,
    /// The metadata as extracted, before the corrections.
    pub found: Option<Meta>,
    /// [`text_hash`] of `text`, computed once (reset when the text changes).
    pub hash: Cell<Option<u64>>,
    /// The number of chars of `text`, counted once (reset when the text changes).
    pub chars: Cell<Option<usize>>,
    /// The key of `text` in IndexedDB once it is there (`storage::text_key`; reset when the
    /// text changes).
    pub stored: RefCell<Option<String>>,
}

impl Entry {
    /// A new entry with no result yet.
    pub fn new(name: String, text: String, uid: u64, dirty: bool, warnings: Vec<String>) -> Self {
        Entry {
            name,
            text,
            shown: None,
            report: None,
            ms: 0.0,
            dirty,
            uid,
            seq: 0,
            warnings,
            edit: MetaEdit::default(),
            found: None,
            hash: Cell::new(None),
            chars: Cell::new(None),
            stored: RefCell::new(None),
        }
    }

    /// The hash of the text, whitespace aside (for duplicates), computed once per text.
    pub fn text_hash(&self) -> u64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = text_hash(&self.text);
        self.hash.set(Some(h));
        h
    }

    /// The number of chars of the text, counted once per text.
    pub fn char_count(&self) -> usize {
        if let Some(n) = self.chars.get() {
            return n;
        }
        let n = self.text.chars().count();
        self.chars.set(Some(n));
        n
    }

    /// Change the text (its hash and length are made again when next asked; it is to be stored
    /// again).
    pub fn set_text(&mut self, text: String) {
        self.text = text;
        self.hash.set(None);
        self.chars.set(None);
        self.stored.replace(None);
    }

    /// Take a fresh report: keep its metadata as found, lay the corrections over it.
    pub fn set_report(&mut self, report: Option<Report>) {
        self.found = report.as_ref().map(|r| r.meta.clone());
        self.report = report.map(|mut r| {
            edits::apply(&self.edit, &mut r);
            Rc::new(r)
        });
    }

    /// The entry's name for people: its report's [`entry_title`], else its file name.
    pub fn title(&self) -> String {
        self.report
            .as_deref()
            .map(entry_title)
            .unwrap_or_else(|| self.name.clone())
    }
}

/// A report's name for people: agency and year, else the source name.
pub fn entry_title(r: &Report) -> String {
    match (&r.meta.agency, r.meta.year) {
        (Some(a), Some(y)) => format!("{a} {y}"),
        (Some(a), None) => a.clone(),
        _ => r.source.clone(),
    }
}

/// The facts of metric `id` in `r`, primary first, with their index in `r.metrics`.
pub fn facts_of<'a>(r: &'a Report, id: &str) -> Vec<(usize, &'a Fact)> {
    let mut v: Vec<(usize, &Fact)> = r
        .metrics
        .iter()
        .enumerate()
        .filter(|(_, f)| f.id == id)
        .collect();
    crate::web::order::sort_by_key(&mut v, |(_, f)| !f.primary);
    v
}
