//! The issued verbs (出台, 印发 …) of a title's sentence, found in one pass.

/// A list of words in one Aho–Corasick automaton (each word once: a word listed twice is one
/// pattern), and the pattern of each word of the list (none for an empty word).
pub(super) struct Verbs {
    ac: aho_corasick::AhoCorasick,
    ids: Vec<Option<usize>>,
}

impl Verbs {
    /// The automaton of `words`.
    pub(super) fn new(words: &[String]) -> Verbs {
        let mut unique: Vec<&str> = Vec::new();
        let ids = words
            .iter()
            .map(|w| match unique.iter().position(|u| u == w) {
                _ if w.is_empty() => None,
                Some(i) => Some(i),
                None => {
                    unique.push(w);
                    Some(unique.len() - 1)
                }
            })
            .collect();
        let ac = aho_corasick::AhoCorasick::new(&unique).expect("the issued verbs build");
        Verbs { ac, ids }
    }

    /// For each word of the list it was built from, in its order, where its last occurrence in
    /// `hay` starts (`str::rfind`'s answer: an empty word's is `hay`'s end): one overlapping
    /// pass of the automaton over `hay` rather than a search per word.
    pub(super) fn last_starts(&self, hay: &str) -> Vec<Option<usize>> {
        let mut last = vec![None; self.ac.patterns_len()];
        for m in self.ac.find_overlapping_iter(hay) {
            let p = &mut last[m.pattern().as_usize()];
            *p = Some(p.map_or(m.start(), |q: usize| q.max(m.start())));
        }
        let at = |id: &Option<usize>| id.map_or(Some(hay.len()), |id| last[id]);
        self.ids.iter().map(at).collect()
    }
}

#[cfg(test)]
mod tests {
    /// `last_starts` finds what `str::rfind` finds for each word: overlapping and repeated
    /// words, a word inside another, a word listed twice, an empty one.
    #[test]
    fn last_starts_are_rfind() {
        let words: Vec<String> = ["出台", "印发", "制定", "印发了", "发", "印", "印发", ""]
            .map(String::from)
            .to_vec();
        let v = super::Verbs::new(&words);
        for hay in [
            "",
            "印发",
            "制定印发并印发了",
            "印印发发",
            "a印发b",
            "发",
            "出台制定",
        ] {
            let want: Vec<Option<usize>> = words.iter().map(|w| hay.rfind(w.as_str())).collect();
            assert_eq!(v.last_starts(hay), want, "{hay:?}");
        }
    }
}
