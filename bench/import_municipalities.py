"""Benchmark: importing a list the size of Canada's census subdivisions (about 5,000 rows).

    .venv/bin/python bench/import_municipalities.py [--rows 5000]

Times a first import (every row created) and a second one (every row unchanged), with the
peak Python memory of each, on a throw-away SQLite database under var/bench/ (or
DATABASE_URL when set to a scratch PostgreSQL database).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prevnet.settings")
if "DATABASE_URL" not in os.environ:
    bench_db = ROOT / "var" / "bench" / "import.sqlite3"
    bench_db.parent.mkdir(parents=True, exist_ok=True)
    bench_db.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{bench_db}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from prevnet.network.importing import import_municipalities  # noqa: E402
from prevnet.network.models import Municipality, Province  # noqa: E402


def write_list(path: Path, rows: int) -> None:
    codes = list(Province.objects.values_list("abbreviation", "sgc_code"))
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "name",
                "province",
                "csd_code",
                "population",
                "population_year",
                "latitude",
                "longitude",
                "membership_status",
            ]
        )
        for i in range(rows):
            abbr, sgc = codes[i % len(codes)]
            writer.writerow(
                [
                    f"Municipality {i:05d}",
                    abbr,
                    f"{sgc}{i:05d}",
                    1000 + i,
                    2021,
                    "50.12345",
                    "-100.54321",
                    "member",
                ]
            )


def timed(label: str, path: Path) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    result = import_municipalities(path)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.ok, result.errors[:5]
    print(
        f"{label:<28} {elapsed:6.2f} s   peak Python memory {peak / 1e6:6.1f} MB   "
        f"created {result.created}, updated {result.updated}, unchanged {result.unchanged}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    Municipality.objects.all().delete()
    path = ROOT / "var" / "bench" / "municipalities.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_list(path, args.rows)
    print(
        f"{args.rows} rows, {path.stat().st_size / 1e6:.2f} MB, "
        f"{os.environ['DATABASE_URL'].split(':')[0]}"
    )
    timed("first import (all created)", path)
    timed("second import (unchanged)", path)


if __name__ == "__main__":
    main()
