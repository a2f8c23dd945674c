#!/usr/bin/env bash
# Load on GET /api/search: wrk against `referat serve` (release build, served by
# scripts/with-server.sh) over QUERIES distinct search-box queries made from the corpus's agenda
# titles (bench/http-queries.py), at 1, 2 and 16 connections, printing requests/s, p50/p99
# latency, the responses that were not 2xx (4xx and 5xx apart) and the server's CPU time per
# request.
#
# Every request asks a query no earlier request of the whole benchmark asked (each run starts
# where the last one stopped; a run that ran out of queries says so), so the server's facet
# cache, which serves the same search's next page, does not flatter the figures. Two more runs
# at 1 connection show what it and the API's `facets=false` save: `pages` asks each query's
# first page and then its second; `no facets` asks without facet counts.
#
#   bench/http.sh                        # corpus/, indexed into a temporary directory; 10 s per run
#   CORPUS=/big INDEX=/big-index DURATION=30s bench/http.sh   # an existing index of CORPUS
#   CHANGE=1 bench/http.sh               # then 16 connections (a row per DURATION) while
#                                        # `referat index` updates UPDATED (500) files, and while
#                                        # `--rebuild` swaps in a new generation (on copies of the
#                                        # corpus and the index, under TMPDIR)
#   REFERAT=/path/to/referat CONNECTIONS="1 16" QUERIES=5000 bench/http.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${REFERAT_URL:-}" ]; then
    corpus="${CORPUS:-corpus}"
    work="$(mktemp -d "${TMPDIR:-/tmp}/referat-http.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    scripts/install-packages.sh wrk >&2
    REFERAT="$(SCRATCH_PATH="${SCRATCH_PATH:-.build-bench}" bench/referat.sh)"
    index="${INDEX:-}"
    if [ -z "$index" ] || [ -n "${CHANGE:-}" ]; then
        # Changing the index needs a corpus and an index of our own.
        cp -r "$corpus" "$work/corpus"
        corpus="$work/corpus"
        if [ -n "$index" ]; then cp -r "$index" "$work/index"; else "$REFERAT" index "$corpus" --db "$work/index" --quiet; fi
        index="$work/index"
    fi
    bench/http-queries.py "$corpus" "${QUERIES:-3000}" >"$work/queries.txt"
    export REFERAT INDEX="$index" BENCH_CORPUS="$corpus" BENCH_WORK="$work"
    # Runs this script again with the server up (REFERAT_URL set).
    scripts/with-server.sh "$PWD/bench/http.sh"
    exit 0
fi

work="$BENCH_WORK"
duration="${DURATION:-10s}"
# One URL path per line for the Lua script: each query; each query then its second page; each
# query without facets.
python3 - "$work" <<'EOF'
import sys, urllib.parse
work = sys.argv[1]
queries = open(f"{work}/queries.txt", encoding="utf-8").read().splitlines()
def path(query, **extra):
    return "/api/search?" + urllib.parse.urlencode({"q": query, **extra})
with open(f"{work}/plain.txt", "w") as out:
    out.writelines(path(q) + "\n" for q in queries)
with open(f"{work}/pages.txt", "w") as out:
    out.writelines(path(q) + "\n" + path(q, offset=10) + "\n" for q in queries)
with open(f"{work}/nofacets.txt", "w") as out:
    out.writelines(path(q, facets="false") + "\n" for q in queries)
EOF
# Thread k of T asks paths first+k, first+k+T, …; `done` prints the next unused position.
cat >"$work/queries.lua" <<'EOF'
-- Globals, not locals: `done` reads each thread's with thread:get.
paths, threads, first, stride, counter, server_errors = {}, {}, 0, 1, 0, 0
setup = function(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end
init = function(args)
    for line in io.lines(args[1]) do paths[#paths + 1] = line end
    first, stride = tonumber(args[2]) + id, tonumber(args[3])
end
request = function()
    local path = paths[(first + counter * stride) % #paths + 1]
    counter = counter + 1
    return wrk.format("GET", path)
end
response = function(status)
    if status >= 500 then server_errors = server_errors + 1 end
end
done = function(summary, latency, requests)
    local next, fives = 0, 0
    for _, thread in ipairs(threads) do
        next = math.max(next, thread:get("first") + thread:get("counter") * thread:get("stride"))
        fives = fives + thread:get("server_errors")
    end
    local failed = summary.errors.status + summary.errors.connect + summary.errors.read
        + summary.errors.write + summary.errors.timeout
    io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d %d\n", summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, failed - fives, fives, next))
end
EOF

queries="$(wc -l <"$work/queries.txt")"
# Warm-up (the word list loads on the first plain query), with a query outside the list.
curl -fsS "$REFERAT_URL/api/search?q=opvarmning" >/dev/null
echo "index: $(curl -fsS "$REFERAT_URL/healthz"); $queries distinct queries from $BENCH_CORPUS; $duration per run; $(nproc) cores; load $(cut -d' ' -f1 /proc/loadavg)"
printf '%-18s %8s %8s %8s %9s %7s %5s %11s\n' run "req/s" "p50 ms" "p99 ms" requests "non-2xx" 5xx "cpu ms/req"
# The server's CPU time (user + system) in milliseconds: per request it is what the machine's
# other load does not change much, unlike latency.
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$REFERAT_SERVER_PID/stat"; }
next=0 # the first query not asked yet
run() { # label connections paths-file paths-per-query
    local threads=$(($2 < $(nproc) ? $2 : $(nproc)))
    local line rps p50 p99 total bad fives used cpu
    cpu="$(server_cpu)"
    line="$(wrk -t "$threads" -c "$2" -d "$duration" --timeout 10s --latency -s "$work/queries.lua" \
        "$REFERAT_URL" -- "$work/$3" "$((next * $4))" "$threads" | grep '^RESULT')"
    read -r _ rps p50 p99 total bad fives used <<<"$line"
    cpu="$(awk -v ms="$(($(server_cpu) - cpu))" -v n="$total" 'BEGIN { printf "%.1f", n ? ms / n : 0 }')"
    next=$(((used + $4 - 1) / $4))
    local note=""
    [ "$next" -le "$queries" ] || note="  (ran out of queries: some asked twice)"
    printf '%-18s %8s %8s %8s %9s %7s %5s %11s%s\n' "$1" "$rps" "$p50" "$p99" "$total" "$((bad + fives))" "$fives" \
        "$cpu" "$note"
}
for c in ${CONNECTIONS:-1 2 16}; do run "$c" "$c" plain.txt 1; done
run "1 pages" 1 pages.txt 2
run "1 no facets" 1 nofacets.txt 1

if [ -n "${CHANGE:-}" ]; then
    # 16 connections, one DURATION run after another, until the change is done.
    under_change() { # label command…
        local label="$1"
        shift
        local started=$SECONDS
        "$@" >"$work/change.log" 2>&1 &
        local change=$!
        run "$label" 16 plain.txt 1
        while kill -0 "$change" 2>/dev/null; do run "$label" 16 plain.txt 1; done
        wait "$change" || { cat "$work/change.log" >&2; echo "$label: the change failed" >&2; }
        echo "  ($label: done in about $((SECONDS - started)) s: $(tail -n1 "$work/change.log"))"
    }
    # Each of UPDATED files gets one more line: the next `referat index` replaces their items.
    find "$BENCH_CORPUS" -type f \( -name '*.md' -o -name '*.txt' \) ! -name synonymer.txt | sort >"$work/files.txt"
    head -n "${UPDATED:-500}" "$work/files.txt" | while IFS= read -r file; do echo "Opdateret under belastning." >>"$file"; done
    under_change "16 + update" "$REFERAT" index "$BENCH_CORPUS" --db "$INDEX"
    under_change "16 + --rebuild" "$REFERAT" index "$BENCH_CORPUS" --db "$INDEX" --rebuild
    echo "after: $(curl -fsS "$REFERAT_URL/healthz")"
fi
