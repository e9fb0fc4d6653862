//! The metrics layer: quantities → catalog metrics (`classify`, and `tables` for tables
//! flattened into text), their qualifiers (`qualify`) and the facts with one primary per metric
//! (`resolve`); how much to trust each (`confidence`, for the page). Imports `doc`, `text`, `numbers`, `data`, `model` and `re`.

pub mod classify;
pub mod confidence;
pub mod qualify;
pub mod resolve;
pub mod tables;
pub(crate) mod words;
