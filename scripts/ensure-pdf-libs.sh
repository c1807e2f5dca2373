#!/usr/bin/env bash
# WeasyPrint (the PDFs: briefs, certificates, reports) needs Pango and a font from Debian's
# packages. Installs them when missing and running as root; otherwise says what to install.
# Exit status 0 when the libraries are there (already, or installed now), 1 otherwise.
set -euo pipefail

have_libs() {
    ldconfig -p | grep -q 'libpangoft2-1.0.so.0' && ldconfig -p | grep -q 'libpango-1.0.so.0' \
        && [ -n "$(fc-list 2>/dev/null | head -n 1)" ]
}

if have_libs; then
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "ensure-pdf-libs: Pango or a font is missing and installing needs root:" >&2
    echo "ensure-pdf-libs:   sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core" >&2
    exit 1
fi
echo "ensure-pdf-libs: installing Debian's Pango and DejaVu fonts for WeasyPrint"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
    fontconfig fonts-dejavu-core >/dev/null
have_libs
