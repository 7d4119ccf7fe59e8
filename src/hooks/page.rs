//! Effects on the page outside the app's own elements.

use crate::i18n::Lang;
use crate::services::perf;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The document's `lang` follows the UI's (screen readers and fonts go by it).
#[hook]
pub fn use_document_lang(lang: Lang) {
    use_effect_with(lang, |lang| {
        if let Some(root) = gloo_utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
}

/// Marks when a newly shown report has been drawn, for the in-browser benchmark
/// (input → drawn); `shown` is the id of the report shown.
#[hook]
pub fn use_render_mark(shown: Option<u64>) {
    use_effect_with(shown, |shown| {
        if shown.is_some() {
            perf::mark("rendered");
            perf::measure("input-to-render", "input", "rendered");
        }
    });
}

/// Runs `work` once the page has been painted: in a task after the next animation frame.
/// What it draws is laid out in a frame of its own, not in the one before.
pub fn after_paint(work: impl FnOnce() + 'static) {
    at_next_frame(move || {
        gloo_timers::callback::Timeout::new(0, work).forget();
    });
}

/// Runs `work` at the next animation frame, just before the page is laid out for it: sizes
/// read there cost the layout the frame makes anyway, not one more.
pub fn at_next_frame(work: impl FnOnce() + 'static) {
    let work = Closure::once_into_js(work);
    let _ = gloo_utils::window().request_animation_frame(work.unchecked_ref());
}
