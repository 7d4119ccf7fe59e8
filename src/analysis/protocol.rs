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
//!                   sliced: Uint8Array, text: Uint8Array, lines: Uint32Array }
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
//! UTF-8; `lines` [`LINE_WORDS`] numbers per line (see [`encode_lines`]), so the page never
//! walks a large text to find where its lines are.

use crate::text_model::LineSpan;
use js_sys::{Array, Object, Reflect, Uint32Array, Uint8Array};
use report_core::frame::{Corrections, Date, Level};
use report_core::kinds::KindId;
use report_core::lines::LineKind;
use report_core::{InputError, Summary};
use wasm_bindgen::{JsCast, JsValue};

/// Numbers per line in `lines`: number, first char, end char, first byte, end byte, kind.
pub const LINE_WORDS: usize = 6;

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

/// Reads slice `(of, start, end)` of `bytes` into `summary`'s list.
pub fn read_slice(summary: &mut Summary, (of, start, end): (SliceOf, u32, u32), bytes: &JsValue) -> Result<(), String> {
    let bytes = bytes.dyn_ref::<Uint8Array>().ok_or("slices without bytes")?.subarray(start, end).to_vec();
    // Read as a `str`, like the summary itself: another reader type would instantiate every
    // type's reading a second time in the page's wasm.
    let json = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    let error = |e: serde_json::Error| format!("{}: {e}", of.as_str());
    match of {
        SliceOf::Metrics => summary.metrics.extend(serde_json::from_str::<Vec<_>>(&json).map_err(error)?),
        SliceOf::Findings => summary.findings.extend(serde_json::from_str::<Vec<_>>(&json).map_err(error)?),
        SliceOf::Outline => summary.outline.extend(serde_json::from_str::<Vec<_>>(&json).map_err(error)?),
    }
    Ok(())
}

/// The text and its lines as they arrived, each read in a task of its own ([`Buffers::text`], [`Buffers::lines`]).
#[derive(Debug, PartialEq)]
pub struct Buffers {
    text: JsValue,
    lines: JsValue,
}

impl Buffers {
    /// Bytes of the text.
    pub fn text_len(&self) -> u32 {
        self.text.dyn_ref::<Uint8Array>().map_or(0, |t| t.length())
    }

    /// The text.
    pub fn text(&self) -> Result<String, String> {
        let text = self.text.dyn_ref::<Uint8Array>().ok_or("answer without text")?.to_vec();
        String::from_utf8(text).map_err(|e| e.to_string())
    }

    /// The text's lines (a huge text's are read in a task of their own, after the text).
    pub fn lines(&self) -> Result<Vec<LineSpan>, String> {
        let lines = self.lines.dyn_ref::<Uint32Array>().ok_or("answer without lines")?.to_vec();
        decode_lines(&lines)
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

/// What the worker found: the summary, the text and its lines — or why it is not a report.
#[derive(Debug, PartialEq)]
pub enum Answer {
    /// `json` is the summary as the worker wrote it: the CLI's bytes, which the page's
    /// downloads give as they are (the page has no serialiser for summaries); `summary`
    /// lacks what `slices` hold.
    Analysed {
        summary: Box<Summary>,
        slices: Slices,
        json: SummaryJson,
        text: Buffers,
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
pub fn encode_analysed(id: u32, mut summary: Summary, json: &str, text: &str, lines: &[LineSpan]) -> (JsValue, Array) {
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
    let lines = Uint32Array::from(encode_lines(lines).as_slice());
    set(&message, "sliced", &sliced);
    set(&message, "json", &json);
    set(&message, "text", &text);
    set(&message, "lines", &lines);
    let transfer = Array::of4(&sliced.buffer(), &json.buffer(), &text.buffer(), &lines.buffer());
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
        serde_json::from_str(&error).map(Answer::Refused).map_err(|e| e.to_string())
    } else {
        decode_analysed(message)
    };
    Ok(FromWorker::Answer { id, answer })
}

fn decode_analysed(message: &JsValue) -> Result<Answer, String> {
    let head = get(message, "summary").as_string().ok_or("answer without summary")?;
    let summary: Summary = serde_json::from_str(&head).map_err(|e| format!("summary: {e}"))?;
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
    let text = Buffers { text: get(message, "text"), lines: get(message, "lines") };
    let slices = Slices { ranges, bytes: get(message, "sliced") };
    Ok(Answer::Analysed { summary: Box::new(summary), slices, json: SummaryJson::Buffer(json.into()), text })
}

/// Lines as [`LINE_WORDS`] numbers each. Inputs are at most 24 MB, so every offset fits in
/// a `u32`.
pub fn encode_lines(lines: &[LineSpan]) -> Vec<u32> {
    let kind = |k: LineKind| match k {
        LineKind::Blank => 0,
        LineKind::Text => 1,
        LineKind::Meta => 2,
        LineKind::Chrome => 3,
    };
    lines
        .iter()
        .flat_map(|l| [l.number, l.chars.0, l.chars.1, l.bytes.0, l.bytes.1].map(|n| n as u32).into_iter().chain([kind(l.kind)]))
        .collect()
}

/// The lines back from [`encode_lines`].
pub fn decode_lines(words: &[u32]) -> Result<Vec<LineSpan>, String> {
    if words.len() % LINE_WORDS != 0 {
        return Err(format!("{} numbers are not whole lines", words.len()));
    }
    words
        .chunks_exact(LINE_WORDS)
        .map(|w| {
            let kind = match w[5] {
                0 => LineKind::Blank,
                1 => LineKind::Text,
                2 => LineKind::Meta,
                3 => LineKind::Chrome,
                other => return Err(format!("line kind {other}")),
            };
            let n = |i: usize| w[i] as usize;
            Ok(LineSpan { number: n(0), chars: (n(1), n(2)), bytes: (n(3), n(4)), kind })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text_model::line_spans;

    #[test]
    fn lines_survive_their_encoding() {
        let text = "青禾县2024年法治政府建设情况报告\n\n一、主要举措和成效\n来源：青禾县人民政府 发布时间：2025-03-02\n";
        let analysis = report_core::analyze_full(text.as_bytes(), None);
        let spans = line_spans(&analysis.text, &analysis.lines);
        let words = encode_lines(&spans);
        assert_eq!(words.len(), spans.len() * LINE_WORDS);
        assert_eq!(decode_lines(&words).unwrap(), spans);
        // Byte ranges slice the text where the char ranges say.
        let third = &spans[2];
        assert_eq!(&analysis.text[third.bytes.0..third.bytes.1], "一、主要举措和成效");
        assert_eq!(third.chars, (text.chars().position(|c| c == '一').unwrap(), third.chars.0 + 9));
    }

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
    fn broken_line_lists_are_refused() {
        assert!(decode_lines(&[1, 0, 3]).is_err());
        assert!(decode_lines(&[1, 0, 3, 0, 9, 7]).is_err());
    }
}
