#!/usr/bin/env bash
# Prints the path of the referat binary the benchmarks run: $REFERAT when set, else a release
# build of the working tree in $SCRATCH_PATH (default .build-bench), made first. The build's
# output goes to stderr only when it fails.
#
#   referat="$(bench/referat.sh)"
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${REFERAT:-}" ]; then
    echo "$REFERAT"
    exit 0
fi
scratch="${SCRATCH_PATH:-.build-bench}"
echo "building referat (release, --scratch-path $scratch) ..." >&2
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product referat >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
echo "$(swift build -c release --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)/referat"
