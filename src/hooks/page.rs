//! Effects on the page outside the app's own elements.

use crate::i18n::Lang;
use crate::services::perf;
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
