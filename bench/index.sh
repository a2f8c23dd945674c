#!/usr/bin/env bash
# Indexing benchmark: `referat index`, Xapian's `omindex --stemmer=danish` and a minimal
# python3-xapian TermGenerator loop (bench/floor.py, Xapian's floor), side by side in one run on
# the same generated files, at each size given. Prints files/s, MB/s, CPU seconds, peak RSS and
# index size per tool, and the ratios referat/omindex and referat/floor.
#
#   bench/index.sh                 # 2000 and 20000 files
#   bench/index.sh 5000            # any sizes
#   QUICK=1 bench/index.sh         # 2000 files only: the regression guard (a couple of minutes)
#   RUNS=3 bench/index.sh 2000     # each tool 3 times (interleaved), best wall time kept
#   REFERAT=/path/to/referat bench/index.sh   # skip the build
#   TOOLS="referat floor" bench/index.sh      # a subset (default: referat omindex floor)
#   TOOLS="referat omindex floor floor+sb" bench/index.sh
#       # floor+sb: the floor plus what referat asks of Xapian on top (spelling data for every
#       # word, a commit every 50 files): the Xapian-side cost of referat's write pattern
#
# Corpora are generated once by bench/generate-corpus.py (SEED, default 1) and cached under
# $BENCH_DIR/corpus-N (default /tmp/referat-bench); indexes are written to a fresh directory under
# $BENCH_DIR and removed at the end (KEEP=1 keeps them), except referat's, which is moved to
# $BENCH_DIR/query-index-N for bench/query.sh.
# The machine is usually shared: the load average is printed, and the ratios of one run matter
# more than the absolute rates. "cpu s" is user+system time, less disturbed by other load than
# wall time (but a parallel indexer spends more CPU than wall time).
set -euo pipefail
cd "$(dirname "$0")/.."

bench_dir="${BENCH_DIR:-/tmp/referat-bench}"
seed="${SEED:-1}"
runs="${RUNS:-1}"
tools="${TOOLS:-referat omindex floor}"
scratch="${SCRATCH_PATH:-.build-bench}"
pyxapian=/usr/bin/python3 # Debian's python, with the xapian module
if [ "$#" -gt 0 ]; then sizes="$*"; elif [ -n "${QUICK:-}" ]; then sizes=2000; else sizes="2000 20000"; fi

# omindex, GNU time and Debian's python3-xapian, installed when missing.
scripts/install-packages.sh xapian-omega time python3-xapian

mkdir -p "$bench_dir"
referat="${REFERAT:-}"
built="built from the working tree"
if [ -n "$referat" ]; then
    built="prebuilt via REFERAT, not necessarily the working tree"
else
    echo "building referat (release, --scratch-path $scratch) ..." >&2
    swift build -c release --scratch-path "$scratch" --product referat >"$bench_dir/build.log" 2>&1 \
        || { cat "$bench_dir/build.log" >&2; exit 1; }
    referat="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/referat"
fi

work="$(mktemp -d "$bench_dir/run.XXXXXX")"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

# run TOOL CORPUS DB TIMEFILE: one indexing run under /usr/bin/time (wall, user, sys, max RSS KB).
run() {
    local tool="$1" corpus="$2" db="$3" timefile="$4"
    rm -rf "$db"
    case "$tool" in
        referat)
            mkdir -p "$db"
            /usr/bin/time -f '%e %U %S %M' -o "$timefile" "$referat" index "$corpus" --db "$db" --quiet ;;
        omindex)
            # .md is not in omindex's extension map: map both to text/plain rather than rely on
            # libmagic; the synonym file is not a meeting; --overwrite makes a fresh database;
            # one document per file.
            /usr/bin/time -f '%e %U %S %M' -o "$timefile" omindex --stemmer=danish --overwrite \
                -M txt:text/plain -M md:text/plain -G synonymer.txt:skip --db "$db" --url / "$corpus" >/dev/null ;;
        floor)
            /usr/bin/time -f '%e %U %S %M' -o "$timefile" "$pyxapian" bench/floor.py "$corpus" "$db" >/dev/null ;;
        floor+sb)
            /usr/bin/time -f '%e %U %S %M' -o "$timefile" "$pyxapian" bench/floor.py "$corpus" "$db" \
                --spelling --batch 50 >/dev/null ;;
        *) echo "unknown tool $tool" >&2; exit 2 ;;
    esac
}

# documents DB: Xapian documents in DB (agenda items for referat, files for the others).
documents() {
    "$pyxapian" -c 'import sys, xapian; print(xapian.Database(sys.argv[1]).get_doccount())' "$1"
}

echo "referat bench/index.sh  $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  git $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Package.swift shim || echo '+dirty')"
echo "referat: $referat ($built)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $sizes; do
    corpus="$bench_dir/corpus-$n"
    if [ ! -f "$corpus/.complete-seed-$seed" ]; then
        rm -rf "$corpus"
        python3 bench/generate-corpus.py --files "$n" --out "$corpus" --seed "$seed"
        touch "$corpus/.complete-seed-$seed"
    fi
    # The meetings: every *.txt and *.md but the synonym file.
    files="$(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' \) ! -name synonymer.txt | wc -l)"
    bytes="$(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' \) ! -name synonymer.txt -printf '%s\n' \
        | awk '{s+=$1} END {print s}')"
    # Same page cache for every tool: read the corpus once before the first run.
    find "$corpus" -type f -exec cat {} + >/dev/null

    declare -A wall=() cpu=() rss=() size=() docs=()
    for round in $(seq 1 "$runs"); do
        for tool in $tools; do
            db="$work/$tool-$n"
            run "$tool" "$corpus" "$db" "$work/time"
            read -r e u s m <"$work/time"
            if [ -z "${wall[$tool]:-}" ] || awk -v a="$e" -v b="${wall[$tool]}" 'BEGIN {exit !(a < b)}'; then
                wall[$tool]="$e"
                cpu[$tool]="$(awk -v u="$u" -v s="$s" 'BEGIN {printf "%.1f", u + s}')"
                rss[$tool]="$m"
            fi
            size[$tool]="$(du -sk "$db" | cut -f1)"
            docs[$tool]="$(documents "$db")"
        done
    done

    echo
    printf '%-8s %7s %7s %8s %8s %8s %9s %7s %9s %9s\n' tool files MB docs "wall s" "cpu s" "files/s" "MB/s" "RSS MB" "index MB"
    for tool in $tools; do
        awk -v t="$tool" -v f="$files" -v b="$bytes" -v d="${docs[$tool]}" -v e="${wall[$tool]}" -v c="${cpu[$tool]}" \
            -v m="${rss[$tool]}" -v z="${size[$tool]}" 'BEGIN {
            mb = b / 1048576
            printf "%-8s %7d %7.1f %8d %8.1f %8.1f %9.1f %7.2f %9.0f %9.0f\n", t, f, mb, d, e, c, f / e, mb / e, m / 1024, z / 1024
        }'
    done
    for base in omindex floor; do
        case " $tools " in *" referat "*) ;; *) continue ;; esac
        case " $tools " in *" $base "*) ;; *) continue ;; esac
        awk -v b="$base" -v rw="${wall[referat]}" -v bw="${wall[$base]}" -v rc="${cpu[referat]}" -v bc="${cpu[$base]}" \
            -v rm="${rss[referat]}" -v bm="${rss[$base]}" -v rz="${size[referat]}" -v bz="${size[$base]}" 'BEGIN {
            printf "referat/%-8s files/s %.2fx (per cpu s %.2fx)   peak RSS %.2fx   index size %.2fx\n",
                b, bw / rw, bc / rc, rm / bm, rz / bz
        }'
    done
    echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
    case " $tools " in *" referat "*)
        rm -rf "$bench_dir/query-index-$n"
        mv "$work/referat-$n" "$bench_dir/query-index-$n"
        touch "$bench_dir/query-index-$n/.complete" ;;
    esac
    unset wall cpu rss size docs
done
if [ -n "${KEEP:-}" ]; then echo "indexes kept under $work"; fi
