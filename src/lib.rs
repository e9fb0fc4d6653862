//! zhibiao (指标): a 法治政府建设年度报告 → structured, checkable metrics.
//!
//! The core is pure Rust with no web dependencies: [`extract`] turns one report's text into a
//! [`Report`]; [`extract_with`] does so with a catalog of the user's; [`extract_bytes`] first
//! decodes a file (UTF-8/GBK text, HTML, .docx, natively also .doc and PDF). The layers, from
//! the bottom: `model` ← `text` ← `numbers` ← `metrics` ← `report` ← `review` ← `pipeline` ←
//! {`output`, `engine`, `cli`, `web`}; `data`, `format` and `re` are leaves (see ARCHITECTURE.md).
//! This file only declares the modules and the public API; no module imports from it.

mod data;
mod doc;
mod format;
mod metrics;
mod numbers;
mod pipeline;
mod re;
mod report;
mod text;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod engine;
pub mod input;
pub mod model;
pub mod output;
pub mod review;
pub mod stages;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use data::catalog;
pub use model::Report;
pub use pipeline::{extract, extract_bytes, extract_with, loaders};
