//! Keeping the current input across a reload: the reports' bytes (base64) and names in
//! `localStorage`. What does not fit is not kept, and the user is told.

use crate::i18n::Lang;

const KEY: &str = "report-lens/v2/session";
/// The UI language, in a key of its own: it is the reader's choice, not part of the
/// session, so clearing the reports (or a session too large to keep) does not reset it.
const LANG_KEY: &str = "report-lens/v2/lang";
/// Browsers give an origin about 5 M UTF-16 units of `localStorage`; stay under it.
pub const MAX_STORED_CHARS: usize = 4_500_000;

/// What comes back after a reload: the inputs (name, bytes) and which one was shown.
pub struct Session {
    pub inputs: Vec<(Option<String>, Vec<u8>)>,
    pub current: Option<usize>,
}

// The stored form is plain lines (no JSON parser in the app for this):
//   line 1: `report-lens-session 1 <current or ->`
//   then one line per report: `<base64 of the name, or ->` TAB `<base64 of the bytes>`.
const HEADER: &str = "report-lens-session 1";

fn storage() -> Option<web_sys::Storage> {
    gloo_utils::window().local_storage().ok().flatten()
}

/// Saves the session; `Err(kilobytes)` when it is too large to keep (the stored session
/// is then cleared rather than left stale).
pub fn save(inputs: &[(Option<String>, &[u8])], current: Option<usize>) -> Result<(), u64> {
    let Some(storage) = storage() else { return Ok(()) };
    let mut stored = format!("{HEADER} {}\n", current.map_or("-".to_string(), |c| c.to_string()));
    for (name, bytes) in inputs {
        stored.push_str(&name.as_deref().map_or("-".to_string(), |n| base64_encode(n.as_bytes())));
        stored.push('\t');
        stored.push_str(&base64_encode(bytes));
        stored.push('\n');
    }
    let kilobytes = inputs.iter().map(|(_, b)| b.len() as u64).sum::<u64>() / 1024;
    if stored.len() > MAX_STORED_CHARS || storage.set_item(KEY, &stored).is_err() {
        let _ = storage.remove_item(KEY);
        return Err(kilobytes);
    }
    Ok(())
}

/// Keeps the UI language for the next visit.
pub fn save_lang(lang: Lang) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
}

/// The UI language chosen on an earlier visit, if any.
pub fn load_lang() -> Option<Lang> {
    let code = storage()?.get_item(LANG_KEY).ok()??;
    [Lang::Zh, Lang::En].into_iter().find(|lang| lang.code() == code)
}

/// The stored inputs, if any.
pub fn load() -> Option<Session> {
    parse(&storage()?.get_item(KEY).ok()??)
}

fn parse(stored: &str) -> Option<Session> {
    let mut lines = stored.lines();
    let current = lines.next()?.strip_prefix(HEADER)?.trim();
    let current = if current == "-" { None } else { Some(current.parse().ok()?) };
    let inputs = lines
        .filter_map(|line| {
            let (name, data) = line.split_once('\t')?;
            let name = if name == "-" { None } else { Some(String::from_utf8(base64_decode(name)?).ok()?) };
            Some((name, base64_decode(data)?))
        })
        .collect();
    Some(Session { inputs, current })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for (k, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if k <= chunk.len() {
                out.push(ALPHABET[(n >> shift & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The value of each base64 character, 255 for characters outside the alphabet.
const DECODE: [u8; 256] = {
    let mut table = [255u8; 256];
    let mut i = 0;
    while i < 64 {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut buf = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        if c == b'=' {
            break;
        }
        let v = DECODE[c as usize];
        if v == 255 {
            return None;
        }
        let v = v as u32;
        buf = buf << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits & 0xFF) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_form_reads_back() {
        let stored = format!(
            "{HEADER} 1\n-\t{}\n{}\t{}\n",
            base64_encode(b"paste"),
            base64_encode("报告.txt".as_bytes()),
            base64_encode(b"\xff\x00")
        );
        let s = parse(&stored).unwrap();
        assert_eq!(s.current, Some(1));
        assert_eq!(s.inputs, vec![(None, b"paste".to_vec()), (Some("报告.txt".to_string()), vec![0xFF, 0])]);
        assert!(parse("something else").is_none());
    }

    #[test]
    fn base64_round_trips_every_length() {
        for n in 0..40usize {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            let encoded = base64_encode(&bytes);
            assert_eq!(encoded.len() % 4, 0);
            assert_eq!(base64_decode(&encoded).unwrap(), bytes);
        }
        assert_eq!(base64_encode(b"Man"), "TWFu");
        assert_eq!(base64_encode(b"Ma"), "TWE=");
        assert_eq!(base64_decode("not base64!"), None);
    }
}
