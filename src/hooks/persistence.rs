//! Keeping the session across reloads (`services::storage`, in IndexedDB): the stored
//! inputs are analysed again when the page loads and the view that was left comes back;
//! every later change of the reports or of the view is stored again, one save at a time
//! (the latest change wins over the ones still waiting). What cannot be stored gets a
//! notice, and the session stored before stays stored. The UI language is kept too.

use crate::hooks::analysis_queue::AnalysisQueue;
use crate::services::storage::{self, Input, Store, StoreError};
use crate::state::{Action, AppState, Notice, Reading, SavedView};
use gloo_timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Pause between a change and saving it: a burst of changes (a sort clicked twice) is
/// saved once, and the page is drawn first.
const SAVE_DELAY_MS: u32 = 50;

type Dispatcher = UseReducerDispatcher<AppState>;

/// Saves and clears, one at a time, in the order asked; a save waiting is replaced by a
/// newer one.
struct Saver {
    store: Store,
    dispatch: Dispatcher,
    waiting: RefCell<Option<(Vec<Input>, SavedView)>>,
    clear_waiting: Cell<bool>,
    running: Cell<bool>,
    /// Set once the stored session has been read: nothing is saved before (it would put
    /// an empty page over the session being restored).
    loaded: Cell<bool>,
    /// After "clear stored data": the reports then shown are not stored again (only new
    /// ones are), by their ids.
    cleared_ids: RefCell<Option<Vec<u64>>>,
}

impl Saver {
    fn save(self: &Rc<Self>, inputs: Vec<Input>, view: SavedView) {
        *self.waiting.borrow_mut() = Some((inputs, view));
        self.run();
    }

    fn clear(self: &Rc<Self>) {
        self.waiting.borrow_mut().take();
        self.clear_waiting.set(true);
        self.run();
    }

    fn run(self: &Rc<Self>) {
        if self.running.replace(true) {
            return;
        }
        let this = self.clone();
        spawn_local(async move {
            loop {
                if this.clear_waiting.replace(false) {
                    // Whatever becomes of the store, the reader asked for it to be emptied:
                    // the reports shown are not stored again.
                    let _ = this.store.clear().await;
                    this.dispatch.dispatch(Action::Note(Notice::StorageCleared));
                    continue;
                }
                let Some((inputs, view)) = this.waiting.borrow_mut().take() else { break };
                if let Err(error) = this.store.save(&inputs, view).await {
                    let kilobytes = inputs.iter().map(|i| i.bytes.len() as u64).sum::<u64>() / 1024;
                    let previous = this.store.previous().filter(|&n| n > 0);
                    this.dispatch.dispatch(Action::Note(Notice::NotKept { kilobytes, full: error == StoreError::Full, previous }));
                }
            }
            this.running.set(false);
        });
    }
}

/// Restores the session of before the reload through `queue`, then saves every change of
/// the reports and the view (a batch once, when it ends). Returns what "clear stored data"
/// does.
#[hook]
pub fn use_persistence(state: &UseReducerHandle<AppState>, queue: &AnalysisQueue) -> Callback<()> {
    let saver = (*use_memo((), {
        let dispatch = state.dispatcher();
        move |_| {
            Rc::new(Saver {
                store: Store::default(),
                dispatch,
                waiting: RefCell::default(),
                clear_waiting: Cell::new(false),
                running: Cell::new(false),
                loaded: Cell::new(false),
                cleared_ids: RefCell::default(),
            })
        }
    }))
    .clone();

    {
        let (queue, saver, dispatch) = (queue.clone(), saver.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            // Before the address is read (`use_history` comes after): it waits for this.
            dispatch.dispatch(Action::Restoring);
            spawn_local(async move {
                let session = match saver.store.load().await {
                    Ok(Some(session)) => Some(session),
                    // Nothing here (or no IndexedDB): an earlier version's session, once.
                    Ok(None) | Err(_) => storage::load_legacy(),
                };
                saver.loaded.set(true);
                let Some(storage::Session { record, bytes }) = session else {
                    dispatch.dispatch(Action::Restored(None));
                    return;
                };
                if storage::load_lang().is_none() && record.view.lang != SavedView::default().lang {
                    dispatch.dispatch(Action::SetLang(record.view.lang));
                }
                // Each read as it was before (kind chosen, corrections).
                let inputs = record.inputs.into_iter().zip(bytes).map(|(i, bytes)| (i.name, bytes, i.reading)).collect();
                // The reports first (the page is then busy), so that the view waits for them.
                queue.restore(inputs, record.view.current);
                dispatch.dispatch(Action::Restored(Some(record.view)));
            });
        });
    }

    use_effect_with(state.lang, |&lang| storage::save_lang(lang));

    let ids: Vec<u64> = state.reports.iter().map(|r| r.id).collect();
    // A report read again (another kind, a correction) keeps its id: how it is read counts.
    let readings: Vec<Reading> = state.reports.iter().map(|r| r.reading()).collect();
    let settled = !state.busy && !state.restoring && state.saved_view.is_none();
    let view = SavedView::of(state);
    let reports = state.reports.clone();
    let pending_save = use_mut_ref(|| None::<Timeout>);
    {
        let pending_save = pending_save.clone();
        let saver = saver.clone();
        use_effect_with((ids, readings, view, settled), move |(ids, readings, view, settled)| {
            // While a batch (or the restore) runs, the session is saved once, when it ends.
            if !saver.loaded.get() || !settled {
                return;
            }
            let mut cleared = saver.cleared_ids.borrow_mut();
            if cleared.as_ref().is_some_and(|c| c == ids) {
                return;
            }
            *cleared = None;
            let inputs: Vec<Input> = reports
                .iter()
                .zip(readings)
                .map(|(r, reading)| Input { name: r.name.clone(), bytes: r.bytes.clone(), reading: reading.clone() })
                .collect();
            let (saver, view) = (saver.clone(), *view);
            *pending_save.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || saver.save(inputs, view)));
        });
    }

    let ids: Vec<u64> = state.reports.iter().map(|r| r.id).collect();
    Callback::from(move |()| {
        // A save still waiting for its delay would store the reports again.
        pending_save.borrow_mut().take();
        *saver.cleared_ids.borrow_mut() = Some(ids.clone());
        saver.clear();
    })
}
