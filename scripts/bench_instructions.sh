#!/usr/bin/env bash
# The cost of `report-cli analyze` in units of one decode pass, counted in instructions
# (valgrind's callgrind) instead of time: deterministic, so it means the same on a busy
# machine and can be compared commit to commit (project issue 9). Not part of the test
# command. Counts what the process executes in user space only: the kernel's work (reading
# the file, zeroing the pages the process touches) is not in it, so the wall-time ratio of
# scripts/bench_ratio.sh stays the measure of the goal; this one tells where a change went.
#
#     bash scripts/bench_instructions.sh [FILE]
#
# FILE defaults to target/bench/big20.txt (≈ 20 MB of the seeds, made if missing). Prints
# the instructions of `report-cli analyze FILE` and of `iconv -f utf-8 -t utf-16 FILE`
# and their ratio. Takes about a minute (callgrind runs ≈ 50× slower).
set -euo pipefail
cd "$(dirname "$0")/.."

input=${1:-target/bench/big20.txt}
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }

nice -n 5 cargo build --release -p report-cli --quiet
cli=target/release/report-cli
# shellcheck source=scripts/bench_input.sh
source scripts/bench_input.sh
make_bench_input "$input" 20000000
printf 'input: %s (%s bytes)\n' "$input" "$(stat -c %s "$input")"

# The instructions callgrind counted for one run of the command (its stdout discarded).
instructions() {
    local log
    log=$(mktemp)
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" >/dev/null 2>"$log" || { cat "$log" >&2; rm -f "$log"; exit 1; }
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$log"
    rm -f "$log"
}
a=$(instructions "$cli" analyze "$input")
i=$(instructions iconv -f utf-8 -t utf-16 "$input")
printf '%-8s %15s instructions\n' analyze "$a" iconv "$i"
awk -v a="$a" -v i="$i" 'BEGIN { printf "ratio analyze/iconv: %.2f× in instructions (user space only)\n", a / i }'
