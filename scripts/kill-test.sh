#!/usr/bin/env bash
# Crash-safety test for `referat index`: kill -9 at random moments, then check that the index
# left behind opens and passes xapian-check, and that re-running the same command converges to
# exactly what an uninterrupted run produces (same items, ids, docids, terms, search results).
#
#   scripts/kill-test.sh [runs=20] [files=400] [batch-size=50]
#
# Three starting points, taken in turn: a fresh index; an index of an older corpus (some files
# changed, some gone, some new) updated incrementally; the same older index with --rebuild.
# Uses $REFERAT if set, else builds the release binary. Needs python3, Debian's python3-xapian
# and xapian-tools.
# Prints one line per kill and "N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
files=${2:-400}
batch=${3:-50}

if [ -z "${REFERAT:-}" ]; then
    swift build -c release --product referat >/dev/null || exit 1
    REFERAT="$(swift build -c release --show-bin-path)/referat"
fi
command -v xapian-check >/dev/null || { echo "xapian-check missing: scripts/install-packages.sh" >&2; exit 1; }
/usr/bin/python3 -c 'import xapian' 2>/dev/null || { echo "python3-xapian missing: scripts/install-packages.sh" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/referat-kill-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
started=$SECONDS

# The corpus, and an older version of it: every 10th file changed, every 20th missing, plus
# files that are gone since.
python3 bench/generate-corpus.py --files "$files" --out "$work/corpus" --seed 7
cp -a "$work/corpus" "$work/old-corpus"
n=0
while IFS= read -r file; do
    n=$((n + 1))
    if [ $((n % 20)) -eq 0 ]; then rm "$file"
    elif [ $((n % 10)) -eq 0 ]; then printf '\nTidligere version.\n' >>"$file"; fi
done < <(find "$work/old-corpus" -name 'referat-*' | sort)
python3 bench/generate-corpus.py --files 40 --out "$work/old-corpus/retired" --seed 99
rm -f "$work/old-corpus/retired/synonymer.txt"
"$REFERAT" index "$work/old-corpus" --db "$work/old-index" --quiet || { echo "cannot build the old index" >&2; exit 1; }

# The database a directory opens: the generation its stub names, or the directory itself.
database_dir() {
    if [ -f "$1/XAPIANDB" ]; then echo "$1/$(awk '{print $2; exit}' "$1/XAPIANDB")"; else echo "$1"; fi
}

# Everything two indexes must agree on.
snapshot() {
    local db=$1 dir
    dir=$(database_dir "$db")
    xapian-delve "$dir" | grep -vE '^(UUID|revision|currently open)'
    xapian-delve -a -v -1 "$dir"
    xapian-delve -V0 "$dir"
    # The spelling and synonym tables and the metadata (file hashes, pending spelling counts).
    /usr/bin/python3 - "$dir" <<'PY'
import sys, xapian
db = xapian.Database(sys.argv[1])
for item in db.spellings():
    print("spelling", item.term.decode(), item.termfreq)
for key in db.synonym_keys():
    print("synonyms", key.decode(), sorted(s.decode() for s in db.synonyms(key)))
for key in db.metadata_keys():
    print("metadata", key.decode(), db.get_metadata(key).decode())
PY
    "$REFERAT" stats --db "$db"
    for query in "mobil blodprøvetagning" IPS "klynge*" "sundhedsklynge" "blodprøvetagnig" "hospital" \
        'titel:status' "akutplan OR DÆMP"; do
        "$REFERAT" search "$query" --json --limit 100 --db "$db"
    done
}

start_state() { # mode → the index directory a run starts from
    rm -rf "$work/db"
    case $1 in
    fresh) mkdir -p "$work/db" ;;
    update | rebuild) cp -a "$work/old-index" "$work/db" ;;
    esac
}

command_for() { # mode → extra arguments
    case $1 in rebuild) echo "--rebuild --batch-size $batch" ;; *) echo "--batch-size $batch" ;; esac
}

modes=(fresh update rebuild)
declare -A reference duration
for mode in "${modes[@]}"; do
    start_state "$mode"
    t0=$(date +%s.%N)
    # shellcheck disable=SC2046
    "$REFERAT" index "$work/corpus" --db "$work/db" --quiet $(command_for "$mode") || { echo "reference $mode failed" >&2; exit 1; }
    duration[$mode]=$(echo "$(date +%s.%N) - $t0" | bc)
    snapshot "$work/db" >"$work/reference-$mode" 2>&1
    mv "$work/db" "$work/reference-db-$mode"
    reference[$mode]="$work/reference-$mode"
    printf 'reference %-7s %6.2f s, %s\n' "$mode" "${duration[$mode]}" "$(grep -m1 'number of documents' "$work/reference-$mode")"
done

passed=0 failed=0 midrun=0
for ((run = 1; run <= runs; run++)); do
    mode=${modes[$(((run - 1) % 3))]}
    start_state "$mode"
    # A moment between 2% and 98% of an uninterrupted run.
    permille=$((20 + RANDOM % 960))
    delay=$(echo "scale=3; ${duration[$mode]} * $permille / 1000" | bc)
    # shellcheck disable=SC2046
    "$REFERAT" index "$work/corpus" --db "$work/db" --quiet $(command_for "$mode") >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    alive=no
    if kill -0 "$pid" 2>/dev/null; then alive=yes; midrun=$((midrun + 1)); fi
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    problems=()
    dir=$(database_dir "$work/db")
    if [ -f "$dir/iamglass" ]; then
        xapian-check "$dir" >"$work/check.log" 2>&1 || problems+=("xapian-check failed: $(tail -1 "$work/check.log")")
        "$REFERAT" stats --db "$work/db" >/dev/null 2>&1 || problems+=("the killed index does not open")
    fi
    # shellcheck disable=SC2046
    "$REFERAT" index "$work/corpus" --db "$work/db" --quiet $(command_for "$mode") >"$work/rerun.log" 2>&1 \
        || problems+=("the re-run failed: $(tail -1 "$work/rerun.log")")
    snapshot "$work/db" >"$work/after" 2>&1
    if ! diff -q "${reference[$mode]}" "$work/after" >/dev/null; then
        problems+=("differs from the uninterrupted run: $(diff "${reference[$mode]}" "$work/after" | head -3 | tr '\n' ' ')")
    fi
    dir=$(database_dir "$work/db")
    xapian-check "$dir" >"$work/check.log" 2>&1 || problems+=("xapian-check after the re-run failed")
    if [ ${#problems[@]} -eq 0 ]; then
        passed=$((passed + 1))
        printf 'run %2d %-7s killed after %6.3f s (mid-run: %s): ok\n' "$run" "$mode" "$delay" "$alive"
    else
        failed=$((failed + 1))
        printf 'run %2d %-7s killed after %6.3f s (mid-run: %s): FAILED: %s\n' "$run" "$mode" "$delay" "$alive" "${problems[*]}"
    fi
done
echo "$passed passed, $failed failed ($midrun of $runs kills landed mid-run; $files files, $batch per commit; $((SECONDS - started)) s)"
[ "$failed" -eq 0 ]
