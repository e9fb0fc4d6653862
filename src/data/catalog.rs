//! The metric catalog: data, not code. `data/catalog.toml` is embedded at build time; a user can
//! load an extended copy with [`Catalog::from_toml`] (new metric = new entry, no Rust change).

use crate::model::from_json::{field, FromJson};
use crate::re::{Prefilter, Regex, Short};
use serde::Deserialize;
use serde_json::Value;
use std::sync::OnceLock;

/// The catalog file embedded in the binary.
pub const BUILTIN_TOML: &str = include_str!("../../data/catalog.toml");

/// What a metric measures; which kind of quantity can be its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum MetricKind {
    /// A count of things (件, 家次 …).
    Count,
    /// An amount of money (元).
    Money,
    /// A percentage.
    Rate,
    /// A concentration (µg/m³).
    Concentration,
}

impl TryFrom<String> for MetricKind {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        match s.as_str() {
            "count" => Ok(MetricKind::Count),
            "money" => Ok(MetricKind::Money),
            "rate" => Ok(MetricKind::Rate),
            "concentration" => Ok(MetricKind::Concentration),
            _ => Err(format!(
                "kind must be one of count, money, rate, concentration (not {s:?})"
            )),
        }
    }
}

/// One metric of the catalog.
#[derive(Debug, Clone, Deserialize)]
pub struct Metric {
    pub id: String,
    pub label: String,
    pub label_en: String,
    pub group: String,
    #[serde(default)]
    pub group_en: String,
    /// What the metric measures (`count`, `money`, `rate` or `concentration` in the file).
    pub kind: MetricKind,
    /// Canonical unit.
    pub unit: String,
    /// Units of the text accepted for this metric.
    #[serde(default)]
    pub units: Vec<String>,
    /// Regexes, one of which must match the words before the figure (its clause) …
    #[serde(default)]
    pub triggers: Vec<String>,
    /// … or the words right after it (`29份行政合同`).
    #[serde(default)]
    pub after: Vec<String>,
    /// Triggers that classify but make the fact a poor primary.
    #[serde(default)]
    pub weak: Vec<String>,
    /// Regexes that veto this metric when they match the words before the figure.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Regexes that veto this metric when they match the words right after the figure.
    #[serde(default)]
    pub exclude_after: Vec<String>,
    /// A regex that must match in the figure's sentence or the headings above it.
    #[serde(default)]
    pub context: Option<String>,
    /// Higher wins when several metrics match equally close.
    #[serde(default)]
    pub priority: i32,
    /// The id of a more general metric this one narrows (`random_inspections` narrows
    /// `inspections`): a figure of that metric becomes this one when this one's triggers name
    /// it earlier in the same clause (`开展双随机抽查,检查企业40家`).
    #[serde(default)]
    pub refines: Option<String>,
    /// The summary's phrase for this metric's primary fact (`办理行政处罚案件{}`; `{}` is the
    /// quantity), in Chinese …
    #[serde(default)]
    pub summary_zh: Option<String>,
    /// … and in English (`{} penalty cases`).
    #[serde(default)]
    pub summary_en: Option<String>,
    /// The phrase instead for a value of 0 (`均无败诉或被纠错`), in Chinese …
    #[serde(default)]
    pub summary_zero_zh: Option<String>,
    /// … and in English.
    #[serde(default)]
    pub summary_zero_en: Option<String>,
}

/// One sentence of the summary: a lead and the metrics it names, in order.
#[derive(Debug, Clone, Deserialize)]
pub struct SummaryGroup {
    /// The lead in Chinese (`执法方面`).
    pub zh: String,
    /// The lead in English (`Enforcement`).
    pub en: String,
    /// Metric ids in the order the sentence names them.
    pub metrics: Vec<String>,
}

/// Phrases that state a zero without a number (`均无败诉` → `litigation_lost` 0).
#[derive(Debug, Clone, Deserialize)]
pub struct Zero {
    /// The metric id they state 0 for.
    pub id: String,
    /// Regexes over a sentence.
    pub patterns: Vec<String>,
}

/// The weights of the primary choice (see `resolve`): which of a metric's facts an analyst
/// would put in a summary table. Data beside the metrics (`[primary]` in the catalog), fitted on
/// the seeds and the development set by `scripts/fit-primary.py`; a missing key keeps its default.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PrimaryWeights {
    /// A `其中` part of a total.
    pub part: f64,
    /// A figure per item (`各3次`).
    pub each: f64,
    /// Classified by a weak trigger.
    pub weak: f64,
    /// Stated in the problems section.
    pub problems: f64,
    /// A multi-year figure (`自2018年以来`, `每年`).
    pub since_before: f64,
    /// A campaign or joint action in the sentence.
    pub campaign: f64,
    /// A whole-year or whole-jurisdiction word before the figure (`全年`, `共`, `全市`).
    pub whole: f64,
    /// Scoped to the body's own level only (`市本级`).
    pub own_level: f64,
    /// This year named before the figure (`今年`, `本年度`).
    pub this_year: f64,
    /// Per power of ten of the value (the larger figure is more often the total).
    pub value_log: f64,
    /// Per fact of the same metric stated before this one (the first statement wins close calls).
    pub later: f64,
}

impl Default for PrimaryWeights {
    fn default() -> Self {
        PrimaryWeights {
            part: -20.0,
            each: -50.0,
            weak: -30.0,
            problems: -40.0,
            since_before: -25.0,
            campaign: -10.0,
            whole: 8.0,
            own_level: -6.0,
            this_year: 6.0,
            value_log: 0.25,
            later: -0.5,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
struct CatalogFile {
    version: String,
    #[serde(rename = "metric")]
    metrics: Vec<Metric>,
    #[serde(default, rename = "zero")]
    zeros: Vec<Zero>,
    #[serde(default)]
    primary: PrimaryWeights,
    #[serde(default, rename = "summary_group")]
    summary_groups: Vec<SummaryGroup>,
}

/// A metric's patterns, compiled.
#[derive(Debug, Clone)]
pub struct Matchers {
    pub triggers: Vec<Short>,
    pub after: Vec<Short>,
    pub weak: Vec<Short>,
    pub exclude: Option<Short>,
    pub exclude_after: Option<Short>,
    pub context: Option<Short>,
}

/// The parsed catalog with its patterns compiled.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The metrics, the version and the summary's sentences (`cat.metrics` reads through to
    /// them: a catalog derefs to its [`Defs`]).
    pub defs: Defs,
    /// `matchers[i]` belongs to `metrics[i]`.
    pub matchers: Vec<Matchers>,
    /// Explicit-zero phrases: (metric index, pattern).
    pub zeros: Vec<(usize, Short)>,
    /// All the zero phrases as one alternation: one pass tells whether a sentence holds any.
    pub any_zero: Option<Regex>,
    /// Every metric's triggers then weak triggers, in one literal prefilter.
    pub trigger_pre: Prefilter,
    /// Index in `trigger_pre` of metric i's first trigger / first weak trigger.
    pub trigger_base: Vec<usize>,
    pub weak_base: Vec<usize>,
    /// The metric of each pattern of `trigger_pre`.
    pub trigger_owner: Vec<usize>,
    /// Every metric's `after` patterns in one prefilter; `after_base[i]` is metric i's first.
    pub after_pre: Prefilter,
    pub after_base: Vec<usize>,
    /// The metric of each pattern of `after_pre`.
    pub after_owner: Vec<usize>,
    /// For each unit of the text, the metrics that list it (in catalog order).
    pub by_unit: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// Metrics that list no units (they take any unit of their kind).
    pub any_unit: Vec<usize>,
    /// The weights of the primary choice.
    pub primary: PrimaryWeights,
}

/// Every metric's `first` patterns, then every metric's `second` ones, in one list.
struct Flat {
    pats: Vec<String>,
    /// The index of each metric's first pattern of either kind.
    base1: Vec<usize>,
    base2: Vec<usize>,
    /// The metric of each pattern.
    owner: Vec<usize>,
}

fn flat<'a>(
    metrics: &'a [Metric],
    first: impl Fn(&'a Metric) -> &'a [String],
    second: impl Fn(&'a Metric) -> &'a [String],
) -> Flat {
    let mut f = Flat {
        pats: Vec::new(),
        base1: Vec::new(),
        base2: Vec::new(),
        owner: Vec::new(),
    };
    for (i, m) in metrics.iter().enumerate() {
        f.base1.push(f.pats.len());
        f.pats.extend(first(m).iter().cloned());
        f.owner.resize(f.pats.len(), i);
    }
    for (i, m) in metrics.iter().enumerate() {
        f.base2.push(f.pats.len());
        f.pats.extend(second(m).iter().cloned());
        f.owner.resize(f.pats.len(), i);
    }
    f
}

/// The compiled patterns of each of `metrics`.
fn matchers_of(metrics: &[Metric]) -> Result<Vec<Matchers>, String> {
    metrics
        .iter()
        .map(|m| {
            Ok(Matchers {
                triggers: compile(&m.id, &m.triggers)?,
                after: compile(&m.id, &m.after)?,
                weak: compile(&m.id, &m.weak)?,
                exclude: compile_any(&m.id, &m.exclude)?,
                exclude_after: compile_any(&m.id, &m.exclude_after)?,
                context: compile_any(&m.id, m.context.as_slice())?,
            })
        })
        .collect()
}

/// `a()` and `b()`, natively on two threads (startup: the catalog compiles on two cores).
#[cfg(not(target_arch = "wasm32"))]
fn both<A: Send, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    std::thread::scope(|s| {
        let h = s.spawn(a);
        let rb = b();
        (h.join().expect("the catalog compiles"), rb)
    })
}

/// `a()` then `b()` (no threads in the browser).
#[cfg(target_arch = "wasm32")]
fn both<A, B>(a: impl FnOnce() -> A, b: impl FnOnce() -> B) -> (A, B) {
    (a(), b())
}

fn compile(id: &str, pats: &[String]) -> Result<Vec<Short>, String> {
    pats.iter()
        .map(|p| Short::new(p).map_err(|e| format!("catalog: metric {id}: bad pattern {p:?}: {e}")))
        .collect()
}

fn compile_any(id: &str, pats: &[String]) -> Result<Option<Short>, String> {
    if pats.is_empty() {
        return Ok(None);
    }
    let joined = pats
        .iter()
        .map(|p| format!("(?:{p})"))
        .collect::<Vec<_>>()
        .join("|");
    Short::new(&joined)
        .map(Some)
        .map_err(|e| format!("catalog: metric {id}: bad exclude pattern: {e}"))
}

impl Catalog {
    /// Parse and compile a catalog file; errors name the metric and the pattern.
    pub fn from_toml(s: &str) -> Result<Catalog, crate::data::DataError> {
        let invalid = |m: String| crate::data::DataError::invalid("catalog", m);
        let f: CatalogFile =
            crate::data::user("catalog", s).map_err(|e| invalid(format!("catalog: {e}")))?;
        let cat = Self::compiled(f).map_err(invalid)?;
        cat.check().map_err(invalid)?;
        Ok(cat)
    }

    /// Compile every pattern now (they compile on their first search): a user's pattern too big
    /// to compile is an error at once, not a pattern that never matches.
    fn check(&self) -> Result<(), String> {
        for (m, ms) in self.metrics.iter().zip(&self.matchers) {
            let excludes = [&ms.exclude, &ms.exclude_after, &ms.context];
            let all = (ms.triggers.iter().chain(&ms.after).chain(&ms.weak))
                .chain(excludes.into_iter().flatten());
            for r in all {
                r.check().map_err(|e| {
                    format!(
                        "catalog: metric {}: bad pattern {:?}: {e}",
                        m.id,
                        r.as_str()
                    )
                })?;
            }
        }
        for (i, r) in &self.zeros {
            r.check().map_err(|e| {
                let id = &self.metrics[*i].id;
                format!("catalog: metric {id}: bad pattern {:?}: {e}", r.as_str())
            })?;
        }
        Ok(())
    }

    fn compiled(f: CatalogFile) -> Result<Catalog, String> {
        let triggers = flat(&f.metrics, |m| &m.triggers, |m| &m.weak);
        let after = flat(&f.metrics, |m| &m.after, |_| &[]);
        // the first half of the metrics compile on a second core while the rest of the
        // metrics' own patterns compile here
        let (head, tail) = f.metrics.split_at(f.metrics.len() / 2);
        let (first, rest) = both(|| matchers_of(head), || matchers_of(tail));
        let mut matchers = first?;
        matchers.extend(rest?);
        for m in &f.metrics {
            if let Some(r) = &m.refines {
                if !f.metrics.iter().any(|o| &o.id == r) {
                    return Err(format!(
                        "catalog: metric {}: refines unknown metric {r}",
                        m.id
                    ));
                }
            }
        }
        for g in &f.summary_groups {
            if let Some(id) = g
                .metrics
                .iter()
                .find(|id| !f.metrics.iter().any(|m| &m.id == *id))
            {
                return Err(format!(
                    "catalog: summary_group {}: unknown metric {id}",
                    g.zh
                ));
            }
        }
        let mut zeros = Vec::new();
        for z in &f.zeros {
            let i = f
                .metrics
                .iter()
                .position(|m| m.id == z.id)
                .ok_or(format!("catalog: zero: unknown metric {}", z.id))?;
            for r in compile(&z.id, &z.patterns)? {
                zeros.push((i, r));
            }
        }
        let any_zero = if zeros.is_empty() {
            None
        } else {
            let joined: Vec<String> = zeros
                .iter()
                .map(|(_, r)| format!("(?:{})", r.as_str()))
                .collect();
            Regex::new(&joined.join("|")).ok()
        };
        let trigger_pre = Prefilter::new(&triggers.pats);
        let after_pre = Prefilter::new(&after.pats);
        let mut by_unit: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        let mut any_unit = Vec::new();
        for (i, m) in f.metrics.iter().enumerate() {
            if m.units.is_empty() {
                any_unit.push(i);
            }
            for u in &m.units {
                by_unit.entry(u.clone()).or_default().push(i);
            }
        }
        Ok(Catalog {
            defs: Defs {
                version: f.version,
                metrics: f.metrics,
                summary_groups: f.summary_groups,
            },
            matchers,
            zeros,
            any_zero,
            trigger_pre,
            trigger_base: triggers.base1,
            weak_base: triggers.base2,
            trigger_owner: triggers.owner,
            after_pre,
            after_base: after.base1,
            after_owner: after.owner,
            by_unit,
            any_unit,
            primary: f.primary,
        })
    }
}

impl std::ops::Deref for Catalog {
    type Target = Defs;
    fn deref(&self) -> &Defs {
        &self.defs
    }
}

/// The metrics of `metrics` that at least one of `reports` has a fact of, in catalog order (one
/// pass over the facts: a thousand reports stay fast).
pub fn present_in<'m, 'r>(
    metrics: &'m [Metric],
    reports: impl IntoIterator<Item = &'r crate::model::Report>,
) -> Vec<&'m Metric> {
    let ids: std::collections::HashSet<&str> = reports
        .into_iter()
        .flat_map(|r| r.metrics.iter().map(|f| f.id.as_str()))
        .collect();
    metrics
        .iter()
        .filter(|m| ids.contains(m.id.as_str()))
        .collect()
}

/// The catalog's definitions without their patterns compiled: what the page's shell shows
/// (labels, units, groups, the summary's sentences). It never compiles a pattern, so the
/// regex engine stays out of the shell's wasm.
#[derive(Debug, Clone)]
pub struct Defs {
    pub version: String,
    pub metrics: Vec<Metric>,
    pub summary_groups: Vec<SummaryGroup>,
}

impl Defs {
    /// The metrics that at least one of `reports` has a fact of, in catalog order.
    pub fn present<'r>(
        &self,
        reports: impl IntoIterator<Item = &'r crate::model::Report>,
    ) -> Vec<&Metric> {
        present_in(&self.metrics, reports)
    }

    /// The metric `id`, if the catalog has it.
    pub fn get(&self, id: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.id == id)
    }
}

/// The embedded catalog's definitions, parsed once (no pattern compiled; see [`Defs`]). Read
/// field by field ([`FromJson`]) rather than by serde's derived `Deserialize`, as the page's
/// shell reads it (see `model::from_json`); the engine's strict parse of the same file is
/// [`builtin`], and a test checks that both read the same definitions.
pub fn defs() -> &'static Defs {
    static DEFS: OnceLock<Defs> = OnceLock::new();
    DEFS.get_or_init(|| {
        // the catalog's names only (build.rs): its patterns stay out of the page's shell
        let (_, json) = crate::data::builtin_data!("catalog_names");
        let v: Value = serde_json::from_str(json).unwrap_or_default();
        Defs {
            version: field(&v, "version"),
            metrics: field(&v, "metric"),
            summary_groups: field(&v, "summary_group"),
        }
    })
}

impl FromJson for Metric {
    fn from_json(v: &Value) -> Self {
        Metric {
            id: field(v, "id"),
            label: field(v, "label"),
            label_en: field(v, "label_en"),
            group: field(v, "group"),
            group_en: field(v, "group_en"),
            kind: MetricKind::try_from(field::<String>(v, "kind")).unwrap_or(MetricKind::Count),
            unit: field(v, "unit"),
            units: field(v, "units"),
            triggers: field(v, "triggers"),
            after: field(v, "after"),
            weak: field(v, "weak"),
            exclude: field(v, "exclude"),
            exclude_after: field(v, "exclude_after"),
            context: field(v, "context"),
            priority: field(v, "priority"),
            refines: field(v, "refines"),
            summary_zh: field(v, "summary_zh"),
            summary_en: field(v, "summary_en"),
            summary_zero_zh: field(v, "summary_zero_zh"),
            summary_zero_en: field(v, "summary_zero_en"),
        }
    }
}

crate::model::from_json::struct_from_json! {
    SummaryGroup { zh, en, metrics }
}

/// The embedded catalog, parsed once.
pub fn builtin() -> &'static Catalog {
    static CAT: OnceLock<Catalog> = OnceLock::new();
    CAT.get_or_init(|| {
        crate::data::builtin(crate::data::builtin_data!("catalog"))
            .map_err(|e| e.to_string())
            .and_then(Catalog::compiled)
            .expect("the embedded catalog parses (tested)")
    })
}

#[cfg(test)]
mod tests {
    /// The shell's names (build.rs: `catalog_names`) are the catalog's, metric for metric.
    #[test]
    fn the_shells_names_are_the_catalogs() {
        let (cat, defs) = (super::builtin(), super::defs());
        assert_eq!(defs.version, cat.version);
        assert_eq!(defs.metrics.len(), cat.metrics.len());
        for (d, m) in defs.metrics.iter().zip(&cat.metrics) {
            let shown = |m: &super::Metric| {
                (
                    m.id.clone(),
                    m.label.clone(),
                    m.label_en.clone(),
                    m.group.clone(),
                )
            };
            assert_eq!(shown(d), shown(m));
            assert_eq!(
                (&d.group_en, d.kind, &d.unit),
                (&m.group_en, m.kind, &m.unit)
            );
            assert!(d.triggers.is_empty(), "{}: no patterns in the shell", d.id);
        }
        assert_eq!(defs.summary_groups.len(), cat.summary_groups.len());
        for (d, c) in defs.summary_groups.iter().zip(&cat.summary_groups) {
            assert_eq!((&d.zh, &d.en, &d.metrics), (&c.zh, &c.en, &c.metrics));
        }
    }

    /// The patterns compile on their first search, but a user's catalog is compiled at once: a
    /// pattern that parses yet is too big to compile is an error naming it, as a syntax error is.
    #[test]
    fn a_users_pattern_too_big_to_compile_is_an_error_at_once() {
        let metric = |trigger: &str| {
            format!(
                "version = \"t\"\n[[metric]]\nid = \"m\"\nlabel = \"案件\"\nlabel_en = \"cases\"\n\
                 group = \"执法\"\ngroup_en = \"Enforcement\"\nkind = \"count\"\nunit = \"件\"\n\
                 triggers = [{trigger:?}]\n"
            )
        };
        assert!(super::Catalog::from_toml(&metric("处罚案件")).is_ok());
        for bad in ["(处罚案件", "(?:处罚案件){1000}{1000}"] {
            let e = super::Catalog::from_toml(&metric(bad))
                .err()
                .map(|e| e.to_string());
            assert!(
                e.as_deref()
                    .is_some_and(|e| e.contains("metric m: bad pattern")),
                "{bad}: {e:?}"
            );
        }
    }
}
