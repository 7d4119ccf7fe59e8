//! The page's handle on the analysis worker (`report-worker`, see `crate::analysis`): starts
//! it, posts requests (holding them until the worker has loaded its wasm), hands every
//! answer to one callback, and restarts it — the only way to stop an analysis under way.
//! It knows nothing of the app's state: which request is still wanted is the caller's.

use crate::analysis::protocol::{self, FromWorker, Request};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// The worker's loader, next to the page (Trunk's `data-loader-shim`).
const WORKER_URL: &str = "report-worker_loader.js";

/// What the worker tells the page.
#[derive(Debug, PartialEq)]
pub enum WorkerEvent {
    /// The answer to request `id` (an unreadable answer is an `Err`).
    Answer { id: u32, answer: Result<protocol::Answer, String> },
    /// The worker failed (it could not load, or an analysis trapped): whatever was asked
    /// of it is lost. It is restarted for the next request.
    Failed(String),
}

type OnEvent = Rc<dyn Fn(WorkerEvent)>;

/// One running worker and the requests posted before it was ready.
struct Running {
    /// Counts the workers started, so that a late error of a replaced one is ignored.
    generation: u32,
    worker: Worker,
    ready: Rc<Cell<bool>>,
    held: Rc<RefCell<Vec<(JsValue, js_sys::Array)>>>,
    // Kept alive as long as the worker.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// The worker's answer in the page: request message → answer message.
type InPage = fn(&JsValue) -> Option<JsValue>;

thread_local! {
    /// Set by tests of the whole page (`answer_in_page`): requests answered in the page.
    static IN_PAGE: Cell<Option<InPage>> = const { Cell::new(None) };
}

/// Answers every request in the page with `answer` (the worker's own answer,
/// `crate::analysis::worker::answer_in_page`) instead of a worker: for browser tests of the
/// whole page, whose test runner serves no worker file. Answers still arrive in a later
/// task, as a worker's would.
pub fn answer_in_page(answer: fn(&JsValue) -> Option<JsValue>) {
    IN_PAGE.with(|f| f.set(Some(answer)));
}

/// The analysis worker of the page. Cheap to clone: every clone drives the same worker.
#[derive(Clone)]
pub struct AnalysisWorker {
    running: Rc<RefCell<Option<Running>>>,
    started: Rc<Cell<u32>>,
    on_event: OnEvent,
}

impl AnalysisWorker {
    /// A handle that calls `on_event` with whatever the worker says; the worker itself
    /// starts with [`AnalysisWorker::start`] or the first request.
    pub fn new(on_event: impl Fn(WorkerEvent) + 'static) -> AnalysisWorker {
        AnalysisWorker { running: Rc::default(), started: Rc::default(), on_event: Rc::new(on_event) }
    }

    /// Starts the worker if it is not running (its wasm loads in the background).
    pub fn start(&self) {
        if self.running.borrow().is_some() || IN_PAGE.with(Cell::get).is_some() {
            return;
        }
        self.started.set(self.started.get() + 1);
        match spawn(self.started.get(), self.on_event.clone(), Rc::downgrade(&self.running)) {
            Ok(running) => *self.running.borrow_mut() = Some(running),
            Err(error) => (self.on_event)(WorkerEvent::Failed(error)),
        }
    }

    /// Posts a request with the input's bytes (copied once, into a buffer that is then
    /// transferred to the worker).
    pub fn post(&self, request: &Request, bytes: &[u8]) {
        if let Some(answer) = IN_PAGE.with(Cell::get) {
            let (message, _) = protocol::encode_request(request, bytes);
            let on_event = self.on_event.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let event = match answer(&message).map(|m| protocol::decode_from_worker(&m)) {
                    Some(Ok(FromWorker::Answer { id, answer })) => WorkerEvent::Answer { id, answer },
                    Some(Ok(FromWorker::Ready)) | None => WorkerEvent::Failed("no answer".into()),
                    Some(Err(error)) => WorkerEvent::Failed(error),
                };
                on_event(event);
            });
            return;
        }
        self.start();
        let posted = {
            let running = self.running.borrow();
            let Some(running) = running.as_ref() else { return };
            let (message, transfer) = protocol::encode_request(request, bytes);
            if running.ready.get() {
                running.worker.post_message_with_transfer(&message, &transfer)
            } else {
                running.held.borrow_mut().push((message, transfer));
                Ok(())
            }
        };
        if let Err(error) = posted {
            (self.on_event)(WorkerEvent::Failed(format!("{error:?}")));
        }
    }

    /// Stops whatever the worker is doing (it is terminated) and starts a fresh one.
    pub fn restart(&self) {
        self.running.borrow_mut().take();
        self.start();
    }
}

fn spawn(generation: u32, on_event: OnEvent, running: std::rc::Weak<RefCell<Option<Running>>>) -> Result<Running, String> {
    let worker = Worker::new(WORKER_URL).map_err(|e| format!("{e:?}"))?;
    let ready = Rc::new(Cell::new(false));
    let held: Rc<RefCell<Vec<(JsValue, js_sys::Array)>>> = Rc::default();
    let on_message = {
        let (ready, held, worker, on_event) = (ready.clone(), held.clone(), worker.clone(), on_event.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| match protocol::decode_from_worker(&event.data()) {
            Ok(FromWorker::Ready) => {
                ready.set(true);
                for (message, transfer) in held.take() {
                    if let Err(error) = worker.post_message_with_transfer(&message, &transfer) {
                        on_event(WorkerEvent::Failed(format!("{error:?}")));
                    }
                }
            }
            Ok(FromWorker::Answer { id, answer }) => on_event(WorkerEvent::Answer { id, answer }),
            Err(error) => on_event(WorkerEvent::Failed(error)),
        })
    };
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
        event.prevent_default();
        // A trapped worker cannot go on: drop it (the next request starts a new one) —
        // from a later task, as this handler belongs to the worker being dropped.
        let running = running.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(running) = running.upgrade() {
                let mut running = running.borrow_mut();
                if running.as_ref().is_some_and(|r| r.generation == generation) {
                    running.take();
                }
            }
        });
        on_event(WorkerEvent::Failed(event.message()));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Running { generation, worker, ready, held, _on_message: on_message, _on_error: on_error })
}
