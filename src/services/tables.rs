//! The GB18030/Big5 tables, fetched from this site (`legacy-encodings.bin`, next to the
//! app) the first time a GBK or Big5 file arrives. Pasted text and UTF-8/UTF-16 files never
//! need them, so they are not part of the first load.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const URL: &str = "legacy-encodings.bin";

/// Fetches and installs the tables.
pub async fn fetch_and_install() -> Result<(), String> {
    let window = gloo_utils::window();
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(URL)).await.map_err(|e| format!("{e:?}"))?.dyn_into().map_err(|_| "no response")?;
    if !response.ok() {
        return Err(format!("{URL}: HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| format!("{e:?}"))?).await.map_err(|e| format!("{e:?}"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    report_core::decode::tables::install(&bytes).map_err(|e| e.to_string())
}
