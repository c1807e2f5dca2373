#!/usr/bin/env bash
# Make sure Node.js and npm are on the PATH (they install axe-core for the browser tests).
# Uses the machine's own when present; otherwise installs Debian's packages with apt (root only).
set -euo pipefail

if command -v npm >/dev/null 2>&1; then
    exit 0
fi

if [ "$(id -u)" != "0" ]; then
    echo "ensure-node: npm is missing and installing Debian's nodejs and npm needs root." >&2
    echo "ensure-node: run 'sudo apt-get install nodejs npm', then try again." >&2
    exit 1
fi

echo "ensure-node: npm not found; installing Debian's nodejs and npm"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
command -v npm >/dev/null 2>&1 || { echo "ensure-node: npm still missing after apt-get" >&2; exit 1; }
echo "ensure-node: $(node --version), npm $(npm --version)"
