"""Server time of a municipality's data page and diagnosis with the full 35-10-0177 loaded.

    DATABASE_URL=sqlite:///var/bench/bench.sqlite3 .venv/bin/python bench/communitydata_page.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/prevnet_cd_bench \
        .venv/bin/python bench/communitydata_page.py

Run after bench/communitydata_import.py (which leaves both databases loaded). Links six
synthetic CMAs to six municipalities (created here), then times the pages with Django's test
client: median and maximum of 15 requests after one warm-up, with the number of queries.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prevnet.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from prevnet.communitydata.models import Geography, Observation  # noqa: E402
from prevnet.network.models import Municipality, Province  # noqa: E402

CITIES = ["Ottawa", "Toronto", "Hamilton", "Kingston", "London", "Windsor"]


def setup() -> list[Municipality]:
    ontario = Province.objects.get(sgc_code="35")
    out = []
    for i, name in enumerate(CITIES):
        m, _ = Municipality.objects.get_or_create(
            csd_code=f"35990{i:02d}",
            defaults={"name": name, "province": ontario, "population": 500_000 + i},
        )
        Geography.objects.filter(level="cma", name__startswith=f"{name},").update(
            municipality=m, match_method="cma"
        )
        out.append(m)
    return out


def timed(client: Client, url: str, params: dict) -> tuple[float, float, int]:
    client.get(url, params)
    times = []
    for _ in range(15):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url, params)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(times), max(times), len(queries)


def main() -> None:
    cities = setup()
    print(f"{connection.vendor}: {Observation.objects.count():,} observations")
    client = Client(HTTP_HOST="localhost")
    own = cities[0]
    pages = [
        (
            "data page, default violation (CSI or first), default peers",
            f"/en/data/municipality/{own.pk}/",
            {},
        ),
        (
            "data page, robbery-like violation, incidents, 5 peers",
            f"/en/data/municipality/{own.pk}/",
            {"violation": "1610", "statistic": "incidents", "peers": [c.pk for c in cities[1:]]},
        ),
        (
            "data page CSV",
            f"/en/data/municipality/{own.pk}/",
            {"violation": "1610", "format": "csv"},
        ),
        ("diagnosis", f"/en/data/municipality/{own.pk}/diagnosis/", {}),
        (
            "compare 6 municipalities × 4 indicators",
            "/en/data/compare/",
            {
                "municipalities": [c.pk for c in cities],
                "indicators": ["crime:0", "crime:1610", "crime:2120", "census:low_income"],
            },
        ),
    ]
    print("| page | median | max | queries |\n|---|---|---|---|")
    for label, url, params in pages:
        median, worst, n = timed(client, url, params)
        print(f"| {label} | {median:.0f} ms | {worst:.0f} ms | {n} |")


if __name__ == "__main__":
    main()
