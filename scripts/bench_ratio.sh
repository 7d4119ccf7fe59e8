#!/usr/bin/env bash
# Whole-process cost of `report-cli analyze` in units of one decode pass of the same bytes
# (project issue 9: the goal is ≤ 3). Builds the release CLI, makes ≈ 20 MB of report text
# from the seed corpus if it is missing (generated at run time into target/, never kept in
# the repository), then times RUNS alternating runs of
#
#     report-cli analyze big.txt > /dev/null
#     iconv -f utf-8 -t utf-16 big.txt > /dev/null
#
# with bash's `time` (millisecond resolution) and prints the median wall and CPU (user + sys) seconds of each and the
# ratios of the medians. Alternating the two in one run keeps the ratio meaningful on a
# busy machine, where absolute timings are not.
#
#     bash scripts/bench_ratio.sh [RUNS] [FILE]
#
# RUNS defaults to 7; FILE to target/bench/big20.txt (made from ../shared/corpus/seeds,
# or from the fixtures when the corpus is absent).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-7}
input=${2:-target/bench/big20.txt}
target_bytes=20000000

nice -n 5 cargo build --release -p report-cli --quiet
cli=target/release/report-cli

# shellcheck source=scripts/bench_input.sh
source scripts/bench_input.sh
make_bench_input "$input" "$target_bytes"
printf 'input: %s (%s bytes), %s alternating runs each\n' "$input" "$(stat -c %s "$input")" "$runs"

times=$(mktemp -d)
trap 'rm -rf "$times"' EXIT
# One line per run: wall seconds, then user + sys seconds.
measure() {
    local out=$1 TIMEFORMAT='%3R %3U %3S'
    shift
    if ! { time "$@" >/dev/null 2>"$times/err"; } 2>"$times/one"; then
        echo "failed: $*" >&2
        cat "$times/err" >&2
        exit 1
    fi
    awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$times/one" >>"$out"
}
for ((i = 0; i < runs; i++)); do
    measure "$times/analyze" "$cli" analyze "$input"
    measure "$times/iconv" iconv -f utf-8 -t utf-16 "$input"
done

# The median of column $2 of file $1.
median() { cut -d' ' -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
aw=$(median "$times/analyze" 1) ac=$(median "$times/analyze" 2)
iw=$(median "$times/iconv" 1) ic=$(median "$times/iconv" 2)
printf '%-8s median wall %6.3f s   cpu %6.3f s\n' analyze "$aw" "$ac" iconv "$iw" "$ic"
awk -v aw="$aw" -v ac="$ac" -v iw="$iw" -v ic="$ic" 'BEGIN {
    printf "ratio analyze/iconv: wall %.2f×   cpu %.2f×   (goal ≤ 3)\n", (iw > 0 ? aw / iw : 0), (ic > 0 ? ac / ic : 0)
}'
