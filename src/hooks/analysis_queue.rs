//! The analysis queue: inputs (a paste or the paste box's text, opened or dropped files, the
//! session restored after a reload) are read, checked for size, and sent one at a time to
//! the analysis worker (`services::analysis_worker`); each answer becomes a [`Report`] and is
//! dispatched as it comes. The page itself never decodes or analyses.
//!
//! An input that replaces what is shown supersedes the work under way: the worker is
//! restarted (a running analysis cannot be interrupted otherwise), waiting inputs are
//! dropped, file reads still in flight for the old batch are ignored when they finish, and
//! its files not yet read are not read (a batch is read a few files at a time).
//! A batch can also be stopped by the reader ([`AnalysisQueue::stop`]).

use crate::analysis::protocol::{read_slice, Answer, Reading, Request, SliceOf, TextReading};
use crate::services::analysis_worker::{AnalysisWorker, WorkerEvent};
use crate::services::file::{FileRead, FileReads, ReadError};
use crate::services::perf;
use crate::state::{Action, AppState, Failure, LoadMode, Report};
use gloo_timers::callback::Timeout;
use report_core::compare::Row;
use report_core::Summary;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// Inputs larger than this are refused: the tab would stall (see the README's limits).
pub const MAX_INPUT_BYTES: u64 = 24 * 1024 * 1024;
/// Delay before the worker is started: after the first paint, before the reader has found
/// the clipboard (its wasm then loads and warms up in the background).
const WORKER_START_DELAY_MS: u32 = 50;

type Dispatcher = UseReducerDispatcher<AppState>;

/// A summary's lists with less JSON than this, and a text shorter than this, are read in
/// the task their answer arrives in (a few milliseconds); larger ones a step per task.
const INLINE_JSON_BYTES: u32 = 512 * 1024;
const INLINE_TEXT_BYTES: u32 = 2 * 1024 * 1024;

/// One input waiting for analysis.
#[derive(Debug, PartialEq)]
struct Pending {
    name: Option<String>,
    bytes: Vec<u8>,
    mode: LoadMode,
    reading: Reading,
}

/// What an answer of the worker is for.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Purpose {
    /// A new report, shown or added as `LoadMode` says.
    Load(LoadMode),
    /// Report `report` read again (as another kind, or corrected): it replaces itself.
    Reanalyse { report: u64 },
}

/// One request to the worker.
struct Job {
    id: u32,
    name: Option<String>,
    bytes: Rc<[u8]>,
    reading: Reading,
    purpose: Purpose,
}

/// The requests waiting and the one the worker is working on.
struct Scheduler {
    me: std::rc::Weak<Scheduler>,
    dispatch: Dispatcher,
    worker: AnalysisWorker,
    waiting: RefCell<VecDeque<Job>>,
    in_flight: RefCell<Option<Job>>,
    next_id: Cell<u32>,
    /// Increases whenever the work under way is superseded: reads that finish for an older
    /// epoch are dropped.
    epoch: Cell<u64>,
}

impl Scheduler {
    fn new(dispatch: Dispatcher) -> Rc<Scheduler> {
        Rc::new_cyclic(|me: &std::rc::Weak<Scheduler>| {
            let events = me.clone();
            Scheduler {
                me: me.clone(),
                dispatch,
                worker: AnalysisWorker::new(move |event| {
                    if let Some(scheduler) = events.upgrade() {
                        scheduler.on_event(event);
                    }
                }),
                waiting: RefCell::default(),
                in_flight: RefCell::default(),
                next_id: Cell::new(1),
                epoch: Cell::new(0),
            }
        })
    }

    fn enqueue(&self, name: Option<String>, bytes: Rc<[u8]>, reading: Reading, purpose: Purpose) {
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1));
        self.waiting.borrow_mut().push_back(Job { id, name, bytes, reading, purpose });
        self.pump();
    }

    /// Sends the next waiting job when the worker is free.
    fn pump(&self) {
        if self.in_flight.borrow().is_some() {
            return;
        }
        let Some(job) = self.waiting.borrow_mut().pop_front() else { return };
        perf::mark("analyze-start");
        self.worker.post(&Request { id: job.id, name: job.name.clone(), reading: job.reading.clone() }, &job.bytes);
        *self.in_flight.borrow_mut() = Some(job);
    }

    /// Drops whatever is waiting or under way; says so when something was.
    fn cancel(&self) -> bool {
        self.epoch.set(self.epoch.get() + 1);
        let waited = !std::mem::take(&mut *self.waiting.borrow_mut()).is_empty();
        let running = self.in_flight.borrow_mut().take().is_some();
        if running {
            self.worker.restart();
        }
        waited || running
    }

    fn on_event(&self, event: WorkerEvent) {
        match event {
            WorkerEvent::Answer { id, answer } => {
                let job = {
                    let mut in_flight = self.in_flight.borrow_mut();
                    match in_flight.take() {
                        Some(job) if job.id == id => job,
                        // The answer to a request that was superseded.
                        other => {
                            *in_flight = other;
                            return;
                        }
                    }
                };
                perf::mark("analyze-end");
                perf::measure("analyze", "analyze-start", "analyze-end");
                self.file(job, answer);
            }
            WorkerEvent::Failed(error) => {
                web_sys::console::error_1(&format!("analysis worker: {error}").into());
                if let Some(job) = self.in_flight.borrow_mut().take() {
                    self.dispatch.dispatch(Action::Refused(Failure::AnalysisFailed { name: job.name, error }));
                }
                // The failed worker is dropped in a task queued before this one, so the
                // next job goes to a new worker.
                let me = self.me.clone();
                Timeout::new(0, move || {
                    if let Some(scheduler) = me.upgrade() {
                        scheduler.pump();
                    }
                })
                .forget();
            }
        }
    }

    /// Files the answer to `job` as an action, then sends the next job. A summary that
    /// came in slices is read one slice per task first (a huge report's figures would
    /// otherwise hold the page for seconds); the next job waits, so reports arrive in order.
    fn file(&self, job: Job, answer: Result<Answer, String>) {
        let Job { name, bytes, purpose, .. } = job;
        let (summary, slices, json, buffers) = match answer {
            Ok(Answer::Analysed { summary, slices, json, buffers }) => (summary, slices, json, buffers),
            Ok(Answer::Refused(error)) => return self.dispatch_and_pump(Action::Refused(Failure::NotAReport { name, error })),
            Err(error) => return self.dispatch_and_pump(Action::Refused(Failure::AnalysisFailed { name, error })),
        };
        let text_len = buffers.text_len();
        // Each step in a task of its own: the slices, the text (a piece per task), the text
        // view's model, the comparison row, then the drawing.
        let finish = move |summary: Summary| -> Step {
            let failed = |name, error| Step::Done(Box::new(Action::Refused(Failure::AnalysisFailed { name, error })));
            let reading = match buffers.reading() {
                Ok(reading) => reading,
                Err(error) => return failed(name, error),
            };
            read_text(
                reading,
                Box::new(move |text| match text {
                    Err(error) => failed(name, error),
                    Ok(text) => Step::Then(Box::new(move || {
                        let model = match perf::timed("file: text model", || buffers.model(&summary)) {
                            Ok(model) => model,
                            Err(error) => return failed(name, error),
                        };
                        Step::Then(Box::new(move || {
                            let id = match purpose {
                                Purpose::Load(_) => 0,
                                Purpose::Reanalyse { report } => report,
                            };
                            let row = perf::timed("file: comparison row", || Row::of(&summary));
                            let report = Report::of(id, name, bytes, summary, json, text, model, row);
                            let action = match purpose {
                                Purpose::Load(mode) => Action::Loaded(report, mode),
                                Purpose::Reanalyse { .. } => Action::Reanalysed(report),
                            };
                            // The drawing in a task of its own.
                            Step::Then(Box::new(move || Step::Done(Box::new(action))))
                        }))
                    })),
                }),
            )
        };
        // A report of ordinary size is filed at once: tasks of their own would only add the
        // browser's timer delays to every file of a batch.
        if slices.len() < INLINE_JSON_BYTES && text_len < INLINE_TEXT_BYTES {
            let mut summary = *summary;
            for &slice in &slices.ranges {
                if let Err(error) = read_slice(&mut summary, slice, &slices.bytes) {
                    web_sys::console::error_1(&format!("analysis worker: {error}").into());
                }
            }
            let mut step = finish(summary);
            loop {
                match step {
                    Step::Done(action) => return self.dispatch_and_pump(*action),
                    Step::Then(next) => step = next(),
                }
            }
        }
        read_slices(self.me.clone(), self.epoch.get(), *summary, slices.ranges.into(), slices.bytes, Box::new(finish));
    }

    fn dispatch_and_pump(&self, action: Action) {
        self.dispatch.dispatch(action);
        self.pump();
    }
}

/// Files read at a time from a batch: a drop of 200 files started 200 reads in one task
/// (30-50 ms of the page's time).
const READS_AT_ONCE: usize = 8;

/// The files of a batch being read, and what their reads gave.
struct BatchRead {
    queue: AnalysisQueue,
    epoch: u64,
    mode: LoadMode,
    /// The files not yet read, with their places in the batch.
    unread: RefCell<VecDeque<(usize, web_sys::File)>>,
    results: RefCell<Vec<Option<FileRead>>>,
    finished: Cell<bool>,
}

impl BatchRead {
    /// Queues the batch once every file is read (once: the results are then taken).
    fn finish(&self) {
        if self.finished.get() || !self.results.borrow().iter().all(Option::is_some) {
            return;
        }
        self.finished.set(true);
        self.queue.analyse_reads(self.epoch, self.results.take(), self.mode);
    }
}

/// Reads the next file of `batch`, then the one after it, until none is left (or the
/// batch is superseded).
fn read_next(batch: &Rc<BatchRead>) {
    let Some((i, file)) = batch.unread.borrow_mut().pop_front() else { return };
    let then = batch.clone();
    batch.queue.reads.read(file, move |name, bytes| {
        if then.epoch != then.queue.scheduler.epoch.get() {
            return;
        }
        then.results.borrow_mut()[i] = Some(FileRead { name, bytes });
        read_next(&then);
        then.finish();
    });
}

/// What is left of filing an answer: an action, or more work for the next task.
enum Step {
    Done(Box<Action>),
    Then(Box<dyn FnOnce() -> Step>),
}

type Finish = Box<dyn FnOnce(Summary) -> Step>;

/// Reads the text a piece per task ([`TextReading::step`]), then goes on with `then`.
fn read_text(mut reading: TextReading, then: Box<dyn FnOnce(Result<String, String>) -> Step>) -> Step {
    match perf::timed("file: text", || reading.step()) {
        Ok(false) => Step::Then(Box::new(move || read_text(reading, then))),
        Ok(true) => then(Ok(reading.finish())),
        Err(error) => then(Err(error)),
    }
}

/// Reads the next slice into `summary` in a task of its own, then the rest of the filing,
/// a step per task; the last step's action is dispatched and the next job sent. Work
/// superseded meanwhile (a new epoch) is dropped.
fn read_slices(
    me: std::rc::Weak<Scheduler>,
    epoch: u64,
    mut summary: Summary,
    mut slices: VecDeque<(SliceOf, u32, u32)>,
    bytes: JsValue,
    finish: Finish,
) {
    Timeout::new(0, move || {
        let Some(scheduler) = me.upgrade() else { return };
        if scheduler.epoch.get() != epoch {
            return;
        }
        if let Some(slice) = slices.pop_front() {
            if let Err(error) = perf::timed("file: slice", || read_slice(&mut summary, slice, &bytes)) {
                web_sys::console::error_1(&format!("analysis worker: {error}").into());
            }
        }
        if slices.is_empty() {
            // The rest of the filing from the next task on (the text is not read in the
            // last slice's task).
            run_steps(me, epoch, Step::Then(Box::new(move || finish(summary))));
        } else {
            read_slices(me, epoch, summary, slices, bytes, finish);
        }
    })
    .forget();
}

fn run_steps(me: std::rc::Weak<Scheduler>, epoch: u64, step: Step) {
    match step {
        Step::Done(action) => {
            if let Some(scheduler) = me.upgrade().filter(|s| s.epoch.get() == epoch) {
                scheduler.dispatch_and_pump(*action);
            }
        }
        Step::Then(next) => {
            Timeout::new(0, move || {
                if me.upgrade().is_some_and(|s| s.epoch.get() == epoch) {
                    run_steps(me, epoch, next());
                }
            })
            .forget();
        }
    }
}

/// Where inputs go to be analysed. Cheap to clone: every clone feeds the same worker.
/// (Typed text is never analysed on a pause: only when the reader asks, see `InputPanel`.)
#[derive(Clone)]
pub struct AnalysisQueue {
    dispatch: Dispatcher,
    /// File reads in flight (gloo stops a read when its reader is dropped).
    reads: Rc<FileReads>,
    scheduler: Rc<Scheduler>,
}

impl PartialEq for AnalysisQueue {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.scheduler, &other.scheduler)
    }
}

/// The analysis queue of the page; its worker starts soon after the first paint (so the
/// first paste does not wait for its wasm to load).
#[hook]
pub fn use_analysis_queue(dispatch: Dispatcher) -> AnalysisQueue {
    let reads = use_memo((), |_| FileReads::default());
    let scheduler = use_memo((), {
        let dispatch = dispatch.clone();
        move |_| Scheduler::new(dispatch)
    });
    let scheduler: Rc<Scheduler> = (*scheduler).clone();
    use_effect_with((), {
        let worker = scheduler.worker.clone();
        move |_| {
            Timeout::new(WORKER_START_DELAY_MS, move || worker.start()).forget();
        }
    });
    AnalysisQueue { dispatch, reads, scheduler }
}

impl AnalysisQueue {
    /// Pasted text (or the paste box's, on the reader's demand), analysed at once; replacing
    /// what is shown, it supersedes the work under way.
    pub fn paste(&self, text: String, mode: LoadMode) {
        perf::mark("input");
        self.supersede_for(mode);
        if text.len() as u64 > MAX_INPUT_BYTES {
            self.dispatch.dispatch(Action::Refused(too_large(None, text.len() as u64)));
            return;
        }
        self.dispatch.dispatch(Action::Busy);
        self.scheduler.enqueue(None, text.into_bytes().into(), Reading::default(), Purpose::Load(mode));
    }

    /// Reads `files`, then analyses them in their order: the first with `mode`, the others
    /// added beside it (several files make a comparison). [`READS_AT_ONCE`] are read at a
    /// time; a batch superseded meanwhile reads no more.
    pub fn open(&self, files: Vec<web_sys::File>, mode: LoadMode) {
        perf::mark("input");
        self.supersede_for(mode);
        let total = files.len();
        self.dispatch.dispatch(Action::BatchStart(total));
        let mut results: Vec<Option<FileRead>> = (0..total).map(|_| None).collect();
        let mut unread = VecDeque::new();
        for (i, file) in files.into_iter().enumerate() {
            let size = file.size() as u64;
            if size > MAX_INPUT_BYTES {
                results[i] = Some(FileRead { name: file.name(), bytes: Err(ReadError::TooLarge(size)) });
            } else {
                unread.push_back((i, file));
            }
        }
        let batch = Rc::new(BatchRead {
            queue: self.clone(),
            epoch: self.scheduler.epoch.get(),
            mode,
            unread: RefCell::new(unread),
            results: RefCell::new(results),
            finished: Cell::new(false),
        });
        // Every file was too large: no read will call back.
        if batch.unread.borrow().is_empty() {
            return batch.finish();
        }
        for _ in 0..READS_AT_ONCE {
            read_next(&batch);
        }
    }

    /// `report` read again as `reading` says (the reviewer switched the kind, or corrected
    /// the frame): it replaces itself.
    pub fn reanalyse(&self, report: &Report, reading: Reading) {
        self.dispatch.dispatch(Action::Busy);
        self.scheduler.enqueue(report.name.clone(), report.bytes.clone(), reading, Purpose::Reanalyse { report: report.id });
    }

    /// The inputs of the session before a reload, analysed again as they were read (kind
    /// and corrections); `current` is shown again.
    pub fn restore(&self, inputs: Vec<(Option<String>, Vec<u8>, Reading)>, current: Option<usize>) {
        if inputs.is_empty() {
            return;
        }
        self.supersede_for(LoadMode::Replace);
        self.dispatch.dispatch(Action::BatchStart(inputs.len()));
        for pending in restored(inputs, current) {
            self.scheduler.enqueue(pending.name, pending.bytes.into(), pending.reading, Purpose::Load(pending.mode));
        }
    }

    /// Stops the batch under way: what was analysed stays, the rest is not analysed.
    pub fn stop(&self) {
        self.scheduler.cancel();
        self.dispatch.dispatch(Action::Stopped);
    }

    /// An input that replaces what is shown makes the work under way pointless.
    fn supersede_for(&self, mode: LoadMode) {
        if mode == LoadMode::Replace && self.scheduler.cancel() {
            self.dispatch.dispatch(Action::Stopped);
        }
    }

    /// Dispatches the refusals among finished reads and queues the rest — unless the batch
    /// they belong to was superseded meanwhile.
    fn analyse_reads(&self, epoch: u64, reads: Vec<Option<FileRead>>, mode: LoadMode) {
        if epoch != self.scheduler.epoch.get() {
            return;
        }
        let (queue, refusals) = sort_reads(reads, mode);
        for failure in refusals {
            self.dispatch.dispatch(Action::Refused(failure));
        }
        for pending in queue {
            self.scheduler.enqueue(pending.name, pending.bytes.into(), pending.reading, Purpose::Load(pending.mode));
        }
    }
}

/// The restored inputs in their order: the first replaces whatever is there, the others
/// are added, and the one that was shown is shown again.
fn restored(inputs: Vec<(Option<String>, Vec<u8>, Reading)>, current: Option<usize>) -> VecDeque<Pending> {
    let mode = |i| match i {
        0 => LoadMode::Replace,
        i if Some(i) == current => LoadMode::AddShown,
        _ => LoadMode::Add,
    };
    inputs.into_iter().enumerate().map(|(i, (name, bytes, reading))| Pending { name, bytes, mode: mode(i), reading }).collect()
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
                queue.push_back(Pending { name: Some(name), bytes, mode, reading: Reading::default() });
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
        let inputs: Vec<_> = [None, Some("1.txt"), Some("2.txt")]
            .into_iter()
            .enumerate()
            .map(|(i, name)| (name.map(String::from), vec![b'0' + i as u8], Reading::default()))
            .collect();
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
