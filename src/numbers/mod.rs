//! The numbers layer: numerals (Chinese and Arabic) and the quantities scanned from a text
//! (number + unit + approximation markers). Imports only `model`.

pub mod numerals;
pub mod quantities;
