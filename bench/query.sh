#!/usr/bin/env bash
# Query benchmark on the large generated index: in-process search latency p50/p99 over a query
# mix (`referat bench-queries`: one process, no start-up per query), per query and overall, then
# the HTTP figures of bench/http.sh (wrk over distinct queries from the corpus) on the same index.
#
#   bench/query.sh                  # 20000-file corpus
#   QUICK=1 bench/query.sh          # 2000 files
#   bench/query.sh 5000             # any size
#   INDEX=/path/to/index bench/query.sh   # an existing index (no corpus, no indexing)
#   REPEAT=50 HTTP=0 bench/query.sh       # 50 passes over the mix; skip the HTTP part
#   REFERAT=/path/to/referat bench/query.sh   # skip the build
#
# The mix: the 24 queries of ../shared/eval/dev.json plus bench/query-mix.txt (phrases, filters,
# date ranges, wildcards, operators, frequent words). The index is built once with
# `referat index` into $BENCH_DIR/query-index-N (default /tmp/referat-bench) and reused;
# REINDEX=1 builds it again (do so after changing the indexer). bench/index.sh leaves its
# referat index there too.
#
# `referat bench-queries` searches without facets (10 hits, snippets), and once more with them
# (`--facets`: counted over the whole match, as the search page and the API do by default).
set -euo pipefail
cd "$(dirname "$0")/.."

bench_dir="${BENCH_DIR:-/tmp/referat-bench}"
repeat="${REPEAT:-20}"
per_query_repeat="${PER_QUERY_REPEAT:-50}"
dev="${QUERIES:-../shared/eval/dev.json}"
if [ "$#" -gt 0 ]; then n="$1"; elif [ -n "${QUICK:-}" ]; then n=2000; else n=20000; fi

mkdir -p "$bench_dir"
built="built from the working tree"
[ -z "${REFERAT:-}" ] || built="prebuilt, REFERAT=$REFERAT"
referat="$(bench/referat.sh)"

work="$(mktemp -d "$bench_dir/query.XXXXXX")"
trap 'rm -rf "$work"' EXIT

index="${INDEX:-}"
if [ -z "$index" ]; then
    index="$bench_dir/query-index-$n"
    corpus="$(bench/corpus.sh "$n")"
    built_from="$(cd "$corpus" && ls -a | grep '^\.complete-seed-')"
    # Indexed again on request or when the corpus has changed since.
    if [ -n "${REINDEX:-}" ] || [ "$(cat "$index/.complete" 2>/dev/null)" != "$built_from" ]; then
        rm -rf "$index"
        mkdir -p "$index"
        echo "indexing $corpus into $index ..." >&2
        "$referat" index "$corpus" --db "$index" --quiet
        echo "$built_from" >"$index/.complete"
    fi
fi

# The mix, one query per line.
bench/query-mix.sh "$dev" >"$work/mix.txt"

echo "referat bench/query.sh  $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  git $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Package.swift shim || echo '+dirty')"
echo "referat: $referat ($built)"
echo "index: $index ($(du -sh "$index" | cut -f1)); $("$referat" stats --db "$index" | sed -n 's/^items: *\([0-9]*\)/\1 items/p')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Per query: its own process, one warm-up pass, then PER_QUERY_REPEAT searches.
echo
echo "per query ($per_query_repeat searches each, slowest p99 first):"
while IFS= read -r query; do
    printf '%s\n' "$query" >"$work/one.txt"
    line="$("$referat" bench-queries "$work/one.txt" --db "$index" --repeat "$per_query_repeat")"
    p50="$(sed -n 's/.*p50 \([0-9.]*\) ms.*/\1/p' <<<"$line")"
    p99="$(sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' <<<"$line")"
    hits="$("$referat" search "$query" --db "$index" --json --limit 1 2>/dev/null \
        | python3 -c 'import json, sys; print(json.load(sys.stdin).get("total_estimate", "?"))' 2>/dev/null || echo '?')"
    printf '%9s %9s %8s  %s\n' "$p50" "$p99" "$hits" "$query"
done <"$work/mix.txt" | sort -k2,2 -g -r | { printf '%9s %9s %8s  %s\n' "p50 ms" "p99 ms" "matches" query; cat; }

# Overall: the whole mix in one process, REPEAT passes, after a warm-up pass.
echo
echo "whole mix, one process ($(wc -l <"$work/mix.txt") queries x $repeat passes):"
"$referat" bench-queries "$work/mix.txt" --db "$index" --repeat "$repeat"
echo "with facets:"
"$referat" bench-queries "$work/mix.txt" --db "$index" --repeat "$repeat" --facets
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "${HTTP:-1}" != 0 ]; then
    echo
    echo "HTTP (bench/http.sh on the same index):"
    INDEX="$index" CORPUS="${corpus:-corpus}" REFERAT="$referat" DURATION="${DURATION:-10s}" bench/http.sh
fi
