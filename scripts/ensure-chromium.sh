#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium for the browser tests (e2e/).
# Playwright drives this binary; no browser is ever downloaded (the network reaches only the
# package registries, and Playwright's own browser downloads are refused here).
#
# Exit status: 0 when /usr/bin/chromium is there (already, or installed now); 1 when it is
# missing and cannot be installed (not root, or apt failed). The e2e suite itself decides
# what a missing browser means: skipped locally, a failure under CI=true.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    exit 0
fi

if [ "$(id -u)" != "0" ]; then
    echo "ensure-chromium: $CHROMIUM is missing and installing it needs root:" >&2
    echo "ensure-chromium:   sudo apt-get install chromium fonts-dejavu-core" >&2
    exit 1
fi

echo "ensure-chromium: $CHROMIUM not found; installing Debian's chromium with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# A font too, so that pages render text (and axe measures contrast) on a bare machine.
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null

if [ ! -x "$CHROMIUM" ]; then
    echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing" >&2
    exit 1
fi
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null)"
