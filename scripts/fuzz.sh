#!/usr/bin/env bash
# Fuzzes report-core with libFuzzer, one target per input path (fuzz/fuzz_targets/), and
# prints the executions of each. Not part of the test command.
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
#   SECONDS_PER_TARGET  wall-clock time each target runs (default 60)
#   TARGET              analyze text decode html docx reader (default: all six, in that order)
#
# Environment: FUZZ_JOBS (parallel jobs per target; default: every core), FUZZ_NICE (default
# 15), FUZZ_MAX_LEN (default 65536), FUZZ_SANITIZER (default none: the core has no `unsafe`;
# `address` is slower).
#
# Installs cargo-fuzz when missing (crates.io), needs the nightly toolchain. Seeds come from
# the project's fixtures (fuzz/gen_seeds.py) into fuzz/corpus/<target>/, where libFuzzer also
# keeps what it finds. Crashes land in fuzz/artifacts/<target>/, minimised next to them; copy
# a minimised one to crates/report-core/tests/crashers/<target>-<what>.bin (tests/crashers.rs
# replays it through every path) before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
root=$PWD

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analyze text decode html docx reader)
jobs=${FUZZ_JOBS:-$(nproc)}
nice_level=${FUZZ_NICE:-15}
max_len=${FUZZ_MAX_LEN:-65536}
sanitizer=${FUZZ_SANITIZER:-none}

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "the nightly toolchain is needed: rustup toolchain install nightly" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> installing cargo-fuzz (crates.io)"
  nice -n 10 cargo install cargo-fuzz --locked
fi

echo "==> seeds from the fixtures"
python3 fuzz/gen_seeds.py fuzz/corpus

echo "==> building ${targets[*]} (sanitizer: $sanitizer, debug assertions and overflow checks on)"
for t in "${targets[@]}"; do
  (cd fuzz && nice -n 10 cargo +nightly fuzz build -s "$sanitizer" "$t")
done
bin_dir=$root/fuzz/target/x86_64-unknown-linux-gnu/release

total=0
summary=()
crashed=0
for t in "${targets[@]}"; do
  logs=$root/fuzz/logs/$t
  artifacts=$root/fuzz/artifacts/$t
  rm -rf "$logs"
  mkdir -p "$logs" "$artifacts" "fuzz/corpus/$t"
  before=$(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' \) | sort)
  echo "==> $t: ${seconds}s, $jobs job(s), logs in fuzz/logs/$t"
  # -jobs/-workers: that many processes fuzz at once, each for -max_total_time, sharing the
  # corpus directory; each writes fuzz-N.log in the current directory (the logs directory).
  status=0
  (cd "$logs" && nice -n "$nice_level" "$bin_dir/$t" "$root/fuzz/corpus/$t" \
    -dict="$root/fuzz/analyze.dict" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -max_total_time="$seconds" -jobs="$jobs" -workers="$jobs" -print_final_stats=1 \
    -artifact_prefix="$artifacts/" >"$logs/main.log" 2>&1) || status=$?
  # Each job prints its final stats (-print_final_stats=1) in its fuzz-N.log; exec/s is the
  # sum of the jobs' averages (a job stopped by a crash reports its own, short, run).
  execs=0
  rate=0
  for log in "$logs"/fuzz-*.log; do
    [ -e "$log" ] || continue
    n=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
    r=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
    execs=$((execs + ${n:-0}))
    rate=$((rate + ${r:-0}))
  done
  total=$((total + execs))
  new=$(comm -13 <(echo "$before") <(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' \) | sort) | sed '/^$/d' || true)
  line=$(printf '%-8s %12d executions  %8d exec/s  (%d jobs x %ds)' "$t" "$execs" "$rate" "$jobs" "$seconds")
  if [ -n "$new" ]; then
    crashed=1
    line="$line  FOUND $(echo "$new" | wc -l) crash(es)"
    for a in $new; do
      echo "    $a"
      grep -h -m3 -E "panicked at|^thread '" "$logs"/fuzz-*.log | sed 's/^/      /' || true
      min="$artifacts/minimized-$(basename "$a")"
      (cd "$logs" && nice -n "$nice_level" "$bin_dir/$t" "$a" -minimize_crash=1 -runs=20000 \
        -exact_artifact_path="$min" >"$logs/minimize-$(basename "$a").log" 2>&1) || true
      [ -e "$min" ] && echo "    minimised: $min ($(wc -c <"$min") bytes)"
    done
  elif [ "$status" -ne 0 ]; then
    line="$line  (libFuzzer exited with $status: see fuzz/logs/$t)"
  fi
  summary+=("$line")
  echo "$line"
done

echo
echo "==> executions per target"
printf '%s\n' "${summary[@]}"
echo "total    $total executions"
exit "$crashed"
