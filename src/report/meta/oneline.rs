//! A text pasted as one line (its line breaks lost, as copied out of some web pages): a line
//! longer than any paragraph is read as the lines of its page, cut where they would end (see
//! `data/meta.toml` `[oneline]`).

use super::is_han;
use super::title::{subject_start, title_like};
use super::trim;
use super::word_places::places_in;
use super::words::words;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

/// Whether `line`, of a text of `total` bytes, holds the text's lines run together: it is longer
/// than any paragraph, or it holds most of the text and more than a title and its fields.
pub(super) fn too_long(line: &str, total: usize) -> bool {
    let w = &words().oneline;
    line.len() > w.long_bytes || (line.len() > w.most_bytes && line.len() * 4 > total * 3)
}

fn automaton(list: &[String]) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(list)
        .expect("a few short words")
}

/// Where a field label followed by its colon starts (`来源:`, `发布时间 :`).
fn label_starts(line: &str) -> Vec<usize> {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    let ac = AC.get_or_init(|| automaton(&words().oneline.field_labels));
    ac.find_iter(line)
        .filter(|m| line[m.end()..].trim_start_matches(' ').starts_with(':'))
        .map(|m| m.start())
        .collect()
}

/// Where a title ending ends in the first `head` bytes of `line`, when no other ending or a
/// joining char (`及`, `的`) runs on from it.
fn ending_ends(line: &str, head: usize) -> Vec<usize> {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    let endings = &words().title.endings;
    let ac = AC.get_or_init(|| automaton(endings));
    let mut head = head.min(line.len());
    while !line.is_char_boundary(head) {
        head -= 1;
    }
    let joins = &words().oneline.joins;
    ac.find_iter(&line[..head])
        .map(|m| m.end())
        .filter(|&e| {
            let rest = &line[e..];
            !rest.starts_with(|c| joins.contains(c))
                && !endings.iter().any(|x| rest.starts_with(x.as_str()))
        })
        .collect()
}

/// Whether `s` reaches a colon after one or two Han chars (spaces between them allowed).
fn colon_soon(s: &str) -> bool {
    let mut han = 0;
    for c in s.chars().filter(|&c| c != ' ').take(3) {
        match c {
            ':' => return han > 0,
            c if is_han(c) => han += 1,
            _ => return false,
        }
    }
    false
}

/// The pieces of a line too long to be a paragraph ([`too_long`]), trimmed and not empty: cut
/// after a sentence end, at a run of spaces (not after a colon, nor between two ASCII letters
/// or digits: `2025-02-26 10:40`), before a field label with its colon, and, in the line's head
/// before its first sentence ends, after a title ending where the piece so far reads like a
/// title.
pub(super) fn pieces<'a>(line: &'a str) -> Vec<&'a str> {
    let w = &words().oneline;
    let labels = label_starts(line);
    let ends = ending_ends(line, w.head_bytes);
    let (mut li, mut ei) = (0, 0);
    let mut out = Vec::new();
    let mut start = 0;
    let cut = |from: usize, to: usize, out: &mut Vec<&'a str>| {
        let t = trim(&line[from..to]);
        if !t.is_empty() {
            out.push(t);
        }
    };
    let mut prev: Option<char> = None;
    // past the first sentence: no title ends here
    let mut body = false;
    let mut it = line.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        while labels.get(li).is_some_and(|&p| p < i) {
            li += 1;
        }
        while ends.get(ei).is_some_and(|&p| p < i) {
            ei += 1;
        }
        // a field label starts here, or a title (in the head) ends here
        let label = labels.get(li) == Some(&i);
        let title =
            || !body && ends.get(ei) == Some(&i) && title_like(after_crumbs(trim(&line[start..i])));
        if i > start && (label || title()) {
            cut(start, i, &mut out);
            start = i;
        }
        if w.sentence_ends.contains(c) {
            body = true;
            cut(start, i + c.len_utf8(), &mut out);
            start = i + c.len_utf8();
        } else if c == ' ' && prev != Some(' ') {
            // a run of spaces: where it ends, and the char after it
            let mut next = None;
            while let Some(&(_, d)) = it.peek() {
                if d != ' ' {
                    next = Some(d);
                    break;
                }
                it.next();
            }
            let alnum = |x: Option<char>| x.is_some_and(|x| x.is_ascii_alphanumeric());
            // a label written with spaces between its chars (`分 类:`, `索 引 号:`)
            let after = it.peek().map_or("", |&(j, _)| &line[j..]);
            let spaced_label =
                || line[start..i].chars().filter(|&c| c != ' ').count() <= 2 && colon_soon(after);
            let keep = prev == Some(':') || (alnum(prev) && alnum(next)) || spaced_label();
            if !keep {
                cut(start, i, &mut out);
                start = it.peek().map_or(line.len(), |&(j, _)| j);
            }
            prev = Some(' ');
            continue;
        }
        prev = Some(c);
    }
    cut(start, line.len(), &mut out);
    out
}

/// A title of a text pasted as one line without the page's crumbs and last column name glued
/// before it (`首页>通知公告X县2024年…报告`): the text after the last `>`, without a run of Han
/// chars before the first place its agency part names that is no body's name nor the head of
/// one (`中共`), or without the first of the body's name written twice (the site's name).
pub(super) fn unglued(t: &str) -> &str {
    let line = t;
    let t = after_crumbs(t);
    if !title_like(t) {
        return line;
    }
    let head = &t[..subject_start(t)];
    // the site's name, the body's own, glued before the title: `X局X局2023年…`
    let half = head.len() / 2;
    if half > 0 && head.is_char_boundary(half) && head[..half] == head[half..] {
        return &t[half..];
    }
    &t[column_end(head)..]
}

/// An agency line of a text pasted as one line (the head of a title split in two) without the
/// page's crumbs and column name glued before it, as [`unglued`].
pub(super) fn unglued_agency(a: &str) -> &str {
    let t = after_crumbs(a);
    &t[column_end(t)..]
}

/// Past the page's crumbs (`首页>政务公开>…`) and a navigation label with its colon
/// (`当前位置:`).
fn after_crumbs(t: &str) -> &str {
    let t = t.rfind(['>', '»']).map_or(t, |i| trim(&t[i + 1..]));
    let nav = words().title.nav.iter().find_map(|n| {
        let rest = t.strip_prefix(n.as_str())?.trim_start_matches(' ');
        rest.strip_prefix(':')
    });
    nav.map_or(t, trim)
}

/// Where a page's column name glued before the first place of `head` ends (0 when none is).
fn column_end(head: &str) -> usize {
    let Some(at) = places_in(head).first().map(|p| p.range.start) else {
        return 0;
    };
    let t = head;
    let glued = &t[..at];
    let w = &words().oneline;
    let column = (w.column_min_chars..=w.column_max_chars).contains(&glued.chars().count())
        && glued.chars().all(is_han)
        && !glued.ends_with(|c| words().agency.org_end(c))
        && !w.body_heads.iter().any(|b| glued.starts_with(b.as_str()));
    if column {
        at
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    /// Each piece is a trimmed, non-empty slice of the line, in order, and the pieces hold all
    /// of its chars but the spaces.
    #[test]
    fn pieces_cover_the_line() {
        for s in [
            "",
            "   ",
            "某局2024年法治政府建设年度报告 来源: 某局 发布时间:2025-01-02 10:20 一、做法。二、成效;完",
            "某局2024年法治政府建设年度报告来源:某局发布时间:2025-01-02正文。",
            "a  b:  c 1 2",
        ] {
            let got = super::pieces(s);
            assert!(got.iter().all(|p| !p.is_empty() && p.trim() == *p), "{s:?}");
            let joined: String = got.concat().chars().filter(|&c| c != ' ').collect();
            let want: String = s.chars().filter(|&c| c != ' ').collect();
            assert_eq!(joined, want, "{s:?}");
        }
    }
}
