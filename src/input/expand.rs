//! One input → the report files inside it. A `.zip` of reports (nested folders, zips inside
//! zips, GBK file names as Windows stores them) becomes one [`Part`] per supported file, named
//! by its path inside the archive (`reports.zip/县/a.txt`); any other input is itself. The CLI
//! and the page both go through [`expand`], so they see the same files under the same names.
//!
//! Bounded: at most [`MAX_MEMBERS`] members are looked at, each may inflate to at most
//! [`super::MAX_BYTES`], all together to at most [`MAX_TOTAL`]; zips nest at most
//! [`MAX_DEPTH`] deep. Names are only displayed, never used as paths, and are cleaned of `..`,
//! drive letters and backslashes anyway.

use super::archive::{self, Capped, ZipError};
use super::{error, InputError, MAX_BYTES};
use std::io::Read;

/// The most members of one archive that are looked at.
pub const MAX_MEMBERS: usize = 10_000;
/// The most bytes all members of one archive (with nested ones) may inflate to together.
pub const MAX_TOTAL: usize = 256 << 20;
/// How deep zips inside zips are opened (the outer one is depth 1).
pub const MAX_DEPTH: usize = 2;

/// File name endings of the files zhibiao reads (in folders and archives).
pub const EXTENSIONS: &[&str] = &[
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".htm",
    ".html",
    ".xhtml",
    ".shtml",
    ".mht",
    ".docx",
    ".doc",
    ".wps",
    ".pdf",
    ".zip",
];

/// One file of an input: its name and bytes, or why it could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// The input's name, or `archive.zip/folder/file.txt` for a member.
    pub name: String,
    /// The file's bytes, or a one-line message naming it.
    pub bytes: Result<Vec<u8>, InputError>,
}

/// Whether a file called `name` (a path with `/`) is one zhibiao reads when it sits in a folder
/// or an archive: a supported extension, not hidden (`.x`), not an Office lock file (`~$x`), not
/// macOS metadata (`__MACOSX/`).
pub fn is_supported_name(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    let lower = base.to_ascii_lowercase();
    !base.starts_with('.')
        && !base.starts_with("~$")
        && !name.split('/').any(|c| c == "__MACOSX")
        && EXTENSIONS.iter().any(|e| lower.ends_with(e))
}

/// Whether `bytes` are a zip archive of files (not a .docx or other Office/OpenDocument
/// package): the zip signature, and a `.zip` name or none of the package markers inside.
pub fn is_archive(bytes: &[u8], name: &str) -> bool {
    if !(bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")) {
        return false;
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".zip") {
        return true;
    }
    const PACKAGES: &[&str] = &[
        ".docx", ".docm", ".dotx", ".xlsx", ".xlsm", ".pptx", ".odt", ".ods", ".odp", ".wps",
        ".epub",
    ];
    if PACKAGES.iter().any(|e| lower.ends_with(e)) {
        return false;
    }
    match archive::names(bytes, MAX_MEMBERS) {
        Ok(names) => {
            !names.is_empty()
                && !names.iter().any(|n| {
                    n == "[Content_Types].xml"
                        || n == "mimetype"
                        || ["word/", "xl/", "ppt/", "META-INF/"]
                            .iter()
                            .any(|p| n.starts_with(p))
                })
        }
        Err(_) => false,
    }
}

/// A member name as text: UTF-8 when it is, else GBK/GB18030 (what Windows' zip writes for
/// Chinese names); cleaned so that it is a plain relative path.
pub fn member_name(raw: &[u8]) -> String {
    let s = match std::str::from_utf8(raw) {
        Ok(s) => s.to_string(),
        Err(_) => super::encoding::decode_legacy(raw, super::encoding::Legacy::Gb18030),
    };
    s.replace('\\', "/")
        .split('/')
        .filter(|c| !c.is_empty() && *c != "." && *c != ".." && !(c.len() == 2 && c.ends_with(':')))
        .map(|c| c.chars().filter(|ch| !ch.is_control()).collect::<String>())
        .collect::<Vec<_>>()
        .join("/")
}

/// The files inside `bytes` (named `name`): for a zip archive of files, one [`Part`] per
/// supported member (see [`is_supported_name`]), nested zips opened too; otherwise the input
/// itself. Never panics; bounded as the module says.
pub fn expand(bytes: Vec<u8>, name: &str) -> Vec<Part> {
    if !is_archive(&bytes, name) {
        return vec![Part {
            name: name.to_string(),
            bytes: Ok(bytes),
        }];
    }
    let mut out = Vec::new();
    let mut total = 0usize;
    open(&bytes, name, 1, &mut total, &mut out);
    out
}

/// Read the members of the archive `zip` (named `name`, at `depth`) into `out`.
fn open(zip: &[u8], name: &str, depth: usize, total: &mut usize, out: &mut Vec<Part>) {
    let before = out.len();
    let mut over = false;
    let mut skipped = 0usize;
    let listed = archive::for_each_member(zip, MAX_MEMBERS, |entry, reader| {
        let inner = member_name(&entry.raw_name);
        if entry.is_dir || inner.is_empty() {
            return true;
        }
        if !is_supported_name(&inner) {
            skipped += 1;
            return true;
        }
        let full = format!("{name}/{inner}");
        let cap = MAX_BYTES.min(MAX_TOTAL.saturating_sub(*total));
        let bytes = match reader {
            Err(e) => Err(error(&full, &archive::describe(e))),
            Ok(r) => {
                let mut buf = Vec::new();
                match Capped::new(r, cap).read_to_end(&mut buf) {
                    Ok(_) => Ok(buf),
                    Err(e) if e.to_string().contains(archive::TOO_LARGE) => {
                        if cap < MAX_BYTES {
                            over = true;
                            Err(error(
                                &full,
                                &format!(
                                    "the archive inflates to more than {} MB in all (a zip bomb?); the rest is left out",
                                    MAX_TOTAL >> 20
                                ),
                            ))
                        } else {
                            Err(error(
                                &full,
                                &format!(
                                    "inflates to more than {} MB from {} KB (a zip bomb?)",
                                    MAX_BYTES >> 20,
                                    entry.compressed >> 10
                                ),
                            ))
                        }
                    }
                    Err(e) => Err(error(&full, &format!("cannot be unpacked ({e})"))),
                }
            }
        };
        if let Ok(b) = &bytes {
            *total += b.len();
            if depth < MAX_DEPTH && is_archive(b, &inner) {
                open(b, &full, depth + 1, total, out);
                return !over;
            }
        }
        out.push(Part { name: full, bytes });
        !over
    });
    if let Err(e) = listed {
        out.truncate(before);
        let what = match e {
            ZipError::NotZip => {
                "not a valid .zip: the archive is incomplete or damaged".to_string()
            }
            e => format!("not a valid .zip: {}", archive::describe(e)),
        };
        out.push(Part {
            name: name.to_string(),
            bytes: Err(error(name, &what)),
        });
    } else if out.len() == before {
        let what = if skipped > 0 {
            format!("a zip archive with no report files inside ({skipped} files of other kinds)")
        } else {
            "an empty zip archive".to_string()
        };
        out.push(Part {
            name: name.to_string(),
            bytes: Err(error(name, &what)),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cleaned() {
        assert_eq!(member_name(b"../../etc/passwd.txt"), "etc/passwd.txt");
        assert_eq!(member_name(b"C:\\x\\a.txt"), "x/a.txt");
        assert_eq!(member_name(b"/abs/./a.txt"), "abs/a.txt");
        // GBK bytes of 县/报告.txt
        assert_eq!(member_name(b"\xcf\xd8/\xb1\xa8\xb8\xe6.txt"), "县/报告.txt");
    }

    #[test]
    fn supported_names() {
        assert!(is_supported_name("a/b/报告.PDF"));
        assert!(!is_supported_name("__MACOSX/a/._x.txt"));
        assert!(!is_supported_name("a/~$x.docx"));
        assert!(!is_supported_name("a/pic.png"));
    }

    #[test]
    fn plain_input_is_itself() {
        let p = expand(b"hello".to_vec(), "a.txt");
        assert_eq!(
            p,
            vec![Part {
                name: "a.txt".into(),
                bytes: Ok(b"hello".to_vec())
            }]
        );
    }
}
