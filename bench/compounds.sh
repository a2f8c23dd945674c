#!/usr/bin/env bash
# Compound splitting on the Wikidata silver standard (shared/testdata/danish-compounds-wikidata.tsv)
# with lexicon = Debian's wdanish list: prints precision, recall, head-found rate and timing.
# The scoring rule is documented on CompoundSplitterEvaluation in
# Tests/DanishTextTests/CompoundSplitterTests.swift. COMPOUNDS_VERBOSE=1 also lists every miss.
#
# It builds only DanishText and its tests, in a throwaway package that links to the repo's
# Sources/DanishText and Tests/DanishTextTests, so unrelated targets cannot break it.
# Usage: bench/compounds.sh [-c release]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${COMPOUNDS_WORK:-$repo/.build-compounds-bench}"
mkdir -p "$work/pkg/Sources" "$work/pkg/Tests"
ln -sfn "$repo/Sources/DanishText" "$work/pkg/Sources/DanishText"
ln -sfn "$repo/Tests/DanishTextTests" "$work/pkg/Tests/DanishTextTests"
ln -sfn "$repo/../shared" "$work/shared"
cat >"$work/pkg/Package.swift" <<'SWIFT'
// swift-tools-version: 6.0
import PackageDescription
let settings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]
let package = Package(
    name: "CompoundsBench",
    targets: [
        .target(name: "DanishText", swiftSettings: settings),
        .testTarget(name: "DanishTextTests", dependencies: ["DanishText"], swiftSettings: settings),
    ]
)
SWIFT
log="$work/test.log"
if ! swift test --package-path "$work/pkg" --scratch-path "$work/build" \
    --filter CompoundSplitterEvaluation "$@" >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "compounds: swift test failed (full log: $log)" >&2
    exit 1
fi
grep -E '^COMPOUNDS' "$log" | sed -E 's/^COMPOUNDS(-[A-Z]+)? /\1 /; s/^ //'
