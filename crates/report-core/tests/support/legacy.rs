//! Builds the GB18030/Big5 tables from `encoding_rs` (the reference decoder): every
//! two-byte pointer decoded by it, and the GB18030 four-byte ranges found by decoding every
//! four-byte pointer. Used by `examples/gen_legacy_tables.rs` (writes the data file) and
//! `tests/legacy.rs` (checks the committed file is what this builds).

use report_core::decode::tables::{Tables, BIG5_POINTERS, GB18030_POINTERS};

fn decode_one(encoding: &'static encoding_rs::Encoding, bytes: &[u8]) -> Option<Vec<char>> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    (!had_errors).then(|| text.chars().collect())
}

pub fn build() -> Tables {
    let gb18030 = (0..GB18030_POINTERS)
        .map(|p| {
            let lead = 0x81 + (p / 190) as u8;
            let t = (p % 190) as u8;
            let trail = if t < 0x3F { t + 0x40 } else { t + 0x41 };
            match decode_one(encoding_rs::GB18030, &[lead, trail]).as_deref() {
                Some([c]) if (*c as u32) <= 0xFFFF => *c as u32 as u16,
                _ => 0,
            }
        })
        .collect();
    // Four-byte pointers: runs where code point − pointer is constant become ranges.
    let mut gb18030_ranges: Vec<(u32, u32)> = Vec::new();
    let mut last: Option<(u32, u32)> = None; // (pointer, code point) of the previous mapped pointer
                                             // Pointers 189000.. map linearly onto U+10000.. (one range); the BMP part is read out.
    for pointer in 0..=39419u32 {
        let b1 = 0x81 + (pointer / 12600) as u8;
        let b2 = 0x30 + (pointer / 1260 % 10) as u8;
        let b3 = 0x81 + (pointer / 10 % 126) as u8;
        let b4 = 0x30 + (pointer % 10) as u8;
        let decoded = decode_one(encoding_rs::GB18030, &[b1, b2, b3, b4]);
        let Some(&[c]) = decoded.as_deref() else {
            last = None;
            continue;
        };
        let cp = c as u32;
        let continues = last.is_some_and(|(p, c)| pointer == p + 1 && cp == c + 1);
        if !continues && pointer != 7457 {
            gb18030_ranges.push((pointer, cp));
        }
        last = Some((pointer, cp));
    }
    gb18030_ranges.push((189000, 0x10000));
    let mut big5_astral = Vec::new();
    let big5 = (0..BIG5_POINTERS)
        .map(|p| {
            let lead = 0x81 + (p / 157) as u8;
            let t = (p % 157) as u8;
            let trail = if t < 0x3F { t + 0x40 } else { t + 0x62 };
            match decode_one(encoding_rs::BIG5, &[lead, trail]).as_deref() {
                Some([c]) if (*c as u32) <= 0xFFFF => *c as u32 as u16,
                Some([c]) => {
                    big5_astral.push((p as u32, *c as u32));
                    0xFFFF
                }
                _ => 0,
            }
        })
        .collect();
    Tables { gb18030, gb18030_ranges, big5, big5_astral }
}
