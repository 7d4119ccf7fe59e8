//! The messages between the page and the analysis worker: a small postMessage protocol of
//! our own rather than gloo-worker, because the page must be able to drop a worker in the
//! middle of an analysis (`terminate`, the only way to stop a running wasm call) and start a
//! new one, and because every large buffer should be *transferred*, never copied by
//! structured clone or serialised (gloo-worker serialises messages with bincode).
//!
//! ```text
//! page → worker   { id, name, kind, bytes: Uint8Array }            (bytes' buffer transferred)
//! worker → page   { ready: true }                                  (once, when it can work)
//! worker → page   { id, summary: string, text: Uint8Array, lines: Uint32Array }
//!                 { id, error: string }                            (not a report: InputError as JSON)
//! ```
//!
//! `summary` is the JSON summary exactly as `report-cli` prints it; `text` the decoded text
//! in UTF-8; `lines` [`LINE_WORDS`] numbers per line (see [`encode_lines`]), so the page
//! never walks a large text to find where its lines are.

use crate::text_model::LineSpan;
use js_sys::{Array, Object, Reflect, Uint32Array, Uint8Array};
use report_core::kinds::KindId;
use report_core::lines::LineKind;
use report_core::{InputError, Summary};
use wasm_bindgen::{JsCast, JsValue};

/// Numbers per line in `lines`: number, first char, end char, first byte, end byte, kind.
pub const LINE_WORDS: usize = 6;

/// What the page asks the worker to analyse.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// Chosen by the page; the answer carries it back.
    pub id: u32,
    /// The file's name, or none for pasted text.
    pub name: Option<String>,
    /// The kind chosen by hand, or none to recognise it.
    pub kind: Option<KindId>,
}

/// What the worker found: the summary, the text and its lines — or why it is not a report.
#[derive(Debug, PartialEq)]
pub enum Answer {
    Analysed { summary: Box<Summary>, text: String, lines: Vec<LineSpan> },
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
    set(&message, "kind", &request.kind.map_or(JsValue::NULL, |k| JsValue::from_str(k.as_str())));
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
    let bytes = get(message, "bytes").dyn_into::<Uint8Array>().map_err(|_| "request without bytes")?.to_vec();
    Ok((Request { id, name, kind }, bytes))
}

/// The worker's answer to request `id`: `summary_json` is the summary's JSON as the CLI
/// prints it (the worker writes it once; the page reads it back).
pub fn encode_analysed(id: u32, summary_json: &str, text: &str, lines: &[LineSpan]) -> (JsValue, Array) {
    let message = Object::new();
    set(&message, "id", &JsValue::from(id));
    set(&message, "summary", &JsValue::from_str(summary_json));
    let text = Uint8Array::from(text.as_bytes());
    let lines = Uint32Array::from(encode_lines(lines).as_slice());
    set(&message, "text", &text);
    set(&message, "lines", &lines);
    (message.into(), Array::of2(&text.buffer(), &lines.buffer()))
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
    let summary = get(message, "summary").as_string().ok_or("answer without summary")?;
    let summary: Summary = serde_json::from_str(&summary).map_err(|e| format!("summary: {e}"))?;
    let text = get(message, "text").dyn_into::<Uint8Array>().map_err(|_| "answer without text")?.to_vec();
    let text = String::from_utf8(text).map_err(|e| e.to_string())?;
    let lines = get(message, "lines").dyn_into::<Uint32Array>().map_err(|_| "answer without lines")?.to_vec();
    let lines = decode_lines(&lines)?;
    Ok(Answer::Analysed { summary: Box::new(summary), text, lines })
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

    /// The page reads the worker's JSON back and downloads it written again: that must be
    /// the worker's bytes — the CLI's — exactly, figures' values included.
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
        let awkward = "一、主要举措和成效\n罚没款0.1万元，减少12345678901234567890.5元，占比33.333333333333336%。\n";
        let json = report_core::analyze(awkward.as_bytes(), None).to_json();
        assert_eq!(serde_json::from_str::<Summary>(&json).unwrap().to_json(), json);
    }

    #[test]
    fn broken_line_lists_are_refused() {
        assert!(decode_lines(&[1, 0, 3]).is_err());
        assert!(decode_lines(&[1, 0, 3, 0, 9, 7]).is_err());
    }
}
