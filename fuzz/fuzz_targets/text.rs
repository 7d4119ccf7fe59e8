//! Bytes given as a text file (`analyze_input(bytes, Some("report.txt"))`: the sniffer, then
//! decode → analyze with the source's encoding and undecodable bytes, or a refusal for what
//! is not text). What the `analyze` target did before there was one target per path.
#![no_main]

#[path = "../../crates/report-core/tests/support/check.rs"]
#[allow(dead_code)]
mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(analysis) = report_core::analyze_input(bytes, Some("report.txt")) else { return };
    check::check_analysis(&analysis);
});
