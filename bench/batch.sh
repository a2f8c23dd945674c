#!/usr/bin/env bash
# Ranked look-ups from a script: N queries as N `referat search --json` processes against one
# `referat search --batch` process, side by side on the same index, and the start-up cost of
# the binary alone (`referat --help`). Prints wall seconds, CPU seconds (user + system: what a
# loaded machine does not inflate), queries/s and the ratio.
#
#   INDEX=/path/to/index bench/batch.sh        # default: the samples, indexed into a temp dir
#   N=1000 REFERAT=.build/release/referat bench/batch.sh
#   BEFORE=/path/to/old/referat ROUNDS=3 …     # also an older build, the two in turn each round;
#                                              # then whether their --batch answers are identical
#
# The queries: the 24 of ../shared/eval/dev.json and bench/query-mix.txt, cycled to N lines.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${N:-1000}"
rounds="${ROUNDS:-1}"
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
# Sets `cpu` to the CPU seconds (user + system) of this shell's finished children so far
# (`times`, second line; not in a subshell, whose children are not this shell's).
children_cpu() {
    times >"$work/times"
    cpu=$(tail -1 "$work/times" | sed 's/m/ /g; s/s//g' | awk '{ print $1 * 60 + $2 + $3 * 60 + $4 }')
}
# measure NAME COMMAND…: runs it, sets NAME_wall and NAME_cpu (seconds).
measure() {
    local name=$1
    shift
    local start cpu
    start=$(now)
    children_cpu
    local cpu_before=$cpu
    "$@"
    printf -v "${name}_wall" '%s' "$(echo "$(now) - $start" | bc -l)"
    children_cpu
    printf -v "${name}_cpu" '%s' "$(echo "$cpu - $cpu_before" | bc -l)"
}
processes() {
    while IFS= read -r query; do
        "$1" search "$query" --json --db "$index" >/dev/null 2>&1 || true
    done <"$work/queries.txt"
}
batch() { "$1" search --batch "$work/queries.txt" --db "$index" >"$2"; }
help() { for _ in $(seq 100); do "$1" --help >/dev/null; done; }

builds=("$referat")
labels=(new)
if [ -n "${BEFORE:-}" ]; then
    builds=("$BEFORE" "$referat")
    labels=(before new)
fi
printf 'index: %s, %d queries, %s round(s), load %s\n' "$index" "$n" "$rounds" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-40s %10s %10s %12s %13s\n' round build "wall s" "CPU s" "queries/s" "CPU ms/query"
for round in $(seq "$rounds"); do
    for i in "${!builds[@]}"; do
        build=${builds[$i]}
        label=${labels[$i]}
        measure processes processes "$build"
        measure batch batch "$build" "$work/batch-$label.jsonl"
        measure help help "$build"
        for kind in processes batch; do
            wall_var="${kind}_wall"
            cpu_var="${kind}_cpu"
            printf '%-6s %-40s %10.2f %10.2f %12.1f %13.2f\n' "$round" "$label: $n × $kind" "${!wall_var}" \
                "${!cpu_var}" "$(echo "$n / ${!wall_var}" | bc -l)" "$(echo "${!cpu_var} * 1000 / $n" | bc -l)"
        done
        printf '%-6s %-40s %9.1f× the rate (wall), %.1f× (CPU); --help alone %.1f ms wall, %.1f ms CPU\n' "$round" \
            "$label: batch / processes" "$(echo "$processes_wall / $batch_wall" | bc -l)" \
            "$(echo "$processes_cpu / $batch_cpu" | bc -l)" "$(echo "$help_wall * 10" | bc -l)" \
            "$(echo "$help_cpu * 10" | bc -l)"
    done
done
printf 'answer lines: %d\n' "$(wc -l <"$work/batch-new.jsonl")"
if [ -n "${BEFORE:-}" ]; then
    if cmp -s "$work/batch-before.jsonl" "$work/batch-new.jsonl"; then
        echo "--batch answers: identical before and new"
    else
        differing=$(diff <(cat -n "$work/batch-before.jsonl") <(cat -n "$work/batch-new.jsonl") | grep -c '^>' || true)
        echo "--batch answers: $differing of $n lines differ before → new"
    fi
fi
if [ -n "${KEEP:-}" ]; then cp "$work"/batch-*.jsonl "$KEEP"/; fi
