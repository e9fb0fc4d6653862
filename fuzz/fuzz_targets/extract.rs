//! Fuzz the whole pipeline: any bytes through `extract_bytes`, any UTF-8 through `extract`.
//! Checks: no panic, and every evidence span lies inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = zhibiao::input::decode(data, "fuzz.txt") {
        let n = decoded.text.chars().count();
        let r = zhibiao::extract(&decoded.text, "fuzz.txt");
        for m in &r.metrics {
            for e in &m.evidence {
                assert!(
                    e[0] <= e[1] && e[1] <= n,
                    "evidence {e:?} outside {n} chars"
                );
            }
        }
    }
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = zhibiao::extract(s, "fuzz.txt");
    }
});
