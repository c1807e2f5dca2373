#!/usr/bin/env bash
# The whole suite, as `make test` and CI (.ci/run) run it:
#
#   1. lint          ruff check + ruff format --check
#   2. translations  compile the French catalogue (pages and exports are tested in French)
#   3. chromium      Debian's /usr/bin/chromium for the browser tests (installed when root)
#   4. SQLite        every test: unit, pages, API, schemathesis and the browser tests (e2e)
#   5. PostgreSQL    the same without the browser tests, when a server is there: always under
#                    CI=true (scripts/ensure-postgres.sh installs and starts one if needed),
#                    locally when pg_isready answers on 127.0.0.1
#
# Every stage runs even when an earlier one failed; the summary at the end gives each stage's
# result and duration, and the exit status is non-zero if any stage failed. pytest collecting no
# test at all (its exit status 5) counts as a failure. Extra arguments go to both pytest runs.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_NUMERIC=C # a decimal point in the timings, whatever the locale

VENV=.venv
PY="$VENV/bin/python"
PYTEST="$VENV/bin/pytest"
RUFF="$VENV/bin/ruff"
LOG_DIR="var/test-logs"

case "${CI:-}" in
    1 | true | TRUE | True | yes) UNDER_CI=true ;;
    *) UNDER_CI=false ;;
esac

if [ ! -x "$PYTEST" ]; then
    echo "test.sh: $PYTEST is missing: run 'make install-dev' (or simply 'make test')." >&2
    exit 1
fi
mkdir -p "$LOG_DIR"

SUMMARY=()
RUNS=()
FAILED_STAGES=()
TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0

banner() { printf '\n==> %s\n' "$*"; }
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1fs", b - a }'; }
record() { # name status detail start
    local line
    line="$(printf '%-12s %-7s %8s  %s' "$1" "$2" "$(elapsed "$4")" "$3")"
    SUMMARY+=("$line")
    if [ "$2" = "FAILED" ]; then FAILED_STAGES+=("$1"); fi
}

# Run a command as a stage: its failure is recorded and the script goes on.
stage() { # name command...
    local name="$1" start rc
    shift
    banner "$name: $*"
    start="$EPOCHREALTIME"
    set +e
    "$@"
    rc=$?
    set -e
    if [ "$rc" -eq 0 ]; then
        record "$name" ok "" "$start"
    else
        record "$name" FAILED "exit status $rc" "$start"
    fi
}

lint() {
    local rc=0
    "$RUFF" check . || rc=1
    "$RUFF" format --check . || rc=1
    return "$rc"
}

# The counts on pytest's closing line ("12 passed, 1 skipped, 3 deselected in 4.5s").
count() { # word log
    grep -E '(passed|failed|error|skipped|deselected|no tests ran).* in [0-9.]+s' "$2" \
        | tail -n 1 | grep -oE "[0-9]+ $1" | grep -oE '^[0-9]+' || echo 0
}

# Run pytest as a stage named $1 (the rest: environment assignments for env, then pytest's
# arguments after "--"), keep its log, and add its counts to the totals.
pytest_stage() {
    local name="$1" start rc log passed failed errors skipped detail
    shift
    local envs=()
    while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
        envs+=("$1")
        shift
    done
    shift
    log="$LOG_DIR/pytest-$(echo "$name" | tr '[:upper:]' '[:lower:]').log"
    banner "$name: ${envs[*]:+env ${envs[*]} }pytest -rfEs $*"
    start="$EPOCHREALTIME"
    set +e
    env "${envs[@]}" "$PYTEST" -rfEs "$@" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    set -e
    passed=$(count passed "$log")
    failed=$(count failed "$log")
    errors=$(count 'errors?' "$log")
    skipped=$(count skipped "$log")
    TOTAL_PASSED=$((TOTAL_PASSED + passed))
    TOTAL_FAILED=$((TOTAL_FAILED + failed + errors))
    TOTAL_SKIPPED=$((TOTAL_SKIPPED + skipped))
    detail="$passed passed, $failed failed, $skipped skipped"
    [ "$errors" -eq 0 ] || detail="$detail, $errors errors"
    RUNS+=("$name: $detail ($(elapsed "$start"))")
    case "$rc" in
        0) record "$name" ok "$detail" "$start" ;;
        5)
            echo "test.sh: $name: pytest collected no test (exit status 5): that is a failure." >&2
            record "$name" FAILED "no tests collected (pytest exit status 5)" "$start"
            TOTAL_FAILED=$((TOTAL_FAILED + 1))
            ;;
        *)
            record "$name" FAILED "$detail (pytest exit status $rc; log: $log)" "$start"
            # An interrupted or crashed run may have printed no counts: still count it as failed.
            [ "$((failed + errors))" -gt 0 ] || TOTAL_FAILED=$((TOTAL_FAILED + 1))
            ;;
    esac
}

started="$EPOCHREALTIME"

# 1. Lint.
stage lint lint

# 2. The French catalogue, compiled without GNU gettext.
stage translations "$PY" manage.py compile_translations

# 3. The browser and axe-core for the browser tests.
banner "chromium: scripts/ensure-chromium.sh"
start="$EPOCHREALTIME"
if scripts/ensure-chromium.sh; then
    record chromium ok "$(/usr/bin/chromium --version 2>/dev/null || true)" "$start"
elif "$UNDER_CI"; then
    record chromium FAILED "/usr/bin/chromium missing under CI" "$start"
else
    record chromium skipped "/usr/bin/chromium missing: the browser tests will be skipped" "$start"
fi
if [ ! -f node_modules/axe-core/axe.min.js ]; then
    stage axe-core make --no-print-directory node_modules/.installed
fi

# 4. Everything on SQLite (an in-memory test database), the browser tests included.
pytest_stage SQLite -u DATABASE_URL -- "$@"

# 5. Everything but the browser tests on PostgreSQL.
banner "PostgreSQL: looking for a server on 127.0.0.1:5432"
start="$EPOCHREALTIME"
pg_url=""
if "$UNDER_CI"; then
    if pg_url="$(scripts/ensure-postgres.sh)"; then
        record postgres ok "$pg_url" "$start"
    else
        record postgres FAILED "scripts/ensure-postgres.sh could not provide PostgreSQL" "$start"
    fi
elif command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432 -t 3; then
    if pg_url="$(scripts/ensure-postgres.sh --check)"; then
        record postgres ok "$pg_url" "$start"
    else
        pg_url=""
        record postgres skipped "a server answers, but not as postgres:postgres (see above)" "$start"
    fi
else
    record postgres skipped "no server answers on 127.0.0.1:5432 (CI always runs it)" "$start"
fi
if [ -n "$pg_url" ]; then
    # A database name of this run's own (pytest-django creates test_<name> and drops it after),
    # so that two runs on one server, say two developers', do not drop each other's.
    pytest_stage PostgreSQL "DATABASE_URL=${pg_url%/*}/prevnet_$$" -- -m "not e2e" "$@"
fi

# Summary.
printf '\n==> Summary (%s in all)\n' "$(elapsed "$started")"
for line in "${SUMMARY[@]}"; do
    echo "  $line"
done
echo
for line in "${RUNS[@]}"; do
    echo "$line"
done
if [ "${#FAILED_STAGES[@]}" -gt 0 ]; then
    echo "FAILED: ${FAILED_STAGES[*]}"
    echo "Total: $TOTAL_PASSED passed, $TOTAL_FAILED failed, $TOTAL_SKIPPED skipped"
    exit 1
fi
echo "Total: $TOTAL_PASSED passed, $TOTAL_FAILED failed, $TOTAL_SKIPPED skipped"
