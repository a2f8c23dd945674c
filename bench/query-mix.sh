#!/usr/bin/env bash
# Prints the query mix the query benchmarks run, one query per line: the judged queries of an
# evaluation set (default ../shared/eval/dev.json), then bench/query-mix.txt without comments.
#
#   bench/query-mix.sh [DEV_JSON] > mix.txt
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - "${1:-../shared/eval/dev.json}" <<'PY'
import json, sys
for judged in json.load(open(sys.argv[1], encoding="utf-8")):
    print(judged["query"])
PY
grep -v '^#' bench/query-mix.txt | grep -v '^[[:space:]]*$'
