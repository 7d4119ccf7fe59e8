//! The root's behaviour as hooks, so that `app.rs` is layout and wiring: the analysis
//! queue, persistence across reloads, the address and Back/Forward, dropping files, the
//! document's language, a report drawn in stages, long tables drawn where the reader looks,
//! and the one way callbacks become actions.

pub mod action_callback;
pub mod analysis_queue;
pub mod drawing_stages;
pub mod drop_zone;
pub mod history;
pub mod page;
pub mod persistence;
pub mod row_window;

pub use action_callback::use_action_callback;
pub use analysis_queue::{use_analysis_queue, AnalysisQueue, MAX_INPUT_BYTES};
pub use drawing_stages::{use_drawing_stages, use_drawn_after_paint, use_drawn_in_parts, Drawn};
pub use drop_zone::{use_drop_zone, DropZone};
pub use history::{use_history, use_step_keys};
pub use page::{use_document_lang, use_render_mark};
pub use persistence::use_persistence;
pub use row_window::{spacer, use_row_window, RowWindow, Windowing};
