//! Scores `analyze` on a corpus directory of `*.txt` + `*.gold.json` pairs and prints the
//! figures and every disagreement:
//!
//!     cargo run -p report-core --example eval [-- DIR]     # default: ../shared/corpus/seeds
//!     EVAL_LABELS=1 cargo run -p report-core --example eval  # and every label beside the gold

#[path = "../tests/support/gold.rs"]
mod gold;

fn main() {
    let dir = std::env::args().nth(1).map(std::path::PathBuf::from).unwrap_or_else(gold::default_corpus);
    let pairs = gold::load(&dir);
    if pairs.is_empty() {
        eprintln!("no *.txt + *.gold.json pairs in {}", dir.display());
        std::process::exit(1);
    }
    let score = gold::score(&pairs);
    if std::env::var_os("EVAL_LABELS").is_some() {
        println!("{}\n", score.label_lines.join("\n"));
    }
    println!("{}", score.report());
}
