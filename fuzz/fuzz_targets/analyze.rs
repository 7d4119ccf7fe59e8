//! Text through the analysis (`analyze_text`, what a paste takes): markers, numerals, units,
//! line breaks in any mix. Any panic, runaway allocation or timeout is a bug; so is a
//! summary that does not hold together (tests/support/check.rs: spans inside the text, the
//! outline well nested, the JSON round-trips).
#![no_main]

#[path = "../../crates/report-core/tests/support/check.rs"]
#[allow(dead_code)]
mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let s = report_core::analyze_text(&text, None);
    assert_eq!(s.source.bytes, text.len());
    check::check(&s);
});
