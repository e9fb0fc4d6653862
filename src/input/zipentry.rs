//! The listing types both zip readers share (the `zip` crate natively, `zipread` in the page).

/// Why an archive or a member could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipError {
    /// No end-of-central-directory record: not a zip, or cut short.
    NotZip,
    /// Offsets or signatures do not fit together.
    Damaged,
    /// The member is not in the archive.
    Missing,
    /// The member is encrypted.
    Encrypted,
    /// The member uses a compression method other than stored or deflate.
    Method(u16),
}

/// One member of an archive as listed in its central directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The name as stored (UTF-8, or GBK/CP437 bytes in archives made on Windows).
    pub raw_name: Vec<u8>,
    /// A folder entry (name ends with `/`).
    pub is_dir: bool,
    /// The compressed size in bytes (for bomb messages).
    pub compressed: u64,
}
