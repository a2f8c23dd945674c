#!/usr/bin/env bash
# The HTTP API against a live server (scripts/with-server.sh): the Atom feed read by feedparser
# (scripts/check-feed.py). The Python tools come from scripts/python-tools.sh.
#
#   REFERAT=.build/debug/referat scripts/api-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(scripts/python-tools.sh)"
scripts/with-server.sh "$bin/python" scripts/check-feed.py
