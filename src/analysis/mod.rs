//! The analysis off the page's main thread. The page (`hooks::analysis_queue`, through
//! `services::analysis_worker`) posts each input to a dedicated Web Worker, the binary
//! `report-worker` (`src/bin/report-worker.rs`), which runs report-core and posts back the
//! summary, the text, and the text view's lines and marks; `protocol` is what they say to
//! each other, `worker` the worker's side. The page's own wasm never decodes or analyses,
//! so report-core's analysis is not part of its first load: only the worker's wasm, loaded
//! after the first paint, holds it.

pub mod protocol;
pub mod worker;
