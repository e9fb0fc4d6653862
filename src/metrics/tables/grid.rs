//! Grid recovery: a table flattened into text → header labels × rows of values.
//!
//! The layouts met in report pages, all read the same way:
//! - one cell per line, each ending with `|` (`本年制发件数 |` / `470 |`);
//! - one cell per paragraph, cells separated by blank lines (a header split over two lines
//!   without a blank line between is one cell: `本年新` + `制作数量`);
//! - a whole row on one line (`| 行政规范性文件 | 0 | 0 | 0 |`).
//!
//! First the text is cut into cells: a line with `|` gives its pieces (pipes at the ends and
//! pipe-only lines are padding; an empty piece between two filled ones is an empty cell); a
//! short line without sentence punctuation is one cell; any other line (prose) ends the table
//! stretch. Each cell is a label (words) or a value (a plain number, or empty).
//!
//! Then the cells are read in order: a run of labels followed by a run of `v` values starts a
//! table. Its last label is the first row's label when it stands on the values' line or is not
//! a known column header; the `v` headers before it (group headers left out) are the columns.
//! Every later `label, v values` is another row of the same table; anything else starts over.
//! One pass over the text, one over the cells: linear time.

use std::ops::Range;

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CellKind {
    /// Words (a header, a row label, a title).
    Label,
    /// A plain number; `signed` when written with `+`/`-` (a change, not a count).
    Value { value: f64, signed: bool },
    /// An empty cell between two filled ones: not a zero.
    Empty,
}

/// One cell of the flattened table.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Bytes of the cell's text in the scanned text (trimmed; empty cells: where they stand).
    pub span: Range<usize>,
    /// The cell's text without spaces (lines of a paragraph cell joined).
    pub label: String,
    /// Label, value or empty.
    pub kind: CellKind,
    /// Index of the line the cell starts on.
    pub line: usize,
    /// An empty cell after the last filled one of its line: padding or a real empty cell,
    /// decided by the width of the table it falls in.
    pub soft: bool,
}

/// One row of values, with its label when the row has one.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Index (into [`Grid::cells`]) of the row's label.
    pub label: Option<usize>,
    /// Indices (into [`Grid::cells`]) of its values, one per column.
    pub values: Vec<usize>,
}

/// One recovered table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Indices of the labels above the rows (titles, group headers, column headers), nearest last.
    pub context: Vec<usize>,
    /// Index of each column's header label.
    pub columns: Vec<usize>,
    /// The rows, each with exactly one value per column.
    pub rows: Vec<Row>,
}

/// Every cell of a text and the tables read from them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    /// All cells in text order.
    pub cells: Vec<Cell>,
    /// The tables, in text order.
    pub tables: Vec<Table>,
}

/// What the reader needs to know about labels (from `data/tables.toml`).
pub trait Vocabulary {
    /// A header that only groups the columns below it.
    fn is_group(&self, label: &str) -> bool;
    /// A label known as a column header.
    fn is_column(&self, label: &str) -> bool;
    /// A label known as a row label.
    fn is_row(&self, label: &str) -> bool;
}

/// A line longer than this (chars) without `|` is prose, not a cell.
const MAX_CELL_CHARS: usize = 30;

/// How many labels before the columns are kept as a table's context (title, group headers).
const CONTEXT_LABELS: usize = 6;

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{00A0}' || c == '\u{E0020}'
}

/// A plain number: optional sign, digits (thousands commas allowed), optional decimals.
fn parse_value(s: &str) -> Option<(f64, bool)> {
    let (signed, body) = match s.strip_prefix(['+', '-']) {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit() || b == b',')
        || int.starts_with(',')
        || int.ends_with(',')
    {
        return None;
    }
    if int.contains(',') && !int.split(',').skip(1).all(|g| g.len() == 3) {
        return None;
    }
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let digits: String = body.chars().filter(|&c| c != ',').collect();
    let v: f64 = digits.parse().ok()?;
    let v = if s.starts_with('-') { -v } else { v };
    v.is_finite().then_some((v, signed))
}

/// The trimmed byte range of `s[r]`.
fn trim(s: &str, r: Range<usize>) -> Range<usize> {
    let piece = &s[r.clone()];
    let lead = piece.len() - piece.trim_start_matches(is_space).len();
    let tail = piece.len() - piece.trim_end_matches(is_space).len();
    if lead == piece.len() {
        return r.start..r.start;
    }
    r.start + lead..r.end - tail
}

fn make_cell(text: &str, span: Range<usize>, line: usize) -> Cell {
    let label: String = text[span.clone()]
        .chars()
        .filter(|&c| !is_space(c))
        .collect();
    // a dash or a slash stands for "nothing to report": empty, not zero
    let kind = if label.is_empty()
        || label
            .chars()
            .all(|c| matches!(c, '-' | '/' | '\\' | '—' | '–' | '―' | '─' | '_'))
    {
        CellKind::Empty
    } else {
        match parse_value(&label) {
            Some((value, signed)) => CellKind::Value { value, signed },
            None => CellKind::Label,
        }
    };
    Cell {
        span,
        label,
        kind,
        line,
        soft: false,
    }
}

/// What one line is, for cutting cells.
#[derive(Debug, Clone, Copy, PartialEq)]
enum LineKind {
    Blank,
    /// Holds `|`.
    Pipes,
    /// A short line without sentence punctuation.
    Short,
    Prose,
}

fn line_kind(line: &str) -> LineKind {
    let t = line.trim_matches(is_space);
    if t.is_empty() {
        LineKind::Blank
    } else if memchr::memchr(b'|', t.as_bytes()).is_some() {
        LineKind::Pipes
    } else if !has_sentence_mark(t) && (t.chars().nth(MAX_CELL_CHARS).is_none() || spaced_row(t)) {
        LineKind::Short
    } else {
        LineKind::Prose
    }
}

/// Whether `t` holds `。`, `,`, `;`, `!` or `?` (found by memchr, not every char decoded; the
/// ASCII marks never stand inside a wider char, nor `。`'s bytes across two).
fn has_sentence_mark(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memchr3(b',', b';', b'!', b).is_some()
        || memchr::memchr(b'?', b).is_some()
        || t.contains('。')
}

/// A row written with spaces (or tabs) between its cells: words first, then at least one plain
/// number among the tokens (`行政规范性文件 0 1 5`).
fn spaced_row(line: &str) -> bool {
    let mut tokens = line.split(is_space).filter(|t| !t.is_empty());
    let Some(first) = tokens.next() else {
        return false;
    };
    let mut rest = tokens.peekable();
    rest.peek().is_some()
        && parse_value(first).is_none()
        && rest.any(|t| matches!(parse_value(t), Some((_, false))))
}

/// The cells of a row written with spaces between them.
fn spaced_cells(text: &str, r: Range<usize>, line: usize) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut from = None;
    for (off, c) in text[r.clone()]
        .char_indices()
        .chain(std::iter::once((r.len(), ' ')))
    {
        match (is_space(c), from) {
            (true, Some(a)) => {
                out.push(make_cell(text, r.start + a..r.start + off, line));
                from = None;
            }
            (false, None) => from = Some(off),
            _ => {}
        }
    }
    out
}

/// The cells of a row written with `|` between them. The piece after the last pipe and empty
/// pieces before the first filled one are padding; empty pieces after the last filled one may
/// be (soft).
fn pipe_cells(text: &str, r: Range<usize>, line: usize) -> Vec<Cell> {
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut from = r.start;
    for (off, c) in text[r.clone()].char_indices() {
        if c == '|' {
            pieces.push(trim(text, from..r.start + off));
            from = r.start + off + 1;
        }
    }
    pieces.push(trim(text, from..r.end));
    if pieces.last().is_some_and(|p| p.start == p.end) {
        pieces.pop();
    }
    let first = pieces.iter().position(|p| !p.is_empty());
    let last = pieces.iter().rposition(|p| !p.is_empty());
    let mut out = Vec::new();
    if let (Some(a), Some(b)) = (first, last) {
        for (n, p) in pieces[a..].iter().enumerate() {
            let mut c = make_cell(text, p.clone(), line);
            c.soft = a + n > b;
            out.push(c);
        }
    }
    out
}

/// Cut `text` into cells; a prose line ends a stretch (cells of different stretches never form
/// one table). Returns the cells and, for each, the stretch it belongs to.
fn cells(text: &str) -> (Vec<Cell>, Vec<usize>) {
    let mut lines: Vec<(Range<usize>, LineKind)> = Vec::new();
    for l in crate::text::lines::line_ranges(text) {
        let r = l.start..l.start + text[l].trim_end_matches('\r').len();
        lines.push((r.clone(), line_kind(&text[r])));
    }
    let mut out: Vec<Cell> = Vec::new();
    let mut stretch_of: Vec<usize> = Vec::new();
    let mut stretch = 0;
    let mut i = 0;
    while i < lines.len() {
        if lines[i].1 == LineKind::Prose {
            i += 1;
            continue;
        }
        // a stretch: lines up to the next prose line
        let mut j = i;
        while j < lines.len() && lines[j].1 != LineKind::Prose {
            j += 1;
        }
        let block = &lines[i..j];
        let blanks = block.iter().filter(|l| l.1 == LineKind::Blank).count();
        let filled = block.len() - blanks;
        let pipes = block.iter().any(|l| l.1 == LineKind::Pipes);
        // cells separated by blank lines: a cell's lines (a split header) are joined
        let paragraphs = !pipes && filled >= 2 && blanks * 2 >= filled;
        // rows written with spaces between the cells: every line of the stretch is split on spaces
        let spaced = !pipes
            && !paragraphs
            && block
                .iter()
                .any(|l| l.1 == LineKind::Short && spaced_row(&text[l.0.clone()]));
        let mut k = 0;
        while k < block.len() {
            let (r, kind) = (block[k].0.clone(), block[k].1);
            let line = i + k;
            match kind {
                LineKind::Blank | LineKind::Prose => k += 1,
                LineKind::Short if paragraphs => {
                    let mut end = k;
                    while end + 1 < block.len() && block[end + 1].1 == LineKind::Short {
                        end += 1;
                    }
                    let span = trim(text, r.start..block[end].0.end);
                    out.push(make_cell(text, span, line));
                    stretch_of.push(stretch);
                    k = end + 1;
                }
                LineKind::Short if spaced => {
                    for c in spaced_cells(text, r, line) {
                        out.push(c);
                        stretch_of.push(stretch);
                    }
                    k += 1;
                }
                LineKind::Short => {
                    out.push(make_cell(text, trim(text, r), line));
                    stretch_of.push(stretch);
                    k += 1;
                }
                LineKind::Pipes => {
                    for c in pipe_cells(text, r, line) {
                        out.push(c);
                        stretch_of.push(stretch);
                    }
                    k += 1;
                }
            }
        }
        stretch += 1;
        i = j;
    }
    (out, stretch_of)
}

/// Read the cells of `text` and the tables they form.
pub fn read(text: &str, vocab: &dyn Vocabulary) -> Grid {
    let (cells, stretch_of) = cells(text);
    let mut tables: Vec<Table> = Vec::new();
    let mut current: Option<Table> = None;
    let mut labels: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        if i > 0 && stretch_of[i] != stretch_of[i - 1] {
            tables.extend(current.take());
            labels.clear();
        }
        if cells[i].kind == CellKind::Label {
            labels.push(i);
            i += 1;
            continue;
        }
        // a run of values (and empty cells) in one stretch; soft empties followed by a value
        // are padding
        let mut j = i;
        while j < cells.len() && cells[j].kind != CellKind::Label && stretch_of[j] == stretch_of[i]
        {
            j += 1;
        }
        let hard: Vec<usize> = (i..j).filter(|&k| !cells[k].soft).collect();
        let h = hard.len();
        let soft: Vec<usize> = (hard.last().map_or(i, |&l| l + 1)..j).collect();
        let mut values: Vec<usize> = hard;
        i = j;
        if let Some(t) = current.as_mut() {
            let w = t.columns.len();
            let labelled =
                labels.len() == 1 || labels.is_empty() && t.rows.iter().all(|r| r.label.is_none());
            if labelled && (h == w || h < w && h + soft.len() >= w) {
                values.extend(soft.iter().copied().take(w - h));
                t.rows.push(Row {
                    label: labels.first().copied(),
                    values,
                });
                labels.clear();
                continue;
            }
        }
        if h == 0 {
            // a row of empty cells: it opens a table only under a header line of as many
            // cells (`| 信息内容 | 本年制发件数 | … |` then `| 规章 | | | |`)
            if let Some(t) = open_empty_row(&cells, &labels, &soft) {
                tables.extend(current.take());
                current = Some(t);
                labels.clear();
            }
            continue;
        }
        let v = values.len();
        tables.extend(current.take());
        // a new table: its headers are the labels before these values
        let row_label = match labels.last() {
            Some(&l) => {
                let same_line = cells[l].line == cells[values[0]].line;
                let header = vocab.is_column(&cells[l].label) && !vocab.is_row(&cells[l].label);
                (same_line || !header).then_some(l)
            }
            None => None,
        };
        let header_end = labels.len() - usize::from(row_label.is_some());
        let header = &labels[..header_end];
        let Some((columns, used)) = columns(&cells, header, v, vocab) else {
            labels.clear();
            continue;
        };
        let context = header[header.len().saturating_sub(used + CONTEXT_LABELS)..].to_vec();
        current = Some(Table {
            context,
            columns,
            rows: vec![Row {
                label: row_label,
                values,
            }],
        });
        labels.clear();
    }
    tables.extend(current);
    Grid { cells, tables }
}

/// A table opened by a row of empty cells right under a header line: `labels` ends with the
/// header line and the row's label (on the empties' line).
fn open_empty_row(cells: &[Cell], labels: &[usize], soft: &[usize]) -> Option<Table> {
    let (&row, header) = labels.split_last()?;
    if soft.is_empty() || cells[row].line != cells[soft[0]].line {
        return None;
    }
    let line = cells[*header.last()?].line;
    if line == cells[row].line {
        return None;
    }
    let start = header
        .iter()
        .rposition(|&h| cells[h].line != line)
        .map_or(0, |p| p + 1);
    let head = &header[start..];
    let w = head.len().checked_sub(1)?;
    if w == 0 || soft.len() < w {
        return None;
    }
    Some(Table {
        context: header[start.saturating_sub(CONTEXT_LABELS)..].to_vec(),
        columns: head[1..].to_vec(),
        rows: vec![Row {
            label: Some(row),
            values: soft[..w].to_vec(),
        }],
    })
}

/// The header label of each of `v` value columns, and how many header labels (from the end)
/// they were read from; None when the headers cannot be lined up with the values.
///
/// Headers written one per line (or paragraph) are read flat: the last `v` labels that are not
/// group headers. Headers written a row per line are read line by line from the bottom: a line
/// of headers above another stands for the columns below its group headers (a table's HTML
/// header rows); lines are added until there are `v` columns.
fn columns(
    cells: &[Cell],
    header: &[usize],
    v: usize,
    vocab: &dyn Vocabulary,
) -> Option<(Vec<usize>, usize)> {
    // the header's lines, bottom last
    let mut lines: Vec<&[usize]> = Vec::new();
    let mut a = 0;
    for b in 1..=header.len() {
        if b == header.len() || cells[header[b]].line != cells[header[a]].line {
            lines.push(&header[a..b]);
            a = b;
        }
    }
    let is_group = |c: usize| vocab.is_group(&cells[c].label);
    if lines.last().is_some_and(|l| l.len() >= 2) {
        let n = lines.len();
        for k in 1..=n.min(4) {
            let leaves = expand(&lines[n - k..], &is_group)?;
            if leaves.len() >= v {
                let used = lines[n - k..].iter().map(|l| l.len()).sum();
                return Some((leaves[leaves.len() - v..].to_vec(), used));
            }
        }
        return None;
    }
    let leaves: Vec<(usize, usize)> = header
        .iter()
        .enumerate()
        .filter(|(_, &h)| !is_group(h))
        .map(|(i, &h)| (i, h))
        .collect();
    if leaves.len() < v {
        return None;
    }
    let cols = &leaves[leaves.len() - v..];
    Some((
        cols.iter().map(|&(_, h)| h).collect(),
        header.len() - cols[0].0,
    ))
}

/// The leaf headers of header lines `lines` (top first): the group headers of a line stand
/// together for the leaves of the lines below them; plain headers before the first group come
/// first, those after the last group last (they span all lines). None when that is ambiguous:
/// a plain header between two groups, or a line without groups above another.
fn expand(lines: &[&[usize]], is_group: &dyn Fn(usize) -> bool) -> Option<Vec<usize>> {
    let (top, below) = lines.split_first()?;
    if below.is_empty() {
        return Some(top.to_vec());
    }
    let first = top.iter().position(|&c| is_group(c))?;
    let last = top.iter().rposition(|&c| is_group(c))?;
    if top[first..=last].iter().any(|&c| !is_group(c)) {
        return None;
    }
    let mut out: Vec<usize> = top[..first].to_vec();
    out.extend(expand(below, is_group)?);
    out.extend_from_slice(&top[last + 1..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `has_sentence_mark` finds what the char test finds.
    #[test]
    fn has_sentence_mark_is_the_char_test() {
        let marks = |t: &str| t.chars().any(|c| matches!(c, '。' | ',' | ';' | '!' | '?'));
        for t in [
            "",
            "行政规范性文件 0 1 5",
            "办理。",
            "a,b",
            "x;",
            "好!",
            "何?",
            "〇、《》「」",
            "é\u{1F600}",
        ] {
            assert_eq!(super::has_sentence_mark(t), marks(t), "{t:?}");
        }
    }

    struct NoVocab;
    impl Vocabulary for NoVocab {
        fn is_group(&self, _: &str) -> bool {
            false
        }
        fn is_column(&self, _: &str) -> bool {
            false
        }
        fn is_row(&self, _: &str) -> bool {
            false
        }
    }

    #[test]
    fn values() {
        assert_eq!(parse_value("470"), Some((470.0, false)));
        assert_eq!(parse_value("+1"), Some((1.0, true)));
        assert_eq!(parse_value("26,569"), Some((26569.0, false)));
        assert_eq!(parse_value("38.44"), Some((38.44, false)));
        assert_eq!(parse_value("12件"), None);
        assert_eq!(parse_value("1,2"), None);
    }

    #[test]
    fn row_per_line() {
        let g = read("| 甲 | 乙 | 丙 |\n| 行一 | 1 | | 3 |\n", &NoVocab);
        assert_eq!(g.tables.len(), 1);
        let t = &g.tables[0];
        assert_eq!(t.columns.len(), 3);
        assert_eq!(g.cells[t.rows[0].values[1]].kind, CellKind::Empty);
    }
}
