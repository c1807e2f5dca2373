"""Benchmark: the municipality list and its exports with a full-size registry.

Canada has about 5,000 census subdivisions; a network that loads them all still needs a
fast list. Run on demand (never in the test suite):

    .venv/bin/python bench/registry_pages.py [--municipalities 5000] [--repeat 5]

It builds a throw-away SQLite database under var/bench/ (or uses DATABASE_URL when set to a
scratch PostgreSQL database), then times the list page, a filtered page and the exports.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prevnet.settings")
if "DATABASE_URL" not in os.environ:
    bench_db = ROOT / "var" / "bench" / "registry.sqlite3"
    bench_db.parent.mkdir(parents=True, exist_ok=True)
    bench_db.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{bench_db}"
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from prevnet.network.models import EngagementEvent, Municipality, Province  # noqa: E402


def populate(n: int) -> None:
    provinces = list(Province.objects.all())
    Municipality.objects.bulk_create(
        Municipality(
            name=f"Municipality {i:05d}",
            province=provinces[i % len(provinces)],
            csd_code=f"{provinces[i % len(provinces)].sgc_code}{i:05d}",
            population=1000 + i,
            population_year=2021,
            membership_status="member" if i % 3 == 0 else "prospective",
        )
        for i in range(n)
    )
    ids = list(Municipality.objects.values_list("pk", flat=True)[: n // 10])
    EngagementEvent.objects.bulk_create(
        EngagementEvent(municipality_id=pk, kind="ccss", started_on="2020-01-01") for pk in ids
    )


def timed(label: str, fn, repeat: int) -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:<40} median {statistics.median(times) * 1000:8.1f} ms"
        f"   max {max(times) * 1000:8.1f} ms   peak Python memory {peak / 1e6:6.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipalities", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    Municipality.objects.all().delete()
    populate(args.municipalities)
    client = Client(HTTP_HOST="127.0.0.1")
    url = "/en/network/municipalities/"

    def stream(response):
        return b"".join(response.streaming_content) if response.streaming else response.content

    print(f"{args.municipalities} municipalities, {os.environ['DATABASE_URL'].split(':')[0]}")
    timed("list page (first page of 50)", lambda: client.get(url), args.repeat)
    timed(
        "list page, filtered (ON, CCSS)",
        lambda: client.get(url, {"province": "ON", "ccss": "yes"}),
        args.repeat,
    )
    timed("list page 40", lambda: client.get(url, {"page": "40"}), args.repeat)
    timed("CSV export (all rows)", lambda: stream(client.get(url, {"format": "csv"})), args.repeat)
    timed("XLSX export (all rows)", lambda: client.get(url, {"format": "xlsx"}), args.repeat)


if __name__ == "__main__":
    main()
