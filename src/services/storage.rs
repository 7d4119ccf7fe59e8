//! Keeping the session across reloads, in IndexedDB (`idb.js` moves it in and out): the raw
//! bytes of every input, each under a key naming its contents (so that a change of view
//! or order writes no input again, and a report present twice is stored once), and one
//! record in text saying which inputs make the session, their names, how each was read (the
//! kind chosen by hand, the frame's corrections), and how the view was left ([`SavedView`]). A save replaces the stored session in
//! one transaction: when the browser's quota is reached nothing of it is written and the
//! session stored before stays whole.
//!
//! The UI language is also kept in `localStorage`, on its own key: it must be known before
//! the first drawing (IndexedDB only answers later), and it is the reader's choice rather
//! than part of a session. A session stored by an earlier version in `localStorage` is read
//! once and then moved here ([`load_legacy`], [`drop_legacy`]).

use crate::i18n::Lang;
use crate::state::{Reading, SavedView};
use report_core::frame::{Corrections, Level};
use report_core::kinds::KindId;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/services/idb.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = load)]
    async fn idb_load() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = save)]
    async fn idb_save(record: &str, keys: js_sys::Array, values: js_sys::Array, keep: js_sys::Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = clear)]
    async fn idb_clear() -> Result<JsValue, JsValue>;
}

/// The session of an earlier version (base64 in `localStorage`).
const LEGACY_KEY: &str = "report-lens/v2/session";
/// The UI language, in a key of its own: clearing the reports does not reset it.
const LANG_KEY: &str = "report-lens/v2/lang";

/// One input of a stored session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredInput {
    /// The key of its bytes ([`content_key`]).
    pub key: String,
    /// The file name, none for pasted text.
    pub name: Option<String>,
    /// The kind the reviewer chose by hand, and the frame's corrections.
    pub reading: Reading,
}

/// What the stored session's record says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    pub view: SavedView,
    pub inputs: Vec<StoredInput>,
}

// The record is plain lines (no JSON parser in the app for this):
//   line 1: `report-lens-session 2`
//   the view's lines, `key value` (see `SavedView`);
//   one line per input, in the session's order: `input <key> <base64 of the name, or -> <kind, or ->`,
//   each followed by a line per corrected field of that input: `correct issuer <base64>`,
//   `correct level <township…>`, `correct report_year <year>`, `correct publish_date <YYYY-MM-DD>`.
// Lines of keys this version does not know are skipped (a later version may add some).
const HEADER: &str = "report-lens-session 2";

impl Record {
    pub fn to_text(&self) -> String {
        let mut text = format!("{HEADER}\n{}", self.view.to_lines());
        for input in &self.inputs {
            let name = input.name.as_deref().map_or("-".to_string(), |n| base64_encode(n.as_bytes()));
            let Reading { kind, corrections } = &input.reading;
            let kind = kind.map_or("-", KindId::as_str);
            text.push_str(&format!("input {} {name} {kind}\n", input.key));
            let Corrections { issuer, level, report_year, publish_date } = corrections;
            if let Some(issuer) = issuer {
                text.push_str(&format!("correct issuer {}\n", base64_encode(issuer.as_bytes())));
            }
            if let Some(level) = level {
                text.push_str(&format!("correct level {}\n", level.as_str()));
            }
            if let Some(year) = report_year {
                text.push_str(&format!("correct report_year {year}\n"));
            }
            if let Some(date) = publish_date {
                text.push_str(&format!("correct publish_date {date}\n"));
            }
        }
        text
    }

    pub fn parse(text: &str) -> Option<Record> {
        let mut lines = text.lines();
        if lines.next()? != HEADER {
            return None;
        }
        let mut record = Record::default();
        for line in lines {
            let (key, value) = line.split_once(' ').unwrap_or((line, ""));
            if key == "input" {
                let mut fields = value.split(' ');
                let (Some(key), Some(name), Some(kind)) = (fields.next(), fields.next(), fields.next()) else { continue };
                let name = match name {
                    "-" => None,
                    n => Some(String::from_utf8(base64_decode(n)?).ok()?),
                };
                let kind = KindId::EVERY.into_iter().find(|k| k.as_str() == kind);
                record.inputs.push(StoredInput { key: key.to_string(), name, reading: Reading { kind, ..Reading::default() } });
            } else if key == "correct" {
                // A correction of the input before it; one that does not read is dropped (the
                // field is then read from the text again).
                let Some(input) = record.inputs.last_mut() else { continue };
                let corrections = &mut input.reading.corrections;
                match value.split_once(' ') {
                    Some(("issuer", v)) => corrections.issuer = base64_decode(v).and_then(|b| String::from_utf8(b).ok()),
                    Some(("level", v)) => corrections.level = Level::from_name(v),
                    Some(("report_year", v)) => corrections.report_year = v.parse().ok(),
                    Some(("publish_date", v)) => corrections.publish_date = v.parse().ok(),
                    _ => {}
                }
            } else {
                record.view.read_line(key, value);
            }
        }
        Some(record)
    }
}

/// A stored session: the record and the bytes of each of its inputs (an input whose bytes
/// are not in the store is left out of both).
#[derive(Debug, PartialEq)]
pub struct Session {
    pub record: Record,
    pub bytes: Vec<Vec<u8>>,
}

/// Why a session could not be read, stored or deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's quota for this site is reached.
    Full,
    /// Anything else, by the name of the browser's error (no IndexedDB, private mode …).
    Failed(String),
}

impl From<JsValue> for StoreError {
    fn from(error: JsValue) -> StoreError {
        match error.as_string().as_deref() {
            Some("QuotaExceededError") => StoreError::Full,
            Some(other) => StoreError::Failed(other.to_string()),
            None => StoreError::Failed("UnknownError".into()),
        }
    }
}

/// The key of an input's bytes: two 64-bit hashes of its contents and its length. Two
/// different inputs share a key with a chance of about 2⁻¹²⁸; the hash reads 8 bytes a
/// step, a few milliseconds for the largest input.
pub fn content_key(bytes: &[u8]) -> String {
    let (mut a, mut b) = (0x243f_6a88_85a3_08d3u64 ^ bytes.len() as u64, 0x1319_8a2e_0370_7344u64);
    let mut mix = |word: u64| {
        a = (a ^ word).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        a ^= a >> 32;
        b = (b ^ word.rotate_left(29)).wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
        b ^= b >> 29;
    };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        mix(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    mix(u64::from_le_bytes(last));
    let finish = |mut h: u64| {
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ h >> 33
    };
    format!("{:016x}{:016x}-{}", finish(a), finish(b), bytes.len())
}

/// Bytes of inputs handled (keyed, or copied out of the wasm memory) per task while a
/// session is stored: a 24 MB input copied at once held the page for 85–130 ms (a fresh
/// 24 MB buffer, first touched), more than anything else in filing it; 200 new inputs,
/// keyed and copied in one task, would too.
const BYTES_PER_TASK: usize = 2 << 20;

/// The bytes handled in the current task: [`Pace::room`] waits for the next task once
/// [`BYTES_PER_TASK`] are.
#[derive(Default)]
struct Pace {
    handled: usize,
}

impl Pace {
    /// How many more bytes this task may handle; when none, in the next task.
    async fn room(&mut self) -> usize {
        if self.handled >= BYTES_PER_TASK {
            next_task().await;
            self.handled = 0;
        }
        BYTES_PER_TASK - self.handled
    }

    fn handled(&mut self, bytes: usize) {
        self.handled += bytes;
    }
}

/// A copy of `bytes` outside the wasm memory (the store must not hold a view of it), made
/// as `pace` allows.
async fn copy_out(bytes: &[u8], pace: &mut Pace) -> js_sys::Uint8Array {
    let copy = js_sys::Uint8Array::new_with_length(bytes.len() as u32);
    let mut at = 0;
    while at < bytes.len() {
        let end = bytes.len().min(at + pace.room().await);
        copy.subarray(at as u32, end as u32).copy_from(&bytes[at..end]);
        pace.handled(end - at);
        at = end;
    }
    copy
}

/// Resolves in a task of its own (a timer of 0 ms), after the page has had its turn — at
/// once in a hidden tab, where the browser slows chained timers to one a second or a
/// minute and nobody waits for the page.
async fn next_task() {
    if gloo_utils::document().hidden() {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo_utils::window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// One input of the session to store: its name, its bytes, how it was read.
pub struct Input {
    pub name: Option<String>,
    pub bytes: Rc<[u8]>,
    pub reading: Reading,
}

/// The key of each input's bytes (the `Weak` keeps their address from being reused).
/// Vectors, not hash maps, here and below: a session has at most a few hundred inputs,
/// and the first load does not carry another map's code.
type KeyCache = Vec<(Weak<[u8]>, String)>;

/// The stored session as this page knows it: which inputs are in the store, the record
/// last written, and the key of each input's bytes (computed once per input).
#[derive(Default)]
pub struct Store {
    keys: RefCell<KeyCache>,
    stored: RefCell<Vec<String>>,
    last: RefCell<Option<String>>,
    /// How many reports the stored session has (none when nothing is stored).
    previous: Cell<Option<usize>>,
}

impl Store {
    /// The key of `bytes`, from the cache when these very bytes were keyed before, and
    /// whether it was computed now.
    fn key_of(&self, bytes: &Rc<[u8]>) -> (String, bool) {
        let mut keys = self.keys.borrow_mut();
        if let Some((_, key)) = keys.iter().find(|(weak, _)| weak.upgrade().is_some_and(|b| Rc::ptr_eq(&b, bytes))) {
            return (key.clone(), false);
        }
        let key = content_key(bytes);
        keys.push((Rc::downgrade(bytes), key.clone()));
        (key, true)
    }

    /// How many reports the session stored has, if one is stored.
    pub fn previous(&self) -> Option<usize> {
        self.previous.get()
    }

    /// Reads the stored session, and remembers what the store holds.
    pub async fn load(&self) -> Result<Option<Session>, StoreError> {
        let found = idb_load().await?;
        if found.is_null() || found.is_undefined() {
            return Ok(None);
        }
        let field = |name: &str| js_sys::Reflect::get(&found, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        let text = field("record").as_string().unwrap_or_default();
        let Some(mut record) = Record::parse(&text) else { return Ok(None) };
        let keys: Vec<String> = js_sys::Array::from(&field("keys")).iter().filter_map(|k| k.as_string()).collect();
        let values = js_sys::Array::from(&field("values"));
        let mut bytes = Vec::new();
        record.inputs.retain(|input| match keys.iter().position(|k| *k == input.key) {
            Some(i) => {
                bytes.push(js_sys::Uint8Array::new(&values.get(i as u32)).to_vec());
                true
            }
            None => false,
        });
        *self.stored.borrow_mut() = keys;
        *self.last.borrow_mut() = Some(text);
        self.previous.set(Some(record.inputs.len()));
        Ok(Some(Session { record, bytes }))
    }

    /// Stores `inputs` and `view` as the session, writing only the inputs the store does
    /// not hold yet; nothing when the session is the one stored. On an error the session
    /// stored before is still the stored one. The work is spread over tasks ([`Pace`]): one
    /// save at a time (`hooks::persistence` waits for each before the next).
    pub async fn save(&self, inputs: &[Input], view: SavedView) -> Result<(), StoreError> {
        let mut pace = Pace::default();
        let mut keyed: Vec<(String, &Input)> = Vec::with_capacity(inputs.len());
        for input in inputs {
            pace.room().await;
            let (key, computed) = self.key_of(&input.bytes);
            if computed {
                pace.handled(input.bytes.len());
            }
            keyed.push((key, input));
        }
        let record = Record {
            view,
            inputs: keyed
                .iter()
                .map(|(key, input)| StoredInput { key: key.clone(), name: input.name.clone(), reading: input.reading.clone() })
                .collect(),
        };
        let text = record.to_text();
        let nothing_stored = self.last.borrow().is_none();
        if self.last.borrow().as_deref() == Some(text.as_str()) || (nothing_stored && inputs.is_empty()) {
            return Ok(());
        }
        let (keys, values, keep) = (js_sys::Array::new(), js_sys::Array::new(), js_sys::Array::new());
        let mut written: Vec<(&str, &Input)> = Vec::new();
        {
            let stored = self.stored.borrow();
            for (key, input) in &keyed {
                keep.push(&JsValue::from_str(key));
                if !stored.contains(key) && !written.iter().any(|(k, _)| k == key) {
                    written.push((key, input));
                }
            }
        }
        for (key, input) in written {
            keys.push(&JsValue::from_str(key));
            values.push(&copy_out(&input.bytes, &mut pace).await.into());
        }
        idb_save(&text, keys, values, keep).await?;
        *self.stored.borrow_mut() = keyed.into_iter().map(|(key, _)| key).collect();
        *self.last.borrow_mut() = Some(text);
        self.previous.set(Some(inputs.len()));
        self.keys.borrow_mut().retain(|(weak, _)| weak.strong_count() > 0);
        drop_legacy();
        Ok(())
    }

    /// Deletes the stored session, its inputs and the language kept.
    pub async fn clear(&self) -> Result<(), StoreError> {
        drop_legacy();
        if let Some(storage) = local_storage() {
            let _ = storage.remove_item(LANG_KEY);
        }
        idb_clear().await?;
        self.stored.borrow_mut().clear();
        *self.last.borrow_mut() = None;
        self.previous.set(None);
        Ok(())
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    gloo_utils::window().local_storage().ok().flatten()
}

/// Keeps the UI language for the next visit.
pub fn save_lang(lang: Lang) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
}

/// The UI language chosen on an earlier visit, if any.
pub fn load_lang() -> Option<Lang> {
    let code = local_storage()?.get_item(LANG_KEY).ok()??;
    [Lang::Zh, Lang::En].into_iter().find(|lang| lang.code() == code)
}

/// The session an earlier version kept in `localStorage`, if there is one.
pub fn load_legacy() -> Option<Session> {
    parse_legacy(&local_storage()?.get_item(LEGACY_KEY).ok()??)
}

/// Forgets the session of an earlier version (once it is stored here, or cleared).
pub fn drop_legacy() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(LEGACY_KEY);
    }
}

// The earlier form: line 1 `report-lens-session 1 <current or ->`, then one line per
// report: `<base64 of the name, or ->` TAB `<base64 of the bytes>`.
const LEGACY_HEADER: &str = "report-lens-session 1";

fn parse_legacy(stored: &str) -> Option<Session> {
    let mut lines = stored.lines();
    let current = lines.next()?.strip_prefix(LEGACY_HEADER)?.trim();
    let current = if current == "-" { None } else { Some(current.parse().ok()?) };
    let mut session =
        Session { record: Record { view: SavedView { current, ..SavedView::default() }, inputs: Vec::new() }, bytes: Vec::new() };
    for line in lines {
        let Some((name, data)) = line.split_once('\t') else { continue };
        let name = if name == "-" { None } else { String::from_utf8(base64_decode(name).unwrap_or_default()).ok() };
        let Some(bytes) = base64_decode(data) else { continue };
        session.record.inputs.push(StoredInput { key: content_key(&bytes), name, reading: Reading::default() });
        session.bytes.push(bytes);
    }
    Some(session)
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
    use crate::state::View;

    #[test]
    fn the_record_reads_back() {
        let record = Record {
            view: SavedView { current: Some(1), view: View::Compare, lang: Lang::En, ..SavedView::default() },
            inputs: vec![
                StoredInput { key: content_key(b"paste"), name: None, reading: Reading::default() },
                StoredInput {
                    key: content_key(b"\xff\x00"),
                    name: Some("报告 1.txt".into()),
                    reading: Reading { kind: Some(KindId::Disclosure), corrections: Corrections::default() },
                },
                StoredInput {
                    key: content_key(b"town"),
                    name: Some("镇.txt".into()),
                    reading: Reading {
                        kind: None,
                        corrections: Corrections {
                            issuer: Some("青禾县 石桥乡人民政府".into()),
                            level: Some(Level::Township),
                            report_year: Some(2024),
                            publish_date: "2025-03-31".parse().ok(),
                        },
                    },
                },
            ],
        };
        let text = record.to_text();
        assert!(text.starts_with("report-lens-session 2\n"), "{text}");
        assert_eq!(Record::parse(&text), Some(record.clone()));
        // A line a later version adds is skipped; another header is not a record.
        assert!(text.contains("correct level township\ncorrect report_year 2024\ncorrect publish_date 2025-03-31\n"), "{text}");
        let later = text.replace("view compare\n", "view compare\nannotation 0 5LqR5rKz\n");
        assert_eq!(Record::parse(&later), Some(record.clone()));
        // A correction that does not read is dropped, the rest of its input kept.
        let broken = text.replace("correct report_year 2024", "correct report_year 二〇二四");
        let read = Record::parse(&broken).unwrap();
        assert_eq!(read.inputs[2].reading.corrections.report_year, None);
        assert_eq!(read.inputs[2].reading.corrections.level, Some(Level::Township));
        assert_eq!(Record::parse("report-lens-session 1 -\n"), None);
    }

    #[test]
    fn a_key_names_the_contents_and_the_length() {
        let a = content_key(b"0123456789abcdef");
        assert_eq!(a, content_key(b"0123456789abcdef"));
        assert!(a.ends_with("-16"));
        assert_ne!(a, content_key(b"0123456789abcdeg"));
        assert_ne!(a, content_key(b"1123456789abcdef"));
        // Trailing zeros are not the same contents as none.
        assert_ne!(content_key(b"abc"), content_key(b"abc\0"));
        assert_ne!(content_key(b""), content_key(b"\0"));
        let keys: std::collections::HashSet<String> = (0..2000u32).map(|i| content_key(&i.to_le_bytes())).collect();
        assert_eq!(keys.len(), 2000);
    }

    #[test]
    fn the_session_of_the_earlier_version_reads_back() {
        let stored = format!(
            "{LEGACY_HEADER} 1\n-\t{}\n{}\t{}\n",
            base64_encode(b"paste"),
            base64_encode("报告.txt".as_bytes()),
            base64_encode(b"\xff\x00")
        );
        let s = parse_legacy(&stored).unwrap();
        assert_eq!(s.record.view.current, Some(1));
        assert_eq!(s.bytes, vec![b"paste".to_vec(), vec![0xFF, 0]]);
        let names: Vec<_> = s.record.inputs.iter().map(|i| i.name.as_deref()).collect();
        assert_eq!(names, [None, Some("报告.txt")]);
        assert_eq!(s.record.inputs[1].key, content_key(&[0xFF, 0]));
        assert!(parse_legacy("something else").is_none());
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
