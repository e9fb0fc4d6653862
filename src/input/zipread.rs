//! A minimal, bounded zip reader for the browser build: list the members, find one and inflate
//! it as a stream. (Natively [`super::archive`] uses the `zip` crate instead; this one is
//! compiled everywhere so its tests run natively.)
//!
//! Only what a .docx or a zip of reports needs: the end-of-central-directory record, central
//! directory entries, local headers, and the `stored` and `deflate` methods (deflate by
//! `miniz_oxide`). Every offset is checked against the input; the bytes a member may inflate to
//! are capped by the caller ([`super::archive::Capped`]), so a zip bomb costs at most the cap in
//! time and nothing in memory. (The `zip` crate would add ~75 KB gzip to the web page.)

use miniz_oxide::inflate::stream::{inflate, InflateState};
use miniz_oxide::{DataFormat, MZFlush, MZStatus};
use std::io::{self, Read};

pub use super::zipentry::{Entry, ZipError};

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(i..i.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(i..i.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// One member of an archive, ready to be read.
#[derive(Debug, Clone)]
pub struct Member<'a> {
    /// Compression method: 0 stored, 8 deflate.
    pub method: u16,
    /// The compressed bytes.
    pub data: &'a [u8],
}

/// The members of the archive (at most `limit`), in central-directory order.
pub fn entries(zip: &[u8], limit: usize) -> Result<Vec<Entry>, ZipError> {
    Ok(members(zip, limit)?.into_iter().map(|(e, _)| e).collect())
}

/// A listed member with its data, or why the data cannot be read.
pub type Listed<'a> = (Entry, Result<Member<'a>, ZipError>);

/// The members of the archive (at most `limit`), in central-directory order, each with its
/// data or why it cannot be read.
pub fn members(zip: &[u8], limit: usize) -> Result<Vec<Listed<'_>>, ZipError> {
    let mut found = Vec::new();
    for_each_entry(zip, |name, p| {
        let entry = Entry {
            raw_name: name.to_vec(),
            is_dir: name.ends_with(b"/"),
            compressed: u32_at(zip, p + 20).unwrap_or(0) as u64,
        };
        found.push((entry, p));
        found.len() < limit
    })?;
    Ok(found
        .into_iter()
        .map(|(e, p)| (e, member_from(zip, p)))
        .collect())
}

/// Walk the central directory, calling `f(name, entry_offset)` until it returns false.
fn for_each_entry(zip: &[u8], mut f: impl FnMut(&[u8], usize) -> bool) -> Result<(), ZipError> {
    // the end-of-central-directory record is in the last 22 + 65535 bytes
    if zip.len() < 22 {
        return Err(ZipError::NotZip);
    }
    let lowest = zip.len().saturating_sub(22 + 65535);
    let mut eocd = None;
    let mut i = zip.len() - 22;
    loop {
        if zip[i..].starts_with(b"PK\x05\x06") {
            eocd = Some(i);
            break;
        }
        if i == lowest {
            break;
        }
        i -= 1;
    }
    let eocd = eocd.ok_or(ZipError::NotZip)?;
    let cd_size = u32_at(zip, eocd + 12).ok_or(ZipError::Damaged)? as usize;
    let cd_offset = u32_at(zip, eocd + 16).ok_or(ZipError::Damaged)? as usize;
    let cd_end = cd_offset
        .checked_add(cd_size)
        .filter(|&e| e <= eocd)
        .ok_or(ZipError::Damaged)?;
    let mut p = cd_offset;
    while p + 46 <= cd_end {
        if !zip[p..].starts_with(b"PK\x01\x02") {
            return Err(ZipError::Damaged);
        }
        let name_len = u16_at(zip, p + 28).ok_or(ZipError::Damaged)? as usize;
        let extra_len = u16_at(zip, p + 30).ok_or(ZipError::Damaged)? as usize;
        let comment_len = u16_at(zip, p + 32).ok_or(ZipError::Damaged)? as usize;
        let name = zip
            .get(p + 46..p + 46 + name_len)
            .ok_or(ZipError::Damaged)?;
        if !f(name, p) {
            return Ok(());
        }
        p += 46 + name_len + extra_len + comment_len;
    }
    Ok(())
}

/// Find the member called `name`.
pub fn member<'a>(zip: &'a [u8], name: &str) -> Result<Member<'a>, ZipError> {
    let mut found = None;
    for_each_entry(zip, |n, p| {
        if n == name.as_bytes() {
            found = Some(p);
            false
        } else {
            true
        }
    })?;
    member_from(zip, found.ok_or(ZipError::Missing)?)
}

/// The member listed `index`-th in the central directory.
pub fn member_at(zip: &[u8], index: usize) -> Result<Member<'_>, ZipError> {
    let (mut i, mut found) = (0, None);
    for_each_entry(zip, |_, p| {
        if i == index {
            found = Some(p);
        }
        i += 1;
        found.is_none()
    })?;
    member_from(zip, found.ok_or(ZipError::Missing)?)
}

/// The member whose central directory entry starts at `p`.
fn member_from(zip: &[u8], p: usize) -> Result<Member<'_>, ZipError> {
    let flags = u16_at(zip, p + 8).ok_or(ZipError::Damaged)?;
    let method = u16_at(zip, p + 10).ok_or(ZipError::Damaged)?;
    let size = u32_at(zip, p + 20).ok_or(ZipError::Damaged)? as usize;
    let local = u32_at(zip, p + 42).ok_or(ZipError::Damaged)? as usize;
    if flags & 1 != 0 {
        return Err(ZipError::Encrypted);
    }
    if method != 0 && method != 8 {
        return Err(ZipError::Method(method));
    }
    if !zip
        .get(local..)
        .is_some_and(|l| l.starts_with(b"PK\x03\x04"))
    {
        return Err(ZipError::Damaged);
    }
    let name_len = u16_at(zip, local + 26).ok_or(ZipError::Damaged)? as usize;
    let extra_len = u16_at(zip, local + 28).ok_or(ZipError::Damaged)? as usize;
    let start = local + 30 + name_len + extra_len;
    let data = start
        .checked_add(size)
        .and_then(|end| zip.get(start..end))
        .ok_or(ZipError::Damaged)?;
    Ok(Member { method, data })
}

/// A reader of a member's uncompressed bytes (cap it with [`super::archive::Capped`]).
pub struct MemberReader<'a> {
    member: Member<'a>,
    state: Option<Box<InflateState>>,
    pos: usize,
    done: bool,
}

impl<'a> MemberReader<'a> {
    /// Read `member`.
    pub fn new(member: Member<'a>) -> Self {
        let state = (member.method == 8).then(|| InflateState::new_boxed(DataFormat::Raw));
        MemberReader {
            member,
            state,
            pos: 0,
            done: false,
        }
    }
}

impl Read for MemberReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.done || buf.is_empty() {
            return Ok(0);
        }
        let want = buf.len();
        let n = match &mut self.state {
            None => {
                let rest = &self.member.data[self.pos..];
                let n = rest.len().min(want);
                buf[..n].copy_from_slice(&rest[..n]);
                self.pos += n;
                if n == 0 {
                    self.done = true;
                }
                n
            }
            Some(state) => loop {
                let input = &self.member.data[self.pos..];
                let r = inflate(state, input, &mut buf[..want], MZFlush::None);
                self.pos += r.bytes_consumed;
                match r.status {
                    Ok(MZStatus::StreamEnd) => {
                        self.done = true;
                        break r.bytes_written;
                    }
                    Ok(_) if r.bytes_written > 0 => break r.bytes_written,
                    Ok(_) if r.bytes_consumed > 0 => continue,
                    _ if input.is_empty() || r.bytes_written == 0 => {
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            "damaged compressed data",
                        ))
                    }
                    _ => break r.bytes_written,
                }
            },
        };
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A zip with one stored member, written by hand.
    fn stored(name: &str, data: &[u8]) -> Vec<u8> {
        let mut z = Vec::new();
        z.extend_from_slice(b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0");
        z.extend_from_slice(&(data.len() as u32).to_le_bytes());
        z.extend_from_slice(&(data.len() as u32).to_le_bytes());
        z.extend_from_slice(&(name.len() as u16).to_le_bytes());
        z.extend_from_slice(&[0, 0]);
        z.extend_from_slice(name.as_bytes());
        z.extend_from_slice(data);
        let cd = z.len();
        z.extend_from_slice(b"PK\x01\x02\x14\0\x14\0\0\0\0\0\0\0\0\0\0\0\0\0");
        z.extend_from_slice(&(data.len() as u32).to_le_bytes());
        z.extend_from_slice(&(data.len() as u32).to_le_bytes());
        z.extend_from_slice(&(name.len() as u16).to_le_bytes());
        z.extend_from_slice(&[0; 12]);
        z.extend_from_slice(&0u32.to_le_bytes());
        z.extend_from_slice(name.as_bytes());
        let cd_size = z.len() - cd;
        z.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
        z.extend_from_slice(&(cd_size as u32).to_le_bytes());
        z.extend_from_slice(&(cd as u32).to_le_bytes());
        z.extend_from_slice(&[0, 0]);
        z
    }

    #[test]
    fn reads_stored_and_caps() {
        use crate::input::archive::Capped;
        let z = stored("a/b.xml", b"hello world");
        let names: Vec<_> = entries(&z, 10)
            .unwrap()
            .into_iter()
            .map(|e| e.raw_name)
            .collect();
        assert_eq!(names, vec![b"a/b.xml".to_vec()]);
        let mut s = String::new();
        Capped::new(MemberReader::new(member(&z, "a/b.xml").unwrap()), 100)
            .read_to_string(&mut s)
            .unwrap();
        assert_eq!(s, "hello world");
        let mut s = String::new();
        MemberReader::new(member_at(&z, 0).unwrap())
            .read_to_string(&mut s)
            .unwrap();
        assert_eq!(s, "hello world");
        let mut s = String::new();
        assert!(
            Capped::new(MemberReader::new(member(&z, "a/b.xml").unwrap()), 5)
                .read_to_string(&mut s)
                .is_err()
        );
        assert_eq!(member(&z, "c").unwrap_err(), ZipError::Missing);
        assert_eq!(member_at(&z, 1).unwrap_err(), ZipError::Missing);
        assert_eq!(
            member(b"PK\x03\x04 not really", "c").unwrap_err(),
            ZipError::NotZip
        );
        let mut cut = z.clone();
        cut.truncate(z.len() - 30);
        assert!(member(&cut, "a/b.xml").is_err());
    }
}
