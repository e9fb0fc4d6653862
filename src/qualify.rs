//! Stage 5 — qualify: scope (全市, 市本级 …), period (截至11月, 累计 …) and year-on-year change of a figure.
