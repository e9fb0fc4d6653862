//! Stage 7 — meta: title, agency, region, province, level, year reported on, published date.
//!
//! In: the [`Doc`] (the unblanked normalised text, since title and date lines often sit in page
//! clutter). Out: [`Meta`]. Province and level come from [`crate::gazetteer`].

use crate::model::Meta;
use crate::Doc;

/// Read the report's metadata.
pub fn meta(doc: &Doc) -> Meta {
    let _ = doc;
    Meta::default()
}
