#!/usr/bin/env bash
# Command 2 of the README: set up whatever is missing, then run every test, in order,
# stopping at the first failure. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
started=$SECONDS
stage() { printf '\n==> [%4ss] %s\n' "$((SECONDS - started))" "$*"; }

stage "setup"
scripts/setup.sh test

stage "cargo fmt --check"
cargo fmt --all --check

stage "clippy (native, whole workspace)"
cargo clippy --workspace --all-targets --locked -- -D warnings

stage "clippy (the app on wasm32)"
cargo clippy -p report-lens --all-targets --target wasm32-unknown-unknown --locked -- -D warnings

stage "native tests (core, CLI, app state)"
cargo test --workspace --locked

stage "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test -p report-lens --target wasm32-unknown-unknown --locked

stage "trunk build --release"
trunk build --release

stage "end-to-end tests (Playwright, Debian Chromium, dist/ on a static server)"
(cd tests/e2e && npx playwright test)

stage "size of dist/ (budget: first load <= 300 KB gzipped)"
python3 scripts/size_report.py dist --budget-kb 300

stage "all tests passed in $((SECONDS - started)) s"
