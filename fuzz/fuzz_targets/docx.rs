//! Fuzz the .docx reader: the bytes as a whole file, and (first byte odd) as the content of
//! `word/document.xml` in a stored zip, so the XML walk gets fuzzed past the zip checks.
#![no_main]
use libfuzzer_sys::fuzz_target;
use zhibiao::input;

fn stored_zip(name: &str, data: &[u8]) -> Vec<u8> {
    let mut z = Vec::new();
    let n = data.len() as u32;
    z.extend_from_slice(b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0");
    z.extend_from_slice(&n.to_le_bytes());
    z.extend_from_slice(&n.to_le_bytes());
    z.extend_from_slice(&(name.len() as u16).to_le_bytes());
    z.extend_from_slice(&[0, 0]);
    z.extend_from_slice(name.as_bytes());
    z.extend_from_slice(data);
    let cd = z.len() as u32;
    z.extend_from_slice(b"PK\x01\x02\x14\0\x14\0\0\0\0\0\0\0\0\0\0\0\0\0");
    z.extend_from_slice(&n.to_le_bytes());
    z.extend_from_slice(&n.to_le_bytes());
    z.extend_from_slice(&(name.len() as u16).to_le_bytes());
    z.extend_from_slice(&[0; 16]);
    z.extend_from_slice(name.as_bytes());
    let size = z.len() as u32 - cd;
    z.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
    z.extend_from_slice(&size.to_le_bytes());
    z.extend_from_slice(&cd.to_le_bytes());
    z.extend_from_slice(&[0, 0]);
    z
}

fuzz_target!(|data: &[u8]| {
    let _ = input::decode(data, "fuzz.docx");
    if data.first().is_some_and(|b| b & 1 == 1) {
        let z = stored_zip("word/document.xml", &data[1..]);
        let _ = input::decode(&z, "fuzz.docx");
    }
});
