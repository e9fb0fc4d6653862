//! The typed form of every table in `tests/data/*.toml`, one struct per kind of case.
//!
//! Every struct denies unknown fields, so a misspelt key is an error when the table is loaded,
//! never a silently skipped check; required keys have no default. Every case has a `name`,
//! unique in its table (checked by [`crate::common::Verdict`] and [`unique_names`]). Where a
//! harness judges each case, `known_failure = true` lists the case as a known failure: the
//! harness fails when an unlisted case fails and when a listed one starts to pass.

mod files;
mod meta;
mod numbers;
mod phrases;
mod review;
mod sections;
mod tools;

#[allow(unused_imports)]
pub use files::*;
#[allow(unused_imports)]
pub use meta::*;
#[allow(unused_imports)]
pub use numbers::*;
#[allow(unused_imports)]
pub use phrases::*;
#[allow(unused_imports)]
pub use review::*;
#[allow(unused_imports)]
pub use sections::*;
#[allow(unused_imports)]
pub use tools::*;

/// Panics when two cases of one table share a name.
pub fn unique_names<'a>(table: &str, names: impl IntoIterator<Item = &'a str>) {
    let mut seen = std::collections::HashSet::new();
    for n in names {
        assert!(!n.is_empty(), "{table}: a case without a name");
        assert!(seen.insert(n), "{table}: two cases are named {n:?}");
    }
}
