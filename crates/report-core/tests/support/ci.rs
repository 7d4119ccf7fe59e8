//! The one rule for "are we in CI?", and what a test that reads the corpus does without it.
//! Every test that reads ../shared/corpus goes through [`require_corpus`]; the end-to-end
//! helpers (tests/e2e/specs/helpers.js, `isCi`) apply the same rule.
//!
//! CI is on when `CI` is `true` or `1` (any case, surrounding blanks ignored); any other
//! value (`false`, `0`, empty) or no `CI` at all means a local run.

use std::path::{Path, PathBuf};

/// Whether a value of the `CI` variable means "in CI".
pub fn is_ci_value(value: Option<&str>) -> bool {
    value.map(str::trim).is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
}

/// Whether this run is in CI (see the module's rule).
pub fn is_ci() -> bool {
    is_ci_value(std::env::var("CI").ok().as_deref())
}

/// `Some(dir)` when the corpus directory exists. Without it: a panic in CI (a gate cannot
/// pass on nothing), else a loud `SKIPPED` line on stderr and `None`.
pub fn require_corpus(dir: &Path) -> Option<PathBuf> {
    require_corpus_in(dir, is_ci())
}

/// [`require_corpus`] with the CI verdict given (what the tests of this rule use).
pub fn require_corpus_in(dir: &Path, ci: bool) -> Option<PathBuf> {
    if dir.is_dir() {
        return Some(dir.to_path_buf());
    }
    assert!(!ci, "no corpus at {} and CI is set: a corpus gate cannot be skipped in CI", dir.display());
    // Straight to stderr, not `eprintln!`: the test harness would capture that and hide it.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: no corpus at {} (REPORT_LENS_CORPUS / REPORT_LENS_DEV_CORPUS say where; CI=true makes this an error)",
        dir.display()
    );
    None
}
