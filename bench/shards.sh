#!/usr/bin/env bash
# The cost of shards: the generated corpus as one index and as 3 shards (`referat index
# --shard`), searched through the local stub and through a stub of the lexicon and 3
# `xapian-tcpsrv` on loopback. Prints index times, in-process p50/p99 over the query mix
# (`referat bench-queries`, as bench/query.sh) and HTTP req/s (bench/http.sh) for each layout.
#
#   bench/shards.sh                          # 20000-file corpus
#   bench/shards.sh 2000                     # any size bench/corpus.sh makes
#   INDEX_DIR=/path REFERAT=/path/to/referat REPEAT=20 ROUNDS=3 HTTP=0 bench/shards.sh
#   BEFORE=/path/to/older/referat HTTP=0 bench/shards.sh 2000   # each run beside the other
#
# The shards are the corpus's top-level folders in three groups (a corpus of three folders of
# symbolic links beside the indexes, which the one index reads too, so both hold the same
# files); INDEX_DIR (default $BENCH_DIR/shards-N) holds it and the indexes, reused when they
# are complete (REINDEX=1 builds them again). Servers are started on free ports and stopped at
# the end, also on failure.
set -euo pipefail
cd "$(dirname "$0")/.."

bench_dir="${BENCH_DIR:-/tmp/referat-bench}"
repeat="${REPEAT:-20}"
dev="${QUERIES:-../shared/eval/dev.json}"
n="${1:-20000}"
dir="${INDEX_DIR:-$bench_dir/shards-$n}"
groups=(g1 g2 g3)

referat="$(bench/referat.sh)"
corpus="$(bench/corpus.sh "$n")"
mkdir -p "$dir"
work="$(mktemp -d "$dir/run.XXXXXX")"
servers=()
cleanup() {
    for pid in "${servers[@]}"; do
        # xapian-tcpsrv forks a child per connection: stop those (by parent id) and the server.
        pkill -P "$pid" 2>/dev/null || true
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

built_from="$(cd "$corpus" && ls -a | grep '^\.complete-seed-')"
if [ -n "${REINDEX:-}" ] || [ "$(cat "$dir/.complete" 2>/dev/null)" != "$built_from" ]; then
    rm -rf "$dir/corpus" "$dir/single" "$dir/sharded" "$dir/.complete" "$dir/times"
    mkdir -p "$dir/corpus"
    cp "$corpus/synonymer.txt" "$dir/corpus/" 2>/dev/null || true
    folders=($(cd "$corpus" && ls -d */ | tr -d /))
    for i in "${!folders[@]}"; do
        group="${groups[$((i * ${#groups[@]} / ${#folders[@]}))]}"
        mkdir -p "$dir/corpus/$group"
        ln -s "$corpus/${folders[$i]}" "$dir/corpus/$group/${folders[$i]}"
    done
    echo "indexing $dir/corpus as one index and as ${#groups[@]} shards ..." >&2
    start=$SECONDS
    "$referat" index "$dir/corpus" --db "$dir/single" --quiet
    middle=$SECONDS
    for group in "${groups[@]}"; do
        "$referat" index "$dir/corpus" --db "$dir/sharded" --shard "$group" --quiet
    done
    echo "indexed: one index $((middle - start)) s, 3 shards one after the other $((SECONDS - middle)) s" \
        "(load $(cut -d' ' -f1-3 /proc/loadavg))" >"$dir/times"
    echo "$built_from" >"$dir/.complete"
fi

# One xapian-tcpsrv per shard, on loopback, each ready when a search through it answers.
echo "auto $dir/sharded/lexicon" >"$work/remote.stub"
for group in "${groups[@]}"; do
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    xapian-tcpsrv --interface 127.0.0.1 --port "$port" --quiet "$dir/sharded/shards/$group" &
    servers+=("$!")
    echo "remote 127.0.0.1:$port" >>"$work/remote.stub"
    printf 'remote 127.0.0.1:%s\n' "$port" >"$work/one.stub"
    deadline=$((SECONDS + 30))
    until "$referat" stats --db "$work/one.stub" >/dev/null 2>&1; do
        [ "$SECONDS" -lt "$deadline" ] || { echo "xapian-tcpsrv for $group did not answer" >&2; exit 1; }
        sleep 0.1
    done
done

bench/query-mix.sh "$dev" >"$work/mix.txt"

echo "referat bench/shards.sh  $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  git $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Package.swift shim || echo '+dirty')"
echo "corpus: $corpus ($n files) in ${#groups[@]} groups; $(cat "$dir/times")"
echo "one index: $(du -sh "$dir/single" | cut -f1); shards: $(du -sh "$dir/sharded/shards" | cut -f1); lexicon: $(du -sh "$dir/sharded/lexicon" | cut -f1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
layouts=("one index:$dir/single" "3 local shards:$dir/sharded" "3 remote shards:$work/remote.stub")
echo "whole mix, one process per run ($(wc -l <"$work/mix.txt") queries x $repeat passes), layouts in turn, ${ROUNDS:-3} rounds:"
# BEFORE: a build of other code, run right before this one on each layout in each round, so
# that a change is measured as a ratio under the same load.
binaries=("$referat")
[ -z "${BEFORE:-}" ] || binaries=("$BEFORE" "$referat")
for round in $(seq "${ROUNDS:-3}"); do
    for layout in "${layouts[@]}"; do
        for binary in "${binaries[@]}"; do
            label="${layout%%:*}"
            [ -z "${BEFORE:-}" ] || label="$label$([ "$binary" = "$BEFORE" ] && echo ', before' || echo ', after')"
            printf '%-25s ' "$label"
            "$binary" bench-queries "$work/mix.txt" --db "${layout#*:}" --repeat "$repeat"
        done
    done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "${HTTP:-1}" != 0 ]; then
    for layout in "${layouts[@]}"; do
        echo
        echo "HTTP, ${layout%%:*} (bench/http.sh):"
        INDEX="${layout#*:}" REFERAT="$referat" DURATION="${DURATION:-10s}" bench/http.sh
    done
fi
