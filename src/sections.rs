//! Sections: where the problems (存在问题/不足/困难) and the plans (下步打算/工作安排) are, and their items.

use crate::Doc;
use std::ops::Range;

/// The kind of a special section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// 存在问题 / 不足 / 困难
    Problems,
    /// 下步打算 / 工作安排 / 工作计划 (next year)
    Plans,
}

/// Byte ranges (in `doc.body`) of the problems and plans sections.
pub fn sections(doc: &Doc) -> Vec<(SectionKind, Range<usize>)> {
    let _ = doc;
    Vec::new()
}

/// The problems section's items and their char offsets.
pub fn problems(doc: &Doc) -> (Vec<String>, Vec<usize>) {
    let _ = doc;
    (Vec::new(), Vec::new())
}

/// The plans section's items and their char offsets.
pub fn plans(doc: &Doc) -> (Vec<String>, Vec<usize>) {
    let _ = doc;
    (Vec::new(), Vec::new())
}
