//! The text's places without the two-char county names that are pieces of words.

use super::is_han;
use super::words::words;
use crate::data::gazetteer::{self, Found};

/// The full place names of `s` ([`gazetteer::find_all`]) but a two-char name right after a Han
/// char that is neither the end of a place name nor one of the jurisdiction words'
/// `before_short_name` (`市政府和县人大`: a conjunction and 县人大, not 和县; `完成县级`), and
/// a name that opens one of `not_place_words` (`代县长`).
pub(super) fn places_in(s: &str) -> Vec<Found> {
    let allowed = &words().jurisdiction.before_short_name;
    let not_place = &words().jurisdiction.not_place_words;
    let mut out: Vec<Found> = Vec::new();
    let mut last_end = None;
    for f in gazetteer::find_all(s) {
        let chained = last_end == Some(f.range.start);
        last_end = Some(f.range.end);
        let short = f.name.chars().count() == 2;
        let before = s[..f.range.start].chars().next_back();
        let in_word =
            short && !chained && before.is_some_and(|c| is_han(c) && !allowed.contains(c));
        let title = not_place
            .iter()
            .any(|w| s[f.range.start..].starts_with(w.as_str()));
        if !in_word && !title {
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<String> {
        places_in(s).into_iter().map(|f| f.name).collect()
    }

    /// A two-char county name glued to the char before is a word piece; after a place, a
    /// preposition or a line start it is the place.
    #[test]
    fn short_names_in_words() {
        assert!(names("市政府和县人大常委会").is_empty());
        assert!(names("按时完成县级清单").is_empty());
        assert_eq!(names("马鞍山市和县人民政府"), ["马鞍山市", "和县"]);
        assert_eq!(names("和县人民政府"), ["和县"]);
        assert_eq!(names("组织人员赴和县学习"), ["和县"]);
        assert_eq!(names("忻州市代县"), ["忻州市", "代县"]);
        assert!(names("会议由代县长主持").is_empty());
        assert!(names("代县长主持会议").is_empty());
    }
}
