//! The app's contact with the browser: reading files, downloads and the clipboard, local
//! storage, performance marks. Nothing here knows the app's state.

pub mod download;
pub mod file;
pub mod perf;
pub mod storage;
pub mod tables;
