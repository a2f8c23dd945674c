#!/usr/bin/env bash
# Load on GET /api/search: builds referat (release), indexes a corpus into a temporary
# directory, serves it on a free loopback port and runs wrk (Debian's `wrk`, installed if
# missing) over the queries of ../shared/eval/dev.json at 1, 2 and 16 connections, printing
# requests/s and p50/p99 latency, and how many responses were not 2xx.
#
#   bench/http.sh                      # corpus/, 10 s per run
#   CORPUS=/path/to/big DURATION=30s bench/http.sh
#   INDEX=/existing/index bench/http.sh   # skip indexing
#   REINDEX=1 bench/http.sh            # adds a 16-connection run while `referat index` rewrites
#                                      # the index twice (each time with one more file)
set -euo pipefail
cd "$(dirname "$0")/.."

corpus="${CORPUS:-corpus}"
duration="${DURATION:-10s}"
queries="${QUERIES:-../shared/eval/dev.json}"
connections="${CONNECTIONS:-1 2 16}"
scratch="${SCRATCH_PATH:-.build-server}"
work="$(mktemp -d /tmp/referat-bench.XXXXXX)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

scripts/install-packages.sh wrk

# REFERAT=/path/to/referat skips the build.
referat="$(SCRATCH_PATH="$scratch" bench/referat.sh)"
index="${INDEX:-}"
if [ -z "$index" ] || [ -n "${REINDEX:-}" ]; then
    # Re-indexing needs a corpus and an index of our own.
    cp -r "$corpus" "$work/corpus"
    corpus="$work/corpus"
    index="$work/index"
    "$referat" index "$corpus" --db "$index" >/dev/null
fi

# One URL-encoded path per query, for the Lua script to cycle through.
python3 - "$queries" >"$work/paths.txt" <<'EOF'
import json, sys, urllib.parse
for judged in json.load(open(sys.argv[1], encoding="utf-8")):
    print("/api/search?" + urllib.parse.urlencode({"q": judged["query"]}))
EOF
cat >"$work/queries.lua" <<EOF
local paths = {}
for line in io.lines("$work/paths.txt") do paths[#paths + 1] = line end
local counter = 0
request = function()
    counter = counter + 1
    return wrk.format("GET", paths[(counter % #paths) + 1])
end
done = function(summary, latency, requests)
    local bad = summary.errors.status + summary.errors.connect + summary.errors.read
        + summary.errors.write + summary.errors.timeout
    io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, bad))
end
EOF

"$referat" serve --db "$index" --port 0 2>"$work/serve.log" &
server_pid=$!
port=""
for _ in $(seq 1 100); do
    port="$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$work/serve.log" | head -n1)"
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { cat "$work/serve.log" >&2; echo "the server did not start" >&2; exit 1; }

documents="$(curl -fsS "http://127.0.0.1:$port/healthz")"
echo "index: $documents; $(wc -l <"$work/paths.txt") queries from $queries; $duration per run; $(nproc) cores"
printf '%-12s %10s %10s %10s %10s %8s\n' connections "req/s" "p50 ms" "p99 ms" requests non-2xx
run() { # label connections
    local threads=$(( $2 < $(nproc) ? $2 : $(nproc) ))
    local line
    line="$(wrk -t "$threads" -c "$2" -d "$duration" --latency -s "$work/queries.lua" "http://127.0.0.1:$port" \
        | grep '^RESULT')"
    read -r _ rps p50 p99 total bad <<<"$line"
    printf '%-12s %10s %10s %10s %10s %8s\n' "$1" "$rps" "$p50" "$p99" "$total" "$bad"
}
for c in $connections; do run "$c" "$c"; done

if [ -n "${REINDEX:-}" ]; then
    sample="$(ls "$corpus" | head -n1)"
    (
        sleep 1
        for round in 1 2; do
            cp "$corpus/$sample" "$corpus/copy-$round-$sample"
            "$referat" index "$corpus" --db "$index" >/dev/null
        done
    ) &
    indexer=$!
    run "16+reindex" 16
    wait "$indexer"
    echo "after: $(curl -fsS "http://127.0.0.1:$port/healthz") (two re-indexes during the last run)"
fi
