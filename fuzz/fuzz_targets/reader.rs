//! Any bytes through `analyze_reader_with` (the CLI's way in), read in pieces of a size the
//! input's first byte picks: the result must be exactly that of `analyze_input_with` on the
//! same bytes — same summary JSON, same text, or the same refusal — and hold together.
#![no_main]

#[path = "../../crates/report-core/tests/support/check.rs"]
#[allow(dead_code)]
mod check;

use libfuzzer_sys::fuzz_target;
use report_core::{analyze_input_with, analyze_reader_with, Options};

#[path = "../../crates/report-core/tests/support/trickle.rs"]
mod trickle;
use trickle::Trickle;

fuzz_target!(|input: &[u8]| {
    let Some((&first, bytes)) = input.split_first() else { return };
    let step = 1 + usize::from(first % 16);
    let name = if first & 0x80 != 0 { Some("page.html") } else { Some("report.txt") };
    let whole = analyze_input_with(bytes, name, Options::default());
    let read = analyze_reader_with(&mut Trickle { bytes, step }, bytes.len(), name, Options::default()).expect("reading from memory");
    match (whole, read) {
        (Ok(w), Ok(r)) => {
            assert_eq!(w.text, r.text);
            assert_eq!(w.summary.to_json(), r.summary.to_json());
            check::check(&r.summary);
        }
        (Err(w), Err(r)) => assert_eq!(w.to_string(), r.to_string()),
        (w, r) => panic!("one way in refused the input: whole {:?}, read {:?}", w.is_ok(), r.is_ok()),
    }
});
