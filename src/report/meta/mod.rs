//! Stage 7 — meta: title, agency, region, province, level, year reported on, published date.
//!
//! In: the [`Doc`] (the unblanked normalised text, since title and date lines often sit in page
//! clutter). Out: [`Meta`]. Province and level come from [`crate::data::gazetteer`].
//!
//! - **title**: the first line that reads like a report title (a report word at the end, a
//!   法治/依法行政/信息公开 … keyword, not a breadcrumb or sentence). A title without an agency
//!   whose previous line is an agency name (a title split over two lines) is joined to it; a
//!   full one-line title anywhere near the top wins over that.
//! - **agency**: the title's text before the year / 关于 / the subject; else the signature above
//!   the closing date (the report's author), a 来源/发布机构 line (the page's publisher), or
//!   the most frequent `<place><department>` of the text that matches how the report names
//!   itself (`市生态环境局`); failing that, that department joined to the place of its level the
//!   text names most (at least twice).
//! - **region/province/level**: the agency's place names through [`gazetteer::resolve`] (else the
//!   title's); a county the gazetteer lacks (`…县`, `…旗`) still gives region and level. No place is
//!   guessed for an agency without one that is not a local bureau (`生态环境部`).
//! - **year**: the title's year; else the first sentence-initial `20XX年`; else the most frequent.
//! - **published**: a labelled date (发布时间/更新时间/时间/日期 …), never the signature date.

mod addressee;
mod agency;
pub(crate) mod date;
pub mod genre;
mod hosts;
mod jurisdiction;
mod numbers;
mod oneline;
mod peers;
mod place;
mod short_place;
mod title;
mod word_places;
pub mod words;

use crate::doc::Doc;
use crate::model::Meta;
use agency::{
    compose, expand, infer_agency, placeless_department, signature_agency, source_agency,
};
use date::{body_year, published};
use place::{may_lack_place, place_of};
use title::{find_title, year_in};

/// Read the report's metadata.
pub fn meta(doc: &Doc) -> Meta {
    let mut m = meta_of_text(&doc.norm);
    restore_title(doc, &mut m);
    m
}

/// [`meta`] of a document, the title as written in the original (quotes, brackets): each of its
/// chars read back through the offsets (a hard-wrapped or letter-spaced original has chars the
/// normalised text left out).
fn restore_title(doc: &Doc, m: &mut Meta) {
    let Some(t) = m.title.as_deref() else { return };
    let Some(b) = doc.norm.find(t) else { return };
    let keep = &words::words().title.as_written;
    // quotes as written (`“绿剑”`); digits, colons and spaces stay normalised
    let title = t
        .char_indices()
        .map(|(i, c)| match doc.original_char_at(b + i) {
            Some(o) if keep.contains(o) => o,
            _ => c,
        })
        .collect();
    m.title = Some(title);
}

/// [`meta`] on a normalised text (half-width forms, see [`crate::text::normalise`]).
pub fn meta_of_text(norm: &str) -> Meta {
    let lines = lines(norm);
    // the text's places (a pass over the whole text), found once when first needed
    let places = Places::default();
    let (title, title_agency) = find_title(&lines);
    let mut m = Meta {
        title: title.clone(),
        ..Meta::default()
    };

    // a title naming only a place (`X县2024年法治政府建设报告`): the page fields may name the body
    let bare_title_place = title_agency
        .as_deref()
        .is_some_and(|a| !crate::data::gazetteer::lookup_all(a).is_empty());
    let mut agency = title_agency
        .clone()
        .filter(|_| !bare_title_place)
        // the body that signs the report, before the one that posted the page (a 司法局 posting
        // its government's report)
        .or_else(|| signature_agency(&lines))
        .or_else(|| source_agency(&lines))
        .or_else(|| addressee::issuer(norm, &lines, || places.of(norm)))
        .or_else(|| title_agency.filter(|_| bare_title_place));
    let from_agency = agency.as_deref().map(place_of);
    let mut below_superior = false;
    if let Some(p) = from_agency.filter(|p| p.region.is_some()) {
        m.agency = agency;
        p.fill(&mut m);
    } else if let Some(p) = title
        .as_deref()
        .map(place_of)
        .filter(|p| p.region.is_some())
    {
        // a title that opens with a township (`X镇2023年…报告`, also after its county:
        // `Y区X街道2023年…`) names its government
        m.agency = agency.or_else(|| title.as_deref().and_then(township_body));
        p.fill(&mut m);
    } else if let Some(city) = agency
        .is_none()
        .then(|| places.speaks_as_department(norm))
        .filter(|&d| d)
        .and_then(|_| hosts::superior_city(norm, places.of(norm)))
    {
        // a body that attended what its own kind of department of a city hosted: one of that
        // city's counties' (which one the text does not tell)
        m.province = Some(city.province);
        m.level = Some(crate::data::gazetteer::COUNTY.to_string());
        below_superior = true;
    } else if agency.as_deref().is_none_or(may_lack_place) {
        if let Some(inferred) = places.inferred(norm) {
            place_of(&inferred).fill(&mut m);
            if agency.is_none() {
                agency = Some(inferred);
            }
        }
        m.agency = agency;
    } else {
        m.agency = agency;
    }

    if !below_superior {
        complete_from_body(norm, &places, &mut m);
    }

    m.year = title
        .as_deref()
        .and_then(year_in)
        .or_else(|| body_year(norm));
    m.published = published(norm, &lines);
    if m.year.is_none() {
        // a news item without any year: the year of its page date
        m.year = m
            .published
            .as_deref()
            .and_then(|d| d.get(..4)?.parse().ok());
    }
    m
}

/// The body of the township a title opens with (`X镇…` → `X镇人民政府`), also one written after
/// its county (`Y区X街道…` → `Y区X街道办事处`).
fn township_body(title: &str) -> Option<String> {
    if let Some((_, body)) = agency::township(title) {
        return Some(body);
    }
    let end = crate::data::gazetteer::resolve(title).end;
    let (_, body) = agency::township(title.get(end..).filter(|_| end > 0)?)?;
    Some(format!("{}{body}", &title[..end]))
}

/// Fill what the title and page fields left open from the body: the jurisdiction (region,
/// province, level) and an agency composed of it (see [`agency::compose`]); an agency written
/// without its place gets it, a bare place its people's government.
fn complete_from_body(norm: &str, places: &Places, m: &mut Meta) {
    if m.agency.as_deref().is_some_and(agency::national) {
        // a national body: no region, no level (and no province)
        m.region = None;
        m.province = None;
        m.level = None;
        return;
    }
    complete_local(norm, places, m);
    // a branch bureau (`我分局`) whose place the text does not tell serves one county
    let speaks_as_branch = agency::speaks_as_branch(norm);
    let branch = m.agency.as_deref().is_some_and(|a| a.ends_with("分局")) || speaks_as_branch;
    if branch && m.level.is_none() && m.region.is_none() {
        m.level = Some(crate::data::gazetteer::COUNTY.to_string());
    }
    // a text that says 我分局 names its city, not its county
    if speaks_as_branch
        && m.agency.is_none()
        && m.level.as_deref() == Some(crate::data::gazetteer::PREFECTURAL)
    {
        m.region = None;
        m.level = Some(crate::data::gazetteer::COUNTY.to_string());
    }
}

/// The places of a text ([`crate::data::gazetteer::find_all`]) and what is read from them by
/// more than one step, each found on first use.
#[derive(Default)]
struct Places {
    found: std::cell::OnceCell<Vec<crate::data::gazetteer::Found>>,
    /// [`agency::self_department`] of the text and its places.
    self_dept: std::cell::OnceCell<Option<(char, String)>>,
    /// [`infer_agency`] of the text and its places.
    inferred: std::cell::OnceCell<Option<String>>,
    /// [`agency::speaks_as_department`] of the text.
    as_dept: std::cell::OnceCell<bool>,
}

impl Places {
    /// The places of `norm` (always the same text).
    fn of(&self, norm: &str) -> &[crate::data::gazetteer::Found] {
        self.found.get_or_init(|| word_places::places_in(norm))
    }

    /// [`agency::self_department`] of `norm` (always the same text) and its places.
    fn self_department(&self, norm: &str) -> Option<(char, String)> {
        self.self_dept
            .get_or_init(|| agency::self_department(norm, self.of(norm)))
            .clone()
    }

    /// [`infer_agency`] of `norm` (always the same text) and its places.
    fn inferred(&self, norm: &str) -> Option<String> {
        self.inferred
            .get_or_init(|| {
                let as_dept = self.speaks_as_department(norm);
                let found = self.of(norm);
                let best = infer_agency(norm, found, as_dept, || self.self_department(norm));
                let parent = peers::parent_of_peers(norm, best.as_deref(), found, || {
                    self.self_department(norm)
                });
                parent.or(best)
            })
            .clone()
    }

    /// [`agency::speaks_as_department`] of `norm` (always the same text).
    fn speaks_as_department(&self, norm: &str) -> bool {
        *self
            .as_dept
            .get_or_init(|| agency::speaks_as_department(norm))
    }
}

/// Drop an agency named only by its level (`市政府` of a headline `市政府考核组来我区…`) of
/// another level than the one the text speaks as (`我区`): a visitor, not the body.
fn drop_visitor(m: &mut Meta, j: &jurisdiction::Jurisdiction) {
    if m.region.is_some() {
        return;
    }
    let other_level = |a: &str| {
        let first = a.chars().next();
        first.is_some_and(|c| words::words().jurisdiction.level_chars.contains(c))
            && place_of(a).region.is_none()
            && j.level_char.is_some_and(|l| Some(l) != first)
    };
    if m.agency.as_deref().is_some_and(other_level) {
        m.agency = None;
    }
}

fn complete_local(norm: &str, places: &Places, m: &mut Meta) {
    if let Some(a) = m.agency.take() {
        // `中共X县委 X县人民政府`: the government
        let a = match a.rsplit_once(' ') {
            Some((head, tail)) if head.starts_with("中共") && !tail.is_empty() => {
                tail.to_string()
            }
            _ => a,
        };
        m.agency = Some(a);
    }
    let bare_place = m
        .agency
        .as_deref()
        .is_some_and(|a| !crate::data::gazetteer::lookup_all(a).is_empty());
    if bare_place {
        if let Some(a) = m.agency.as_mut() {
            a.push_str("人民政府");
        }
    }
    let placeless = |m: &Meta| match (&m.agency, &m.region) {
        (Some(a), Some(r)) => placeless_department(a, r).is_some(),
        (Some(a), None) => place_of(a).region.is_none(),
        _ => false,
    };
    if m.region.is_some() && m.agency.is_some() && m.province.is_some() && !placeless(m) {
        return;
    }
    let found = places.of(norm);
    let j = jurisdiction::jurisdiction(norm, found, places.speaks_as_department(norm));
    drop_visitor(m, &j);
    if m.region.is_some() && m.province.is_none() {
        // a township or an ambiguous name: the province the text names most
        m.province = j.province.clone();
        // a zone that nothing places in a province is no place of its own
        if m.province.is_none() && m.region.as_deref().is_some_and(place::is_zone) {
            m.region = None;
            m.level = None;
        }
    }
    if m.region.is_none() {
        if let Some((town, body)) = agency::township_of_text(norm) {
            m.region = Some(town);
            m.province = j.province.clone();
            m.agency = m.agency.take().or(Some(body));
            return;
        }
    }
    if m.region.is_none() {
        m.region = j.region.clone();
        m.province = m.province.take().or(j.province.clone());
        m.level = m.level.take().or(j.level.clone());
    }
    if m.region.is_none() && m.agency.is_none() {
        let as_dept = places.speaks_as_department(norm);
        if let Some((p, agency)) = short_place::short_place_agency(norm, found, &j, as_dept) {
            m.agency = Some(agency);
            m.region = Some(p.name);
            m.province = Some(p.province);
            m.level = Some(p.level.to_string());
        }
    }
    if m.region.is_none() && j.level_char == Some('省') {
        // a provincial text that names no place: the province its document numbers name
        let named = |p: &String| j.province.as_ref().is_none_or(|q| q == p);
        if let Some(p) = numbers::province_of_numbers(norm).filter(named) {
            m.region = Some(p.clone());
            m.province = Some(p);
            m.level = Some(crate::data::gazetteer::PROVINCIAL.to_string());
        }
    }
    let Some(region) = m.region.clone() else {
        return;
    };
    match m.agency.as_deref() {
        None => {
            // a body of the region named in the text, else one composed from it
            m.agency = places
                .inferred(norm)
                .filter(|a| place_of(a).region.as_deref() == Some(region.as_str()))
                .or_else(|| {
                    let self_dept = || places.self_department(norm);
                    let as_dept = places.speaks_as_department(norm);
                    compose(norm, &region, j.level_char, as_dept, found, self_dept)
                });
        }
        Some(a) => {
            if let Some(dept) = placeless_department(a, &region) {
                m.agency = Some(format!("{region}{}", expand(dept)));
            }
        }
    }
}

// ---------------------------------------------------------------- lines

pub(super) struct Line<'a> {
    pub(super) text: &'a str,
    /// A piece of a line that held a page's lines run together ([`oneline::pieces`]).
    pub(super) cut: bool,
}

pub(super) fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
}

/// The non-blank lines of `norm`, trimmed (those of `split('\n')`, found by memchr); a line
/// too long to be a paragraph (a text pasted as one line) as the page's lines it holds.
pub(super) fn lines(norm: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    for t in crate::text::lines::line_ranges(norm).map(|r| trim(&norm[r])) {
        if oneline::too_long(t, norm.len()) {
            out.extend(
                oneline::pieces(t)
                    .into_iter()
                    .map(|text| Line { text, cut: true }),
            );
        } else if !t.is_empty() {
            out.push(Line {
                text: t,
                cut: false,
            });
        }
    }
    out
}

/// The chars of `chars` as one automaton: each occurrence found in a single pass over a text,
/// in order (one-char patterns never overlap), without decoding the chars between.
pub(super) fn char_finder(chars: &str) -> aho_corasick::AhoCorasick {
    let each: Vec<String> = chars.chars().map(String::from).collect();
    aho_corasick::AhoCorasick::new(each).expect("a few chars")
}

/// Each occurrence in `norm` of a char that `finder` ([`char_finder`]) finds: (byte position,
/// the char, the char before it).
pub(super) fn char_hits<'a>(
    finder: &'a aho_corasick::AhoCorasick,
    norm: &'a str,
) -> impl Iterator<Item = (usize, char, Option<char>)> + 'a {
    finder.find_iter(norm).filter_map(move |m| {
        let c = norm[m.start()..].chars().next()?;
        Some((m.start(), c, norm[..m.start()].chars().next_back()))
    })
}

pub(super) fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c) || c == '〇'
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `lines` gives the trimmed non-blank pieces of `split('\n')`: blank and space-only lines,
    /// breaks at either end, `\r\n`, a BOM, wide chars.
    #[test]
    fn lines_are_the_split_lines() {
        for s in [
            "",
            "\n",
            "\n\n一\n",
            "a\r\nb\r\n",
            " \u{feff}标题 \n\u{200b}\n\t正文\u{3000}\n末",
            "\u{1F600}\n \n\u{1F600}",
        ] {
            let want: Vec<&str> = s.split('\n').map(trim).filter(|t| !t.is_empty()).collect();
            let got: Vec<&str> = lines(s).iter().map(|l| l.text).collect();
            assert_eq!(got, want, "{s:?}");
        }
    }
}
