//! The report layer: everything of a `Report` besides the metrics — meta (title, agency, place,
//! year, genre), outline, the problems and plans, cited documents and the summary. Imports the
//! layers below (`metrics` only for its types), never `pipeline`.

pub mod documents;
pub mod meta;
pub mod outline;
pub mod sections;
pub mod summary;
