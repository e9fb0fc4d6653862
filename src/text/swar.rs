//! Eight bytes at once ("SIMD within a register"): the scans of `segment` and `offsets` read a
//! text's bytes as one `u64` and test all eight with a few integer operations.

/// `0x01` in every byte: multiplied by a byte value, that value in every byte.
pub const LOW: u64 = 0x0101_0101_0101_0101;

/// `0x80` in every byte: the top bit of each.
pub const HIGH: u64 = LOW * 0x80;

/// Eight bytes as one word, the first byte lowest.
pub fn word(eight: &[u8; 8]) -> u64 {
    u64::from_le_bytes(*eight)
}

/// The eight bytes of `bytes` from `at` as one [`word`]; None when fewer than eight are left.
pub fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    bytes.get(at..)?.first_chunk().map(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first byte is the lowest, and `LOW`/`HIGH` repeat their byte in all eight.
    #[test]
    fn words_are_little_endian_and_masks_repeat() {
        assert_eq!(word(&[1, 0, 0, 0, 0, 0, 0, 0x80]), 0x8000_0000_0000_0001);
        assert_eq!(LOW.to_le_bytes(), [1; 8]);
        assert_eq!(HIGH.to_le_bytes(), [0x80; 8]);
        assert_eq!((LOW * 0xE3).to_le_bytes(), [0xE3; 8]);
        let b = [9, 1, 2, 3, 4, 5, 6, 7, 8];
        assert_eq!(word_at(&b, 1), Some(word(&[1, 2, 3, 4, 5, 6, 7, 8])));
        assert_eq!(word_at(&b, 2), None);
        assert_eq!(word_at(&b, 20), None);
    }
}
