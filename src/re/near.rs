//! Patterns anchored at the start of a text that look for words a few chars in
//! (`^[^,;。]{0,10}(行政)?处罚案件`): searched by a literal walk instead of the backtracker.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// At most this many literals in a pattern's word set, and at most this bound `N` (more: the
/// regex searches): such a pattern is far too small to fail to compile.
const MAX_WORDS: usize = 64;

/// A pattern `^C{0,N}W`, `C` a class of chars (`[^,;。]`), `N` a bound, `W` a finite set of
/// non-empty words (`(行政)?处罚案件`: 行政处罚案件, 处罚案件): its match is the regex's, the
/// leftmost-first one. The greedy `C{0,N}` takes as many chars as it can, so the match ends in
/// the word that begins furthest in (at most `N` chars, all in `C` before it); of the words
/// there, the one the regex prefers (its alternatives in order, `?` before its absence).
#[derive(Debug, Clone)]
pub struct Near {
    /// The chars `C` takes: sorted inclusive ranges.
    class: Vec<(char, char)>,
    /// `N`.
    max: usize,
    /// The words, the regex's preferred first.
    words: Vec<String>,
    /// The first chars of the words.
    first: Vec<char>,
}

impl Near {
    /// The matcher of `hir` when it has that shape; None otherwise (the regex then searches).
    pub fn of(hir: &Hir) -> Option<Near> {
        let HirKind::Concat(items) = hir.kind() else {
            return None;
        };
        let [start, rep, rest @ ..] = items.as_slice() else {
            return None;
        };
        if *start.kind() != HirKind::Look(Look::Start) {
            return None;
        }
        let HirKind::Repetition(r) = rep.kind() else {
            return None;
        };
        let (HirKind::Class(Class::Unicode(class)), 0, Some(max), true) =
            (r.sub.kind(), r.min, r.max, r.greedy)
        else {
            return None;
        };
        if max as usize > MAX_WORDS {
            return None;
        }
        let words = concat_words(rest)?;
        if words.is_empty() || words.iter().any(String::is_empty) {
            return None;
        }
        Some(Near {
            class: class.iter().map(|c| (c.start(), c.end())).collect(),
            max: max as usize,
            first: words.iter().filter_map(|w| w.chars().next()).collect(),
            words,
        })
    }

    /// Whether `c` is in the class.
    fn takes(&self, c: char) -> bool {
        self.class.iter().any(|&(a, b)| a <= c && c <= b)
    }

    /// The word the regex prefers among those that begin `hay` (which begins with `c`), its
    /// length.
    fn word_at(&self, c: char, hay: &str) -> Option<usize> {
        if !self.first.contains(&c) {
            return None;
        }
        self.words
            .iter()
            .find(|w| hay.starts_with(w.as_str()))
            .map(|w| w.len())
    }

    /// The match in `hay` (byte range): the regex's `find`.
    pub fn find(&self, hay: &str) -> Option<std::ops::Range<usize>> {
        let mut best = None;
        for (k, (i, c)) in hay.char_indices().enumerate() {
            if let Some(len) = self.word_at(c, &hay[i..]) {
                best = Some(0..i + len);
            }
            if k == self.max || !self.takes(c) {
                break;
            }
        }
        best
    }

    /// Whether it matches `hay`: some word begins within `N` chars, all in the class before it.
    pub fn is_match(&self, hay: &str) -> bool {
        for (k, (i, c)) in hay.char_indices().enumerate() {
            if self.word_at(c, &hay[i..]).is_some() {
                return true;
            }
            if k == self.max || !self.takes(c) {
                return false;
            }
        }
        false
    }

    /// How many of `hay`'s first chars can be dropped one by one (at most `most`) with the
    /// pattern still matching what is left each time: what [`super::Short::is_match`] on
    /// ever shorter tails tells, in one walk. A tail matches when the first char from its
    /// start that is a word's first or outside the class (its stop) is a word's, at most `N`
    /// chars in; the tails up to a word's stop all match when the first of them does.
    pub fn tails_matching(&self, hay: &str, most: usize) -> usize {
        // (`tail`: the first tail not yet known to match, as a count of chars dropped)
        let (mut passed, mut tail) = (0, 1);
        for (j, (i, c)) in hay.char_indices().enumerate().skip(1) {
            let word = self.word_at(c, &hay[i..]).is_some();
            if word || !self.takes(c) {
                if !word || j - tail > self.max {
                    return passed;
                }
                passed = j.min(most);
                if passed == most {
                    return most;
                }
                tail = j + 1;
            } else if j - tail >= self.max {
                return passed;
            }
        }
        passed
    }
}

/// The words a concatenation matches, in the regex's order of preference; None when it is not a
/// small finite set of exact words (a class, an assertion, an unbounded repeat).
fn concat_words(items: &[Hir]) -> Option<Vec<String>> {
    let mut out = vec![String::new()];
    for item in items {
        let next = words(item)?;
        out = out
            .iter()
            .flat_map(|a| next.iter().map(move |b| format!("{a}{b}")))
            .collect();
        if out.len() > MAX_WORDS {
            return None;
        }
    }
    Some(out)
}

/// The words `hir` matches, in the regex's order of preference (see [`concat_words`]).
fn words(hir: &Hir) -> Option<Vec<String>> {
    match hir.kind() {
        HirKind::Empty => Some(vec![String::new()]),
        HirKind::Literal(l) => Some(vec![std::str::from_utf8(&l.0).ok()?.to_string()]),
        HirKind::Capture(c) => words(&c.sub),
        HirKind::Concat(items) => concat_words(items),
        HirKind::Alternation(bs) => {
            let mut out = Vec::new();
            for b in bs {
                out.extend(words(b)?);
            }
            (out.len() <= MAX_WORDS).then_some(out)
        }
        // (a few chars, one at a time: at one place at most one of them begins the text)
        HirKind::Class(Class::Unicode(c)) if c.iter().map(|r| r.len()).sum::<usize>() <= 16 => {
            Some(
                c.iter()
                    .flat_map(|r| r.start()..=r.end())
                    .map(String::from)
                    .collect(),
            )
        }
        HirKind::Repetition(r) if r.min == 0 && r.max == Some(1) => {
            let some = words(&r.sub)?;
            let none = vec![String::new()];
            Some(if r.greedy { [some, none] } else { [none, some] }.concat())
        }
        _ => None,
    }
}

#[cfg(test)]
#[path = "near_tests.rs"]
mod tests;
