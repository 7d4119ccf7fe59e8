//! The worker's side: answers each request from the page with the analysis of its bytes,
//! in the order they arrive. The page sends one request at a time and drops the whole
//! worker to cancel one (see `services::analysis_worker`), so nothing here needs to know
//! about cancelling.

use super::protocol::{self, Request};
use crate::text_model::{line_spans, TextModel};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// The GB18030/Big5 tables, next to the app: fetched the first time a GBK or Big5 file
/// arrives, so neither the page's first load nor the worker's carries them.
const TABLES_URL: &str = "legacy-encodings.bin";

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Starts answering: builds the core's lookup tables, then tells the page it is ready.
pub fn start() {
    report_core::warm_up();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| match protocol::decode_request(&event.data()) {
        Ok((request, bytes)) => handle(request, bytes),
        Err(error) => web_sys::console::error_1(&format!("analysis worker: {error}").into()),
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it: so does its handler.
    on_message.forget();
    post(&protocol::encode_ready(), None);
}

fn handle(request: Request, bytes: Vec<u8>) {
    if report_core::input::needs_tables(&bytes) {
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(error) = fetch_tables().await {
                // The decode then falls back to UTF-8; the console says why.
                web_sys::console::warn_1(&error.into());
            }
            answer(request, &bytes);
        });
    } else {
        answer(request, &bytes);
    }
}

fn answer(request: Request, bytes: &[u8]) {
    let (message, transfer) = answer_message(request, bytes);
    post(&message, transfer.as_ref());
}

/// The answer to `request` as a message, and the buffers to transfer with it.
fn answer_message(request: Request, bytes: &[u8]) -> (JsValue, Option<js_sys::Array>) {
    let options = report_core::Options { kind: request.reading.kind };
    match report_core::analyze_input_corrected(bytes, request.name.as_deref(), options, &request.reading.corrections) {
        Ok(analysis) => {
            let model = TextModel::build(&line_spans(&analysis.text, &analysis.lines), &analysis.summary);
            let json = analysis.summary.to_json();
            let (message, transfer) = protocol::encode_analysed(request.id, analysis.summary, &json, &analysis.text, &model);
            (message, Some(transfer))
        }
        Err(error) => (protocol::encode_refused(request.id, &error), None),
    }
}

/// The worker's answer to a request message, given in the page itself: for tests of the
/// whole page, which run where no worker file is served (see
/// `services::analysis_worker::answer_in_page`). The page's own build never calls it, so
/// its wasm still carries no analysis.
pub fn answer_in_page(message: &JsValue) -> Option<JsValue> {
    let (request, bytes) = protocol::decode_request(message).ok()?;
    Some(answer_message(request, &bytes).0)
}

fn post(message: &JsValue, transfer: Option<&js_sys::Array>) {
    let posted = match transfer {
        Some(transfer) => scope().post_message_with_transfer(message, transfer),
        None => scope().post_message(message),
    };
    if let Err(error) = posted {
        web_sys::console::error_2(&"analysis worker: cannot answer".into(), &error);
    }
}

async fn fetch_tables() -> Result<(), String> {
    let response: web_sys::Response =
        JsFuture::from(scope().fetch_with_str(TABLES_URL)).await.map_err(|e| format!("{e:?}"))?.dyn_into().map_err(|_| "no response")?;
    if !response.ok() {
        return Err(format!("{TABLES_URL}: HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| format!("{e:?}"))?).await.map_err(|e| format!("{e:?}"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    report_core::decode::tables::install(&bytes).map_err(|e| e.to_string())
}
