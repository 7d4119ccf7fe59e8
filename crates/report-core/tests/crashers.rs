//! Inputs the fuzzer once broke something with (minimised, in tests/crashers/): each must
//! now go through `analyze_input` and give a summary that holds together.

#[path = "support/check.rs"]
mod support;

#[test]
fn every_crasher_is_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/crashers");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        if let Ok(analysis) = report_core::analyze_input(&bytes, Some("crasher.bin")) {
            support::check(&analysis.summary);
        }
        n += 1;
    }
    assert!(n >= 1);
}
