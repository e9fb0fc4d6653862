//! The stage order: text → `Doc` → quantities → tables + classify → resolve → meta, outline,
//! sections, documents → genre and coverage → summary → review (see ARCHITECTURE.md).

use crate::data::catalog::{self, Catalog};
use crate::doc::Doc;
use crate::input;
use crate::metrics::{classify, resolve, tables};
use crate::model::Report;
use crate::numbers::quantities;
use crate::report::{documents, meta, outline, sections, summary};
use crate::review;

/// Extract the metrics, figures, meta, outline, sections, documents and summary of one report.
/// Never panics on any input.
pub fn extract(text: &str, source: &str) -> Report {
    extract_with(text, source, catalog::builtin())
}

/// [`extract`] with a catalog of the user's (see [`catalog::Catalog::from_toml`]).
pub fn extract_with(text: &str, source: &str, cat: &Catalog) -> Report {
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

/// The loaders of the built-in data files, biggest first: each parses its file and compiles its
/// patterns once (behind a `OnceLock`) the first time a report needs it. A caller with threads
/// runs them in parallel before its first reports (the CLI: otherwise every worker waits on the
/// one that loads). Loading is only ever sooner: what a report gives does not change.
pub fn loaders() -> Vec<fn()> {
    vec![
        || {
            let _ = crate::metrics::classify::words::words();
        },
        || {
            let _ = review::parts::names();
        },
        || {
            let _ = review::parts::rules();
        },
        crate::text::layout::load,
        || {
            let _ = meta::genre::genres();
        },
        || {
            let _ = meta::genre::names();
        },
        crate::data::gazetteer::load,
        || {
            let _ = crate::metrics::words::words();
        },
        || {
            let _ = meta::words::words();
        },
        documents::load,
        || {
            let _ = tables::builtin();
        },
        review::rules::load,
        || {
            let _ = review::rules::messages();
        },
        || {
            let _ = review::derived::builtin();
        },
        // (the date labels' words are read from their patterns: both load)
        || {
            let _ = meta::date::label_words();
        },
        || {
            let _ = crate::text::clutter::builtin();
        },
        || {
            let _ = quantities::words::chars();
        },
    ]
}

/// Decode a file's bytes (text in any supported encoding, HTML, .docx) and extract it.
/// Errors are one-line messages naming what is wrong and what is supported.
pub fn extract_bytes(bytes: &[u8], source: &str) -> Result<Report, input::InputError> {
    let decoded = input::decode(bytes, source)?;
    let mut r = extract(&decoded.text, source);
    r.warnings.extend(decoded.warnings);
    Ok(r)
}
