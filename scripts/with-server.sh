#!/usr/bin/env bash
# Runs a command against a live `referat serve`: indexes corpus/ into a temporary directory,
# serves it on a free loopback port, waits until /healthz answers, runs the command with
# REFERAT_URL set (e.g. http://127.0.0.1:41234), REFERAT_SERVER_LOG naming the server's log and
# REFERAT_SERVER_PID its process, then stops the server. Exits with the command's status. INDEX=path serves that index instead
# (nothing is indexed).
#
#   REFERAT=.build/debug/referat scripts/with-server.sh scripts/check-feed.py
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-packages.sh curl
referat="${REFERAT:-$(swift build --show-bin-path)/referat}"
work="$(mktemp -d /tmp/referat-server.XXXXXX)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

index="${INDEX:-}"
if [ -z "$index" ]; then
    index="$work/index"
    "$referat" index corpus --db "$index" --quiet
fi
"$referat" serve --db "$index" --host 127.0.0.1 --port 0 2>"$work/serve.log" &
server_pid=$!
# Handshake: the log names the port once it listens; /healthz answering means it serves.
base=""
until [ -n "$base" ] && curl -fsS "$base/healthz" >/dev/null 2>&1; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; echo "with-server: the server did not start" >&2; exit 1; }
    port="$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$work/serve.log" | head -n1)"
    [ -n "$port" ] && base="http://127.0.0.1:$port"
    sleep 0.1
done
status=0
REFERAT_URL="$base" REFERAT_SERVER_LOG="$work/serve.log" REFERAT_SERVER_PID="$server_pid" "$@" || status=$?
if [ "$status" -ne 0 ]; then tail -n 20 "$work/serve.log" >&2; fi
exit "$status"
