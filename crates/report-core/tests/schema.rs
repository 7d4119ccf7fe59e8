//! The JSON contract: docs/summary.schema.json is generated from the types (schemars, with
//! their doc comments as descriptions) and must be committed as generated; real output
//! validates against it, and every field the summary writes is in it (the schema forbids
//! unknown keys). Regenerate with `UPDATE_SCHEMA=1 cargo test -p report-core --test schema`.
//! The corpus tests skip loudly without ../shared/corpus and fail in CI (`support/ci.rs`).

#[path = "support/ci.rs"]
mod ci;
#[path = "support/gold.rs"]
#[allow(dead_code)]
mod gold;

use std::path::{Path, PathBuf};

fn schema_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/summary.schema.json")
}

/// The schema of [`report_core::Summary`] as the types define it. Every object refuses keys
/// it does not define (`unevaluatedProperties`, so that flattened and tagged parts count).
fn generated_schema() -> serde_json::Value {
    // `merged`: the schema is a branch of a flattened enum (a `oneOf` beside the parent's
    // own `properties`); the parent closes the object, so the branch must not.
    fn close_objects(v: &mut serde_json::Value, merged: bool) {
        match v {
            serde_json::Value::Object(map) => {
                let flattened = map.contains_key("properties") && map.contains_key("oneOf");
                if !merged && map.contains_key("properties") && !map.contains_key("additionalProperties") {
                    map.insert("unevaluatedProperties".into(), serde_json::Value::Bool(false));
                }
                for (key, child) in map.iter_mut() {
                    match (key.as_str(), child) {
                        ("oneOf", serde_json::Value::Array(branches)) => branches.iter_mut().for_each(|b| close_objects(b, flattened)),
                        (_, child) => close_objects(child, false),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|i| close_objects(i, false)),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(schemars::schema_for!(report_core::Summary)).unwrap();
    close_objects(&mut value, false);
    let map = value.as_object_mut().unwrap();
    map.insert("$id".into(), "https://report-lens.invalid/summary.schema.json".into());
    map.insert(
        "description".into(),
        format!(
            "The JSON summary of Report Lens, schema_version {}. Generated from the Rust types; see docs/summary.md.",
            report_core::SCHEMA_VERSION
        )
        .into(),
    );
    value
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let generated = serde_json::to_string_pretty(&generated_schema()).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(schema_path(), &generated).unwrap();
    }
    let committed = std::fs::read_to_string(schema_path()).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/summary.schema.json differs from the schema the types generate: run `UPDATE_SCHEMA=1 cargo test -p report-core --test schema` and review the diff"
    );
}

fn schema() -> (boon::Schemas, boon::SchemaIndex) {
    let json = generated_schema();
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
