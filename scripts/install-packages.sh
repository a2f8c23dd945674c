#!/usr/bin/env bash
# The Debian packages Referat needs: Xapian's library and headers, and the Danish word list
# used for compound splitting, and xapian-tools (xapian-check, xapian-delve) for
# scripts/kill-test.sh. Installs only what is missing.
set -euo pipefail
packages=(libxapian-dev wdanish xapian-tools)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
