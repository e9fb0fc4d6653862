//! The review (../shared/spec/REVIEW.md): what a reviewer checks in a report beyond its numbers —
//! the required parts ([`parts`]), the publication deadline ([`timeliness`]), indicators derived
//! from the counts ([`derived`]), numbers that do not add up ([`flags`]), where the numbers are
//! ([`density`]) and, with several reports, series over the years ([`series`]); [`table`] writes
//! one CSV row per report.
//!
//! The vocabulary is data: `data/parts.toml` (part headings and mentions), `data/derived.toml`
//! (formulas), `data/flags.toml` (flag words and messages).

mod changes;
pub mod density;
pub mod derived;
pub mod flags;
pub mod parts;
pub(crate) mod rules;
pub mod series;
pub mod table;
pub mod timeliness;

use crate::data::catalog::Catalog;
use crate::doc::Doc;
use crate::model::{Report, Review};
use crate::numbers::quantities::Quantity;

/// The review of one extracted report. `quantities` are the ones the extraction scanned in
/// `doc.body`. Never panics; linear in the text.
pub fn review(doc: &Doc, quantities: &[Quantity], report: &Report, cat: &Catalog) -> Review {
    // the outline's headings read once for the parts and the density
    let outline = parts::Outline::new(report);
    let parts = parts::parts_of(doc, report, &outline);
    let timeliness = timeliness::timeliness(report.meta.year, report.meta.published.as_deref());
    let derived = derived::derived(report, derived::builtin());
    let (sections, density) = density::density_of(doc, report, &outline);
    let mut review = Review {
        parts,
        timeliness,
        derived,
        sections,
        density,
        ..Default::default()
    };
    let found = flags::flags(doc, quantities, report, &review, cat);
    review.flags = found.flags;
    review.last_year = found.last_year;
    review.flags.extend(derived::stated_vs_derived(
        report,
        &review.derived,
        derived::builtin(),
    ));
    review
}

/// Add the derived indicators of a user catalog's `[[derived]]` entries to an extracted report
/// (with their `stated_vs_derived` flags).
pub fn add_derived(report: &mut Report, defs: &[derived::DerivedDef]) {
    let mut more = derived::derived(report, defs);
    more.retain(|d| !report.review.derived.iter().any(|o| o.id == d.id));
    let flags = derived::stated_vs_derived(report, &more, defs);
    report.review.derived.extend(more);
    report.review.flags.extend(flags);
}

/// Fill a message template: every `{key}` is replaced by its value.
pub(crate) fn fill(template: &str, pairs: &[(&str, String)]) -> String {
    let mut s = template.to_string();
    for (k, v) in pairs {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}
