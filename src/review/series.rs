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
    // agency → indices (first report per year)
    let mut groups: Vec<(String, Vec<(i32, usize)>)> = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        let Some((a, y)) = agency_key(r) else {
            continue;
        };
        let g = match groups.iter_mut().find(|g| g.0 == a) {
            Some(g) => g,
            None => {
                groups.push((a, Vec::new()));
                groups.last_mut().expect("just pushed")
            }
        };
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
            for f in reports[*i].metrics.iter().filter(|f| f.primary) {
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
                    primary(&reports[*i], id).map(|f| SeriesPoint {
                        year: *y,
                        value: f.value,
                        source: reports[*i].source.clone(),
                    })
                })
                .collect();
            if points.len() >= 2 {
                let f = members
                    .iter()
                    .find_map(|(_, i)| primary(&reports[*i], id))
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
                cross_year(&reports[pi], &reports[i], py)
                    .into_iter()
                    .map(|f| (i, f)),
            );
        }
        for (_, i) in &members {
            reports[*i].review.series = series.clone();
        }
        for (i, f) in flags {
            reports[i].review.flags.push(f);
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
