//! The corpus gate: `analyze_input` on the real reports in ../shared/corpus/seeds (read at
//! test time, never copied into the project) against their hand-made gold files. Prints the
//! figures (`cargo test -p report-core --test corpus -- --nocapture`).
//!
//! Without a corpus the tests are skipped locally (loudly) and fail in CI (`support/ci.rs`).
//! With one, every report must be there: a gold file that does not parse, a gold without its
//! text or a text without its gold fails the load, and the count must be exactly the
//! corpus's (5 seeds, 20 dev openings).

#[path = "support/ci.rs"]
mod ci;
#[path = "support/gold.rs"]
mod gold;

#[test]
fn seeds_match_their_gold() {
    let Some(dir) = ci::require_corpus(&gold::default_corpus()) else { return };
    let pairs = gold::load_exactly(&dir, gold::SEEDS);
    let sc = gold::score(&pairs);
    println!("{}", sc.report());
    assert_eq!(sc.reports, gold::SEEDS);
    assert_eq!(sc.parts_right, sc.parts_total, "every part status must match the gold");
    assert_eq!(sc.level1_right, sc.reports, "every first-level outline must match the gold");
    assert_eq!(sc.order_total, sc.reports, "every seed's gold gives the order verdict");
    assert_eq!(sc.order_right, sc.reports, "every order verdict must match the gold");
    assert_eq!(sc.meta_right, sc.meta_total, "every metadata field must match the gold");
    assert!(sc.precision() >= 0.97, "metric precision {:.3} < 0.97", sc.precision());
    assert!(sc.recall() >= 0.97, "metric recall {:.3} < 0.97", sc.recall());
    assert!(sc.approx_accuracy() >= 0.95, "approx accuracy {:.3} < 0.95", sc.approx_accuracy());
    assert_eq!(sc.metrics_where_none, 0, "a report without figures (seed 000) must yield none");
    // What each figure counts: given for every figure, and the annotator's `what` or a part
    // of it (or it a part of the label) for 95 % of them.
    assert_eq!(sc.labels_given, sc.matched, "every figure has a label");
    assert!(sc.labels_nested * 100 >= sc.matched * 95, "labels agreeing with the gold: {}/{}", sc.labels_nested, sc.matched);
}

/// The dev openings are development material, not a scoring gate (the analysis is judged on
/// other reports): every gold file must parse in the openings' format and pair with its text,
/// and all twenty must be there. `cargo run -p report-core --example eval -- ../shared/corpus/dev`
/// scores them.
#[test]
fn dev_openings_are_complete() {
    let Some(dir) = ci::require_corpus(&gold::dev_corpus()) else { return };
    let pairs = gold::load_exactly(&dir, gold::DEV);
    for (path, g) in &pairs {
        let name = path.file_name().unwrap().to_string_lossy();
        assert_eq!(gold::check_gold(g, &name), Ok(gold::GoldKind::Opening), "{name}");
    }
}
