#!/usr/bin/env bash
# The whole test suite: the formatter's lint (the toolchain's `swift format`, configured by
# .swift-format: reformat with `swift format -i -r Sources Tests Package.swift`); unit and
# end-to-end tests (Swift Testing); the search page in a real
# browser (headless Chromium, installed from Debian if missing); the HTTP API against a live
# server (scripts/api-check.sh: the Atom feed read by feedparser); and the crash-safety test
# (20 kill -9 at random moments during `referat index`). The last two use the same debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
swift format lint --strict -r Sources Tests Package.swift
swift build --build-tests
swift test --skip-build
referat="$(swift build --show-bin-path)/referat"
REFERAT="$referat" scripts/browser-check.sh
REFERAT="$referat" scripts/api-check.sh
REFERAT="$referat" scripts/kill-test.sh 20 80 8
