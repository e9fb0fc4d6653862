//! Zip archives (a .docx is one, and so is a `reports.zip`): list the members and read one with
//! a cap on the bytes it may inflate to, so a zip bomb costs at most the cap.
//!
//! Natively this is the `zip` crate. In the browser it is the small hand-written reader
//! [`super::zipread`] (the `zip` crate would add ~75 KB gzip to a page whose whole budget is
//! 250 KB, for features a .docx or a folder of reports never uses).

use std::io::Read;

pub use super::zipentry::{Entry, ZipError};

/// The error text a capped member reader returns once more than its cap would come out.
pub const TOO_LARGE: &str = "inflates past the size limit";

/// A reader that fails with [`TOO_LARGE`] once more than `cap` bytes come out of `inner`.
pub struct Capped<R> {
    inner: R,
    left: usize,
}

impl<R: Read> Capped<R> {
    /// Read `inner`, allowing at most `cap` bytes.
    pub fn new(inner: R, cap: usize) -> Self {
        Capped { inner, left: cap }
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.left == 0 {
            // one byte more than the cap means the cap was passed
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(std::io::Error::other(TOO_LARGE)),
            };
        }
        let want = buf.len().min(self.left);
        let n = self.inner.read(&mut buf[..want])?;
        self.left -= n;
        Ok(n)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::{Capped, Entry, ZipError};
    use std::io::{Cursor, Read};

    fn map(e: zip::result::ZipError) -> ZipError {
        use zip::result::ZipError as Z;
        match e {
            Z::FileNotFound => ZipError::Missing,
            Z::UnsupportedArchive(m) if m.contains("assword") || m.contains("ncrypt") => {
                ZipError::Encrypted
            }
            Z::UnsupportedArchive(m) if m.contains("ompression") => ZipError::Method(0),
            Z::InvalidPassword => ZipError::Encrypted,
            Z::InvalidArchive(m) if m.contains("end of central directory") => ZipError::NotZip,
            _ => ZipError::Damaged,
        }
    }

    fn open(zip: &[u8]) -> Result<zip::ZipArchive<Cursor<&[u8]>>, ZipError> {
        if zip.len() < 22 {
            return Err(ZipError::NotZip);
        }
        zip::ZipArchive::new(Cursor::new(zip)).map_err(map)
    }

    /// The members of the archive, in central-directory order (at most `limit`).
    pub fn entries(zip: &[u8], limit: usize) -> Result<Vec<Entry>, ZipError> {
        let mut a = open(zip)?;
        let mut out = Vec::new();
        for i in 0..a.len().min(limit) {
            let f = a.by_index_raw(i).map_err(map)?;
            out.push(Entry {
                raw_name: f.name_raw().to_vec(),
                is_dir: f.is_dir(),
                compressed: f.compressed_size(),
            });
        }
        Ok(out)
    }

    /// Call `f(entry, reader)` for each member in central-directory order (at most `limit`)
    /// until it returns false; the reader is uncapped (wrap it in [`Capped`]).
    pub fn for_each_member(
        zip: &[u8],
        limit: usize,
        mut f: impl FnMut(&Entry, Result<&mut dyn Read, ZipError>) -> bool,
    ) -> Result<(), ZipError> {
        let mut a = open(zip)?;
        for i in 0..a.len().min(limit) {
            let entry = match a.by_index_raw(i) {
                Ok(r) => Entry {
                    raw_name: r.name_raw().to_vec(),
                    is_dir: r.is_dir(),
                    compressed: r.compressed_size(),
                },
                Err(e) => return Err(map(e)),
            };
            let go = match a.by_index(i) {
                Ok(mut file) => f(&entry, Ok(&mut file)),
                Err(e) => f(&entry, Err(map(e))),
            };
            if !go {
                break;
            }
        }
        Ok(())
    }

    /// Read the member called `name` with `f(reader, compressed_size)`, at most `cap` bytes.
    pub fn with_member<T>(
        zip: &[u8],
        name: &str,
        cap: impl FnOnce(u64) -> usize,
        f: impl FnOnce(&mut dyn Read, u64) -> T,
    ) -> Result<T, ZipError> {
        let mut a = open(zip)?;
        let file = a.by_name(name).map_err(map)?;
        let compressed = file.compressed_size();
        let mut r = Capped::new(file, cap(compressed));
        Ok(f(&mut r, compressed))
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::super::zipread;
    use super::{Capped, Entry, ZipError};
    use std::io::Read;

    /// The members of the archive, in central-directory order (at most `limit`).
    pub fn entries(zip: &[u8], limit: usize) -> Result<Vec<Entry>, ZipError> {
        zipread::entries(zip, limit)
    }

    /// Call `f(entry, reader)` for each member in central-directory order (at most `limit`)
    /// until it returns false; the reader is uncapped (wrap it in [`Capped`]).
    pub fn for_each_member(
        zip: &[u8],
        limit: usize,
        mut f: impl FnMut(&Entry, Result<&mut dyn Read, ZipError>) -> bool,
    ) -> Result<(), ZipError> {
        for (entry, member) in zipread::members(zip, limit)? {
            let go = match member {
                Ok(m) => f(&entry, Ok(&mut zipread::MemberReader::new(m))),
                Err(e) => f(&entry, Err(e)),
            };
            if !go {
                break;
            }
        }
        Ok(())
    }

    /// Read the member called `name` with `f(reader, compressed_size)`, at most `cap` bytes.
    pub fn with_member<T>(
        zip: &[u8],
        name: &str,
        cap: impl FnOnce(u64) -> usize,
        f: impl FnOnce(&mut dyn Read, u64) -> T,
    ) -> Result<T, ZipError> {
        let m = zipread::member(zip, name)?;
        let compressed = m.data.len() as u64;
        let mut r = Capped::new(zipread::MemberReader::new(m), cap(compressed));
        Ok(f(&mut r, compressed))
    }
}

pub use imp::{entries, for_each_member, with_member};

/// The names of the archive's members (at most `limit`), for messages and tests.
pub fn names(zip: &[u8], limit: usize) -> Result<Vec<String>, ZipError> {
    Ok(entries(zip, limit)?
        .into_iter()
        .map(|e| String::from_utf8_lossy(&e.raw_name).into_owned())
        .collect())
}

/// A short phrase for a [`ZipError`].
pub fn describe(e: ZipError) -> String {
    match e {
        ZipError::NotZip => "the zip archive is incomplete or damaged".into(),
        ZipError::Damaged => "the zip archive is damaged".into(),
        ZipError::Missing => "a member is missing".into(),
        ZipError::Encrypted => "it is encrypted (password protected)".into(),
        ZipError::Method(_) => {
            "it uses a zip compression method other than stored and deflate".into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_stops_one_past_the_cap() {
        let mut s = Vec::new();
        assert!(Capped::new(&b"hello"[..], 5).read_to_end(&mut s).is_ok());
        let mut s = Vec::new();
        let e = Capped::new(&b"hello!"[..], 5)
            .read_to_end(&mut s)
            .unwrap_err();
        assert!(e.to_string().contains(TOO_LARGE));
    }
}
