//! Report Lens, the web app: renders a `report_core::Summary` and dispatches actions.
//!
//! `report` is one analysed report; `state` holds the app's state as a reducer, `table_sort` how its tables are sorted and
//! `routes` the address of each view (none touches the DOM); `hooks` hold the page's behaviour (the analysis queue,
//! persistence); `app` lays out the page and wires the two to `components`, which draw it;
//! `services` talk to the browser (files, downloads, storage), `text_model` prepares the
//! text view, `i18n` holds the UI's words.

mod app;
pub mod components;
pub mod display;
pub mod hooks;
pub mod i18n;
pub mod report;
pub mod routes;
pub mod services;
pub mod state;
pub mod table_sort;
pub mod text_model;

pub use app::App;

/// The analysis as a JavaScript function (`analyze_to_json(bytes, name)` on the module that
/// `boot.js` loads): the same JSON the page downloads. The in-browser benchmark calls it.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn analyze_to_json(bytes: &[u8], name: Option<String>) -> String {
    report_core::analyze(bytes, name.as_deref()).to_json()
}
