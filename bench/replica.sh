#!/usr/bin/env bash
# Replication figures: a master index written with changesets (XAPIAN_MAX_CHANGESETS), served by
# xapian-replicate-server on loopback, and xapian-replicate in its continuous mode keeping a
# replica. For the first build, an update of CHANGED files with and without changesets, and a
# --rebuild with and without: how long `referat index` took, how long after it ended the replica
# held the master's database (the same UUID and revision, by xapian-delve), the master's commits,
# and what went (whole copies or changesets, from xapian-replicate's log).
#
#   bench/replica.sh [N=2000]           # the N-file generated corpus (bench/corpus.sh)
#   CORPUS=corpus bench/replica.sh      # any corpus
#   INTERVAL=5 READER_TIME=1 CHANGED=20 # xapian-replicate's -i and -r; files changed per update
#   REFERAT=/path/to/referat bench/replica.sh   # skip the build
#
# The lag is at most INTERVAL (the replica asks every INTERVAL seconds) plus READER_TIME for each
# changeset after the first (xapian-replicate waits that long between two changesets applied to
# a live database) plus the transfer. Polls every 0.1 s (a measurement, not a handshake).
set -euo pipefail
cd "$(dirname "$0")/.."

n="${1:-2000}"
interval="${INTERVAL:-5}"
reader_time="${READER_TIME:-1}"
changed="${CHANGED:-20}"
bench_dir="${BENCH_DIR:-/tmp/referat-bench}"
source_corpus="${CORPUS:-$(bench/corpus.sh "$n")}"
referat="$(bench/referat.sh)"
export XAPIAN_MAX_CHANGESETS="${XAPIAN_MAX_CHANGESETS:-100}"

mkdir -p "$bench_dir"
work="$(mktemp -d "$bench_dir/replica.XXXXXX")"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
cp -a "$source_corpus" "$work/corpus"
mkdir -p "$work/master"
master="$work/master/index"
replica="$work/replica"

state() { xapian-delve "$1" 2>/dev/null | grep -E '^(UUID|revision) = ' || true; }

# Runs `referat index` with the given options; prints its wall time.
index() {
    local start
    start=$(date +%s.%N)
    "$referat" index "$work/corpus" --db "$master" --quiet "$@" >/dev/null
    echo "$(date +%s.%N) - $start" | bc
}

# Waits until the replica holds the master's database; prints the seconds it took.
lag() {
    local start want
    start=$(date +%s.%N)
    want="$(state "$master")"
    until [ "$(state "$replica")" = "$want" ]; do
        kill -0 "${pids[1]}" || { cat "$work/replicate.log" >&2; exit 1; }
        sleep 0.1
    done
    echo "$(date +%s.%N) - $start" | bc
}

# What xapian-replicate did since the log had $1 lines: copies and changesets. It logs an update
# after removing the copy it replaced, a while after the replica holds the new one.
sent() {
    until tail -n +"$(($1 + 1))" "$work/replicate.log" | grep -q '^Update complete: .*new live'; do sleep 0.1; done
    tail -n +"$(($1 + 1))" "$work/replicate.log" | awk '/^Update complete:/ && !/no changes/ {
        copies += $3; changesets += $5 } END { printf "%d copies, %d changesets", copies, changesets }'
}

revision() { state "$master" | sed -n 's/^revision = //p'; }

change_files() { # appends a line to $changed files, a different set each time ($1)
    find "$work/corpus" -type f ! -name 'synonymer.txt' ! -name 'referat.json' ! -name '.*' | sort \
        | awk -v skip="$1" -v count="$changed" 'NR > skip && NR <= skip + count' \
        | while IFS= read -r file; do printf '\nTilføjet til måling %s.\n' "$1" >>"$file"; done
}

echo "corpus $source_corpus ($(find "$work/corpus" -type f | wc -l) files), referat $referat"
echo "XAPIAN_MAX_CHANGESETS=$XAPIAN_MAX_CHANGESETS, xapian-replicate -i $interval -r $reader_time, $changed files per update"
build_time=$(index)

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# In a process group of its own: on SIGTERM, the server signals its whole group.
setsid xapian-replicate-server --interface 127.0.0.1 --port "$port" "$work/master" >"$work/server.log" 2>&1 &
pids+=($!)
deadline=$((SECONDS + 10))
until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    kill -0 "${pids[0]}" 2>/dev/null && [ $SECONDS -lt $deadline ] || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.05
done
xapian-replicate --host 127.0.0.1 --port "$port" --master index --interval "$interval" \
    --reader-time "$reader_time" --verbose "$replica" >"$work/replicate.log" 2>&1 &
pids+=($!)

printf '%-38s %8s %8s %8s  %s\n' step "index s" "lag s" commits "sent"
report() { # step, index seconds, master state before, log lines before
    local lag_s commits=new
    lag_s=$(lag)
    if [ "$(head -1 <<<"$3")" = "$(state "$master" | head -1)" ]; then
        commits=$(($(revision) - $(sed -n 's/^revision = //p' <<<"$3")))
    fi
    printf '%-38s %8.1f %8.1f %8s  %s\n' "$1" "$2" "$lag_s" "$commits" "$(sent "$4")"
}
report "first build" "$build_time" "" 0
master_mb=$(du -sm "$(dirname "$master")" | cut -f1)

for step in "update, $changed files" "update, $changed files, no changesets" "--rebuild" "--rebuild, no changesets"; do
    before="$(state "$master")"
    lines=$(wc -l <"$work/replicate.log")
    case $step in
    --rebuild) seconds=$(index --rebuild) ;;
    --rebuild,*) seconds=$(XAPIAN_MAX_CHANGESETS=0 index --rebuild) ;;
    *no\ changesets) change_files "$((2 * changed))"; seconds=$(XAPIAN_MAX_CHANGESETS=0 index) ;;
    *) change_files 0; seconds=$(index) ;;
    esac
    report "$step" "$seconds" "$before" "$lines"
    if [ "$step" = "update, $changed files" ]; then
        changesets=$(du -ck "$master"/gen-*/changes* | tail -1 | cut -f1)
    fi
done
echo "changesets on the master after the first update: $((changesets / 1024)) MB"
echo "master $master_mb MB after the first build; replica $(du -sm "$replica" | cut -f1) MB at the end"
