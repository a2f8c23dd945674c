#!/usr/bin/env bash
# Prints the directory of the generated N-file benchmark corpus, generating it first when it is
# missing or was made with another seed or another version of bench/generate-corpus.py.
#
#   bench/corpus.sh N     # $BENCH_DIR/corpus-N (default /tmp/referat-bench), SEED (default 1)
#
# The corpus holds a marker file named after the seed and the generator's hash; an index built
# from it can copy the marker's name (see bench/index.sh and bench/query.sh) to tell whether it
# was built from the current corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
n="$1"
corpus="${BENCH_DIR:-/tmp/referat-bench}/corpus-$n"
marker=".complete-seed-${SEED:-1}-$(sha1sum bench/generate-corpus.py | cut -c1-12)"
if [ ! -f "$corpus/$marker" ]; then
    rm -rf "$corpus"
    python3 bench/generate-corpus.py --files "$n" --out "$corpus" --seed "${SEED:-1}" >&2
    touch "$corpus/$marker"
fi
echo "$corpus"
