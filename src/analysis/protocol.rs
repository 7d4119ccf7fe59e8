//! The messages between the page and the analysis worker: a small postMessage protocol of
//! our own rather than gloo-worker, because the page must be able to drop a worker in the
//! middle of an analysis (`terminate`, the only way to stop a running wasm call) and start a
//! new one, and because every large buffer should be *transferred*, never copied by
//! structured clone or serialised (gloo-worker serialises messages with bincode).
//!
//! ```text
//! page → worker   { id, name, kind, issuer, level, report_year, publish_date,
//!                   bytes: Uint8Array }                           (bytes' buffer transferred;
//!                                                                  the four corrections null
//!                                                                  when not corrected)
//! worker → page   { ready: true }                                  (once, when it can work)
//! worker → page   { id, summary: string, json: Uint8Array, slices: [[field, start, end]…],
//!                   sliced: Uint8Array, text: Uint8Array, lines: Uint32Array,
//!                   marks: Uint32Array }
//!                                                                  (the buffers transferred)
//!                 { id, error: string }                            (not a report: InputError as JSON)
//! ```
//!
//! `json` is the JSON summary exactly as `report-cli` prints it (what the page downloads);
//! `summary` the same summary without its long lists (figures, findings, outline), which
//! come in `slices` of at most [`SLICE`] items each (byte ranges of `sliced`, each a JSON
//! array), so that the page reads a huge report's summary one slice per task rather than in
//! one long task; everything large is UTF-8 in transferred buffers, never strings that the
//! page's thread would copy when the message arrives; `text` is the decoded text in
//! UTF-8; `lines` and `marks` the text view's model as numbers ([`TextModel::line_words`],
//! [`TextModel::mark_words`]), so the page never walks a large text to find where its lines
//! are, nor places a huge report's figures on them.

use crate::text_model::TextModel;
use js_sys::{Array, Object, Reflect, Uint32Array, Uint8Array};
use report_core::frame::{Corrections, Date, Level};
use report_core::kinds::KindId;
use report_core::{InputError, Summary};
use wasm_bindgen::{JsCast, JsValue};

/// Items per slice of a long list: a few hundred kilobytes of JSON, read in a few
/// milliseconds.
pub const SLICE: usize = 1000;

/// What the page asks the worker to analyse.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// Chosen by the page; the answer carries it back.
    pub id: u32,
    /// The file's name, or none for pasted text.
    pub name: Option<String>,
    /// How the reviewer asked for the input to be read.
    pub reading: Reading,
}

/// How the reviewer asked for an input to be read: the kind chosen by hand (none to
/// recognise it) and the frame's fields corrected by hand. Both are kept with the input
/// (across reloads) and sent with every analysis of it, so that switching the kind keeps
/// the corrections and correcting keeps the kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    pub kind: Option<KindId>,
    pub corrections: Corrections,
}

impl Reading {
    /// How `summary` was read: its kind if chosen by hand, and the fields `meta.corrected`
    /// names, with the values the summary holds for them.
    pub fn of(summary: &Summary) -> Reading {
        use report_core::frame::CorrectedField;
        use report_core::kinds::KindBasis;
        let meta = &summary.meta;
        let mut corrections = Corrections::default();
        for c in &meta.corrected {
            match c.field {
                CorrectedField::Issuer => corrections.issuer = meta.issuer.clone(),
                CorrectedField::Level => corrections.level = Some(meta.level),
                CorrectedField::ReportYear => corrections.report_year = meta.report_year,
                CorrectedField::PublishDate => corrections.publish_date = meta.publish_date,
            }
        }
        Reading { kind: (summary.kind_basis == KindBasis::Chosen).then_some(summary.kind), corrections }
    }
}

/// Which list of the summary a slice belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SliceOf {
    Metrics,
    Findings,
    Outline,
}

impl SliceOf {
    fn as_str(self) -> &'static str {
        match self {
            SliceOf::Metrics => "metrics",
            SliceOf::Findings => "findings",
            SliceOf::Outline => "outline",
        }
    }
}

/// The slices of a summary's long lists: byte ranges of one buffer of JSON, read each in a
/// task of its own (see [`read_slice`]).
#[derive(Debug, PartialEq)]
pub struct Slices {
    pub ranges: Vec<(SliceOf, u32, u32)>,
    pub bytes: JsValue,
}

impl Slices {
    /// Bytes of JSON in the slices.
    pub fn len(&self) -> u32 {
        self.bytes.dyn_ref::<Uint8Array>().map_or(0, |b| b.length())
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }
}

/// Where the worker's JSON did not read, and of which kind the fault is. (Not serde_json's
/// own wording: its messages and their formatting would be a kilobyte of the first load
/// for faults that only a bug of ours can cause.)
fn json_error(what: &str, e: &serde_json::Error) -> String {
    format!("{what}: JSON not read ({:?}) at line {}, column {}", e.classify(), e.line(), e.column())
}

/// Reads slice `(of, start, end)` of `bytes` into `summary`'s list.
pub fn read_slice(summary: &mut Summary, (of, start, end): (SliceOf, u32, u32), bytes: &JsValue) -> Result<(), String> {
    let bytes = bytes.dyn_ref::<Uint8Array>().ok_or("slices without bytes")?.subarray(start, end).to_vec();
    // Read as a `str`, like the summary itself: another reader type would instantiate every
    // type's reading a second time in the page's wasm.
    let json = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    let error = |e| json_error(of.as_str(), &e);
    match of {
        SliceOf::Metrics => summary.metrics.extend(serde_json::from_str::<Vec<_>>(&json).map_err(error)?),
        SliceOf::Findings => summary.findings.extend(serde_json::from_str::<Vec<_>>(&json).map_err(error)?),
        SliceOf::Outline => summary.outline.extend(serde_json::from_str::<Vec<_>>(&json).map_err(error)?),
    }
    Ok(())
}

/// The text and the text view's model as they arrived, read in tasks of their own
/// ([`Buffers::text`], [`Buffers::model`]).
#[derive(Debug, PartialEq)]
pub struct Buffers {
    text: JsValue,
    lines: JsValue,
    marks: JsValue,
}

impl Buffers {
    /// Bytes of the text.
    pub fn text_len(&self) -> u32 {
        self.text.dyn_ref::<Uint8Array>().map_or(0, |t| t.length())
    }

    /// The text, to be read a piece per task ([`TextReading::step`]).
    pub fn reading(&self) -> Result<TextReading, String> {
        Ok(TextReading::new(self.text.dyn_ref::<Uint8Array>().ok_or("answer without text")?.clone(), TEXT_PIECE))
    }

    /// The text view's model, with the parts of `summary`.
    pub fn model(&self, summary: &Summary) -> Result<TextModel, String> {
        let words =
            |buffer: &JsValue, what: &str| buffer.dyn_ref::<Uint32Array>().map(Uint32Array::to_vec).ok_or(format!("answer without {what}"));
        TextModel::from_words(words(&self.lines, "lines")?, words(&self.marks, "marks")?, self.text_len() as usize, summary)
    }
}

/// Bytes of text read per task: a 24 MB text read at once (copied out of its buffer and
/// checked as UTF-8) held the page for 60–140 ms.
pub const TEXT_PIECE: u32 = 4 << 20;

/// A text arriving in a buffer of UTF-8, read into a `String` a piece a step ([`TEXT_PIECE`]
/// bytes in the page).
pub struct TextReading {
    source: Uint8Array,
    piece: u32,
    text: String,
    /// Bytes of `source` read so far.
    at: u32,
    /// The start of a character the last piece cut, read with the next piece.
    carried: Vec<u8>,
}

impl TextReading {
    /// Reads `source` `piece` bytes a step (at least one).
    pub fn new(source: Uint8Array, piece: u32) -> TextReading {
        TextReading { text: String::with_capacity(source.length() as usize), source, piece: piece.max(1), at: 0, carried: Vec::new() }
    }

    /// Reads the next piece; true once the whole text is read.
    pub fn step(&mut self) -> Result<bool, String> {
        let end = self.source.length().min(self.at.saturating_add(self.piece));
        // The carried bytes, then the piece copied straight from the buffer behind them.
        let mut piece = std::mem::take(&mut self.carried);
        let carried = piece.len();
        piece.resize(carried + (end - self.at) as usize, 0);
        self.source.subarray(self.at, end).copy_to(&mut piece[carried..]);
        self.at = end;
        let done = end == self.source.length();
        let valid = match std::str::from_utf8(&piece) {
            Ok(valid) => valid,
            // A character cut at the end of the piece: its start comes with the next one.
            Err(e) if e.error_len().is_none() && !done => {
                self.carried = piece[e.valid_up_to()..].to_vec();
                std::str::from_utf8(&piece[..e.valid_up_to()]).map_err(|e| e.to_string())?
            }
            Err(e) => return Err(format!("the text is not UTF-8 at byte {}", end as usize - piece.len() + e.valid_up_to())),
        };
        self.text.push_str(valid);
        Ok(done)
    }

    /// The text read.
    pub fn finish(self) -> String {
        self.text
    }
}

/// A summary's JSON as the analysis wrote it (the CLI's bytes): in the page, the worker's
/// buffer as it arrived, turned into bytes only when it is downloaded.
#[derive(Clone, Debug, PartialEq)]
pub enum SummaryJson {
    Text(std::rc::Rc<str>),
    /// A `Uint8Array` (as a `JsValue`, which compares).
    Buffer(JsValue),
}

impl SummaryJson {
    pub fn to_text(&self) -> String {
        match self {
            SummaryJson::Text(text) => text.to_string(),
            SummaryJson::Buffer(buffer) => String::from_utf8_lossy(&Uint8Array::new(buffer).to_vec()).into_owned(),
        }
    }
}

/// What the worker found: the summary, the text and the text view's model — or why it is
/// not a report.
#[derive(Debug, PartialEq)]
pub enum Answer {
    /// `json` is the summary as the worker wrote it: the CLI's bytes, which the page's
    /// downloads give as they are (the page has no serialiser for summaries); `summary`
    /// lacks what `slices` hold; `buffers` are the text and the text view's model.
    Analysed {
        summary: Box<Summary>,
        slices: Slices,
        json: SummaryJson,
        buffers: Buffers,
    },
    Refused(InputError),
}

/// A message from the worker.
#[derive(Debug, PartialEq)]
pub enum FromWorker {
    /// The worker has loaded its wasm and can take requests.
    Ready,
    /// The answer to request `id`.
    Answer { id: u32, answer: Result<Answer, String> },
}

fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a property on a plain new object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The request as a message, and the list of buffers to transfer with it.
pub fn encode_request(request: &Request, bytes: &[u8]) -> (JsValue, Array) {
    let message = Object::new();
    let buffer = Uint8Array::from(bytes);
    set(&message, "id", &JsValue::from(request.id));
    set(&message, "name", &request.name.as_deref().map_or(JsValue::NULL, JsValue::from_str));
    let Reading { kind, corrections } = &request.reading;
    let text = |value: Option<String>| value.map_or(JsValue::NULL, |v| JsValue::from_str(&v));
    set(&message, "kind", &text(kind.map(|k| k.as_str().to_string())));
    set(&message, "issuer", &text(corrections.issuer.clone()));
    set(&message, "level", &text(corrections.level.map(|l| l.as_str().to_string())));
    set(&message, "report_year", &corrections.report_year.map_or(JsValue::NULL, JsValue::from));
    set(&message, "publish_date", &text(corrections.publish_date.map(|d| d.to_string())));
    set(&message, "bytes", &buffer);
    (message.into(), Array::of1(&buffer.buffer()))
}

/// A request as the worker receives it, with the input's bytes.
pub fn decode_request(message: &JsValue) -> Result<(Request, Vec<u8>), String> {
    let id = get(message, "id").as_f64().ok_or("request without id")? as u32;
    let name = get(message, "name").as_string();
    let kind = match get(message, "kind").as_string() {
        Some(k) => Some(KindId::EVERY.into_iter().find(|id| id.as_str() == k).ok_or_else(|| format!("unknown kind {k}"))?),
        None => None,
    };
    let corrections = Corrections {
        issuer: get(message, "issuer").as_string(),
        level: match get(message, "level").as_string() {
            Some(l) => Some(Level::from_name(&l).ok_or_else(|| format!("unknown level {l}"))?),
            None => None,
        },
        report_year: get(message, "report_year").as_f64().map(|y| y as i32),
        publish_date: match get(message, "publish_date").as_string() {
            Some(d) => Some(d.parse::<Date>()?),
            None => None,
        },
    };
    let bytes = get(message, "bytes").dyn_into::<Uint8Array>().map_err(|_| "request without bytes")?.to_vec();
    Ok((Request { id, name, reading: Reading { kind, corrections } }, bytes))
}

/// The worker's answer to request `id`: `json` is the summary's JSON as the CLI prints it
/// (the worker writes it once; the page downloads it as it is).
pub fn encode_analysed(id: u32, mut summary: Summary, json: &str, text: &str, model: &TextModel) -> (JsValue, Array) {
    let message = Object::new();
    set(&message, "id", &JsValue::from(id));
    let (ranges, mut sliced) = (Array::new(), Vec::new());
    let mut add = |of: SliceOf, jsons: Vec<String>| {
        for json in jsons {
            let start = sliced.len() as u32;
            sliced.extend_from_slice(json.as_bytes());
            ranges.push(&Array::of3(&JsValue::from_str(of.as_str()), &start.into(), &(sliced.len() as u32).into()));
        }
    };
    add(SliceOf::Metrics, slice_jsons(&std::mem::take(&mut summary.metrics)));
    add(SliceOf::Findings, slice_jsons(&std::mem::take(&mut summary.findings)));
    add(SliceOf::Outline, slice_jsons(&std::mem::take(&mut summary.outline)));
    set(&message, "summary", &JsValue::from_str(&summary.to_json()));
    set(&message, "slices", &ranges);
    let sliced = Uint8Array::from(sliced.as_slice());
    let json = Uint8Array::from(json.as_bytes());
    let text = Uint8Array::from(text.as_bytes());
    let lines = Uint32Array::from(model.line_words());
    let marks = Uint32Array::from(model.mark_words());
    set(&message, "sliced", &sliced);
    set(&message, "json", &json);
    set(&message, "text", &text);
    set(&message, "lines", &lines);
    set(&message, "marks", &marks);
    let transfer = Array::of5(&sliced.buffer(), &json.buffer(), &text.buffer(), &lines.buffer(), &marks.buffer());
    (message.into(), transfer)
}

/// A list as JSON arrays of at most [`SLICE`] items.
fn slice_jsons<T: serde::Serialize>(items: &[T]) -> Vec<String> {
    items.chunks(SLICE).map(|chunk| serde_json::to_string(chunk).unwrap_or_else(|_| "[]".into())).collect()
}

/// The worker's answer to request `id` for an input that is not a report.
pub fn encode_refused(id: u32, error: &InputError) -> JsValue {
    let message = Object::new();
    set(&message, "id", &JsValue::from(id));
    set(&message, "error", &JsValue::from_str(&serde_json::to_string(error).unwrap_or_default()));
    message.into()
}

/// The worker's message that it is ready.
pub fn encode_ready() -> JsValue {
    let message = Object::new();
    set(&message, "ready", &JsValue::TRUE);
    message.into()
}

/// A message from the worker, read back on the page.
pub fn decode_from_worker(message: &JsValue) -> Result<FromWorker, String> {
    if get(message, "ready").is_truthy() {
        return Ok(FromWorker::Ready);
    }
    let id = get(message, "id").as_f64().ok_or("answer without id")? as u32;
    let answer = if let Some(error) = get(message, "error").as_string() {
        serde_json::from_str(&error).map(Answer::Refused).map_err(|e| json_error("refusal", &e))
    } else {
        decode_analysed(message)
    };
    Ok(FromWorker::Answer { id, answer })
}

fn decode_analysed(message: &JsValue) -> Result<Answer, String> {
    let head = get(message, "summary").as_string().ok_or("answer without summary")?;
    let summary: Summary = serde_json::from_str(&head).map_err(|e| json_error("summary", &e))?;
    let json = get(message, "json").dyn_into::<Uint8Array>().map_err(|_| "answer without json")?;
    let ranges = Array::from(&get(message, "slices"))
        .iter()
        .map(|range| {
            let range = Array::from(&range);
            let of = match range.get(0).as_string().as_deref() {
                Some("metrics") => SliceOf::Metrics,
                Some("findings") => SliceOf::Findings,
                Some("outline") => SliceOf::Outline,
                other => return Err(format!("a slice of {other:?}")),
            };
            let at = |i| range.get(i).as_f64().map(|n| n as u32).ok_or("a slice without its range");
            Ok((of, at(1)?, at(2)?))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let buffers = Buffers { text: get(message, "text"), lines: get(message, "lines"), marks: get(message, "marks") };
    let slices = Slices { ranges, bytes: get(message, "sliced") };
    Ok(Answer::Analysed { summary: Box::new(summary), slices, json: SummaryJson::Buffer(json.into()), buffers })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page reads the worker's JSON back: nothing of the summary may be lost on the way.
    #[test]
    fn a_summary_read_back_from_its_json_writes_the_same_json() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/report-core/tests/fixtures");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            let json = report_core::analyze(&bytes, Some("fixture.txt")).to_json();
            let read: Summary = serde_json::from_str(&json).unwrap();
            assert_eq!(read.to_json(), json);
            seen += 1;
        }
        assert!(seen >= 5, "fixtures missing: {seen}");
    }

    #[test]
    fn json_that_does_not_read_says_what_and_where() {
        let error = serde_json::from_str::<Summary>("{\"schema_version\":").unwrap_err();
        assert_eq!(json_error("summary", &error), "summary: JSON not read (Eof) at line 1, column 18");
        let error = serde_json::from_str::<Summary>("[1]").unwrap_err();
        assert!(json_error("summary", &error).starts_with("summary: JSON not read (Data) at line 1, column "));
    }
}
