//! Keeping the reports across a reload: the stored inputs are analysed again when the page
//! loads, and saved again whenever the reports or the one shown change. What is too large
//! to keep gets a notice instead. The UI language is kept too, on its own.

use crate::hooks::analysis_queue::AnalysisQueue;
use crate::services::storage;
use crate::state::{Action, AppState, Notice};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// Pause between a change and saving it: saving a megabyte takes a moment the reader
/// should not wait for before the page is drawn.
const SAVE_DELAY_MS: u32 = 50;

/// Restores the session of before the reload through `queue`, then saves every change of
/// the reports (a batch once, when it ends).
#[hook]
pub fn use_persistence(state: &UseReducerHandle<AppState>, queue: &AnalysisQueue) {
    {
        let queue = queue.clone();
        use_effect_with((), move |_| {
            if let Some(storage::Session { inputs, current }) = storage::load() {
                queue.restore(inputs, current);
            }
        });
    }

    use_effect_with(state.lang, |&lang| storage::save_lang(lang));

    let dispatch = state.dispatcher();
    let ids: Vec<u64> = state.reports.iter().map(|r| r.id).collect();
    let reports = state.reports.clone();
    let pending_save = use_mut_ref(|| None::<Timeout>);
    let ran_on_load = use_mut_ref(|| false);
    let in_batch = state.batch.is_some();
    use_effect_with((ids, state.current, in_batch), move |&(_, current, in_batch)| {
        // The page as loaded is empty: saving it would put nothing over the session being
        // restored, and a reload before the restore ends would lose it.
        if !std::mem::replace(&mut *ran_on_load.borrow_mut(), true) {
            return;
        }
        // A batch of 200 files is saved once, when it ends.
        if in_batch {
            return;
        }
        *pending_save.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || {
            let inputs: Vec<(Option<String>, &[u8])> = reports.iter().map(|r| (r.name.clone(), &r.bytes[..])).collect();
            if let Err(kilobytes) = storage::save(&inputs, current) {
                dispatch.dispatch(Action::Note(Notice::NotKept { kilobytes }));
            }
        }));
    });
}
