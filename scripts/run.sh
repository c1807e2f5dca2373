#!/usr/bin/env bash
# Start the task worker in the background and the web server in the foreground;
# stopping the server (Ctrl-C) stops the worker too.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
$PY manage.py demo_logins
$PY manage.py db_worker --queue-name default &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo "Task worker started (pid $worker). Web server on http://127.0.0.1:8000/"
$PY manage.py runserver 127.0.0.1:8000
