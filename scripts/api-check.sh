#!/usr/bin/env bash
# The HTTP API against a live server (scripts/with-server.sh): the Atom feed read by feedparser
# (scripts/check-feed.py), then schemathesis against the OpenAPI document the server serves
# (every operation; every response's status, content type and schema as documented, no 5xx;
# a bounded number of generated cases per operation, seeded so that a run can be repeated).
# The Python tools come from scripts/python-tools.sh.
#
#   REFERAT=.build/debug/referat scripts/api-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(scripts/python-tools.sh)"
scripts/with-server.sh "$bin/python" scripts/check-feed.py
# shellcheck disable=SC2016 # expanded by the inner shell, where with-server.sh sets it
scripts/with-server.sh bash -c '"$0/st" run "$REFERAT_URL/openapi.json" --url "$REFERAT_URL" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --phases examples,coverage,fuzzing --max-examples "${EXAMPLES:-100}" --seed "${SEED:-1}" --workers 2 \
    --no-color' "$bin"
