#!/usr/bin/env bash
# Where a full build's CPU goes: `perf record --call-graph dwarf` of `referat index` on the first
# N files (default 300) of the generated corpus, each sample charged to the step it is in
# (bench/profile-split.py: the innermost frame naming a step wins), printed as percentages.
# DWARF unwinding is needed because libxapian has no frame pointers (with `-g` the samples
# inside Xapian lose their callers).
#
#   bench/profile-index.sh [N]        # needs perf and swift demangle; BENCH_DIR, REFERAT as bench/index.sh
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-300}"
bench_dir="${BENCH_DIR:-/tmp/referat-bench}"
referat="$(bench/referat.sh)"
corpus="$(bench/corpus.sh 2000)"
work="$(mktemp -d "$bench_dir/profile.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# The first N meetings in path order, as a corpus of their own (with the synonyms).
mkdir -p "$work/corpus"
cp "$corpus/synonymer.txt" "$work/corpus/"
(cd "$corpus/" && find . -type f \( -name '*.txt' -o -name '*.md' \) ! -name synonymer.txt | sort | sed -n "1,${n}p") |
    while read -r file; do
        mkdir -p "$work/corpus/$(dirname "$file")"
        cp "$corpus/$file" "$work/corpus/$file"
    done
mkdir -p "$work/index"
perf record -q -F 250 --call-graph dwarf,16384 -o "$work/perf.data" \
    "$referat" index "$work/corpus" --db "$work/index" --quiet
perf script -i "$work/perf.data" 2>/dev/null | swift demangle --simplified >"$work/stacks.txt"
echo "referat index, $n files, $(git rev-parse --short HEAD): share of CPU samples by step"
python3 bench/profile-split.py "$work/stacks.txt"
