//! GB18030 (and so GBK and GB2312) as the WHATWG Encoding Standard decodes it: one-byte
//! ASCII, two-byte pairs through the index, four-byte sequences through the ranges.

use super::tables::Tables;

/// Decodes `bytes`; returns the text and the number of bytes in malformed sequences (each
/// such sequence becomes one U+FFFD; bytes the standard reads again are not counted).
///
/// The standard's decoder, step by step: `first`/`second`/`third` hold the bytes of a
/// sequence in progress, `start` where it began; "prepending to the queue" is moving `i`
/// back.
pub fn decode(tables: &Tables, bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len() * 3 / 2);
    let mut errors = 0usize;
    let (mut first, mut second, mut third) = (0u8, 0u8, 0u8);
    let mut start = 0usize;
    let mut i = 0usize;
    let mut fail = |out: &mut String, from: usize, resume: usize| {
        out.push('\u{FFFD}');
        errors += resume - from;
    };
    while i < bytes.len() {
        let b = bytes[i];
        if third != 0 {
            let (f, s, t) = (first, second, third);
            first = 0;
            second = 0;
            third = 0;
            if !(0x30..=0x39).contains(&b) {
                // Read `second`, `third` and this byte again.
                fail(&mut out, start, start + 1);
                i = start + 1;
                continue;
            }
            let pointer = (f as u32 - 0x81) * 12600 + (s as u32 - 0x30) * 1260 + (t as u32 - 0x81) * 10 + b as u32 - 0x30;
            match ranges_code_point(tables, pointer).and_then(char::from_u32) {
                Some(c) => out.push(c),
                None => fail(&mut out, start, i + 1),
            }
            i += 1;
        } else if second != 0 {
            if (0x81..=0xFE).contains(&b) {
                third = b;
                i += 1;
            } else {
                first = 0;
                second = 0;
                fail(&mut out, start, start + 1);
                i = start + 1;
            }
        } else if first != 0 {
            if (0x30..=0x39).contains(&b) {
                second = b;
                i += 1;
                continue;
            }
            let lead = first;
            first = 0;
            let offset = if b < 0x7F { 0x40 } else { 0x41 };
            let pointer =
                ((0x40..=0x7E).contains(&b) || (0x80..=0xFE).contains(&b)).then(|| (lead as usize - 0x81) * 190 + (b as usize - offset));
            match pointer.map(|p| tables.gb18030[p]).filter(|&cp| cp != 0).and_then(|cp| char::from_u32(cp as u32)) {
                Some(c) => {
                    out.push(c);
                    i += 1;
                }
                // An ASCII byte is read again; any other is part of the error.
                None if b < 0x80 => fail(&mut out, start, i),
                None => {
                    fail(&mut out, start, i + 1);
                    i += 1;
                }
            }
        } else {
            match b {
                0x00..=0x7F => out.push(b as char),
                0x80 => out.push('\u{20AC}'),
                0x81..=0xFE => {
                    first = b;
                    start = i;
                }
                _ => fail(&mut out, i, i + 1),
            }
            i += 1;
        }
    }
    if first != 0 || second != 0 || third != 0 {
        fail(&mut out, start, bytes.len());
    }
    (out, errors)
}

/// The code point of a four-byte pointer (the standard's "index gb18030 ranges code point").
fn ranges_code_point(tables: &Tables, pointer: u32) -> Option<u32> {
    if (pointer > 39419 && pointer < 189000) || pointer > 1237575 {
        return None;
    }
    if pointer == 7457 {
        return Some(0xE7C7);
    }
    let i = tables.gb18030_ranges.partition_point(|&(p, _)| p <= pointer).checked_sub(1)?;
    let (offset, code_point) = tables.gb18030_ranges[i];
    Some(code_point + pointer - offset)
}
