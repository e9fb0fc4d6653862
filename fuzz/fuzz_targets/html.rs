//! Fuzz the HTML reader: markup → text, charset sniffing, and `decode` of a `.html` file.
#![no_main]
use libfuzzer_sys::fuzz_target;
use zhibiao::input;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = input::looks_like_html(s);
        let t = input::html_to_text(s);
        // a `<` in the text comes from the markup's own `<` or from an entity
        // (`&lt;`, `&#60;`, and also `&nvlt;` = "<\u{20D2}")
        assert!(!t.contains('<') || s.contains('<') || s.contains('&'));
    }
    let _ = input::decode(data, "fuzz.html");
});
