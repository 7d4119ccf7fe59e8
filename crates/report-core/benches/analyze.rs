//! Throughput of `analyze` on ≥ 1 MB of real report text: the seed corpus concatenated
//! (or our fixtures when the corpus is absent), as UTF-8 and as GBK bytes.
//!
//!     cargo bench -p report-core --bench analyze
//!
//! Criterion prints MiB/s for each input. Not part of the test command.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;

/// ≥ 1 MB of report text.
fn corpus_text() -> String {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut texts: Vec<String> = Vec::new();
    for dir in [seeds, fixtures] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            let mut paths: Vec<_> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
            paths.sort();
            texts.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
        }
        if !texts.is_empty() {
            break;
        }
    }
    let mut out = String::new();
    while out.len() < 1_048_576 {
        for t in &texts {
            out.push_str(t);
            out.push('\n');
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let text = corpus_text();
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let mut group = c.benchmark_group("analyze");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function(format!("utf8_{}KB", text.len() / 1024), |b| b.iter(|| report_core::analyze(black_box(text.as_bytes()), None)));
    group.throughput(Throughput::Bytes(gbk.len() as u64));
    group.bench_function(format!("gbk_{}KB", gbk.len() / 1024), |b| b.iter(|| report_core::analyze(black_box(&gbk), None)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
