//! Saving a file the user asked for (a Blob behind a temporary link) and copying to the
//! clipboard. Nothing is sent anywhere.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `bytes` as a download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo_utils::document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.set_attribute("hidden", "")?;
    document.body().ok_or("no body")?.append_child(&link)?;
    link.click();
    link.remove();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Copies `text` with the asynchronous clipboard API (not all of it is in web-sys' stable
/// bindings, so it is called by name).
pub fn copy_text(text: &str) -> Result<js_sys::Promise, JsValue> {
    let navigator = gloo_utils::window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())?;
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into())?.dyn_into()?;
    write.call1(&clipboard, &JsValue::from_str(text))?.dyn_into()
}
