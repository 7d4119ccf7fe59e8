//! The root: the reducer, the wiring of inputs (paste, typing, open, drop) to analysis and
//! actions, persistence across reloads, and the page layout.

use crate::components::{
    checklist::Checklist, compare_view::CompareView, export_bar::ExportBar, findings_list::FindingsList, header_card::HeaderCard,
    input_panel::InputPanel, metrics_table::MetricsTable, notices::Notices, outline_tree::OutlineTree, text_view::TextView,
    top_bar::TopBar,
};
use crate::i18n::{fill, texts, Lang};
use crate::services::{
    file::{FileRead, FileReads, ReadError},
    perf, storage, tables,
};
use crate::state::{Action, AppState, JumpTarget, LoadMode, Notice, Report, View};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use yew::prelude::*;

/// Inputs larger than this are refused: the tab would stall (see the README's limits).
pub const MAX_INPUT_BYTES: u64 = 24 * 1024 * 1024;
/// Pause after the last keystroke before typed text is analysed.
const TYPING_PAUSE_MS: u32 = 400;

type Dispatcher = UseReducerDispatcher<AppState>;

/// One input waiting for analysis.
struct Pending {
    name: Option<String>,
    bytes: Vec<u8>,
    mode: LoadMode,
}

/// Analyses the queue one input per browser task, so the page repaints in between.
fn analyse_in_turn(dispatch: Dispatcher, mut queue: VecDeque<Pending>) {
    let Some(next) = queue.pop_front() else { return };
    if report_core::input::needs_tables(&next.bytes) {
        // A GBK or Big5 file: fetch the tables first (once per session).
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(error) = tables::fetch_and_install().await {
                warn(&error);
            }
            queue.push_front(next);
            analyse_in_turn(dispatch, queue);
        });
        return;
    }
    Timeout::new(0, move || {
        perf::mark("analyze-start");
        let result = Report::analyze(0, next.name.clone(), next.bytes);
        perf::mark("analyze-end");
        perf::measure("analyze", "analyze-start", "analyze-end");
        match result {
            Ok(report) => dispatch.dispatch(Action::Loaded(report, next.mode)),
            Err(error) => dispatch.dispatch(Action::Refused(Notice::NotAReport { name: next.name.unwrap_or_default(), error })),
        }
        analyse_in_turn(dispatch, queue);
    })
    .forget();
}

/// Notes a failure in the browser console (the decode then falls back to UTF-8).
fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// Reads `files` (kept alive in `reads`), then analyses them in their order: the first
/// with `mode`, the others added beside it (several files make a comparison).
fn open_files(dispatch: Dispatcher, reads: &FileReads, files: Vec<web_sys::File>, mode: LoadMode) {
    perf::mark("input");
    let total = files.len();
    dispatch.dispatch(Action::BatchStart(total));
    let results: Rc<RefCell<Vec<Option<FileRead>>>> = Rc::new(RefCell::new((0..total).map(|_| None).collect()));
    for (i, file) in files.into_iter().enumerate() {
        let size = file.size() as u64;
        if size > MAX_INPUT_BYTES {
            let name = file.name();
            results.borrow_mut()[i] = Some(FileRead { name, bytes: Err(ReadError::TooLarge(size)) });
            continue;
        }
        let (results, dispatch) = (results.clone(), dispatch.clone());
        reads.read(file, move |name, result| {
            results.borrow_mut()[i] = Some(FileRead { name, bytes: result });
            if results.borrow().iter().all(Option::is_some) {
                finish_reading(dispatch, results.take(), mode);
            }
        });
    }
    if results.borrow().iter().all(Option::is_some) {
        finish_reading(dispatch, results.take(), mode);
    }
}

fn finish_reading(dispatch: Dispatcher, results: Vec<Option<FileRead>>, mode: LoadMode) {
    let mut queue = VecDeque::new();
    for FileRead { name, bytes } in results.into_iter().flatten() {
        match bytes {
            Ok(bytes) => {
                let mode = if queue.is_empty() { mode } else { LoadMode::Add };
                queue.push_back(Pending { name: Some(name), bytes, mode });
            }
            Err(ReadError::TooLarge(size)) => {
                let notice = Notice::TooLarge { name, megabytes: size.div_ceil(1 << 20), limit_megabytes: MAX_INPUT_BYTES >> 20 };
                dispatch.dispatch(Action::Refused(notice));
            }
            Err(ReadError::Failed(error)) => dispatch.dispatch(Action::Refused(Notice::ReadFailed { name, error })),
        }
    }
    analyse_in_turn(dispatch, queue);
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::default);
    let reads = use_memo((), |_| FileReads::default());
    let dragging = use_state(|| false);
    let typing = use_mut_ref(|| None::<Timeout>);
    let lang = state.lang;
    let t = texts(lang);

    // Reports from before a reload, analysed again one per task (the GB18030/Big5 tables
    // fetched if needed), the one that was shown shown again.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            if let Some(storage::Session { inputs, current }) = storage::load() {
                if !inputs.is_empty() {
                    dispatch.dispatch(Action::BatchStart(inputs.len()));
                    let queue = inputs
                        .into_iter()
                        .enumerate()
                        .map(|(i, (name, bytes))| {
                            let mode = if i == 0 {
                                LoadMode::Replace
                            } else if Some(i) == current {
                                LoadMode::AddShown
                            } else {
                                LoadMode::Add
                            };
                            Pending { name, bytes, mode }
                        })
                        .collect();
                    analyse_in_turn(dispatch, queue);
                }
            }
        });
    }
    // Keep the input across a reload (after the page is drawn: saving a megabyte takes a
    // moment the reader should not wait for).
    {
        let dispatch = state.dispatcher();
        let ids: Vec<u64> = state.reports.iter().map(|r| r.id).collect();
        let reports = state.reports.clone();
        let pending_save = use_mut_ref(|| None::<Timeout>);
        let in_batch = state.batch.is_some();
        use_effect_with((ids, state.current, in_batch), move |(_, current, in_batch)| {
            let current = *current;
            // A batch of 200 files is saved once, when it ends.
            if *in_batch {
                return;
            }
            *pending_save.borrow_mut() = Some(Timeout::new(50, move || {
                let inputs: Vec<(Option<String>, &[u8])> = reports.iter().map(|r| (r.name.clone(), &r.bytes[..])).collect();
                if let Err(kilobytes) = storage::save(&inputs, current) {
                    dispatch.dispatch(Action::Note(Notice::NotKept { kilobytes }));
                }
            }));
        });
    }
    // Build the core's lookup tables while the reader is still reaching for the clipboard.
    use_effect_with((), |_| {
        Timeout::new(100, report_core::warm_up).forget();
    });
    // The document's language follows the UI's.
    use_effect_with(lang, |lang| {
        if let Some(root) = gloo_utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    // Performance marks for the in-browser benchmark: input → drawn.
    {
        let id = state.current_report().map(|r| r.id);
        use_effect_with(id, |id| {
            if id.is_some() {
                perf::mark("rendered");
                perf::measure("input-to-render", "input", "rendered");
            }
        });
    }

    let dispatch = state.dispatcher();
    let input_mode = if state.add_mode && !state.reports.is_empty() { LoadMode::Add } else { LoadMode::Replace };
    let onpaste = {
        let dispatch = dispatch.clone();
        Callback::from(move |text: String| {
            perf::mark("input");
            if text.len() as u64 > MAX_INPUT_BYTES {
                let megabytes = (text.len() as u64).div_ceil(1 << 20);
                let name = texts(lang).pasted_text.to_string();
                dispatch.dispatch(Action::Refused(Notice::TooLarge { name, megabytes, limit_megabytes: MAX_INPUT_BYTES >> 20 }));
                return;
            }
            dispatch.dispatch(Action::Busy);
            analyse_in_turn(dispatch.clone(), VecDeque::from([Pending { name: None, bytes: text.into_bytes(), mode: input_mode }]));
        })
    };
    let ontype = {
        let (dispatch, typing) = (dispatch.clone(), typing.clone());
        Callback::from(move |text: String| {
            let dispatch = dispatch.clone();
            *typing.borrow_mut() = Some(Timeout::new(TYPING_PAUSE_MS, move || {
                perf::mark("input");
                analyse_in_turn(dispatch, VecDeque::from([Pending { name: None, bytes: text.into_bytes(), mode: input_mode }]));
            }));
        })
    };
    let onopen = {
        let (dispatch, reads) = (dispatch.clone(), reads.clone());
        Callback::from(move |files: Vec<web_sys::File>| open_files(dispatch.clone(), &reads, files, input_mode))
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Only when the pointer leaves the page, not when it moves between children.
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let (dispatch, reads, dragging) = (dispatch.clone(), reads.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = crate::services::file::files_of(e.data_transfer().and_then(|d| d.files()));
            if !files.is_empty() {
                open_files(dispatch.clone(), &reads, files, input_mode);
            }
        })
    };
    let onswitchlang = {
        let dispatch = dispatch.clone();
        Callback::from(move |lang: Lang| dispatch.dispatch(Action::SetLang(lang)))
    };
    // Callbacks that turn an index into an action.
    let callback = |make: fn(usize) -> Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |i: usize| dispatch.dispatch(make(i)))
    };
    let ondismiss = callback(Action::Dismiss);
    let onjumpline = callback(|line| Action::Jump(JumpTarget::Line(line)));
    let onjumpmetric = callback(|i| Action::Jump(JumpTarget::Metric(i)));
    let onselect = callback(Action::Select);
    let onremove = callback(Action::Remove);
    let onsort = {
        let dispatch = dispatch.clone();
        Callback::from(move |c| dispatch.dispatch(Action::SortMetrics(c)))
    };
    let onfilter = {
        let dispatch = dispatch.clone();
        Callback::from(move |f| dispatch.dispatch(Action::FilterMetrics(f)))
    };

    let onaddmode = {
        let dispatch = dispatch.clone();
        Callback::from(move |on: bool| dispatch.dispatch(Action::SetAddMode(on)))
    };
    let onclear = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ClearAll))
    };
    let oncomparesort = {
        let dispatch = dispatch.clone();
        Callback::from(move |c| dispatch.dispatch(Action::SortCompare(c)))
    };
    let oncomparefilter = {
        let dispatch = dispatch.clone();
        Callback::from(move |f| dispatch.dispatch(Action::FilterCompare(f)))
    };
    let onshowcompare = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ShowCompare))
    };
    let several = state.reports.len() > 1;

    html! {
        <div class={classes!("app", dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            <TopBar {lang} {onswitchlang} />
            <InputPanel {lang} busy={state.busy} batch={state.batch} add_mode={state.add_mode} {onaddmode} {onpaste} {ontype} {onopen} />
            <Notices {lang} notices={state.notices.clone()} {ondismiss} />
            if several && state.view == View::Report {
                <nav class="view-nav" aria-label={t.compare}>
                    <button type="button" class="back" onclick={onshowcompare} data-testid="back-to-compare">{ t.back_to_compare }</button>
                    <span class="nav-count">{ fill(t.compare_tab, &[&state.reports.len().to_string()]) }</span>
                </nav>
            }
            if several && state.view == View::Compare && state.batch.is_none() {
                <CompareView {lang} reports={state.reports.clone()} rows={state.visible_rows()} sort={state.compare_sort}
                    filter={state.compare_filter} onsort={oncomparesort} onfilter={oncomparefilter} {onselect} {onremove} {onclear} />
            } else if let Some(report) = state.current_report() {
                <main class="report" data-testid="report">
                    <div class="report-head">
                        <HeaderCard {lang} summary={report.summary.clone()} />
                        <ExportBar key={report.id} {lang} report={report.clone()} />
                    </div>
                    <div class="columns">
                        <aside class="side">
                            <Checklist {lang} summary={report.summary.clone()} onjump={onjumpline.clone()} />
                            <FindingsList {lang} summary={report.summary.clone()} onjump={onjumpline.clone()} />
                            <OutlineTree key={report.id} {lang} summary={report.summary.clone()} onjump={onjumpline} />
                        </aside>
                        <div class="main-column">
                            <TextView key={report.id} {lang} report={report.clone()} jump={state.jump} />
                            <MetricsTable key={report.id} {lang} summary={report.summary.clone()} rows={state.visible_metrics()}
                                sort={state.metric_sort} filter={state.metric_filter} {onsort} {onfilter} onjump={onjumpmetric} />
                        </div>
                    </div>
                </main>
            } else {
                <main class="empty-state"><p>{ t.empty_state }</p></main>
            }
            if *dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ t.drop_here }</p></div>
            }
        </div>
    }
}
