#!/usr/bin/env bash
# Make a PostgreSQL server usable on 127.0.0.1:5432 for the test suite, and print the
# DATABASE_URL to use (the only line on standard output; progress goes to standard error):
#
#   DATABASE_URL="$(scripts/ensure-postgres.sh)"
#   DATABASE_URL="$(scripts/ensure-postgres.sh --check)"   # use what is there, change nothing
#
# - A server already answering pg_isready on 127.0.0.1 is used as it is.
# - Otherwise Debian's postgresql is installed with apt (root only) and its cluster started
#   with pg_ctlcluster (no systemd on these machines).
# - With --check nothing is installed, started or altered: the URL is printed when the server
#   answers and the role below can log in and create databases; otherwise the exit status is 1.
# - The role "postgres" must log in over TCP and create databases (pytest-django creates
#   test_prevnet). When it cannot, its password is set to "postgres" as the postgres OS user,
#   which works whether pg_hba.conf says trust or scram-sha-256 for 127.0.0.1.
set -euo pipefail

HOST=127.0.0.1
PORT=5432
ROLE=postgres
PASSWORD=postgres
DBNAME=prevnet
URL="postgres://$ROLE:$PASSWORD@$HOST:$PORT/$DBNAME"
CHECK_ONLY=false
case "${1:-}" in
    --check) CHECK_ONLY=true ;;
    "") ;;
    *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

say() { echo "ensure-postgres: $*" >&2; }
die() { say "$*"; exit 1; }
is_root() { [ "$(id -u)" = "0" ]; }
answers() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$HOST" -p "$PORT" -t 3; }
as_postgres() {
    # psql as the postgres OS user over the local socket (peer authentication).
    if is_root; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi
}
can_create_databases() {
    PGPASSWORD="$PASSWORD" PGCONNECT_TIMEOUT=5 psql -h "$HOST" -p "$PORT" -U "$ROLE" -d postgres \
        -Atqc "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user" \
        2>/dev/null | grep -qx t
}
latest_version() { ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1; }

if "$CHECK_ONLY"; then
    answers || die "no PostgreSQL answers on $HOST:$PORT"
    command -v psql >/dev/null 2>&1 || die "psql (postgresql-client) is missing"
    can_create_databases || die "role $ROLE cannot log in on $HOST:$PORT with password $PASSWORD \
and create databases (scripts/ensure-postgres.sh without --check sets it up, as root)"
    echo "$URL"
    exit 0
fi

if ! answers; then
    if [ -z "$(latest_version)" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
        is_root || die "no PostgreSQL answers on $HOST:$PORT and installing one needs root."
        say "no PostgreSQL on $HOST:$PORT; installing Debian's postgresql with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends postgresql postgresql-client >/dev/null
    fi
    version="$(latest_version)"
    [ -n "$version" ] || die "postgresql is installed but /etc/postgresql holds no version"
    if [ ! -d "/etc/postgresql/$version/main" ]; then
        say "creating cluster $version/main"
        pg_createcluster "$version" main >/dev/null
    fi
    say "starting cluster $version/main"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start \
        || say "pg_ctlcluster start reported an error (it may already be running)"
    for _ in $(seq 1 30); do
        answers && break
        sleep 1
    done
    answers || die "PostgreSQL $version did not answer on $HOST:$PORT within 30 s"
fi
say "PostgreSQL answers on $HOST:$PORT"

if ! can_create_databases; then
    say "role $ROLE cannot log in over TCP with a password; setting it as the postgres OS user"
    as_postgres psql -q -c "ALTER ROLE $ROLE WITH LOGIN CREATEDB PASSWORD '$PASSWORD'" >/dev/null \
        || die "could not set the password of role $ROLE (need root, or sudo to postgres)"
    can_create_databases || die "role $ROLE still cannot log in on $HOST:$PORT (see pg_hba.conf)"
fi

# The database itself, so that DATABASE_URL also works for manage.py (tests make their own).
if ! PGPASSWORD="$PASSWORD" psql -h "$HOST" -p "$PORT" -U "$ROLE" -d postgres -Atqc \
    "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'" | grep -qx 1; then
    PGPASSWORD="$PASSWORD" psql -h "$HOST" -p "$PORT" -U "$ROLE" -d postgres -qc \
        "CREATE DATABASE $DBNAME" >/dev/null
    say "created database $DBNAME"
fi

echo "$URL"
