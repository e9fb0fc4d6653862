//! Duplicate detection: a hash of a text with its whitespace ignored, so that dropping the
//! same files twice (or pasting a report already loaded) adds nothing.

/// FNV-1a (64 bit) over the text's non-whitespace chars.
pub fn text_hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        let mut buf = [0u8; 4];
        for b in c.encode_utf8(&mut buf).bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}
