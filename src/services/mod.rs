//! The app's contact with the browser: the analysis worker, reading files, downloads and the clipboard, local
//! storage, performance marks. Nothing here knows the app's state.

pub mod analysis_worker;
pub mod download;
pub mod file;
pub mod perf;
pub mod storage;
