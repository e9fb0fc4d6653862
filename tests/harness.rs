//! The shared harness itself (`tests/common`): a misspelt or missing key in a table is an error,
//! a [`Verdict`] fails on an unlisted failure, on a listed known failure that passes and on two
//! cases of one name, a floor names the failing cases, and the SHA-256 of the snapshot check
//! gives the FIPS 180-4 test vectors.

mod common;

use common::cases::{NumbersTable, QuantitiesTable};
use common::Verdict;
use std::panic::{catch_unwind, AssertUnwindSafe};

fn fails(f: impl FnOnce()) -> bool {
    catch_unwind(AssertUnwindSafe(f)).is_err()
}

#[test]
fn misspelt_or_missing_keys_are_errors() {
    let ok = r#"rows = [{ name = "a", s = "1", v = 1 }, { name = "b", s = "x", v = "none" }]"#;
    let t: NumbersTable = toml::from_str(ok).expect("a well-formed table");
    assert_eq!(t.rows[0].v.value(), Some(1.0));
    assert_eq!(t.rows[1].v.value(), None);
    for bad in [
        r#"rows = [{ name = "a", s = "1" }]"#, // no v: not "expect None"
        r#"rows = [{ name = "a", s = "1", value = 1 }]"#, // misspelt v
        r#"rows = [{ s = "1", v = 1 }]"#,      // no name
        r#"rows = [{ name = "a", s = "1", v = 1, mdoe = "strict" }]"#, // misspelt mode
    ] {
        assert!(
            toml::from_str::<NumbersTable>(bad).is_err(),
            "accepted: {bad}"
        );
    }
    let t: NumbersTable = toml::from_str(r#"rows = [{ name = "a", s = "1", v = "nil" }]"#).unwrap();
    assert!(fails(|| {
        t.rows[0].v.value();
    }));
    let q = "[[case]]\nname = \"a\"\ntext = \"x\"\nexpect = [{ value = 1, unit = \"件\", kind = \"count\", aprox = \"nearly\" }]";
    assert!(toml::from_str::<QuantitiesTable>(q).is_err());
}

#[test]
fn verdict_fails_on_unlisted_failures_and_passing_known_failures() {
    let err = vec!["wrong".to_string()];
    // as expected: passes and listed failures
    let mut v = Verdict::new("t");
    v.record("a", false, &[]);
    v.record("b", true, &err);
    assert!(v.summary().is_empty());
    assert_eq!(v.failing(), ["b".to_string()]);
    v.finish();
    // an unlisted failure
    let mut v = Verdict::new("t");
    v.record("a", false, &err);
    assert!(fails(|| v.finish()));
    // a listed known failure that passes
    let mut v = Verdict::new("t");
    v.record("a", true, &[]);
    assert!(fails(|| v.finish()));
    // no cases at all
    assert!(fails(|| Verdict::new("t").finish()));
    // two cases of one name
    let mut v = Verdict::new("t");
    v.record("a", false, &[]);
    assert!(fails(|| v.record("a", false, &[])));
}

#[test]
fn floors_name_the_failing_cases() {
    let mut v = Verdict::new("t");
    v.record("good", false, &[]);
    v.record("bad-one", false, &["x".to_string()]);
    assert!(v.below_floor(0.5).is_none());
    let msg = v.below_floor(0.75).expect("below the floor");
    assert!(msg.contains("bad-one") && !msg.contains("good"), "{msg}");
}

#[test]
fn sha256_test_vectors() {
    assert_eq!(
        common::sha256_hex(b""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        common::sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(
        common::sha256_hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
}
