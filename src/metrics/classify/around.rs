//! The text around a figure: its phrase, clause and sentence, clipped to char boundaries.

use super::words::words;
use super::LEFT_MAX;
use crate::doc::Doc;
use crate::numbers::quantities::Quantity;
use std::ops::Range;

/// Where the phrase holding byte `b` starts: after the nearest `,;:。!?` or line break before it
/// (an enumeration comma `、` does not end a phrase), but not before `floor`.
pub(super) fn phrase_start(text: &str, b: usize, floor: usize) -> usize {
    let mut b = b.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    let mut floor = floor.min(b);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let Some(head) = text.get(floor..b) else {
        return b;
    };
    match head
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | ';' | ':' | '。' | '!' | '?' | '\n'))
    {
        Some((i, c)) => floor + i + c.len_utf8(),
        None => floor,
    }
}

/// Byte range `[a, b)` clipped to char boundaries of `s` (moving `a` forward, `b` back).
pub(super) fn clip(s: &str, mut a: usize, b: usize) -> Range<usize> {
    let mut b = b.min(s.len());
    while !s.is_char_boundary(b) {
        b -= 1;
    }
    while a < b && !s.is_char_boundary(a) {
        a += 1;
    }
    a.min(b)..b
}

/// The pieces of text around quantity `i` that classification reads.
pub(super) struct Around {
    pub(super) left: Range<usize>,
    pub(super) right: Range<usize>,
    pub(super) sentence: Range<usize>,
    /// Where the full sentence starts, also before a `;` ([`full_sentence_start`]; read up to
    /// four times per figure, found once).
    pub(super) full_start: usize,
}

pub(super) fn around(doc: &Doc, qs: &[Quantity], i: usize) -> Around {
    let q = &qs[i];
    let text = &doc.body;
    let sentence = doc
        .segs
        .sentence_of(q.span.start)
        .map(|s| doc.segs.sentences[s].clone())
        .unwrap_or(q.span.clone());
    let clause = doc
        .segs
        .clause_of(q.span.start)
        .map(|c| doc.segs.clauses[c].clone())
        .unwrap_or(q.span.clone());
    let mut floor = sentence.start.max(q.span.start.saturating_sub(LEFT_MAX));
    // the previous figure bounds the words, unless it is an aside in brackets right before
    // this one (`占全年监测有效天数(365天)的92.1%`)
    let mut k = i;
    while k > 0 && i - k < 2 && in_brackets(text, &qs[k - 1].span, q.span.start) {
        k -= 1;
    }
    if k > 0 && qs[k - 1].span.end > floor && qs[k - 1].span.end <= q.span.start {
        floor = qs[k - 1].span.end;
    }
    let floor = clip(text, floor, q.span.start).start;
    let mut lstart = phrase_start(text, q.span.start, floor);
    let mut rend = clause.end;
    if let Some(n) = qs.get(i + 1) {
        if n.span.start >= q.span.end {
            rend = rend.min(n.span.start);
        }
    }
    // a label cut off by a colon (`罚款金额:625万元`): read the phrase before — unless the
    // figure's own noun follows it (`22个合同,17个文件`: the phrase before is the last item's)
    let left_text = &text[clip(text, lstart, q.span.start)];
    if !left_text.chars().any(|c| c as u32 >= 0x4E00)
        && lstart > floor
        && (text[..lstart].ends_with(':')
            || !words()
                .patterns
                .own_noun_after
                .is_match(&text[clip(text, q.span.end, rend.max(q.span.end))]))
    {
        lstart = phrase_start(text, lstart - 1, floor);
    }
    // (a space before the figure, as in `受理 110 件`, is not a word: the words end before it)
    let lend = lstart.max(q.span.start - spaces_before(text, q.span.start));
    Around {
        left: clip(text, lstart, lend),
        right: clip(text, q.span.end, rend.max(q.span.end)),
        full_start: full_sentence_start(text, sentence.start, q.span.start),
        sentence,
    }
}

/// How many ASCII spaces stand right before byte `b` (at most 3).
fn spaces_before(text: &str, b: usize) -> usize {
    let bytes = &text.as_bytes()[..b.min(text.len())];
    bytes
        .iter()
        .rev()
        .take(3)
        .take_while(|&&c| c == b' ')
        .count()
}

/// Where the words of figure `i` may begin at the earliest: after the previous figure (one in
/// brackets right before it does not count), else 0.
pub(super) fn bracket_floor(text: &str, qs: &[Quantity], i: usize) -> usize {
    let mut k = i;
    while k > 0 && i - k < 2 && in_brackets(text, &qs[k - 1].span, qs[i].span.start) {
        k -= 1;
    }
    if k > 0 && qs[k - 1].span.end <= qs[i].span.start {
        qs[k - 1].span.end
    } else {
        0
    }
}

/// Is the figure at `span` an aside in brackets that closes shortly before byte `next`
/// (`(365天)的`)?
pub(super) fn in_brackets(text: &str, span: &Range<usize>, next: usize) -> bool {
    // (the closing bracket first: most figures have none, and then the words before are not read)
    let after = &text[clip(text, span.end, next.min(span.end + 9))];
    if !after.starts_with(')') {
        return false;
    }
    let before = &text[clip(text, span.start.saturating_sub(12), span.start)];
    before
        .rfind('(')
        .is_some_and(|o| !before[o..].contains(')'))
}

/// The nearest heading above byte `b` (for `context` patterns).
pub(super) fn heading_text<'a>(doc: &'a Doc, b: usize) -> Vec<&'a str> {
    doc.segs
        .headings_before(b)
        .into_iter()
        .last()
        .map(|h| &doc.body[h.span.clone()])
        .into_iter()
        .collect()
}

/// Does the phrase end at byte `b` (punctuation, a line break or the end of the text)?
pub(super) fn ends_phrase(text: &str, b: usize) -> bool {
    text.get(b..)
        .and_then(|t| t.chars().next())
        .is_none_or(|c| matches!(c, ',' | '。' | ';' | '\n' | ')' | '!'))
}

/// Where the sentence holding byte `b` starts when only `。`, `!`, `?` and line breaks end one
/// (`;` does not), reading at most 300 bytes back (so never before `floor` when that is nearer).
pub(super) fn full_sentence_start(text: &str, floor: usize, b: usize) -> usize {
    let from = clip(text, b.saturating_sub(300), b).start;
    if floor > from
        && floor <= b
        && text
            .get(floor.saturating_sub(3)..floor)
            .is_some_and(|t| t.ends_with('。'))
    {
        return floor;
    }
    let head = &text[clip(text, from, b)];
    // (read back over the bytes: `!?\n` are ASCII, `。` ends with 0x82 after 0xE3 0x80)
    let bytes = head.as_bytes();
    (0..bytes.len())
        .rev()
        .find(|&i| match bytes[i] {
            b'!' | b'?' | b'\n' => true,
            0x82 => i >= 2 && bytes[i - 2..i] == [0xE3, 0x80],
            _ => false,
        })
        .map_or(from, |i| from + i + 1)
}

#[cfg(test)]
mod tests {
    use super::full_sentence_start;

    /// The byte scan finds the char after the last `。!?` or line break, as a scan of the chars
    /// does; `;` and `、` (0xE3 0x80 0x81) do not end the sentence.
    #[test]
    fn full_sentence_start_is_after_the_last_sentence_end() {
        for t in [
            "甲。乙;丙、丁",
            "甲!乙?丙\n丁,戊",
            "只有一句",
            "。",
            "a。b、c",
        ] {
            let want = t
                .char_indices()
                .rev()
                .find(|(_, c)| matches!(c, '。' | '!' | '?' | '\n'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            assert_eq!(full_sentence_start(t, 0, t.len()), want, "{t}");
        }
    }
}
