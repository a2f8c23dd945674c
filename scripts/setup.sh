#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks, builds Referat, indexes corpus/ into index/ and
# runs a sample search.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-packages.sh
swift build -c release --static-swift-stdlib --product referat
.build/release/referat index corpus --db index
.build/release/referat search "mobil blodprøvetagning" --db index --limit 3
