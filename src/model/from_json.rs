//! The report types read from a parsed JSON value, field by field ([`FromJson`]), for the
//! page's shell. serde's derived `Deserialize` for these types, with `serde_json`'s
//! deserializer, was 130 KB of the shell's wasm before wasm-opt (42 KB gzip) of 930 KB: a
//! visitor per struct for maps and for sequences, a field-name matcher per struct, all inlined
//! into each `Vec<T>`. This reader is a lookup per field by name in a [`Value`].
//!
//! It reads what the engine writes (`engine::answer`); a field that is missing or of another
//! type reads as its default, as `#[serde(default)]` would. `tests/from_json.rs` checks that it
//! reads every seed's and dev text's report exactly as serde does.

use super::*;
use serde_json::Value;

/// A type read from a JSON value; a value of another shape reads as the default.
pub trait FromJson: Sized {
    /// `v` read as `Self`.
    fn from_json(v: &Value) -> Self;
}

/// Field `name` of object `v` read as `T` (the default when absent).
pub fn field<T: FromJson + Default>(v: &Value, name: &str) -> T {
    v.get(name).map(T::from_json).unwrap_or_default()
}

impl FromJson for String {
    fn from_json(v: &Value) -> Self {
        v.as_str().unwrap_or_default().to_string()
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Self {
        v.as_bool().unwrap_or_default()
    }
}

impl FromJson for f64 {
    fn from_json(v: &Value) -> Self {
        v.as_f64().unwrap_or_default()
    }
}

impl FromJson for i64 {
    fn from_json(v: &Value) -> Self {
        v.as_i64().unwrap_or_default()
    }
}

/// Integers narrower than `i64`/`u64`: out of range reads as 0.
macro_rules! int_from_json {
    ($($t:ty: $as:ident),*) => {$(
        impl FromJson for $t {
            fn from_json(v: &Value) -> Self {
                v.$as().and_then(|n| <$t>::try_from(n).ok()).unwrap_or_default()
            }
        }
    )*};
}
int_from_json!(u8: as_u64, u32: as_u64, usize: as_u64, i32: as_i64);

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value) -> Self {
        (!v.is_null()).then(|| T::from_json(v))
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Self {
        v.as_array()
            .map(|a| a.iter().map(T::from_json).collect())
            .unwrap_or_default()
    }
}

impl<T: FromJson> FromJson for std::collections::HashMap<String, T> {
    fn from_json(v: &Value) -> Self {
        v.as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, x)| (k.clone(), T::from_json(x)))
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl FromJson for Span {
    fn from_json(v: &Value) -> Self {
        let at = |i: usize| v.get(i).map(usize::from_json).unwrap_or_default();
        [at(0), at(1)]
    }
}

impl FromJson for Option<Approx> {
    fn from_json(v: &Value) -> Self {
        match v.as_str()? {
            "more_than" => Some(Approx::MoreThan),
            "nearly" => Some(Approx::Nearly),
            _ => None,
        }
    }
}

impl FromJson for Option<Change> {
    fn from_json(v: &Value) -> Self {
        if let Some(p) = v.get("pct") {
            return p.as_f64().map(Change::Pct);
        }
        v.get("points")?.as_f64().map(Change::Points)
    }
}

/// `FromJson` for a struct: each field read by its name (every field listed).
macro_rules! struct_from_json {
    ($($t:ident { $($f:ident),* $(,)? })*) => {$(
        impl $crate::model::from_json::FromJson for $t {
            fn from_json(v: &::serde_json::Value) -> Self {
                $t { $($f: $crate::model::from_json::field(v, stringify!($f)),)* }
            }
        }
    )*};
}
pub(crate) use struct_from_json;

struct_from_json! {
    Report { schema, source, meta, metrics, figures, outline, problems, problems_at, plans,
             plans_at, documents, summary, warnings, review }
    Meta { agency, region, province, level, year, published, title, genre, coverage }
    Summary { zh, en, links }
    Review { parts, timeliness, derived, flags, sections, density, last_year, series }
    Part { id, status, heading, at, reasons }
    Timeliness { year, published, deadline, status, days_late }
    Derived { id, label, label_en, value, unit, formula, uses }
    Flag { kind, zh, en, metrics, evidence }
    SectionDensity { heading, at, chars, facts, figures, no_figures }
    LastYear { metric, value, current, evidence }
    Series { agency, metric, label, unit, points }
    SeriesPoint { year, value, source }
    Fact { id, label, label_en, group, value, unit, primary, raw, approx, scope, period, change,
           evidence, loose, weak }
    Figure { value, unit, subject, approx, evidence }
    Heading { level, text, at }
    Document { title, kind, count, issued, at }
    SummaryLink { lang, span, fact }
}

/// Field `key` of the embedded JSON data file `json` read as `T` (the default when the file or
/// the field is not there): how the page's shell reads its names of the data.
pub(crate) fn data_field<T: FromJson + Default>(json: &str, key: &str) -> T {
    let v: Value = serde_json::from_str(json).unwrap_or_default();
    field(&v, key)
}
