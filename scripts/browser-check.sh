#!/usr/bin/env bash
# The search page in a real browser: builds referat, serves corpus/ through
# scripts/with-server.sh (which runs this script again inside), loads /?q=palliation in headless Chromium
# (Debian's `chromium`, installed if missing), saves screenshots at laptop and phone width and
# checks the rendered DOM: results, <mark> around hits, facet counts, a working facet link,
# the item page, and the XSS probe shown as text; then runs axe-core on the pages
# (scripts/check-accessibility.py: WCAG A and AA, zero violations). Exits non-zero on the
# first failure.
#
#   scripts/browser-check.sh            # screenshots in /tmp/referat-page.png, -phone.png, -item.png
#   OUT=/some/dir scripts/browser-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${REFERAT_URL:-}" ]; then
    # REFERAT=/path/to/referat skips the build.
    referat="${REFERAT:-}"
    if [ -z "$referat" ]; then
        scratch="${SCRATCH_PATH:-.build-server}"
        swift build --scratch-path "$scratch" --product referat
        referat="$(swift build --scratch-path "$scratch" --show-bin-path)/referat"
    fi
    REFERAT="$referat" exec scripts/with-server.sh "$PWD/scripts/browser-check.sh"
fi
base="$REFERAT_URL"

out="${OUT:-/tmp}"
work="$(mktemp -d /tmp/referat-browser.XXXXXX)"
trap 'rm -rf "$work"' EXIT

fail() { echo "browser-check: FAIL: $*" >&2; exit 1; }
pass() { echo "browser-check: ok: $*"; }

# Chromium (and a font with Danish letters) from Debian, only when missing.
scripts/install-packages.sh chromium fonts-dejavu-core chromium-driver python3-selenium
python_tools="$(scripts/python-tools.sh)"

chrome() {
    # --no-sandbox: root in a container has no user namespaces for Chromium's sandbox.
    chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
        --no-first-run --disable-extensions "$@" 2>>"$work/chromium.log"
}

page="$base/?q=palliation"
chrome --window-size=1280,1100 --screenshot="$out/referat-page.png" "$page" >/dev/null
chrome --window-size=390,844 --screenshot="$out/referat-page-phone.png" "$page" >/dev/null
chrome --dump-dom "$page" >"$work/page.html"
[ -s "$out/referat-page.png" ] || fail "no screenshot"
pass "screenshots $out/referat-page.png and $out/referat-page-phone.png"

dom="$work/page.html"
grep -q '<html lang="da">' "$dom" || fail "the page is not marked as Danish"
results=$(grep -o '<h3><a href="/items/[^"]*">' "$dom" | wc -l)
[ "$results" -ge 1 ] || fail "no results for palliation"
pass "$results results"
marks=$(grep -oi '<mark>[^<]*</mark>' "$dom" | wc -l)
[ "$marks" -ge 1 ] || fail "no <mark> around hits"
grep -qi '<mark>palliation' "$dom" || fail "palliation is not marked"
pass "$marks marked hits"
counts=$(grep -o '<span class="count">[0-9.]*' "$dom" | wc -l)
[ "$counts" -ge 3 ] || fail "fewer than 3 facet counts"
grep -q '<h3 id="facet-cluster">Klynge</h3>' "$dom" || fail "no cluster facet"
pass "$counts facet counts"

# The first cluster facet narrows the search and shows as selected.
facet="$(grep -o 'href="/?q=palliation&amp;cluster=[^"]*"' "$dom" | head -n1 | sed 's/^href="//; s/"$//; s/&amp;/\&/g')"
[ -n "$facet" ] || fail "no cluster facet link"
chrome --dump-dom "$base$facet" >"$work/facet.html"
grep -q 'aria-current="true"' "$work/facet.html" || fail "the facet link $facet does not select the facet"
grep -q '<h3><a href="/items/' "$work/facet.html" || fail "the facet link $facet shows no results"
pass "facet link $facet narrows"

# The item page: the whole item with the query's words marked.
item="$(grep -o 'href="/items/[^"]*"' "$dom" | head -n1 | sed 's/^href="//; s/"$//; s/&amp;/\&/g')"
chrome --window-size=1280,1100 --screenshot="$out/referat-item.png" "$base$item" >/dev/null
chrome --dump-dom "$base$item" >"$work/item.html"
grep -q '<article class="item"' "$work/item.html" || fail "the item page $item shows no item"
grep -qi '<mark>palliation' "$work/item.html" || fail "the item page does not mark palliation"
pass "item page $item"

# The XSS probe is text, not markup: no script element, no alert.
chrome --dump-dom "$base/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E" >"$work/xss.html"
grep -q '<script' "$work/xss.html" && fail "the XSS probe became a script element"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$work/xss.html" || fail "the XSS probe is not shown as text"
pass "XSS probe rendered as text"

"$python_tools/python" scripts/check-accessibility.py "$base" || fail "axe found accessibility violations"
pass "axe: no WCAG A/AA violations"

requests=$(grep -c '\] GET ' "$REFERAT_SERVER_LOG" || true)
echo "browser-check: passed ($requests requests logged)"
