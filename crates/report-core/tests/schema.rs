//! The JSON contract: real output validates against docs/summary.schema.json, and every
//! field the summary writes is documented there (the schema forbids unknown keys). The
//! corpus tests skip loudly without ../shared/corpus and fail in CI (`support/ci.rs`).

#[path = "support/ci.rs"]
mod ci;
#[path = "support/gold.rs"]
#[allow(dead_code)]
mod gold;

use std::path::Path;

fn schema() -> (boon::Schemas, boon::SchemaIndex) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/summary.schema.json");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("https://report-lens.invalid/summary.schema.json", json).unwrap();
    let index = compiler.compile("https://report-lens.invalid/summary.schema.json", &mut schemas).unwrap();
    (schemas, index)
}

fn assert_valid(schemas: &boon::Schemas, index: boon::SchemaIndex, label: &str, bytes: &[u8]) {
    let summary = report_core::analyze(bytes, Some(label));
    let value: serde_json::Value = serde_json::from_str(&summary.to_json()).unwrap();
    if let Err(e) = schemas.validate(&value, index) {
        panic!("{label}: {e:#}");
    }
}

#[test]
fn fixtures_and_edge_inputs_validate() {
    let (schemas, index) = schema();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        assert_valid(&schemas, index, &path.display().to_string(), &std::fs::read(&path).unwrap());
        n += 1;
    }
    assert!(n >= 5);
    for (label, bytes) in
        [("empty", &b""[..]), ("binary", &[0u8, 159, 146, 150, 255, 0, 1][..]), ("png", &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..])]
    {
        assert_valid(&schemas, index, label, bytes);
    }
}

#[test]
fn seeds_validate() {
    let Some(dir) = ci::require_corpus(&gold::default_corpus()) else { return };
    let pairs = gold::load_exactly(&dir, gold::SEEDS);
    let (schemas, index) = schema();
    for (path, _) in pairs {
        assert_valid(&schemas, index, &path.display().to_string(), &std::fs::read(&path).unwrap());
    }
}

#[test]
fn dev_openings_validate() {
    let Some(dir) = ci::require_corpus(&gold::dev_corpus()) else { return };
    let pairs = gold::load_exactly(&dir, gold::DEV);
    let (schemas, index) = schema();
    for (path, _) in pairs {
        assert_valid(&schemas, index, &path.display().to_string(), &std::fs::read(&path).unwrap());
    }
}

#[test]
fn the_schema_rejects_what_it_should() {
    let (schemas, index) = schema();
    let summary = report_core::analyze_text("一、主要举措和成效\n发放资料3000余份。", None);
    let mut value: serde_json::Value = serde_json::from_str(&summary.to_json()).unwrap();
    value["stats"]["undocumented"] = serde_json::json!(1);
    assert!(schemas.validate(&value, index).is_err(), "unknown keys must be rejected");
    let mut value: serde_json::Value = serde_json::from_str(&summary.to_json()).unwrap();
    value["metrics"][0]["approx"] = serde_json::json!("roughly");
    assert!(schemas.validate(&value, index).is_err());
}
