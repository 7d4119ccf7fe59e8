//! Bytes given as a saved web page (`analyze_input(bytes, Some("page.html"))`: text that is
//! not a zip or an image takes the HTML path whatever it looks like): declared charsets,
//! tags, entities, scripts, tables. No panic; what is read holds together and is reported as
//! a page (or a Word file, when the bytes are one).
#![no_main]

#[path = "../../crates/report-core/tests/support/check.rs"]
#[allow(dead_code)]
mod check;

use libfuzzer_sys::fuzz_target;
use report_core::summary::Format;

fuzz_target!(|bytes: &[u8]| {
    let Ok(analysis) = report_core::analyze_input(bytes, Some("page.html")) else { return };
    let format = analysis.summary.source.format;
    assert!(matches!(format, Format::Html | Format::Docx), "a .html name read as {format:?}");
    check::check_analysis(&analysis);
});
