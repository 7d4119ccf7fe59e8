//! The gates cannot pass on less: each way a corpus can be incomplete is refused, proven on
//! tiny fake corpora written here into a temporary directory (no corpus text is copied), and
//! the one CI rule (`support/ci.rs`) says the same for every spelling.

#[path = "support/ci.rs"]
#[allow(dead_code)]
mod ci;
#[path = "support/gold.rs"]
#[allow(dead_code)]
mod gold;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const TEXT: &str = "某镇2024年法治政府建设情况报告\n一、主要举措和成效\n开展培训3次。\n";

/// An empty directory of its own under Cargo's per-target temporary directory.
fn fresh_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("gates").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn report_gold(file: &str) -> Value {
    json!({
        "file": file,
        "meta": {"issuer": "某镇", "level": "township", "report_year": 2024, "publish_date": "2025-01-20", "doc_number": null, "script": "simplified"},
        "required": {"measures": true, "shortcomings": false, "first_responsible": false, "next_year_plan": false, "other": false},
        "order_ok": true,
        "level1": ["一"],
        "metrics": [{"value": 3, "unit": "次", "approx": "exact", "what": "培训", "text": "开展培训3次"}],
        "neutral": [],
        "note": "fake"
    })
}

fn opening_gold(file: &str) -> Value {
    json!({
        "file": file,
        "meta": {"issuer": null, "level": "county", "report_year": 2023, "publish_date": null, "doc_number": null, "script": "traditional", "title": null},
        "truncated": true,
        "visible_required": {"measures": true},
        "level1": [],
        "metrics": [],
        "neutral": [{"value": 2, "unit": "人", "text": "2人以上"}],
        "note": "fake"
    })
}

/// Writes `NAME.txt` and `NAME.gold.json` (the gold as given).
fn write_pair(dir: &Path, name: &str, gold: &Value) {
    std::fs::write(dir.join(format!("{name}.txt")), TEXT).unwrap();
    std::fs::write(dir.join(format!("{name}.gold.json")), serde_json::to_string_pretty(gold).unwrap()).unwrap();
}

/// A corpus of `n` valid whole-report pairs.
fn fake_seeds(name: &str, n: usize) -> PathBuf {
    let dir = fresh_dir(name);
    for k in 0..n {
        let stem = format!("{k:03}_fake");
        write_pair(&dir, &stem, &report_gold(&format!("{stem}.txt")));
    }
    dir
}

fn load_error(dir: &Path) -> String {
    gold::try_load(dir).err().unwrap_or_else(|| panic!("{} was accepted", dir.display()))
}

/// The message of the panic `f` must raise.
fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let payload = std::panic::catch_unwind(f).expect_err("it should have panicked");
    payload.downcast_ref::<String>().cloned().or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
}

#[test]
fn a_complete_corpus_of_either_format_loads_sorted() {
    let dir = fake_seeds("complete", 3);
    write_pair(&dir, "100_opening", &opening_gold("100_opening.txt"));
    std::fs::write(dir.join("SOURCES.tsv"), "file\taddress\n").unwrap();
    let pairs = gold::try_load(&dir).unwrap();
    let names: Vec<String> = pairs.iter().map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["000_fake.txt", "001_fake.txt", "002_fake.txt", "100_opening.txt"]);
    assert_eq!(gold::check_gold(&pairs[0].1, "000_fake.txt"), Ok(gold::GoldKind::Report));
    assert_eq!(gold::check_gold(&pairs[3].1, "100_opening.txt"), Ok(gold::GoldKind::Opening));
    // And the scorer reads both formats (the opening's visible part, no order verdict).
    let sc = gold::score(&pairs);
    assert_eq!((sc.reports, sc.order_total, sc.parts_total), (4, 3, 20));
}

#[test]
fn a_missing_directory_is_refused() {
    let dir = fresh_dir("missing").join("not-there");
    assert!(load_error(&dir).contains("cannot read the corpus directory"));
}

#[test]
fn a_gold_that_is_not_json_is_refused() {
    let dir = fake_seeds("not-json", 2);
    std::fs::write(dir.join("001_fake.gold.json"), "{\"file\": \"001_fake.txt\", ").unwrap();
    let e = load_error(&dir);
    assert!(e.contains("001_fake.gold.json is not JSON"), "{e}");
    assert!(e.contains("1 problem"), "{e}");
}

#[test]
fn a_gold_that_cannot_be_read_is_refused() {
    // A directory where the gold file should be: reading it fails (portable, even as root).
    let dir = fake_seeds("unreadable", 1);
    std::fs::write(dir.join("001_fake.txt"), TEXT).unwrap();
    std::fs::create_dir(dir.join("001_fake.gold.json")).unwrap();
    let e = load_error(&dir);
    assert!(e.contains("001_fake.gold.json cannot be read"), "{e}");
}

#[test]
fn a_gold_without_its_text_is_refused() {
    let dir = fake_seeds("gold-without-text", 3);
    std::fs::remove_file(dir.join("002_fake.txt")).unwrap();
    let e = load_error(&dir);
    assert!(e.contains("002_fake.gold.json: its text 002_fake.txt is missing"), "{e}");
}

#[test]
fn a_text_without_its_gold_is_refused() {
    let dir = fake_seeds("text-without-gold", 2);
    std::fs::write(dir.join("009_extra.txt"), TEXT).unwrap();
    let e = load_error(&dir);
    assert!(e.contains("009_extra.txt: no gold file 009_extra.gold.json"), "{e}");
}

/// A change that breaks a gold value.
type Edit = fn(&mut Value);

#[test]
fn gold_that_parses_but_is_incomplete_or_mistyped_is_refused() {
    let broken: Vec<(&str, Edit)> = vec![
        ("no required", |g| {
            g.as_object_mut().unwrap().remove("required");
        }),
        ("four parts", |g| {
            g["required"].as_object_mut().unwrap().remove("other");
        }),
        ("a typo'd part", |g| {
            g["required"].as_object_mut().unwrap().remove("other");
            g["required"]["others"] = json!(false);
        }),
        ("order_ok as a string", |g| g["order_ok"] = json!("true")),
        ("unknown level", |g| g["meta"]["level"] = json!("village")),
        ("year as a string", |g| g["meta"]["report_year"] = json!("2024")),
        ("no doc_number", |g| {
            g["meta"].as_object_mut().unwrap().remove("doc_number");
        }),
        ("a bad date", |g| g["meta"]["publish_date"] = json!("2025/01/20")),
        ("an unknown approx", |g| g["metrics"][0]["approx"] = json!("roughly")),
        ("a metric without value", |g| {
            g["metrics"][0].as_object_mut().unwrap().remove("value");
        }),
        ("level1 of numbers", |g| g["level1"] = json!([1])),
        ("file names another text", |g| g["file"] = json!("other.txt")),
        ("an opening that is not truncated", |g| g["truncated"] = json!(false)),
    ];
    for (what, edit) in broken {
        let dir = fake_seeds("mistyped", 1);
        let mut g = report_gold("000_fake.txt");
        edit(&mut g);
        write_pair(&dir, "000_fake", &g);
        let e = load_error(&dir);
        assert!(e.contains("000_fake.gold.json is not valid gold"), "{what}: {e}");
    }
    let broken_openings: Vec<(&str, Edit)> = vec![
        ("a false visible part", |g| g["visible_required"]["other"] = json!(false)),
        ("an unknown visible part", |g| g["visible_required"]["intro"] = json!(true)),
        ("no title", |g| {
            g["meta"].as_object_mut().unwrap().remove("title");
        }),
        ("an order verdict", |g| g["order_ok"] = json!(true)),
    ];
    for (what, edit) in broken_openings {
        let mut g = opening_gold("x.txt");
        edit(&mut g);
        assert!(gold::check_gold(&g, "x.txt").is_err(), "{what}");
    }
}

#[test]
fn every_problem_is_listed_at_once() {
    let dir = fake_seeds("several", 3);
    std::fs::remove_file(dir.join("000_fake.txt")).unwrap();
    std::fs::write(dir.join("001_fake.gold.json"), "[]").unwrap();
    std::fs::write(dir.join("007_orphan.txt"), TEXT).unwrap();
    let e = load_error(&dir);
    assert!(e.contains("3 problem(s)"), "{e}");
    let m = panic_message(move || {
        gold::load(&dir);
    });
    assert!(m.contains("3 problem(s)") && m.contains("007_orphan.txt"), "{m}");
}

#[test]
fn the_gates_count_the_reports() {
    // Three complete, valid reports where the gate was written for five: refused.
    let dir = fake_seeds("three-of-five", 3);
    assert_eq!(gold::load_exactly(&dir, 3).len(), 3);
    let m = panic_message(move || {
        gold::load_exactly(&dir, gold::SEEDS);
    });
    assert!(m.contains("3 report(s), the gate expects exactly 5"), "{m}");
    // An empty directory is no corpus either.
    let empty = fresh_dir("empty");
    let m = panic_message(move || {
        gold::load_exactly(&empty, gold::SEEDS);
    });
    assert!(m.contains("0 report(s)"), "{m}");
}

#[test]
fn one_ci_rule() {
    for on in ["true", "TRUE", "True", "1", " true\n"] {
        assert!(ci::is_ci_value(Some(on)), "{on:?}");
    }
    for off in ["false", "0", "", "yes", "2"] {
        assert!(!ci::is_ci_value(Some(off)), "{off:?}");
    }
    assert!(!ci::is_ci_value(None));
}

#[test]
fn without_a_corpus_ci_fails_and_a_local_run_skips() {
    let missing = fresh_dir("no-corpus").join("seeds");
    assert_eq!(ci::require_corpus_in(&missing, false), None);
    let m = panic_message(|| {
        ci::require_corpus_in(&missing, true);
    });
    assert!(m.contains("cannot be skipped in CI"), "{m}");
    // A file is not a corpus directory.
    let file = fresh_dir("file-not-dir").join("seeds");
    std::fs::write(&file, "").unwrap();
    assert!(std::panic::catch_unwind(|| ci::require_corpus_in(&file, true)).is_err());
    let present = fake_seeds("present", 1);
    assert_eq!(ci::require_corpus_in(&present, true), Some(present.clone()));
}
