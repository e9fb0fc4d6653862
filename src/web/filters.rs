//! The comparison's filters: by department (the agency's name without its place), year and level.

use crate::model::Report;

/// The filters of the comparison table and the charts; empty = all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Department (see [`department`]).
    pub department: String,
    /// Year as text.
    pub year: String,
    /// Level (省级 / 地市级 / 区县级).
    pub level: String,
}

impl Filters {
    /// Whether a report passes every filter.
    pub fn keeps(&self, r: &Report) -> bool {
        (self.department.is_empty() || department(r) == self.department)
            && (self.year.is_empty()
                || r.meta.year.map(|y| y.to_string()).as_deref() == Some(self.year.as_str()))
            && (self.level.is_empty() || r.meta.level.as_deref() == Some(self.level.as_str()))
    }

    /// No filter set.
    pub fn is_empty(&self) -> bool {
        self.department.is_empty() && self.year.is_empty() && self.level.is_empty()
    }
}

/// The department of a report: its agency's name with the region (and province) in front of it
/// taken off (`宝坻区司法局` → `司法局`); the agency itself when it does not start with its
/// place; empty when there is no agency.
pub fn department(r: &Report) -> String {
    let Some(a) = r.meta.agency.as_deref() else {
        return String::new();
    };
    let mut rest = a;
    for place in [r.meta.province.as_deref(), r.meta.region.as_deref()]
        .into_iter()
        .flatten()
    {
        if let Some(s) = rest.strip_prefix(place) {
            if !s.is_empty() {
                rest = s;
            }
        }
    }
    rest.to_string()
}

/// The distinct values of `key` over `reports`, sorted, empty values left out.
pub fn choices(reports: &[&Report], key: impl Fn(&Report) -> String) -> Vec<String> {
    let mut v: Vec<String> = reports
        .iter()
        .map(|r| key(r))
        .filter(|s| !s.is_empty())
        .collect();
    crate::web::order::sort(&mut v);
    v.dedup();
    v
}
