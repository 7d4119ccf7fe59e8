//! Big5 as the WHATWG Encoding Standard decodes it (Big5 with the HKSCS extensions): one-byte
//! ASCII and two-byte pairs through the index; four pointers decode to two code points.

use super::tables::Tables;

/// Decodes Big5 with `tables`: the text and the count of undecodable bytes.
pub fn decode(tables: &Tables, bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len() * 3 / 2);
    let mut errors = 0usize;
    let mut i = 0;
    let n = bytes.len();
    while i < n {
        let b = bytes[i];
        if b < 0x80 {
            out.push(b as char);
            i += 1;
            continue;
        }
        if !(0x81..=0xFE).contains(&b) {
            out.push('\u{FFFD}');
            errors += 1;
            i += 1;
            continue;
        }
        let Some(&second) = bytes.get(i + 1) else {
            out.push('\u{FFFD}');
            errors += 1;
            i += 1;
            continue;
        };
        let offset = if second < 0x7F { 0x40 } else { 0x62 };
        let pointer = ((0x40..=0x7E).contains(&second) || (0xA1..=0xFE).contains(&second))
            .then(|| (b as usize - 0x81) * 157 + (second as usize - offset));
        let decoded = pointer.and_then(|p| match p {
            1133 => Some("\u{CA}\u{304}".to_string()),
            1135 => Some("\u{CA}\u{30C}".to_string()),
            1164 => Some("\u{EA}\u{304}".to_string()),
            1166 => Some("\u{EA}\u{30C}".to_string()),
            _ => code_point(tables, p).and_then(char::from_u32).map(String::from),
        });
        match decoded {
            Some(s) => {
                out.push_str(&s);
                i += 2;
            }
            None => {
                out.push('\u{FFFD}');
                errors += 1;
                if second < 0x80 {
                    i += 1;
                } else {
                    errors += 1;
                    i += 2;
                }
            }
        }
    }
    (out, errors)
}

fn code_point(tables: &Tables, pointer: usize) -> Option<u32> {
    match *tables.big5.get(pointer)? {
        0 => None,
        0xFFFF => tables.big5_astral.binary_search_by_key(&(pointer as u32), |&(p, _)| p).ok().map(|i| tables.big5_astral[i].1),
        cp => Some(cp as u32),
    }
}
