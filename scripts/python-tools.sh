#!/usr/bin/env bash
# The Python tools the HTTP checks use (scripts/requirements-check.txt: feedparser, schemathesis)
# in a virtual environment under .build/, made or updated when the requirements changed. Prints
# the environment's bin directory. Debian's python3 with its site packages, so that
# python3-selenium from Debian is seen too.
#
#   bin="$(scripts/python-tools.sh)"; "$bin/python" …
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-packages.sh python3-venv python3-pip >&2
venv="${PYTHON_TOOLS:-$PWD/.build/python-tools}"
stamp="$venv/requirements.sha256"
want="$(sha256sum scripts/requirements-check.txt | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    /usr/bin/python3 -m venv --system-site-packages "$venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r scripts/requirements-check.txt >&2
    echo "$want" >"$stamp"
fi
echo "$venv/bin"
