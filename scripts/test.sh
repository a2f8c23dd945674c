#!/usr/bin/env bash
# The whole test suite: unit and end-to-end tests (Swift Testing), then the search page in a
# real browser (headless Chromium, installed from Debian if missing) on the same debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test --skip-build
REFERAT="$(swift build --show-bin-path)/referat" scripts/browser-check.sh
