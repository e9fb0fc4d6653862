//! Timeliness (REVIEW.md §2): a report on year Y is due, published, before Y+1-04-01.

use crate::model::Timeliness;

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// `YYYY-MM-DD` → (year, month, day), when it is a plausible date.
pub fn parse_date(s: &str) -> Option<(i64, u32, u32)> {
    let mut it = s.trim().splitn(3, '-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    ((1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then_some((y, m, d))
}

/// The timeliness of a report on `year` published on `published` (`YYYY-MM-DD`).
pub fn timeliness(year: Option<i32>, published: Option<&str>) -> Timeliness {
    let deadline = year.map(|y| format!("{:04}-04-01", y + 1));
    let mut t = Timeliness {
        year,
        published: published.map(str::to_string),
        deadline,
        status: "unknown".into(),
        days_late: None,
    };
    let (Some(y), Some((py, pm, pd))) = (year, published.and_then(parse_date)) else {
        return t;
    };
    let p = days_from_civil(py, pm, pd);
    let due = days_from_civil(y as i64 + 1, 4, 1);
    let year_end = days_from_civil(y as i64 + 1, 1, 1);
    t.status = if p < year_end {
        "early".into()
    } else if p < due {
        "on_time".into()
    } else {
        t.days_late = Some(p - due);
        "late".into()
    };
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn deadline() {
        assert_eq!(timeliness(Some(2021), Some("2022-03-31")).status, "on_time");
        let late = timeliness(Some(2021), Some("2022-04-03"));
        assert_eq!((late.status.as_str(), late.days_late), ("late", Some(2)));
        assert_eq!(timeliness(Some(2021), Some("2021-11-30")).status, "early");
        assert_eq!(timeliness(Some(2021), None).status, "unknown");
        assert_eq!(timeliness(None, Some("2022-01-01")).deadline, None);
    }
}
