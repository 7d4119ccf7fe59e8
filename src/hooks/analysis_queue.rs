//! The analysis queue: inputs (a paste or the paste box's text, opened or dropped files, the session
//! restored after a reload) are read, checked for size, and analysed one per browser task,
//! so the page repaints in between; each result is dispatched as it comes.

use crate::services::file::{FileRead, FileReads, ReadError};
use crate::services::{perf, tables};
use crate::state::{Action, AppState, Failure, LoadMode, Report};
use gloo_timers::callback::Timeout;
use report_core::kinds::KindId;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use yew::prelude::*;

/// Inputs larger than this are refused: the tab would stall (see the README's limits).
pub const MAX_INPUT_BYTES: u64 = 24 * 1024 * 1024;
/// Delay before the core builds its lookup tables: after the first paint, before the
/// reader has found the clipboard.
const WARM_UP_DELAY_MS: u32 = 100;

type Dispatcher = UseReducerDispatcher<AppState>;

/// One input waiting for analysis.
#[derive(Debug, PartialEq)]
struct Pending {
    name: Option<String>,
    bytes: Vec<u8>,
    mode: LoadMode,
}

/// Where inputs go to be analysed. Cheap to clone: every clone feeds the same reads.
/// (Typed text is never analysed on a pause: only when the reader asks, see `InputPanel`.)
#[derive(Clone)]
pub struct AnalysisQueue {
    dispatch: Dispatcher,
    /// File reads in flight (gloo stops a read when its reader is dropped).
    reads: Rc<FileReads>,
}

/// The analysis queue of the page, and the core's lookup tables built soon after the first
/// paint (so the first paste does not pay for them).
#[hook]
pub fn use_analysis_queue(dispatch: Dispatcher) -> AnalysisQueue {
    let reads = use_memo((), |_| FileReads::default());
    use_effect_with((), |_| {
        Timeout::new(WARM_UP_DELAY_MS, report_core::warm_up).forget();
    });
    AnalysisQueue { dispatch, reads }
}

impl AnalysisQueue {
    /// Pasted text (or the paste box's, on the reader's demand), analysed at once.
    pub fn paste(&self, text: String, mode: LoadMode) {
        perf::mark("input");
        if text.len() as u64 > MAX_INPUT_BYTES {
            self.dispatch.dispatch(Action::Refused(too_large(None, text.len() as u64)));
            return;
        }
        self.dispatch.dispatch(Action::Busy);
        analyse_in_turn(self.dispatch.clone(), VecDeque::from([Pending { name: None, bytes: text.into_bytes(), mode }]));
    }

    /// Reads `files`, then analyses them in their order: the first with `mode`, the others
    /// added beside it (several files make a comparison).
    pub fn open(&self, files: Vec<web_sys::File>, mode: LoadMode) {
        perf::mark("input");
        let total = files.len();
        self.dispatch.dispatch(Action::BatchStart(total));
        let results: Rc<RefCell<Vec<Option<FileRead>>>> = Rc::new(RefCell::new((0..total).map(|_| None).collect()));
        for (i, file) in files.into_iter().enumerate() {
            let size = file.size() as u64;
            if size > MAX_INPUT_BYTES {
                results.borrow_mut()[i] = Some(FileRead { name: file.name(), bytes: Err(ReadError::TooLarge(size)) });
                continue;
            }
            let (results, dispatch) = (results.clone(), self.dispatch.clone());
            self.reads.read(file, move |name, result| {
                results.borrow_mut()[i] = Some(FileRead { name, bytes: result });
                if results.borrow().iter().all(Option::is_some) {
                    analyse_reads(dispatch, results.take(), mode);
                }
            });
        }
        // Every file was too large: no read will call back.
        if results.borrow().iter().all(Option::is_some) {
            analyse_reads(self.dispatch.clone(), results.take(), mode);
        }
    }

    /// `report` read again as `kind` (the reviewer switched the kind): it replaces itself, in
    /// a task of its own so that the page paints the busy state first.
    pub fn reanalyse_as(&self, report: &Report, kind: KindId) {
        let (id, name, bytes) = (report.id, report.name.clone(), report.bytes.to_vec());
        let dispatch = self.dispatch.clone();
        dispatch.dispatch(Action::Busy);
        Timeout::new(0, move || {
            match Report::analyze_as(id, name.clone(), bytes, Some(kind)) {
                Ok(report) => dispatch.dispatch(Action::Reanalysed(report)),
                // It was read before: only a change of the core could refuse it now.
                Err(error) => dispatch.dispatch(Action::Refused(Failure::NotAReport { name, error })),
            }
        })
        .forget();
    }

    /// The inputs of the session before a reload, analysed again; `current` is shown again.
    pub fn restore(&self, inputs: Vec<(Option<String>, Vec<u8>)>, current: Option<usize>) {
        if inputs.is_empty() {
            return;
        }
        self.dispatch.dispatch(Action::BatchStart(inputs.len()));
        analyse_in_turn(self.dispatch.clone(), restored(inputs, current));
    }
}

/// The restored inputs in their order: the first replaces whatever is there, the others
/// are added, and the one that was shown is shown again.
fn restored(inputs: Vec<(Option<String>, Vec<u8>)>, current: Option<usize>) -> VecDeque<Pending> {
    let mode = |i| match i {
        0 => LoadMode::Replace,
        i if Some(i) == current => LoadMode::AddShown,
        _ => LoadMode::Add,
    };
    inputs.into_iter().enumerate().map(|(i, (name, bytes))| Pending { name, bytes, mode: mode(i) }).collect()
}

/// Dispatches the refusals among finished reads and analyses the rest.
fn analyse_reads(dispatch: Dispatcher, reads: Vec<Option<FileRead>>, mode: LoadMode) {
    let (queue, refusals) = sort_reads(reads, mode);
    for failure in refusals {
        dispatch.dispatch(Action::Refused(failure));
    }
    analyse_in_turn(dispatch, queue);
}

/// Splits finished reads into the inputs to analyse (the first readable one with `mode`,
/// the others added beside it) and the failures of those that could not be read.
fn sort_reads(reads: Vec<Option<FileRead>>, mode: LoadMode) -> (VecDeque<Pending>, Vec<Failure>) {
    let mut queue = VecDeque::new();
    let mut refusals = Vec::new();
    for FileRead { name, bytes } in reads.into_iter().flatten() {
        match bytes {
            Ok(bytes) => {
                let mode = if queue.is_empty() { mode } else { LoadMode::Add };
                queue.push_back(Pending { name: Some(name), bytes, mode });
            }
            Err(ReadError::TooLarge(size)) => refusals.push(too_large(Some(name), size)),
            Err(ReadError::Failed(error)) => refusals.push(Failure::ReadFailed { name: Some(name), error }),
        }
    }
    (queue, refusals)
}

fn too_large(name: Option<String>, bytes: u64) -> Failure {
    Failure::TooLarge { name, megabytes: bytes.div_ceil(1 << 20), limit_megabytes: MAX_INPUT_BYTES >> 20 }
}

/// Analyses the queue one input per browser task, so the page repaints in between.
fn analyse_in_turn(dispatch: Dispatcher, mut queue: VecDeque<Pending>) {
    let Some(next) = queue.pop_front() else { return };
    if report_core::input::needs_tables(&next.bytes) {
        // A GBK or Big5 file: fetch the tables first (once per session).
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(error) = tables::fetch_and_install().await {
                // The decode then falls back to UTF-8; the console says why.
                web_sys::console::warn_1(&error.into());
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
            Err(error) => dispatch.dispatch(Action::Refused(Failure::NotAReport { name: next.name, error })),
        }
        analyse_in_turn(dispatch, queue);
    })
    .forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, bytes: Result<Vec<u8>, ReadError>) -> Option<FileRead> {
        Some(FileRead { name: name.into(), bytes })
    }

    #[test]
    fn the_first_readable_file_takes_the_mode_and_the_others_are_added() {
        let reads = vec![
            read("big.txt", Err(ReadError::TooLarge(30 << 20))),
            read("a.txt", Ok(b"a".to_vec())),
            read("gone.txt", Err(ReadError::Failed("NotFoundError".into()))),
            read("b.txt", Ok(b"b".to_vec())),
        ];
        let (queue, refusals) = sort_reads(reads, LoadMode::Replace);
        let modes: Vec<_> = queue.iter().map(|p| (p.name.as_deref().unwrap(), p.mode)).collect();
        assert_eq!(modes, [("a.txt", LoadMode::Replace), ("b.txt", LoadMode::Add)]);
        assert_eq!(
            refusals,
            [
                Failure::TooLarge { name: Some("big.txt".into()), megabytes: 30, limit_megabytes: 24 },
                Failure::ReadFailed { name: Some("gone.txt".into()), error: "NotFoundError".into() },
            ]
        );
    }

    #[test]
    fn a_restored_session_replaces_then_adds_and_shows_the_report_shown_before() {
        let inputs = vec![(None, b"0".to_vec()), (Some("1.txt".into()), b"1".to_vec()), (Some("2.txt".into()), b"2".to_vec())];
        let modes: Vec<_> = restored(inputs.clone(), Some(2)).into_iter().map(|p| p.mode).collect();
        assert_eq!(modes, [LoadMode::Replace, LoadMode::Add, LoadMode::AddShown]);
        // The first is shown by replacing: nothing else is marked.
        let modes: Vec<_> = restored(inputs, Some(0)).into_iter().map(|p| p.mode).collect();
        assert_eq!(modes, [LoadMode::Replace, LoadMode::Add, LoadMode::Add]);
    }

    #[test]
    fn a_size_is_rounded_up_to_whole_megabytes() {
        assert_eq!(too_large(None, (24 << 20) + 1), Failure::TooLarge { name: None, megabytes: 25, limit_megabytes: 24 });
    }
}
