//! Output: a report (or several) as JSON (OUTPUT.md) or CSV (one row per fact, UTF-8 with BOM).
