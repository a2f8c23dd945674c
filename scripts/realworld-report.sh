#!/usr/bin/env bash
# Prints, for each file of ../shared/realworld/ (or the directory given), its gold agenda items
# and what `referat parse` finds: found, matched (number and title; prefix for PDF transcripts,
# file 020), extra (found but not in the gold), then the totals.
#
#   scripts/realworld-report.sh [REALWORLD_DIR]
# Uses $REFERAT when set, else the debug build of the working tree (built first).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-../shared/realworld}"
if [ -z "${REFERAT:-}" ]; then
    swift build --product referat >/dev/null
    REFERAT="$(swift build --show-bin-path)/referat"
fi
"$REFERAT" parse --json "$dir"/docs/*.txt | python3 -c '
import json, os, sys
gold = json.load(open(os.path.join(sys.argv[1], "gold.json")))
prefix = {"020_ballerup-kommunalbestyrelsen-2005-11-28.txt"}
rows, totals = [], [0, 0, 0, 0]
for parsed in json.load(sys.stdin):
    name = os.path.basename(parsed["file"])
    expected = gold[name]["items"]
    found = list(parsed["items"])
    matched = 0
    for item in expected:
        for candidate in found:
            title_ok = candidate["title"].startswith(item["title"]) if name in prefix else candidate["title"] == item["title"]
            if candidate["number"] == item["number"] and title_ok:
                found.remove(candidate)
                matched += 1
                break
    row = [len(expected), len(parsed["items"]), matched, len(found)]
    totals = [a + b for a, b in zip(totals, row)]
    rows.append([name] + row)
print("| file | gold items | found | matched | extra |")
print("|---|---:|---:|---:|---:|")
for row in rows + [["total"] + totals]:
    print("| " + " | ".join(str(cell) for cell in row) + " |")
' "$dir"
