//! The genre and year coverage of a report (`data/genres.toml`), driven by
//! `tests/data/genres.toml`: each page of our own wording → its genre and coverage, through
//! `extract`.

mod common;

use common::cases::GenreTable;
use common::Verdict;

#[test]
fn genre_and_coverage_table() {
    let file: GenreTable = common::load("genres.toml");
    assert!(file.case.len() >= 10, "only {} cases", file.case.len());
    let mut verdict = Verdict::new("genres.toml");
    for c in &file.case {
        let r = zhibiao::extract(&c.text, "genre-case.txt");
        let got_genre = r.meta.genre.clone().unwrap_or_else(|| "none".into());
        let got_cov = r.meta.coverage.clone().unwrap_or_else(|| "none".into());
        let mut errs = Vec::new();
        if got_genre != c.genre {
            errs.push(format!("genre: got {got_genre}, expected {}", c.genre));
        }
        if got_cov != c.coverage {
            errs.push(format!("coverage: got {got_cov}, expected {}", c.coverage));
        }
        if c.year.is_some() && r.meta.year != c.year {
            errs.push(format!(
                "year: got {:?}, expected {:?}",
                r.meta.year, c.year
            ));
        }
        verdict.record(&c.name, c.known_failure, &errs);
    }
    verdict.finish();
}
