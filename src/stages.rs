//! Each stage of the pipeline on its own, for the table tests and for tools that check one
//! stage (a parser, the meta reader, the sections) without the rest. `extract` is the path
//! users take; these are the same functions it calls, not copies.

pub use crate::data::gazetteer;
pub use crate::doc::Doc;
pub use crate::metrics::{classify, resolve, tables};
pub use crate::numbers::{numerals, quantities};
pub use crate::report::{documents, meta, outline, sections, summary};
pub use crate::text::{chars_slice, clutter, layout, normalise, segment};
