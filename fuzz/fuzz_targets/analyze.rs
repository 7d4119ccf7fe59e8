//! Raw bytes through the whole pipeline: input kind → decode → analyze → JSON. Any panic,
//! runaway allocation or timeout is a bug; so is output that does not hold together.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(analysis) = report_core::analyze_input(bytes, Some("fuzz.txt")) else { return };
    let s = &analysis.summary;
    let chars = s.source.chars;
    assert_eq!(chars, analysis.text.chars().count());
    for m in &s.metrics {
        assert!(m.span[0] <= m.span[1] && m.span[1] <= chars);
    }
    for p in &s.sections {
        if let Some([a, b]) = p.span {
            assert!(a <= b && b <= chars);
        }
    }
    let json = s.to_json();
    let back: report_core::Summary = serde_json::from_str(&json).expect("the JSON parses back");
    assert_eq!(&back, s);
});
