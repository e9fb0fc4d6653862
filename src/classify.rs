//! Stage 4 — classify: which catalog metric (if any) each quantity is a figure of.
//!
//! In: the [`Doc`], the [`Catalog`], the quantities. Out: [`Candidate`]s (quantity index →
//! metric id), decided from the words before the figure in its clause, the words right after it,
//! its unit and the section it stands in.

use crate::catalog::Catalog;
use crate::quantities::Quantity;
use crate::Doc;

/// A quantity classified as a metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Index into the quantities.
    pub q: usize,
    /// Index into `catalog.metrics`.
    pub metric: usize,
}

/// Classify every quantity.
pub fn classify(doc: &Doc, cat: &Catalog, qs: &[Quantity]) -> Vec<Candidate> {
    let _ = (doc, cat, qs);
    Vec::new()
}
