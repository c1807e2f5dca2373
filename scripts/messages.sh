#!/usr/bin/env bash
# Extract the strings to translate (needs GNU gettext's xgettext). The project catalogue
# (locale/) takes core, network, api and the templates outside apps; every other app under
# prevnet/ with a locale/ folder keeps its own catalogue, so that apps never share a file.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PY="$ROOT/.venv/bin/python"
COMMON=(--locale fr --no-obsolete --ignore ".venv/*" --ignore "node_modules/*" --ignore "var/*"
    --ignore "e2e/*" --ignore "bench/*")

own=()
for dir in prevnet/*/locale; do
    app="$(basename "$(dirname "$dir")")"
    case "$app" in core | network | api) continue ;; esac
    own+=(--ignore "prevnet/$app/*")
    (cd "prevnet/$app" && DJANGO_SETTINGS_MODULE=prevnet.settings PYTHONPATH="$ROOT" \
        "$PY" -m django makemessages --locale fr --no-obsolete --ignore "tests/*")
done
"$PY" manage.py makemessages "${COMMON[@]}" "${own[@]}"
