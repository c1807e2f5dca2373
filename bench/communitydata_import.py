"""Import time and peak memory of a 35-10-0177 full table: prevnet into SQLite and PostgreSQL,
beside pandas.read_csv and DuckDB's read_csv of the same CSV and the stats-can package's own
reader of the downloaded zip (``stats_can.sc.zip_table_to_dataframe``: pandas.read_csv of the
zip member with every column but VALUE as text, then categories and dates), each in its own
process.

    .venv/bin/python bench/communitydata_import.py [var/bench/35100177-eng.zip] \\
        [--only sqlite,pandas]

``--only`` runs the contenders whose name holds one of the words (case ignored).

Generate the file first (bench/communitydata_generate.py). prevnet reads the zip as downloaded
(decompressing as it goes), as stats-can does; pandas and DuckDB read the CSV extracted
beforehand (var/bench/), so they are spared the decompression. prevnet's databases are migrated
beforehand, unmeasured (a user imports into a running site); its wall time counts starting
Python and Django, as the others' count starting Python and importing their modules. Peak memory
is each child's maximum resident set size (os.wait4); CPU time is the child's user + system time
and, for PostgreSQL, also the server backend's (read from /proc before the connection closes:
COPY, sorting and indexing happen there). The "site role" runs the import as a role without
superuser rights that owns its database (reference checks kept), the second one granted SET ON
PARAMETER session_replication_role (checks skipped as for a superuser: see
partitions.may_skip_checks). The SQLite and PostgreSQL databases are kept
(var/bench/bench.sqlite3 and prevnet_cd_bench) for bench/communitydata_page.py; delete the files
under var/bench/, drop the databases prevnet_cd_bench, prevnet_cd_bench_nosu and
prevnet_cd_bench_granted, then the roles prevnet_bench_site and prevnet_bench_granted after.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv/bin/python")
SQLITE = ROOT / "var/bench/bench.sqlite3"
PG = "postgres://postgres@127.0.0.1:5432/prevnet_cd_bench"
# Roles without superuser rights, each owning its database as a site's role does; the second
# may set session_replication_role (partitions.may_skip_checks).
SITE_ROLES = {
    "prevnet_cd_bench_nosu": ("prevnet_bench_site", False),
    "prevnet_cd_bench_granted": ("prevnet_bench_granted", True),
}

PREVNET = """
import os, sys, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prevnet.settings")
sys.path.insert(0, {root!r})
django.setup()
from prevnet.communitydata.importer import import_statcan_zip
from django.db import connection
import time
t = time.perf_counter()
r = import_statcan_zip({path!r})
server = ""
if connection.vendor == "postgresql":
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        stat = open(f"/proc/{{cursor.fetchone()[0]}}/stat").read().rsplit(")", 1)[1].split()
        server = f" server_cpu_s={{(int(stat[11]) + int(stat[12])) / os.sysconf('SC_CLK_TCK'):.1f}}"
print(f"rows={{r.rows}} created={{r.created}} import_s={{time.perf_counter() - t:.1f}}{{server}}")
"""
PANDAS = """
import pandas as pd
df = pd.read_csv({csv!r}, encoding="utf-8-sig")
print(f"rows={{len(df)}}")
"""
STATS_CAN = """
from stats_can.sc import zip_table_to_dataframe
df = zip_table_to_dataframe({table!r}, path={folder!r})
print(f"rows={{len(df)}}")
"""
DUCKDB = """
import duckdb
con = duckdb.connect({db!r})
con.execute("DROP TABLE IF EXISTS t")
con.execute("CREATE TABLE t AS SELECT * FROM read_csv({csv!r}, header=true, all_varchar=false)")
print("rows=" + str(con.execute("SELECT count(*) FROM t").fetchone()[0]))
"""


def migrate(env: dict) -> None:
    """The empty database's schema, made beforehand: what a user's import starts from."""
    manage = [PY, str(ROOT / "manage.py"), "migrate", "-v0"]
    subprocess.run(manage, check=True, env={**os.environ, **env})


def run_measured(name: str, code: str, env: dict | None = None):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.execve(PY, [PY, "-c", code], {**os.environ, **(env or {})})
    _pid, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    peak_mb = usage.ru_maxrss / 1024  # Linux reports kilobytes
    cpu = usage.ru_utime + usage.ru_stime
    return name, wall, cpu, peak_mb, os.waitstatus_to_exitcode(status)


def main(zip_path: Path, only: list[str]) -> None:
    csv_path = zip_path.with_suffix(".csv")
    if not csv_path.exists():
        with (
            zipfile.ZipFile(zip_path) as z,
            z.open("35100177.csv") as src,
            open(csv_path, "wb") as dst,
        ):
            while chunk := src.read(1 << 22):
                dst.write(chunk)
    print(
        f"file: {zip_path} ({zip_path.stat().st_size / 1e9:.2f} GB zip, "
        f"{csv_path.stat().st_size / 1e9:.2f} GB CSV)",
        flush=True,
    )
    SQLITE.parent.mkdir(parents=True, exist_ok=True)
    SQLITE.unlink(missing_ok=True)
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc"]
    for db in ("prevnet_cd_bench", *SITE_ROLES):
        subprocess.run([*psql, f"DROP DATABASE IF EXISTS {db}"], check=True)
    subprocess.run([*psql, "CREATE DATABASE prevnet_cd_bench"], check=True)
    for db, (role, granted) in SITE_ROLES.items():
        create = f"CREATE ROLE {role} LOGIN NOSUPERUSER"
        create = f"DO $$BEGIN {create}; EXCEPTION WHEN duplicate_object THEN NULL; END$$"
        subprocess.run([*psql, create], check=True)
        subprocess.run([*psql, f"CREATE DATABASE {db} OWNER {role}"], check=True)
        right = "SET ON PARAMETER session_replication_role"
        grant = f"GRANT {right} TO {role}" if granted else f"REVOKE {right} FROM {role}"
        subprocess.run([*psql, grant], check=True)
    site = {db: f"postgres://{role}@127.0.0.1:5432/{db}" for db, (role, _g) in SITE_ROLES.items()}
    prevnet = PREVNET.format(root=str(ROOT), path=str(zip_path))
    jobs = [
        ("prevnet → SQLite", prevnet, {"DATABASE_URL": f"sqlite:///{SQLITE}"}),
        ("prevnet → PostgreSQL (superuser)", prevnet, {"DATABASE_URL": PG}),
        (
            "prevnet → PostgreSQL, site role",
            prevnet,
            {"DATABASE_URL": site["prevnet_cd_bench_nosu"]},
        ),
        (
            "prevnet → PostgreSQL, site role granted session_replication_role",
            prevnet,
            {"DATABASE_URL": site["prevnet_cd_bench_granted"]},
        ),
        ("pandas.read_csv", PANDAS.format(csv=str(csv_path)), None),
        (
            "stats-can zip_table_to_dataframe",
            STATS_CAN.format(table=zip_path.name.split("-")[0], folder=str(zip_path.parent)),
            None,
        ),
        (
            "DuckDB read_csv → table",
            DUCKDB.format(csv=str(csv_path), db=str(zip_path.with_suffix(".duckdb"))),
            None,
        ),
    ]
    print(
        "| what | wall time | CPU time (process) | peak memory (RSS) |\n|---|---|---|---|",
        flush=True,
    )
    for name, code, env in jobs:
        if only and not any(word.casefold() in name.casefold() for word in only):
            continue
        if env:
            migrate(env)
        name, wall, cpu, peak, code_ = run_measured(name, code, env)
        note = "" if code_ == 0 else f" (exit {code_})"
        print(f"| {name} | {wall:.1f} s | {cpu:.1f} s | {peak:.0f} MB |{note}", flush=True)
    zip_path.with_suffix(".duckdb").unlink(missing_ok=True)
    csv_path.unlink(missing_ok=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    words = args.pop(args.index("--only") + 1).split(",") if "--only" in args else []
    args = [a for a in args if a != "--only"]
    main(Path(args[0] if args else "var/bench/35100177-eng.zip").resolve(), words)
