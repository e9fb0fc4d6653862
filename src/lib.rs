//! zhibiao (指标): a 法治政府建设年度报告 → structured, checkable metrics.
//!
//! The core is pure Rust with no web dependencies: [`extract`] turns one report's text into a
//! [`model::Report`]; [`extract_bytes`] first decodes a file (UTF-8/GBK text, HTML, .docx).
//! The data flow is text → normalise → segment → quantities → classify → qualify → resolve →
//! meta/outline/sections/documents → summary (see ARCHITECTURE.md).

pub mod catalog;
pub mod classify;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod datafile;
pub mod documents;
pub mod gazetteer;
pub mod input;
pub mod meta;
pub mod model;
pub mod normalise;
pub mod numerals;
pub mod outline;
pub mod output;
pub mod qualify;
pub mod quantities;
pub mod re;
pub mod resolve;
pub mod review;
pub mod sections;
pub mod segment;
pub mod summary;
pub mod tables;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use model::Report;

/// Everything the stages share about one text: the original, its normalised form, the
/// normalised form with page clutter blanked, the segmentation and the offset index.
pub struct Doc<'a> {
    /// The text as the user gave it.
    pub original: &'a str,
    /// `normalise(original)`: same chars, half-width forms.
    pub norm: String,
    /// `norm` with clutter lines (breadcrumbs, footers, counters …) blanked byte-for-byte.
    pub body: String,
    /// Segmentation of `body`.
    pub segs: segment::Segmentation,
    /// Byte offsets of `norm`/`body` → char offsets of `original`.
    pub index: text::CharIndex,
    /// The problems/plans sections, computed once on first use (see [`sections::sections`]).
    pub(crate) sections:
        std::sync::OnceLock<Vec<(sections::SectionKind, std::ops::Range<usize>, usize)>>,
    /// Char offsets → byte offsets of `original`, built on first use (see [`Doc::original_chars`]).
    original_index: std::sync::OnceLock<text::CharIndex>,
}

impl<'a> Doc<'a> {
    /// Normalise, blank clutter and segment `original`.
    pub fn new(original: &'a str) -> Self {
        let norm = normalise::normalise(original);
        let clutter = input::clutter::clutter_lines(&norm);
        let body = blank(&norm, &clutter);
        let segs = segment::segment(&body);
        let index = text::CharIndex::new(&norm);
        Doc {
            original,
            norm,
            body,
            segs,
            index,
            sections: std::sync::OnceLock::new(),
            original_index: std::sync::OnceLock::new(),
        }
    }

    /// The original text at char span `[a, b)`, in O(1) after a one-time index (an evidence's `raw`).
    pub fn original_chars(&self, span: model::Span) -> &str {
        let ix = self
            .original_index
            .get_or_init(|| text::CharIndex::new(self.original));
        let (a, b) = (ix.byte_at(span[0]), ix.byte_at(span[1].max(span[0])));
        self.original.get(a..b).unwrap_or("")
    }
}

/// Replace the chars in `ranges` by fillers of the same UTF-8 length (so byte and char offsets
/// are unchanged); line breaks are kept.
pub fn blank(s: &str, ranges: &[std::ops::Range<usize>]) -> String {
    if ranges.is_empty() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for r in ranges {
        if r.start < last
            || r.end > s.len()
            || !s.is_char_boundary(r.start)
            || !s.is_char_boundary(r.end)
        {
            continue;
        }
        out.push_str(&s[last..r.start]);
        for c in s[r.clone()].chars() {
            out.push(match c.len_utf8() {
                _ if c == '\n' => '\n',
                1 => ' ',
                2 => '\u{00A0}',
                3 => '\u{3000}',
                _ => '\u{E0020}',
            });
        }
        last = r.end;
    }
    out.push_str(&s[last..]);
    out
}

/// Extract the metrics, figures, meta, outline, sections, documents and summary of one report.
/// Never panics on any input.
pub fn extract(text: &str, source: &str) -> Report {
    extract_with(text, source, catalog::builtin())
}

/// [`extract`] with a catalog of the user's (see [`catalog::Catalog::from_toml`]).
pub fn extract_with(text: &str, source: &str, cat: &catalog::Catalog) -> Report {
    let doc = Doc::new(text);
    let mut quantities = quantities::scan(&doc.body);
    let tables = tables::read(&doc.body, cat, tables::builtin(), &mut quantities);
    let candidates = tables.merge(&quantities, classify::classify(&doc, cat, &quantities));
    let (metrics, figures) = resolve::resolve(&doc, cat, &quantities, candidates);
    let (problems, problems_at) = sections::problems(&doc);
    let (plans, plans_at) = sections::plans(&doc);
    let mut report = Report {
        schema: 1,
        source: source.to_string(),
        meta: meta::meta(&doc),
        metrics,
        figures,
        outline: outline::outline(&doc),
        problems,
        problems_at,
        plans,
        plans_at,
        documents: documents::documents(&doc),
        summary: Default::default(),
        warnings: Vec::new(),
        review: Default::default(),
    };
    report.meta.genre = meta::genre::detect(report.meta.title.as_deref(), &doc.norm);
    report.meta.coverage = meta::genre::coverage(&report.meta, &doc.norm, &report.metrics);
    if let Some(y) = meta::genre::year_of(&report.meta) {
        report.meta.year = Some(y);
    }
    report.summary = summary::summarise_with(&report, cat);
    report.review = review::review(&doc, &quantities, &report, cat);
    report
}

/// Decode a file's bytes (text in any supported encoding, HTML, .docx) and extract it.
/// Errors are one-line messages naming what is wrong and what is supported.
pub fn extract_bytes(bytes: &[u8], source: &str) -> Result<Report, input::InputError> {
    let decoded = input::decode(bytes, source)?;
    let mut r = extract(&decoded.text, source);
    r.warnings.extend(decoded.warnings);
    Ok(r)
}
