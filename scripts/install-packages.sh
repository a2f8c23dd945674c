#!/usr/bin/env bash
# Installs the Debian packages named (only those missing). With no names: what Referat needs —
# Xapian's library and headers, the Danish word list used for compound splitting, libxml2's
# headers and pkgconf to find them (HTML minutes), Poppler's pdftohtml (PDF minutes), and
# xapian-tools (xapian-check, xapian-delve) and python3-xapian for scripts/kill-test.sh.
#
#   scripts/install-packages.sh                  # Referat's own
#   scripts/install-packages.sh chromium wrk     # what a check or benchmark needs
set -euo pipefail
if [ $# -gt 0 ]; then packages=("$@"); else packages=(libxapian-dev wdanish libxml2-dev pkgconf poppler-utils xapian-tools python3-xapian); fi
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
