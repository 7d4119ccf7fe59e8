//! Writes `data/legacy-encodings.bin`, the GB18030/Big5 tables, from `encoding_rs`:
//!
//!     cargo run -p report-core --example gen_legacy_tables
//!
//! `tests/legacy.rs` fails when the committed file differs from what this writes.

#[path = "../tests/support/legacy.rs"]
mod legacy;

fn main() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/legacy-encodings.bin");
    let bytes = legacy::build().to_bytes();
    std::fs::write(&path, &bytes).expect("write the table file");
    println!("wrote {} ({} bytes)", path.display(), bytes.len());
}
