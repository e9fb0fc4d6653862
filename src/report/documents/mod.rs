//! Documents: every title cited in 《》, its kind, how often, and whether it was issued this year.
//!
//! Titles are read from the blanked normalised text: nested `《…《…》…》` keeps the outer title and
//! also counts the inner one (as do `〈…〉` and `<…>` inside a title); line breaks and spaces inside
//! a title are dropped; a `《` that does not close before `。` (or within 120 characters), a title
//! longer than 80 characters or containing `。` is no title. `(以下简称《条例》)` makes `《条例》`
//! an alias of the title before it. The kind comes from the name by the rules of
//! `data/document_kinds.toml` (see [`kind_of`]); `issued` is true when a verb such as 出台/印发/
//! 制定/发布/修订 stands shortly before the title (or the run of titles it belongs to) in its
//! sentence, and no other year than the report's is named before it in that sentence.

mod cite;
mod verbs;

use crate::doc::Doc;
use crate::model::Document;
use crate::re::Regex;
use crate::text::layout::SectionKind;
use cite::{scan, Cite};
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use std::sync::OnceLock;
use verbs::Verbs;

/// The embedded kind rules (`data/document_kinds.toml`).
pub const DOCUMENT_KINDS_TOML: &str = include_str!("../../../data/document_kinds.toml");

/// Longest title kept, in chars.
pub const TITLE_MAX: usize = 80;

#[derive(Deserialize)]
struct KindsToml {
    national_prefixes: Vec<String>,
    provinces: Vec<String>,
    local_place: String,
    law_endings: Vec<String>,
    not_law_endings: Vec<String>,
    regulation_endings: Vec<String>,
    rule_endings: Vec<String>,
    plan_endings: Vec<String>,
    notice_endings: Vec<String>,
    ministry: String,
    government: String,
    department: String,
    issued_verbs: Vec<String>,
    issued_window: usize,
}

struct Rules {
    t: KindsToml,
    local_place: Regex,
    ministry: Regex,
    government: Regex,
    department: Regex,
    year: Regex,
    report_year: Regex,
    /// The most chars of an issued verb.
    verb_chars: usize,
    /// The issued verbs in one automaton.
    verbs: Verbs,
}

/// Load the document rules now (see `pipeline::loaders`).
pub(crate) fn load() {
    rules();
}

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| {
        let t: KindsToml = crate::data::builtin(crate::data::builtin_data!("document_kinds"))
            .expect("data/document_kinds.toml is valid");
        let re = |p: &str| crate::data::shipped("data/document_kinds.toml", "rules", p);
        Rules {
            local_place: re(&t.local_place),
            ministry: re(&t.ministry),
            government: re(&t.government),
            department: re(&t.department),
            year: re("(19|20)[0-9][0-9]年"),
            report_year: re("(20[0-9][0-9])年度?(法治政府|推进法治|法治建设|依法行政)"),
            verb_chars: t
                .issued_verbs
                .iter()
                .map(|v| v.chars().count())
                .max()
                .unwrap_or(0),
            verbs: Verbs::new(&t.issued_verbs),
            t,
        }
    })
}

/// The name without trailing parentheticals: `办法(试行)` → `办法`, `条例 (草案)` → `条例`.
fn core_name(title: &str) -> &str {
    let mut t = title.trim();
    for _ in 0..4 {
        if !t.ends_with(')') {
            break;
        }
        match t.rfind('(') {
            Some(i) if i > 0 => t = t[..i].trim_end(),
            _ => break,
        }
    }
    t
}

fn ends_with_any(s: &str, words: &[String]) -> bool {
    words.iter().any(|w| s.ends_with(w.as_str()))
}

/// Whether a name starts with a place below the national level.
fn is_local(r: &Rules, name: &str) -> bool {
    // (`trim_start_matches` without a substring searcher set up for each name)
    let mut n = name;
    while let Some(rest) = n.strip_prefix("中共") {
        n = rest;
    }
    r.t.provinces.iter().any(|p| n.starts_with(p.as_str())) || r.local_place.is_match(n)
}

fn is_national(r: &Rules, name: &str) -> bool {
    let national = &r.t.national_prefixes;
    national.iter().any(|p| name.starts_with(p.as_str())) || !is_local(r, name)
}

/// The kind of a cited title, decided from its name (see `data/document_kinds.toml`);
/// `said_normative` is true when the sentence calls it a 规范性文件 right at the title.
pub fn kind_of(title: &str, said_normative: bool) -> &'static str {
    let r = rules();
    let name = core_name(title);
    if ends_with_any(name, &r.t.law_endings) && !ends_with_any(name, &r.t.not_law_endings) {
        return if is_national(r, name) {
            "法律"
        } else {
            "其他"
        };
    }
    if ends_with_any(name, &r.t.regulation_endings) {
        return if is_local(r, name) && !name.starts_with("中华人民共和国") {
            "地方性法规"
        } else {
            "行政法规"
        };
    }
    if let Some(end) = r.t.rule_endings.iter().find(|w| name.ends_with(w.as_str())) {
        if said_normative {
            return "规范性文件";
        }
        let stem = &name[..name.len() - end.len()];
        let issuer = match stem.find("关于") {
            Some(i) => &stem[..i],
            None => crate::text::offsets::first_chars(stem, 20),
        };
        // (the place read once for both tests)
        let local = is_local(r, name);
        if !local && r.ministry.is_match(issuer) {
            return "规章";
        }
        if local && r.government.is_match(issuer) {
            return "规章";
        }
        if r.department.is_match(issuer) {
            return "规范性文件";
        }
        return "办法/细则/规定";
    }
    if ends_with_any(name, &r.t.plan_endings) {
        return "方案/规划/计划";
    }
    if ends_with_any(name, &r.t.notice_endings) {
        return "通知/意见";
    }
    if said_normative {
        "规范性文件"
    } else {
        "其他"
    }
}

/// A title that is only a generic word (`《方案》`, `《条例》`): a back-reference.
fn r_short(title: &str) -> bool {
    let t = &rules().t;
    [
        &t.law_endings,
        &t.regulation_endings,
        &t.rule_endings,
        &t.plan_endings,
        &t.notice_endings,
    ]
    .iter()
    .any(|l| l.iter().any(|w| w == title))
}

/// How far (chars) a title's sentence is read back from it.
const LOOKBACK: usize = 200;

/// The byte offset `n` chars before byte `b` of `s`, but not before `floor` (or 0): the bytes
/// are walked back no further than needed, each char counted at its lead byte.
///
/// The walk goes a stretch at a time: `left` chars still to go start at `left` or more bytes,
/// so the `left` bytes before `i` (no more) hold at most `left` char starts, counted at once
/// (a loop the compiler vectorises); the walk byte by byte would stop no sooner than the
/// stretch's first byte, and exactly there when every one of its bytes starts a char.
fn back(s: &str, b: usize, n: usize, floor: usize) -> usize {
    let b = b.min(s.len());
    let bytes = s.as_bytes();
    let (mut i, mut left) = (b, n);
    while left > 0 && i > floor {
        let k = left.min(i - floor);
        let starts = bytes[i - k..i]
            .iter()
            .filter(|&&x| !is_continuation(x))
            .count();
        i -= k;
        left -= starts;
    }
    i.max(floor)
}

/// Whether a byte of UTF-8 continues a char (`10xxxxxx`).
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

fn is_separator_run(s: &str) -> bool {
    let t =
        s.trim_matches(|c: char| c.is_whitespace() || ['、', ',', '和', '及', '与'].contains(&c));
    t.is_empty() || t == "以及"
}

/// The text of `s` with every `《…》` blanked out (so years in titles are not read).
fn outside_titles(s: &str) -> String {
    if !s.as_bytes().contains(&0xE3) {
        return s.to_string(); // no 《 nor 》: their first byte, E3, is not there
    }
    let mut depth = 0usize;
    // a blank is no longer than the char it stands for: the text's length is room enough
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().map(|c| match c {
        '《' => {
            depth += 1;
            ' '
        }
        '》' => {
            depth = depth.saturating_sub(1);
            ' '
        }
        _ if depth > 0 => ' ',
        _ => c,
    }));
    out
}

/// Words that, right after a run of titles, introduce a verb about it: `《X》已于…发布出台`.
const AFTER_LEADS: [&str; 5] = ["已", "于", "经", "正式", "顺利"];

/// Is the run of titles `[chain_start, chain_end)` issued by its sentence? A verb stands shortly
/// before it (outside other titles and parentheses, not followed by 的), or the clause right
/// after it says `已…印发`; no other year than the report's is named before the verb.
fn issued_at(doc: &Doc, chain_start: usize, chain_end: usize, year: Option<&str>) -> bool {
    let r = rules();
    let Some(si) = doc.segs.sentence_of(chain_start) else {
        return false;
    };
    let sent = doc.segs.sentences[si].clone();
    let from = back(&doc.body, chain_start, LOOKBACK, sent.start);
    let before = outside_titles(doc.body.get(from..chain_start).unwrap_or(""));
    let mut best: Option<usize> = None;
    // a verb followed by more than the window is no verb of this title: the last occurrence of
    // each is looked for only in the window and the longest verb's chars before the title
    let near = back(&before, before.len(), r.t.issued_window + r.verb_chars, 0);
    let last = r.verbs.last_starts(&before[near..]);
    for (v, p) in r.t.issued_verbs.iter().zip(last) {
        if let Some(p) = p.map(|p| near + p) {
            let after = &before[p + v.len()..];
            if after.chars().count() > r.t.issued_window
                || after.contains([',', ';', ':', '的', ')', '('])
            {
                continue;
            }
            best = Some(best.map_or(p, |b: usize| b.max(p)));
        }
    }
    let year_ok = |text: &str| match year {
        Some(y) => r
            .year
            .find_iter(text)
            .last()
            .is_none_or(|m| m.as_str().starts_with(y)),
        None => true,
    };
    if let Some(p) = best {
        return year_ok(&before[..p]);
    }
    // `《X》已于2021年12月发布出台`
    let after = doc
        .body
        .get(chain_end.min(sent.end)..sent.end)
        .unwrap_or("");
    let after = crate::text::offsets::first_chars(after, 60);
    let clause = after.split([',', ';', '。']).next().unwrap_or("");
    let clause = clause.trim_start_matches(['(', ')', ' ']);
    if AFTER_LEADS.iter().any(|l| clause.starts_with(l))
        && clause.chars().count() <= 24
        && !clause.contains('《')
        && r.t.issued_verbs.iter().any(|v| clause.contains(v.as_str()))
    {
        return year_ok(clause) && year_ok(&before);
    }
    false
}

/// A word searched in every citation's words around it, and its searcher (built once:
/// `str::contains` sets one up for each search).
struct Word(&'static str, OnceLock<memchr::memmem::Finder<'static>>);

/// `以下简称`: an alias follows.
static ALIAS: Word = Word("简称", OnceLock::new());
/// A title called a normative document.
static NORMATIVE: Word = Word("规范性文件", OnceLock::new());

/// The searcher of a word.
fn finder(w: &'static Word) -> &'static memchr::memmem::Finder<'static> {
    w.1.get_or_init(|| memchr::memmem::Finder::new(w.0))
}

/// Does the sentence call the run of titles `[start, end)` a 规范性文件?
fn said_normative(doc: &Doc, start: usize, end: usize) -> bool {
    let Some(si) = doc.segs.sentence_of(start) else {
        return false;
    };
    let sent = &doc.segs.sentences[si];
    let from = back(&doc.body, start, 12, sent.start);
    let tail = doc.body.get(from..start).unwrap_or("");
    let after = doc.body.get(end..sent.end.max(end)).unwrap_or("");
    let head = crate::text::offsets::first_chars(after, 10);
    let normative = |s: &str| finder(&NORMATIVE).find(s.as_bytes()).is_some();
    (normative(tail) && !tail.contains([',', ';'])) || (head.starts_with('等') && normative(head))
}

/// Where each cited title's run starts and ends: runs of titles separated only by 、,和及与.
fn chains(body: &str, cites: &[Cite]) -> (Vec<usize>, Vec<usize>) {
    let outer: Vec<usize> = (0..cites.len()).filter(|&k| !cites[k].inner).collect();
    let mut chain_start = vec![0usize; cites.len()];
    let mut chain_end = vec![0usize; cites.len()];
    for (n, &k) in outer.iter().enumerate() {
        let mut s = cites[k].start;
        if n > 0 {
            let prev = outer[n - 1];
            if cites[prev].end <= s && is_separator_run(body.get(cites[prev].end..s).unwrap_or("x"))
            {
                s = chain_start[prev];
            }
        }
        chain_start[k] = s;
    }
    for (n, &k) in outer.iter().enumerate().rev() {
        let mut e = cites[k].end;
        if let Some(&next) = outer.get(n + 1) {
            if e <= cites[next].start
                && is_separator_run(body.get(e..cites[next].start).unwrap_or("x"))
            {
                e = chain_end[next];
            }
        }
        chain_end[k] = e;
    }
    (chain_start, chain_end)
}

/// The full title a citation stands for: the title an alias (`以下简称《条例》`) names (the alias
/// it is, else the longest it is followed by `(…)`: one answer whatever the map's order), or the
/// recent longer title a short name ends, else its own.
fn full_title(c: &Cite, aliases: &HashMap<String, String>, recent: &[String]) -> String {
    let short = r_short(&c.title);
    aliases
        .get(&c.title)
        .or_else(|| {
            aliases
                .iter()
                .filter(|(a, _)| {
                    c.title.starts_with(a.as_str()) && c.title[a.len()..].starts_with('(')
                })
                .max_by_key(|(a, _)| a.len())
                .map(|(_, m)| m)
        })
        .cloned()
        .or_else(|| {
            if !short {
                return None;
            }
            recent
                .iter()
                .rev()
                .find(|t| t.len() > c.title.len() && core_name(t).ends_with(c.title.as_str()))
                .cloned()
        })
        .unwrap_or_else(|| c.title.clone())
}

/// The cited documents in order of first citation; `at` is the char offset of the first `《`.
pub fn documents(doc: &Doc) -> Vec<Document> {
    let body = &doc.body;
    let mut cites = Vec::new();
    scan(body, 0, false, &mut cites);
    if cites.is_empty() {
        return Vec::new();
    }
    // the year the report is about, from its title-like phrase (`2021年法治政府建设…`)
    let year = rules().report_year.captures(&doc.norm);
    let year = year.and_then(|c| Some(c.get(1)?.as_str().to_string()));
    // a title cited in the plans section is not issued yet
    let sections = doc.sections();
    let plans = sections.iter().filter(|s| s.0 == SectionKind::Plans);
    let in_plans = |b: usize| plans.clone().any(|(_, r)| r.contains(&b));
    let (chain_start, chain_end) = chains(body, &cites);
    let mut aliases: HashMap<String, String> = HashMap::default();
    let mut index: HashMap<String, usize> = HashMap::default();
    let mut out: Vec<Document> = Vec::new();
    let mut normative: Vec<bool> = Vec::new();
    let mut last_main: Option<String> = None;
    let mut recent: Vec<String> = Vec::new();
    for (k, c) in cites.iter().enumerate() {
        // `(以下简称《条例》)` names an alias of the title before
        if !c.inner {
            let lead = body.get(back(body, c.start, 6, 0)..c.start).unwrap_or("");
            if finder(&ALIAS).find(lead.as_bytes()).is_some() {
                if let Some(main) = &last_main {
                    aliases.insert(c.title.clone(), main.clone());
                    continue;
                }
            }
        }
        let title = full_title(c, &aliases, &recent);
        if !c.inner {
            recent.push(title.clone());
        }
        let issued = !c.inner
            && !in_plans(c.start)
            && issued_at(doc, chain_start[k], chain_end[k], year.as_deref());
        let norm = !c.inner && said_normative(doc, chain_start[k], chain_end[k]);
        match index.get(&title) {
            Some(&i) => {
                out[i].count += 1;
                out[i].issued |= issued;
                normative[i] |= norm;
            }
            None => {
                index.insert(title.clone(), out.len());
                out.push(Document {
                    title: title.clone(),
                    kind: String::new(),
                    count: 1,
                    issued,
                    at: doc.index.char_at(c.start),
                });
                normative.push(norm);
            }
        }
        if !c.inner {
            last_main = Some(title);
        }
    }
    for (d, n) in out.iter_mut().zip(normative) {
        d.kind = kind_of(&d.title, n).to_string();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn core() {
        assert_eq!(core_name("某办法(试行)"), "某办法");
        assert_eq!(core_name("某条例 (草案)"), "某条例");
    }
    /// `back` walks back as the char-by-char walk does, then stops at the floor.
    #[test]
    fn back_counts_chars() {
        let simple = |s: &str, b: usize, n: usize, floor: usize| {
            // the char starts before b, and b
            let mut at: Vec<usize> = s[..b].char_indices().map(|(i, _)| i).collect();
            at.push(b);
            (at.len() - 1)
                .checked_sub(n)
                .map_or(0, |k| at[k])
                .max(floor)
        };
        let s = "a《条例》第3条,bé文件\u{1F600}印发";
        let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        for &b in &bounds {
            for n in 0..20 {
                for &floor in bounds.iter().filter(|&&f| f <= b) {
                    assert_eq!(
                        back(s, b, n, floor),
                        simple(s, b, n, floor),
                        "{b} {n} {floor}"
                    );
                }
            }
        }
    }
    /// Of two aliases a title answers to, the one it is wins, else the longer one it begins
    /// with: the same in every map (a `HashMap`'s order differs from one map to the next).
    #[test]
    fn an_alias_is_chosen_whatever_the_maps_order() {
        let cite = |title: &str| Cite {
            start: 0,
            end: 0,
            title: title.to_string(),
            inner: false,
        };
        for _ in 0..64 {
            let aliases: HashMap<String, String> = [
                ("办法", "某县甲办法"),
                ("办法(试行)", "某县乙办法(试行)"),
                ("规定", "某市丙规定"),
            ]
            .iter()
            .map(|(a, m)| (a.to_string(), m.to_string()))
            .collect();
            let title = |t: &str| full_title(&cite(t), &aliases, &[]);
            assert_eq!(title("办法(试行)"), "某县乙办法(试行)");
            assert_eq!(title("办法(试行)(修订)"), "某县乙办法(试行)");
            assert_eq!(title("办法(修订)"), "某县甲办法");
            assert_eq!(title("规定"), "某市丙规定");
            assert_eq!(title("细则"), "细则");
        }
    }
    #[test]
    fn outside_titles_blanks_titles_only() {
        assert_eq!(outside_titles("于a😀é印发"), "于a😀é印发");
        assert_eq!(
            outside_titles("于《条例》、《a《b》》印"),
            "于    、      印"
        );
    }
    #[test]
    fn kinds() {
        assert_eq!(kind_of("中华人民共和国环境保护法", false), "法律");
        assert_eq!(kind_of("某某省大气污染防治条例", false), "地方性法规");
    }
}
