//! Report Lens, the web app: renders a `report_core::Summary` and dispatches actions.
//!
//! `analysis` runs report-core in a Web Worker (the binary `report-worker`) and says what
//! the page and the worker tell each other; `report` is one analysed report; `state` holds the app's state as a reducer, `table_sort` how its tables are sorted and
//! `routes` the address of each view (none touches the DOM); `hooks` hold the page's behaviour (the analysis queue,
//! persistence); `app` lays out the page and wires the two to `components`, which draw it;
//! `services` talk to the browser (files, downloads, storage), `text_model` prepares the
//! text view, `i18n` holds the UI's words.

pub mod analysis;
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
