"""Benchmark: the programme dashboard over a full-size network (target: under 300 ms server time
on PostgreSQL, with the same number of queries as on the demo data).

    createdb -h 127.0.0.1 -U postgres prevnet_evaluation_bench   # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/prevnet_evaluation_bench \\
        .venv/bin/python bench/evaluation_dashboard.py [--repeat 10]

Without DATABASE_URL it uses a throw-away SQLite file under var/bench/. The database is emptied
(PostgreSQL: its public schema is dropped, so use a scratch database), migrated, filled by
bench/evaluation_generate.py (5,000 municipalities, 50,000 people, 20,000 activities with their
attendance, and 200,000 questionnaire submissions) and the
programme's logic model is loaded; then the dashboard (plain, filtered by region, by province)
and four indicator pages are requested as network staff through Django's test client.
``--demo`` loads the demo data instead (``load_demo``), for the query counts to compare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prevnet.settings")
if "DATABASE_URL" not in os.environ:
    bench_db = ROOT / "var" / "bench" / "evaluation.sqlite3"
    bench_db.parent.mkdir(parents=True, exist_ok=True)
    bench_db.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{bench_db}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.evaluation_generate import generate  # noqa: E402
from prevnet.core.models import Role, User  # noqa: E402
from prevnet.evaluation import seed  # noqa: E402
from prevnet.evaluation.models import Indicator  # noqa: E402


def timed(client: Client, label: str, url: str, repeat: int) -> None:
    client.get(url)  # warm: templates, translations
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    print(
        f"{label:<44} median {statistics.median(times) * 1000:7.1f} ms   "
        f"max {max(times) * 1000:7.1f} ms   {len(ctx.captured_queries)} queries"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipalities", type=int, default=5000)
    parser.add_argument("--people", type=int, default=50000)
    parser.add_argument("--activities", type=int, default=20000)
    parser.add_argument("--submissions", type=int, default=200000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="the demo data (load_demo) instead of the generator: the query counts to compare",
    )
    args = parser.parse_args()

    if connection.vendor == "postgresql":  # a scratch database: start from nothing
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    if args.demo:
        call_command("load_demo", verbosity=0)
    for line in (
        []
        if args.demo
        else generate(
            municipalities=args.municipalities,
            people=args.people,
            activities=args.activities,
            submissions=args.submissions,
        )
    ):
        print("generated:", line)
    print(f"generation took {time.perf_counter() - start:.1f} s")
    seed.load()
    with connection.cursor() as cursor:  # planner statistics, as a maintained database has
        cursor.execute("ANALYZE")
    user = User.objects.create_user("bench-staff", role=Role.NETWORK_STAFF)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    print(f"database: {connection.vendor}")
    timed(client, "dashboard", "/en/evaluation/", args.repeat)
    timed(client, "dashboard, one region", "/en/evaluation/?region=prairies", args.repeat)
    timed(client, "dashboard, one province", "/en/evaluation/?province=QC", args.repeat)
    for code in (
        "municipalities-engaged",
        "additional-programs",
        "stakeholders-sensitized",
        "people-trained",
    ):
        indicator = Indicator.objects.get(code=code)
        timed(
            client,
            f"indicator page: {code}",
            f"/en/evaluation/indicators/{indicator.pk}/",
            args.repeat,
        )


if __name__ == "__main__":
    main()
