#!/usr/bin/env bash
# Ranked look-ups from a script: N queries as N `referat search --json` processes against one
# `referat search --batch` process, side by side on the same index, and the start-up cost of
# the binary alone (`referat --help`). Prints wall seconds, queries/s and the ratio.
#
#   INDEX=/path/to/index bench/batch.sh        # default: the samples, indexed into a temp dir
#   N=1000 REFERAT=.build/release/referat bench/batch.sh
#
# The queries: the 24 of ../shared/eval/dev.json and bench/query-mix.txt, cycled to N lines.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${N:-1000}"
referat="$(bench/referat.sh)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
index="${INDEX:-}"
if [ -z "$index" ]; then
    index="$work/index"
    "$referat" index corpus --db "$index" --quiet
fi
python3 - "$n" ../shared/eval/dev.json bench/query-mix.txt >"$work/queries.txt" <<'PY'
import json, sys
n = int(sys.argv[1])
queries = [q["query"] for q in json.load(open(sys.argv[2]))]
queries += [line.strip() for line in open(sys.argv[3]) if line.strip() and not line.startswith("#")]
for i in range(n):
    print(queries[i % len(queries)])
PY

now() { date +%s.%N; }
start=$(now)
while IFS= read -r query; do
    "$referat" search "$query" --json --db "$index" >/dev/null 2>&1 || true
done <"$work/queries.txt"
processes=$(echo "$(now) - $start" | bc -l)

start=$(now)
"$referat" search --batch "$work/queries.txt" --db "$index" >"$work/batch.jsonl"
batch=$(echo "$(now) - $start" | bc -l)
lines=$(wc -l <"$work/batch.jsonl")

start=$(now)
for _ in $(seq 100); do "$referat" --help >/dev/null; done
help_ms=$(echo "($(now) - $start) * 10" | bc -l)

printf 'index: %s, %d queries (%d answer lines)\n' "$index" "$n" "$lines"
printf '%-28s %10s %12s\n' "" "wall s" "queries/s"
printf '%-28s %10.2f %12.1f\n' "$n × referat search --json" "$processes" "$(echo "$n / $processes" | bc -l)"
printf '%-28s %10.2f %12.1f\n' "referat search --batch" "$batch" "$(echo "$n / $batch" | bc -l)"
printf 'batch / processes: %.1f× the rate\n' "$(echo "$processes / $batch" | bc -l)"
printf 'referat --help alone: %.1f ms per process (mean of 100)\n' "$help_ms"
