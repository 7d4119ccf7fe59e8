//! Bytes given as a Word file (`analyze_input(bytes, Some("report.docx"))`): bytes starting
//! with `PK` take the zip → docx path (central directory, stored and deflated entries,
//! document.xml, numbering). No panic, bounded inflation; a zip accepted is read as a Word
//! file, and what is read holds together.
#![no_main]

#[path = "../../crates/report-core/tests/support/check.rs"]
#[allow(dead_code)]
mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(analysis) = report_core::analyze_input(bytes, Some("report.docx")) else { return };
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        assert_eq!(analysis.summary.source.format, report_core::summary::Format::Docx, "a zip accepted is a Word file");
    }
    check::check_analysis(&analysis);
});
