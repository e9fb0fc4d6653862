//! Across reports (REVIEW.md §6): the reports of one agency over several years form a series per
//! metric; a stated last-year value that disagrees with the previous year's report is a
//! `cross_year_mismatch` flag. Both go into each report's `review` (the CLI's output stays an
//! array of reports).

use crate::format::number;
use crate::model::{Fact, Flag, Report, Series, SeriesPoint};

/// Relative difference above which a stated last-year value disagrees with last year's report.
pub const CROSS_YEAR_TOLERANCE: f64 = 0.005;

fn agency_key(r: &Report) -> Option<(String, i32)> {
    let a = r.meta.agency.as_ref()?.trim();
    let y = r.meta.year?;
    (!a.is_empty()).then(|| (a.to_string(), y))
}

fn primary<'a>(r: &'a Report, id: &str) -> Option<&'a Fact> {
    r.primary(id)
}

/// The series of each agency with reports of two or more years, and the cross-year flags;
/// written into the reports' `review.series` and `review.flags`.
pub fn across(reports: &mut [Report]) {
    across_by(reports, |r| r, |r| r);
}

/// [`across`] over items that hold reports: `get` reads one, `get_mut` gives one to write into,
/// called only for the reports that get a series or a flag (the page's shell shares its
/// reports behind `Rc` and copies only those, with `Rc::make_mut`).
pub fn across_by<T>(
    items: &mut [T],
    get: impl Fn(&T) -> &Report,
    mut get_mut: impl FnMut(&mut T) -> &mut Report,
) {
    // agency → indices (first report per year), the agencies in order of first appearance
    let mut groups: Vec<(String, Vec<(i32, usize)>)> = Vec::new();
    let mut group_of: std::collections::HashMap<String, usize> = Default::default();
    for (i, r) in items.iter().map(&get).enumerate() {
        let Some((a, y)) = agency_key(r) else {
            continue;
        };
        let k = *group_of.entry(a.clone()).or_insert_with(|| {
            groups.push((a, Vec::new()));
            groups.len() - 1
        });
        let g = &mut groups[k];
        if !g.1.iter().any(|(yy, _)| *yy == y) {
            g.1.push((y, i));
        }
    }
    for (agency, mut members) in groups {
        if members.len() < 2 {
            continue;
        }
        members.sort();
        let mut ids: Vec<String> = Vec::new();
        for (_, i) in &members {
            for f in get(&items[*i]).metrics.iter().filter(|f| f.primary) {
                if !ids.contains(&f.id) {
                    ids.push(f.id.clone());
                }
            }
        }
        let mut series = Vec::new();
        for id in &ids {
            let points: Vec<SeriesPoint> = members
                .iter()
                .filter_map(|(y, i)| {
                    primary(get(&items[*i]), id).map(|f| SeriesPoint {
                        year: *y,
                        value: f.value,
                        source: get(&items[*i]).source.clone(),
                    })
                })
                .collect();
            if points.len() >= 2 {
                let f = members
                    .iter()
                    .find_map(|(_, i)| primary(get(&items[*i]), id))
                    .expect("a point");
                series.push(Series {
                    agency: agency.clone(),
                    metric: id.clone(),
                    label: f.label.clone(),
                    unit: f.unit.clone(),
                    points,
                });
            }
        }
        let mut flags: Vec<(usize, Flag)> = Vec::new();
        for w in members.windows(2) {
            let ((py, pi), (y, i)) = (w[0], w[1]);
            if y != py + 1 {
                continue;
            }
            flags.extend(
                cross_year(get(&items[pi]), get(&items[i]), py)
                    .into_iter()
                    .map(|f| (i, f)),
            );
        }
        for (_, i) in &members {
            get_mut(&mut items[*i]).review.series = series.clone();
        }
        for (i, f) in flags {
            get_mut(&mut items[i]).review.flags.push(f);
        }
    }
}

/// The stated last-year values of `this` against the primary facts of `prev` (the report on `prev_year`).
pub fn cross_year(prev: &Report, this: &Report, prev_year: i32) -> Vec<Flag> {
    let mut out = Vec::new();
    for ly in &this.review.last_year {
        let Some(p) = primary(prev, &ly.metric) else {
            continue;
        };
        let agrees = prev.metrics.iter().filter(|f| f.id == ly.metric).any(|f| {
            (f.value - ly.value).abs() <= CROSS_YEAR_TOLERANCE * f.value.abs().max(ly.value.abs())
        });
        if agrees {
            continue;
        }
        let (zh, en) = super::flags::messages().get("cross_year_mismatch");
        let pairs = [
            ("metric", p.label.clone()),
            ("stated", format!("{}{}", number(ly.value), p.unit)),
            ("previous", format!("{}{}", number(p.value), p.unit)),
            ("year", prev_year.to_string()),
        ];
        out.push(Flag {
            kind: "cross_year_mismatch".into(),
            zh: super::fill(zh, &pairs),
            en: super::fill(en, &pairs),
            metrics: vec![ly.metric.clone()],
            evidence: vec![ly.evidence],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    fn report(agency: &str, year: i32, fines: f64) -> Report {
        let mut r = crate::extract(&format!("{agency}{year}年罚没款{fines}万元。"), "t.txt");
        r.meta.agency = Some(agency.into());
        r.meta.year = Some(year);
        r
    }

    /// Through `Rc`s, `across_by` writes what `across` writes and copies only the reports it
    /// writes into: a lone agency's report stays shared.
    #[test]
    fn across_by_copies_only_what_it_writes() {
        let plain = vec![
            report("甲县司法局", 2022, 10.0),
            report("乙县司法局", 2023, 5.0),
            report("甲县司法局", 2023, 12.0),
        ];
        let mut expected = plain.clone();
        across(&mut expected);
        assert!(!expected[0].review.series.is_empty(), "a series for 甲");
        let mut shared: Vec<Rc<Report>> = plain.into_iter().map(Rc::new).collect();
        let before: Vec<Rc<Report>> = shared.clone();
        across_by(&mut shared, |r| r, Rc::make_mut);
        let got: Vec<Report> = shared.iter().map(|r| (**r).clone()).collect();
        assert_eq!(got, expected);
        let same: Vec<bool> = shared
            .iter()
            .zip(&before)
            .map(|(a, b)| Rc::ptr_eq(a, b))
            .collect();
        assert_eq!(same, [false, true, false]);
    }
}
