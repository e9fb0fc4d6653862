//! The user's corrections of a report card (agency, region, year, level): kept with the text in
//! storage, laid over the extracted `meta` so that every list, table, chart and export uses them,
//! and noted in the report's warnings so that an export says it was edited.

use crate::model::Report;
use serde::{Deserialize, Serialize};

/// The warning an edited report carries (both languages, like the page's other notes).
pub const EDITED_NOTE: &str = "已由用户修改 edited by the user";

/// Corrections of one report's card; `None` keeps what the extraction found.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct MetaEdit {
    /// The reporting agency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// Its region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The year reported on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// 省级 / 地市级 / 区县级 (free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
}

impl MetaEdit {
    /// Nothing corrected.
    pub fn is_empty(&self) -> bool {
        self.agency.is_none()
            && self.region.is_none()
            && self.year.is_none()
            && self.level.is_none()
    }

    /// The names of the corrected fields (`agency`, `region`, `year`, `level`).
    pub fn fields(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.agency.is_some() {
            v.push("agency");
        }
        if self.region.is_some() {
            v.push("region");
        }
        if self.year.is_some() {
            v.push("year");
        }
        if self.level.is_some() {
            v.push("level");
        }
        v
    }

    /// Read the card's form values: empty or unchanged fields are not corrections; a year
    /// that is not a plausible year (1949–2100) is ignored.
    pub fn from_form(
        found: &crate::model::Meta,
        agency: &str,
        region: &str,
        year: &str,
        level: &str,
    ) -> MetaEdit {
        let text = |v: &str, was: &Option<String>| {
            let v = v.trim();
            (!v.is_empty() && was.as_deref() != Some(v)).then(|| v.to_string())
        };
        let year = year
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (1949..=2100).contains(y) && found.year != Some(*y));
        MetaEdit {
            agency: text(agency, &found.agency),
            region: text(region, &found.region),
            year,
            level: text(level, &found.level),
        }
    }
}

/// Lay the corrections over a freshly extracted report (idempotent).
pub fn apply(edit: &MetaEdit, r: &mut Report) {
    if edit.is_empty() {
        return;
    }
    if let Some(a) = &edit.agency {
        r.meta.agency = Some(a.clone());
    }
    if let Some(g) = &edit.region {
        r.meta.region = Some(g.clone());
    }
    if let Some(y) = edit.year {
        r.meta.year = Some(y);
    }
    if let Some(l) = &edit.level {
        r.meta.level = Some(l.clone());
    }
    let note = format!("{EDITED_NOTE}: {}", edit.fields().join(", "));
    r.warnings.retain(|w| !w.starts_with(EDITED_NOTE));
    r.warnings.push(note);
}
