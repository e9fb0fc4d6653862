//! Documents: every title cited in 《》, its kind, how often, and whether it was issued this year.

use crate::model::Document;
use crate::Doc;

/// The cited documents in order of first citation.
pub fn documents(doc: &Doc) -> Vec<Document> {
    let _ = doc;
    Vec::new()
}
