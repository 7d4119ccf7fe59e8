//! Where reports come in: a paste area and an "open files" button (dropping anywhere on the
//! page is handled by the root).

use crate::i18n::{fill, texts, Lang};
use crate::state::Batch;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    pub lang: Lang,
    pub busy: bool,
    /// Progress of a batch of files.
    pub batch: Option<Batch>,
    /// Whether pastes and drops are added to the comparison.
    pub add_mode: bool,
    pub onaddmode: Callback<bool>,
    /// The whole pasted text: it replaces the current report at once.
    pub onpaste: Callback<String>,
    /// The whole text after typing (the root waits for a pause before analysing).
    pub ontype: Callback<String>,
    /// Files chosen with the button.
    pub onopen: Callback<Vec<web_sys::File>>,
}

/// Accepted in the file dialog (others can still be dropped and get a clear message).
const ACCEPT: &str =
    ".txt,.text,.docx,.html,.htm,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let t = texts(props.lang);
    let file_input = use_node_ref();

    // A paste replaces the whole report, wherever the cursor was.
    let onpaste = {
        let cb = props.onpaste.clone();
        Callback::from(move |e: Event| {
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else { return };
            let Some(text) = e.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
            e.prevent_default();
            // The text view shows the report; the paste area stays a light input well
            // (filling a textarea with a megabyte costs more than analysing it).
            if let Some(area) = e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) {
                area.set_value("");
            }
            cb.emit(text);
        })
    };
    let oninput = {
        let cb = props.ontype.clone();
        Callback::from(move |e: InputEvent| {
            // Typing (pastes are handled above); wait while an input method composes.
            if !e.is_composing() {
                let area: HtmlTextAreaElement = e.target_unchecked_into();
                cb.emit(area.value());
            }
        })
    };
    let onopenclick = {
        let file_input = file_input.clone();
        Callback::from(move |_| {
            if let Some(input) = file_input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onchange = {
        let cb = props.onopen.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = crate::services::file::files_of(input.files());
            input.set_value("");
            if !files.is_empty() {
                cb.emit(files);
            }
        })
    };
    html! {
        <section class="input-panel" aria-label={t.input_region}>
            <textarea class="paste" aria-label={t.paste_label} placeholder={t.paste_placeholder} {onpaste} {oninput} spellcheck="false" />
            <div class="input-actions">
                <button type="button" class="open-files" onclick={onopenclick}>{ t.open_files }</button>
                <input ref={file_input} type="file" multiple=true accept={ACCEPT} class="visually-hidden" tabindex="-1" aria-hidden="true" {onchange} data-testid="file-input" />
                <label class="add-mode">
                    <input type="checkbox" checked={props.add_mode} data-testid="add-mode"
                        onchange={ let cb = props.onaddmode.clone(); Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlInputElement>().checked())) } />
                    { t.add_mode }
                </label>
                if let Some(b) = props.batch {
                    <span class="batch" role="status">
                        <progress max={b.total.to_string()} value={b.done.to_string()} data-testid="batch-progress"></progress>
                        { fill(t.progress, &[&b.done.to_string(), &b.total.to_string()]) }
                    </span>
                } else if props.busy {
                    <span class="busy" role="status">{ t.analysing }</span>
                }
                <span class="privacy">{ t.privacy }</span>
            </div>
        </section>
    }
}
