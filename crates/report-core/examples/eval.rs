//! Scores `analyze` on a corpus directory of `*.txt` + `*.gold.json` pairs and prints the
//! figures and every disagreement:
//!
//!     cargo run -p report-core --example eval [-- DIR]     # default: ../shared/corpus/seeds

#[path = "../tests/support/gold.rs"]
mod gold;

fn main() {
    let dir = std::env::args().nth(1).map(std::path::PathBuf::from).unwrap_or_else(gold::default_corpus);
    let pairs = gold::load(&dir);
    if pairs.is_empty() {
        eprintln!("no *.txt + *.gold.json pairs in {}", dir.display());
        std::process::exit(1);
    }
    println!("{}", gold::score(&pairs).report());
}
