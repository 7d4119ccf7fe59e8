//! Raw bytes through `decode` (encoding detection and the hand-written GB18030/Big5/UTF-16
//! decoders): no panic, a BOM decides, valid UTF-8 is kept, and the text equals what
//! `encoding_rs` (the WHATWG reference) reads in the chosen encoding, errors counted when it
//! finds some (tests/support/check.rs `check_decode`).
#![no_main]

#[path = "../../crates/report-core/tests/support/check.rs"]
#[allow(dead_code)]
mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    check::check_decode(bytes);
});
