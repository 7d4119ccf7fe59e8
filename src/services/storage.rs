//! Keeping the current input across a reload: the reports' bytes (base64) and names in
//! `localStorage`. What does not fit is not kept, and the user is told.

use serde::{Deserialize, Serialize};

const KEY: &str = "report-lens/v1/session";
/// Browsers give an origin about 5 M UTF-16 units of `localStorage`; stay under it.
pub const MAX_STORED_CHARS: usize = 4_500_000;

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Stored {
    name: Option<String>,
    /// The input bytes, base64.
    data: String,
}

/// What is stored.
#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
struct StoredSession {
    reports: Vec<Stored>,
    current: Option<usize>,
}

/// What comes back after a reload: the inputs (name, bytes) and which one was shown.
pub struct Session {
    pub inputs: Vec<(Option<String>, Vec<u8>)>,
    pub current: Option<usize>,
}

fn storage() -> Option<web_sys::Storage> {
    gloo_utils::window().local_storage().ok().flatten()
}

/// Saves the session; `Err(kilobytes)` when it is too large to keep (the stored session
/// is then cleared rather than left stale).
pub fn save(inputs: &[(Option<String>, &[u8])], current: Option<usize>) -> Result<(), u64> {
    let Some(storage) = storage() else { return Ok(()) };
    let session = StoredSession {
        reports: inputs.iter().map(|(name, bytes)| Stored { name: name.clone(), data: base64_encode(bytes) }).collect(),
        current,
    };
    let json = serde_json::to_string(&session).unwrap_or_default();
    let kilobytes = inputs.iter().map(|(_, b)| b.len() as u64).sum::<u64>() / 1024;
    if json.len() > MAX_STORED_CHARS || storage.set_item(KEY, &json).is_err() {
        let _ = storage.remove_item(KEY);
        return Err(kilobytes);
    }
    Ok(())
}

/// The stored inputs, if any.
pub fn load() -> Option<Session> {
    let json = storage()?.get_item(KEY).ok()??;
    let stored: StoredSession = serde_json::from_str(&json).ok()?;
    let inputs = stored.reports.into_iter().filter_map(|s| Some((s.name, base64_decode(&s.data)?))).collect();
    Some(Session { inputs, current: stored.current })
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
