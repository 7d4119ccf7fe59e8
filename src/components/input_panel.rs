//! Where reports come in: a paste area and an "open files" button (dropping anywhere on the
//! page is handled by the root).
//!
//! Nothing typed here replaces what is shown until the reader means it: a paste of a
//! report-sized text, the Analyse button, or Ctrl+Enter. Typing only edits a draft, so a
//! stray keystroke (or an undo in the box) cannot put a comparison of ten reports away.

use crate::i18n::{fill, texts, Lang};
use crate::state::{Batch, Draft, MIN_REPORT_CHARS};
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
    /// A text to analyse now: a report-sized paste, or the box's text when the reader asks.
    pub onanalyse: Callback<String>,
    /// Files chosen with the button.
    pub onopen: Callback<Vec<web_sys::File>>,
    /// Stops the batch under way.
    pub onstop: Callback<()>,
}

/// Accepted in the file dialog (others can still be dropped and get a clear message).
const ACCEPT: &str =
    ".txt,.text,.docx,.html,.htm,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let t = texts(props.lang);
    let file_input = use_node_ref();

    let area_ref = use_node_ref();
    let draft = use_state(Draft::default);

    // The box's text analysed, when the reader asks and it is long enough; the box empties
    // (the text view shows the report).
    let analyse_box = {
        let (area_ref, draft, cb) = (area_ref.clone(), draft.clone(), props.onanalyse.clone());
        Callback::from(move |()| {
            let Some(area) = area_ref.cast::<HtmlTextAreaElement>() else { return };
            let text = area.value();
            if Draft::of(&text) == Draft::Ready {
                area.set_value("");
                draft.set(Draft::Empty);
                cb.emit(text);
            }
        })
    };
    // A paste of a report replaces the report shown at once, wherever the cursor was; a
    // shorter paste goes into the box like typing.
    let onpaste = {
        let cb = props.onanalyse.clone();
        Callback::from(move |e: Event| {
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else { return };
            let Some(text) = e.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
            if Draft::of(&text) != Draft::Ready {
                return;
            }
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
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let now = Draft::of(&area.value());
            if *draft != now {
                draft.set(now);
            }
        })
    };
    let onkeydown = {
        let analyse_box = analyse_box.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) && !e.is_composing() {
                e.prevent_default();
                analyse_box.emit(());
            }
        })
    };
    let onanalyseclick = Callback::from(move |_: MouseEvent| analyse_box.emit(()));
    let hint = match *draft {
        Draft::TooShort { chars } => Some(fill(t.too_short, &[&MIN_REPORT_CHARS.to_string(), &chars.to_string()])),
        Draft::Empty | Draft::Ready => None,
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
            <textarea ref={area_ref} class="paste" aria-label={t.paste_label} placeholder={t.paste_placeholder} {onpaste} {oninput} {onkeydown}
                spellcheck="false" aria-describedby="analyse-hint" />
            <div class="input-actions">
                <button type="button" class="analyse" onclick={onanalyseclick} disabled={*draft != Draft::Ready} title={t.analyse_title} data-testid="analyse">{ t.analyse }</button>
                <span id="analyse-hint" class="analyse-hint" data-testid="analyse-hint">{ hint.unwrap_or_default() }</span>
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
                        <button type="button" class="stop" data-testid="stop-batch"
                            onclick={ let cb = props.onstop.clone(); Callback::from(move |_| cb.emit(())) }>{ t.stop_batch }</button>
                    </span>
                } else if props.busy {
                    <span class="busy" role="status">{ t.analysing }</span>
                }
                <span class="privacy">{ t.privacy }</span>
            </div>
        </section>
    }
}
