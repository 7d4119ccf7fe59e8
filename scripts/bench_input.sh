# Sourced by scripts/bench_ratio.sh and scripts/bench_instructions.sh: makes the benchmark
# input if it is missing — whole reports of the seed corpus (../shared/corpus/seeds, or the
# fixtures when the corpus is absent) one after another until the file reaches the size.
# Generated at run time into target/, never kept in the repository.
#
#     make_bench_input FILE BYTES
make_bench_input() {
    local input=$1 target_bytes=$2
    [[ -s $input ]] && return 0
    local seeds=../shared/corpus/seeds
    [[ -d $seeds ]] || seeds=crates/report-core/tests/fixtures
    shopt -s nullglob
    local files=("$seeds"/*.txt)
    ((${#files[@]})) || { echo "no *.txt in $seeds to build the input from" >&2; exit 1; }
    mkdir -p "$(dirname "$input")"
    local tmp=$input.partial
    : >"$tmp"
    while (($(stat -c %s "$tmp") < target_bytes)); do
        cat "${files[@]}" >>"$tmp"
    done
    mv "$tmp" "$input"
}
