//! Fuzz the legacy Word .doc/.wps reader directly, not through `input::guard` (which turns a
//! panic into a message natively): the page's docread module runs this same code built with
//! `panic = "abort"`, where a panic would stop the module. Seeded with `tests/fixtures/sample.doc`
//! by `scripts/fuzz-smoke.sh`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = zhibiao::input::doc::doc_to_text(data, 1 << 20);
});
