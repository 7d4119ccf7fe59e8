//! `analyze_reader_with` and `summarize_reader_with` (the CLI's way in) give exactly what
//! `analyze_input_with` gives for the same bytes, however the reader cuts them: UTF-8 chars split between reads, a file
//! that turns out not to be UTF-8 after the first chunk, byte-order marks, saved pages and
//! refused inputs.

use report_core::{analyze_input_with, analyze_reader_with, summarize_reader_with, Options};

#[path = "support/trickle.rs"]
mod trickle;
use trickle::Trickle;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

/// The JSON of both ways in, for every read size.
fn assert_same(bytes: &[u8], name: Option<&str>) {
    let whole = analyze_input_with(bytes, name, Options::default()).map(|a| (a.summary.to_json(), a.text));
    for step in [1, 3, 4096, 65_537, usize::MAX] {
        let mut reader = Trickle { bytes, step };
        let read = analyze_reader_with(&mut reader, bytes.len(), name, Options::default())
            .expect("reading from memory does not fail")
            .map(|a| (a.summary.to_json(), a.text));
        match (&whole, &read) {
            (Ok(w), Ok(r)) => assert!(w == r, "step {step}: the analyses differ"),
            (Err(w), Err(r)) => assert_eq!(w.to_string(), r.to_string(), "step {step}"),
            _ => panic!("step {step}: one way in refused the input, the other did not"),
        }
        // The summary alone (the text folded as it is read) is the same summary.
        let mut reader = Trickle { bytes, step };
        let summary = summarize_reader_with(&mut reader, bytes.len(), name, Options::default())
            .expect("reading from memory does not fail")
            .map(|s| s.to_json());
        match (&whole, &summary) {
            (Ok((w, _)), Ok(s)) => assert!(w == s, "step {step}: the summaries differ"),
            (Err(w), Err(s)) => assert_eq!(w.to_string(), s.to_string(), "step {step}"),
            _ => panic!("step {step}: the summary refused the input, the analysis did not (or the other way)"),
        }
    }
}

/// A report of more than one 64 KB chunk: the fixture repeated.
fn long_report() -> Vec<u8> {
    let one = fixture("township_full.txt");
    one.repeat(1 + 200_000 / one.len())
}

#[test]
fn utf8_text_split_anywhere_reads_the_same() {
    let long = long_report();
    assert!(long.len() > 3 * 64 * 1024);
    assert_same(&long, Some("report.txt"));
    assert_same(&fixture("traditional_topical.txt"), None);
}

#[test]
fn text_that_is_not_utf8_after_the_first_chunk_is_read_whole() {
    let mut bytes = long_report();
    // A GBK-like byte pair far past the first chunk.
    let at = bytes.len() - 100;
    bytes.splice(at..at, [0xB7, 0xA2]);
    assert_same(&bytes, Some("report.txt"));
    // And a text cut inside its last char.
    let mut cut = long_report();
    cut.extend_from_slice(&"报".as_bytes()[..2]);
    assert_same(&cut, Some("report.txt"));
}

#[test]
fn boms_pages_and_refusals_read_the_same() {
    let text = String::from_utf8(fixture("variants.txt")).unwrap();
    assert_same(&[b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(), Some("bom.txt"));
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    assert_same(&utf16, Some("utf16.txt"));
    let page = format!("<p>{}</p>", text.replace('\n', "</p><p>"));
    assert_same(page.as_bytes(), Some("page.html"));
    assert_same(b"", Some("empty.txt"));
    assert_same(b"%PDF-1.7 not a report", Some("report.pdf"));
    assert_same(b"\x89PNG\r\n\x1a\n\0\0\0", None);
}
