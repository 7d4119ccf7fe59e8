//! Report Lens, the web app: renders a `report_core::Summary` and dispatches actions.
//!
//! `state` holds the app's state as a reducer (no DOM), `app` wires it to the page,
//! `components` draw it, `services` talk to the browser (files, downloads, storage).

mod app;
pub mod state;

pub use app::App;
