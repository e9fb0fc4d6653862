//! Builders of the inputs of `tests/inputs.rs`: made-up reports, .docx and zip files written
//! by hand or with the `zip` crate, deflate bombs, legacy encodings, noise.

use std::io::Write;

/// A made-up report text (our own words), a few paragraphs long.
pub fn report() -> String {
    "当前位置：首页 > 政务公开 > 年度报告\n\
     某某市司法局2023年法治政府建设年度报告\n\
     发布时间：2024-01-15　点击次数：321\n\
     一、主要举措和成效\n\
     全年办理行政复议案件25件，审查规范性文件8件，组织执法人员培训6期。\n\
     二、存在的不足\n\
     基层执法力量仍然薄弱。\n\
     【打印本页】【关闭窗口】\n\
     某某市人民政府 版权所有\n"
        .to_string()
}

/// A docx (zip, deflated) with `members` (name, content), written with the `zip` crate.
pub fn zip_with(members: &[(&str, &str)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in members {
        z.start_file(*name, opts).unwrap();
        z.write_all(content.as_bytes()).unwrap();
    }
    z.finish().unwrap().into_inner()
}

pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A minimal .docx: one `<w:p>` per line, plus an optional table after the paragraphs.
pub fn docx(lines: &[&str], table: &[&[&str]]) -> Vec<u8> {
    let mut body = String::new();
    for l in lines {
        body.push_str(&format!(
            "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            xml_escape(l)
        ));
    }
    if !table.is_empty() {
        body.push_str("<w:tbl>");
        for row in table {
            body.push_str("<w:tr>");
            for cell in *row {
                body.push_str(&format!(
                    "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>",
                    xml_escape(cell)
                ));
            }
            body.push_str("</w:tr>");
        }
        body.push_str("</w:tbl>");
    }
    let doc = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    zip_with(&[
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("word/document.xml", &doc),
    ])
}

/// Raw deflate, fixed Huffman codes: bits are written LSB first, Huffman codes MSB first.
pub struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, v: u64, n: u32) {
        self.acc |= v << self.n;
        self.n += n;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    fn huff(&mut self, code: u32, len: u32) {
        let rev = (0..len).fold(0u64, |r, i| r | (((code >> i) & 1) as u64) << (len - 1 - i));
        self.put(rev, len);
    }
    fn lit(&mut self, v: u8) {
        if v < 144 {
            self.huff(0x30 + v as u32, 8)
        } else {
            self.huff(0x190 + (v as u32 - 144), 9)
        }
    }
}

/// A deflate stream of `prefix` then `unit` (6 bytes) repeated to about `total` bytes, using
/// length-258 distance-6 copies: ~1000:1.
pub fn deflate_bomb(prefix: &[u8], unit: &[u8; 6], total: usize) -> Vec<u8> {
    let mut b = Bits {
        out: Vec::new(),
        acc: 0,
        n: 0,
    };
    b.put(1, 1); // final block
    b.put(1, 2); // fixed Huffman
    for &c in prefix.iter().chain(unit.iter()) {
        b.lit(c);
    }
    for _ in 0..total / 258 {
        b.huff(0xC0 + (285 - 280), 8); // length 258
        b.huff(4, 5); // distance code 4: 5..6
        b.put(1, 1); // + 1 = 6
    }
    b.huff(0, 7); // end of block
    if b.n > 0 {
        b.out.push(b.acc as u8);
    }
    b.out
}

/// A zip with one member whose data is `data` compressed with `method`, written by hand (so the
/// declared sizes can lie, as a bomb's do).
pub fn raw_zip(name: &str, method: u16, data: &[u8], declared: u32) -> Vec<u8> {
    let mut z = Vec::new();
    let put16 = |z: &mut Vec<u8>, v: u16| z.extend_from_slice(&v.to_le_bytes());
    let put32 = |z: &mut Vec<u8>, v: u32| z.extend_from_slice(&v.to_le_bytes());
    z.extend_from_slice(b"PK\x03\x04");
    put16(&mut z, 20);
    put16(&mut z, 0);
    put16(&mut z, method);
    put32(&mut z, 0); // time, date
    put32(&mut z, 0); // crc
    put32(&mut z, data.len() as u32);
    put32(&mut z, declared);
    put16(&mut z, name.len() as u16);
    put16(&mut z, 0);
    z.extend_from_slice(name.as_bytes());
    z.extend_from_slice(data);
    let cd = z.len();
    z.extend_from_slice(b"PK\x01\x02");
    put16(&mut z, 20);
    put16(&mut z, 20);
    put16(&mut z, 0);
    put16(&mut z, method);
    put32(&mut z, 0);
    put32(&mut z, 0);
    put32(&mut z, data.len() as u32);
    put32(&mut z, declared);
    put16(&mut z, name.len() as u16);
    z.extend_from_slice(&[0; 12]);
    put32(&mut z, 0); // local header offset
    z.extend_from_slice(name.as_bytes());
    let cd_size = z.len() - cd;
    z.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
    put32(&mut z, cd_size as u32);
    put32(&mut z, cd as u32);
    put16(&mut z, 0);
    z
}

pub fn utf16(s: &str, le: bool) -> Vec<u8> {
    let mut v = if le {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in s.encode_utf16() {
        v.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    v
}

pub fn gbk(s: &str) -> Vec<u8> {
    let (b, _, unmappable) = encoding_rs::GBK.encode(s);
    assert!(!unmappable, "test text is GBK");
    b.into_owned()
}

pub fn big5(s: &str) -> Vec<u8> {
    let (b, _, unmappable) = encoding_rs::BIG5.encode(s);
    assert!(!unmappable, "test text is Big5");
    b.into_owned()
}

/// Deterministic pseudo-random bytes.
pub fn noise(n: usize, seed: u64, lo: u8) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            lo.wrapping_add((x % (256 - lo as u64)) as u8)
        })
        .collect()
}
