//! Tables: the figures of tables flattened into text (the 政府信息公开工作年度报告's national
//! tables, 行政执法 statistics), which have no unit and no words next to them.
//!
//! [`grid`] reads the cells back into header labels × rows; the rules of `data/tables.toml`
//! say which (row label, column header, table context) cell is which catalog metric. The
//! result is [`Candidate`]s like the prose classifier's, plus the byte ranges the tables
//! cover, so that the prose classifier's guesses about the same numbers are dropped
//! ([`TableFacts::merge`]).

pub mod grid;

use crate::data::catalog::Catalog;
use crate::metrics::classify::Candidate;
use crate::numbers::quantities::{Kind, Quantity};
use crate::re::Regex;
use grid::{CellKind, Grid, Vocabulary};
use serde::Deserialize;
use std::ops::Range;
use std::sync::OnceLock;

/// One `[[cell]]` rule of `data/tables.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellRule {
    /// The catalog id.
    pub metric: String,
    /// Regex over the column header.
    pub column: String,
    /// Regex over the row label (none: any row, also one without a label).
    #[serde(default)]
    pub row: Option<String>,
    /// Regex one label of the table's context must match.
    #[serde(default)]
    pub table: Option<String>,
    /// Which of the matching columns count (1-based); summed. None: the first.
    #[serde(default)]
    pub nth: Vec<usize>,
    /// A poor primary.
    #[serde(default)]
    pub weak: bool,
}

/// `data/tables.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TablesFile {
    /// Header labels that only group columns.
    #[serde(default)]
    pub groups: Vec<String>,
    /// Further header labels that are never row labels.
    #[serde(default)]
    pub columns: Vec<String>,
    /// The cell rules.
    #[serde(default, rename = "cell")]
    pub cells: Vec<CellRule>,
}

struct Rule {
    metric: String,
    column: Regex,
    row: Option<Regex>,
    table: Option<Regex>,
    nth: Vec<usize>,
    weak: bool,
}

/// The compiled rules.
pub struct Rules {
    groups: Vec<Regex>,
    columns: Vec<Regex>,
    rules: Vec<Rule>,
}

fn compile(p: &str) -> Result<Regex, String> {
    Regex::new(p).map_err(|e| format!("tables: bad pattern {p:?}: {e}"))
}

impl Rules {
    /// Compile a parsed tables file.
    pub fn new(file: &TablesFile) -> Result<Rules, String> {
        let mut rules = Vec::new();
        for c in &file.cells {
            rules.push(Rule {
                metric: c.metric.clone(),
                column: compile(&c.column)?,
                row: c.row.as_deref().map(compile).transpose()?,
                table: c.table.as_deref().map(compile).transpose()?,
                nth: c.nth.clone(),
                weak: c.weak,
            });
        }
        Ok(Rules {
            groups: file
                .groups
                .iter()
                .map(|p| compile(p))
                .collect::<Result<_, _>>()?,
            columns: file
                .columns
                .iter()
                .map(|p| compile(p))
                .collect::<Result<_, _>>()?,
            rules,
        })
    }
}

impl Vocabulary for Rules {
    fn is_group(&self, label: &str) -> bool {
        self.groups.iter().any(|r| r.is_match(label))
    }
    fn is_column(&self, label: &str) -> bool {
        self.columns.iter().any(|r| r.is_match(label))
            || self.rules.iter().any(|r| r.column.is_match(label))
    }
    fn is_row(&self, label: &str) -> bool {
        self.rules
            .iter()
            .any(|r| r.row.as_ref().is_some_and(|x| x.is_match(label)))
    }
}

/// The rules of the embedded `data/tables.toml`.
pub fn builtin() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| {
        let file: TablesFile = crate::data::builtin(crate::data::builtin_data!("tables"))
            .expect("data/tables.toml is valid");
        Rules::new(&file).expect("data/tables.toml patterns compile")
    })
}

/// What the tables of one text give.
#[derive(Debug, Clone, Default)]
pub struct TableFacts {
    /// One candidate per rule and row that gave a value.
    pub candidates: Vec<Candidate>,
    /// Bytes covered by tables: the prose classifier's candidates there are dropped.
    pub claimed: Vec<Range<usize>>,
}

impl TableFacts {
    /// The prose candidates outside the tables, then the table candidates.
    pub fn merge(self, qs: &[Quantity], prose: Vec<Candidate>) -> Vec<Candidate> {
        let claimed = &self.claimed;
        let inside = |b: usize| {
            let k = claimed.partition_point(|r| r.end <= b);
            claimed.get(k).is_some_and(|r| r.contains(&b))
        };
        let mut out: Vec<Candidate> = prose
            .into_iter()
            .filter(|c| qs.get(c.q).is_none_or(|q| !inside(q.span.start)))
            .collect();
        out.extend(self.candidates);
        out
    }
}

/// At most this many values per rule and table: a report's table gives one figure per metric
/// and row; this bounds what a pathological input hands to resolution.
const MAX_ROWS_PER_RULE: usize = 64;

/// The multiplier a money column's header states (`罚没金额(万元)`).
fn money_scale(header: &str) -> f64 {
    if header.contains("亿元") {
        1e8
    } else if header.contains("万元") {
        1e4
    } else {
        1.0
    }
}

/// Read the tables of `text` (`doc.body`) and apply `rules`; quantities missing for the table
/// values used (a bare `0`) are added to `qs`, which stays in text order.
pub fn read(text: &str, cat: &Catalog, rules: &Rules, qs: &mut Vec<Quantity>) -> TableFacts {
    let grid = grid::read(text, rules);
    // (metric index, value, cell of the quantity, evidence, weak)
    let mut found: Vec<(usize, f64, usize, Range<usize>, bool)> = Vec::new();
    let mut claimed: Vec<Range<usize>> = Vec::new();
    for t in &grid.tables {
        let before = found.len();
        for rule in &rules.rules {
            let Some(m) = cat.metrics.iter().position(|x| x.id == rule.metric) else {
                continue;
            };
            if let Some(tr) = &rule.table {
                if !t.context.iter().any(|&c| tr.is_match(&grid.cells[c].label)) {
                    continue;
                }
            }
            let matching: Vec<usize> = (0..t.columns.len())
                .filter(|&k| rule.column.is_match(&grid.cells[t.columns[k]].label))
                .collect();
            let cols: Vec<usize> = if rule.nth.is_empty() {
                matching.first().copied().into_iter().collect()
            } else {
                rule.nth
                    .iter()
                    .filter_map(|&n| n.checked_sub(1).and_then(|n| matching.get(n)).copied())
                    .collect()
            };
            if cols.is_empty() {
                continue;
            }
            let money = cat.metrics[m].kind == crate::data::catalog::MetricKind::Money;
            let mut emitted = 0;
            for row in &t.rows {
                if emitted == MAX_ROWS_PER_RULE {
                    break;
                }
                let label = row.label.map(|l| &grid.cells[l]);
                if let Some(rr) = &rule.row {
                    if !label.is_some_and(|l| rr.is_match(&l.label)) {
                        continue;
                    }
                }
                let mut sum = 0.0;
                let mut ok = true;
                for &k in &cols {
                    match grid.cells[row.values[k]].kind {
                        CellKind::Value {
                            value,
                            signed: false,
                        } => {
                            let scale = if money {
                                money_scale(&grid.cells[t.columns[k]].label)
                            } else {
                                1.0
                            };
                            sum += value * scale;
                        }
                        _ => ok = false,
                    }
                }
                if !ok {
                    continue;
                }
                let first = row.values[cols[0]];
                let last = row.values[*cols.last().unwrap_or(&cols[0])];
                let start = label.map_or(grid.cells[first].span.start, |l| l.span.start);
                found.push((m, sum, first, start..grid.cells[last].span.end, rule.weak));
                emitted += 1;
            }
        }
        let pipes = t.rows.iter().flat_map(|r| r.values.iter()).any(|&v| {
            text[grid.cells[v].span.end..]
                .trim_start_matches(' ')
                .starts_with('|')
        });
        if found.len() > before || pipes {
            claimed.push(table_span(&grid, t));
        }
    }
    claimed.sort_by_key(|r| r.start);
    let candidates = attach(&grid, qs, found);
    TableFacts {
        candidates,
        claimed,
    }
}

/// Bytes from a table's first column header to its last value.
fn table_span(grid: &Grid, t: &grid::Table) -> Range<usize> {
    let start = t.columns.first().map_or(0, |&c| grid.cells[c].span.start);
    let end = t
        .rows
        .last()
        .and_then(|r| r.values.last())
        .map_or(start, |&v| grid.cells[v].span.end);
    start..end.max(start)
}

/// Make the candidates, finding (or adding) the quantity of each value cell.
fn attach(
    grid: &Grid,
    qs: &mut Vec<Quantity>,
    found: Vec<(usize, f64, usize, Range<usize>, bool)>,
) -> Vec<Candidate> {
    let at = |qs: &[Quantity], span: &Range<usize>| {
        let k = qs.partition_point(|q| q.span.start < span.start);
        qs.get(k)
            .filter(|q| q.span.start < span.end.max(span.start + 1))
            .map(|_| k)
    };
    let mut new: Vec<Quantity> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (_, value, cell, _, _) in &found {
        let span = grid.cells[*cell].span.clone();
        if at(qs, &span).is_none() && seen.insert(span.start) {
            new.push(Quantity {
                value: *value,
                unit: String::new(),
                kind: Kind::Bare,
                approx: None,
                each: false,
                span: span.clone(),
                number: span,
            });
        }
    }
    if !new.is_empty() {
        qs.extend(new);
        qs.sort_by_key(|q| q.span.start);
    }
    found
        .into_iter()
        .filter_map(|(metric, value, cell, span, weak)| {
            let q = at(qs, &grid.cells[cell].span)?;
            Some(Candidate {
                q,
                metric,
                span,
                weak,
                part: false,
                value: Some(value),
                loose: weak,
            })
        })
        .collect()
}
