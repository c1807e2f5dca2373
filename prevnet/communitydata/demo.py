"""Demo community data: SYNTHETIC crime and census figures for the demo municipalities.

Not Statistics Canada figures. The tables are named "demo-crime" and "demo-csi" and titled
"DEMO, synthetic", so nobody takes them for the real 35-10-0177 or 35-10-0026; the values are
drawn from a seeded generator around plausible levels. They go through the real importer (a
hand-made full-table zip), so the demo exercises the same path as a real download. Loading
twice changes nothing (the importer is idempotent; census values are upserted).
"""

from __future__ import annotations

import csv
import io
import random
import tempfile
import zipfile
from pathlib import Path

from django.db import transaction

from prevnet.communitydata.geography import Matcher
from prevnet.communitydata.importer import import_statcan_zip
from prevnet.communitydata.models import CensusValue, Geography
from prevnet.communitydata.reader import CUBE_COLUMNS, data_header
from prevnet.network.models import Municipality, Province

YEARS = range(2013, 2024)
VIOLATIONS = [
    ("Total, all violations [0]", 5200),
    ("Assault, level 1 [1430]", 520),
    ("Sexual assault, level 1 [1330]", 70),
    ("Criminal harassment [1625]", 60),
    ("Robbery [1610]", 60),
    ("Breaking and entering [2120]", 380),
    ("Theft of $5,000 or under [2140]", 1300),
    ("Mischief [2170]", 700),
    ("Possession, cannabis [4140]", 90),
    ("Impaired operation [9210]", 180),
]
STATISTICS = [("Actual incidents", "Number", 0), ("Rate per 100,000 population", "Rate", 2)]
CSI = ["Crime severity index", "Violent crime severity index", "Non-violent crime severity index"]
CENSUS = {  # key: (Canada level, spread)
    "population": (None, 0),
    "density": (None, 0),
    "age_0_14": (16.3, 3),
    "age_15_64": (64.8, 3),
    "age_65_plus": (18.9, 4),
    "median_household_income": (84000, 15000),
    "low_income": (11.1, 4),
    "unemployment_rate": (10.3, 3),
    "renters": (33.3, 10),
    "shelter_cost_burden": (20.9, 6),
    "lone_parent": (16.4, 4),
    "indigenous": (5.0, 4),
    "no_diploma": (18.3, 5),
}
TITLE = "DEMO, synthetic figures (not Statistics Canada data): {}"


def _places():
    demo = list(Municipality.objects.filter(is_demo=True).select_related("province")[:12])
    provinces = sorted({m.province for m in demo}, key=lambda p: p.sgc_code)
    geos = [("Canada", "2021A000011124", None, 1.0)]
    geos += [
        (f"{p.name_en} [{p.sgc_code}]", f"2021A0002{p.sgc_code}", None, 1.0) for p in provinces
    ]
    for m in demo:
        level = random.Random(m.csd_code).uniform(0.6, 1.8)
        geos.append(
            (f"{m.name}, {m.province.name_en} [{m.csd_code}]", f"2021A0005{m.csd_code}", m, level)
        )
    return geos


def _zip(folder: Path, pid: str, dims: list[tuple[str, list[str]]], rows: list[list]) -> Path:
    meta = io.StringIO()
    w = csv.writer(meta, lineterminator="\n")
    w.writerow(list(CUBE_COLUMNS))
    w.writerow(
        [
            TITLE.format(pid),
            pid,
            "",
            "",
            "",
            "DEMO",
            "Annual",
            "2013-01-01",
            "2023-01-01",
            len(dims),
        ]
    )
    w.writerow([])
    w.writerow(["Dimension ID", "Dimension name", "Dimension Notes", "Dimension Definitions"])
    for i, (name, _members) in enumerate(dims, 1):
        w.writerow([i, name, "", ""])
    w.writerow([])
    w.writerow(
        [
            "Dimension ID",
            "Member Name",
            "Classification Code",
            "Member ID",
            "Parent Member ID",
            "Terminated",
            "Member Notes",
            "Member Definitions",
        ]
    )
    for i, (_name, members) in enumerate(dims, 1):
        for j, member in enumerate(members, 1):
            w.writerow([i, member, "", j, "", "", "", ""])
    data = io.StringIO()
    d = csv.writer(data, quoting=csv.QUOTE_ALL, lineterminator="\n")
    d.writerow(data_header(n for n, _m in dims[1:]))
    d.writerows(rows)
    path = folder / f"{pid}.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(f"{pid}.csv", "\ufeff" + data.getvalue())
        z.writestr(f"{pid}_MetaData.csv", "\ufeff" + meta.getvalue())
    return path


def _crime_rows(geos):
    rows = []
    for year in YEARS:
        for gi, (geo, dguid, _m, level) in enumerate(geos, 1):
            rng = random.Random(f"{dguid}{year}")
            for vi, (label, base) in enumerate(VIOLATIONS, 1):
                trend = 1 + random.Random(f"{dguid}{vi}").uniform(-0.04, 0.06) * (year - 2013)
                rate = base * level * trend * rng.uniform(0.93, 1.07)
                for si, (stat, uom, dec) in enumerate(STATISTICS, 1):
                    value = f"{rate:.2f}" if si == 2 else str(round(rate * 5))
                    symbol = "p" if year == 2023 else ""
                    rows.append(
                        [
                            year,
                            geo,
                            dguid,
                            label,
                            stat,
                            uom,
                            "",
                            "units",
                            "0",
                            f"vdemo{gi}{vi}{si}",
                            f"{gi}.{vi}.{si}",
                            value,
                            "",
                            symbol,
                            "",
                            dec,
                        ]
                    )
    return rows


def _csi_rows(geos):
    rows = []
    for year in YEARS:
        for gi, (geo, dguid, _m, level) in enumerate(geos, 1):
            for si, stat in enumerate(CSI, 1):
                trend = 1 + random.Random(f"{dguid}csi{si}").uniform(-0.03, 0.05) * (year - 2013)
                value = 75 * level * trend * random.Random(f"{dguid}{year}{si}").uniform(0.95, 1.05)
                rows.append(
                    [
                        year,
                        geo,
                        dguid,
                        stat,
                        "Index",
                        "",
                        "units",
                        "0",
                        f"vdemocsi{gi}{si}",
                        f"{gi}.{si}",
                        f"{value:.2f}",
                        "",
                        "",
                        "",
                        2,
                    ]
                )
    return rows


def _census(geos) -> int:
    matcher = Matcher()
    n = 0
    for geo, dguid, m, level in geos:
        geography = Geography.objects.filter(key=dguid).first()
        if geography is None:
            geography = matcher.new(dguid, geo, dguid)
            geography.save()
        rng = random.Random(f"census{dguid}")
        for key, (canada, spread) in CENSUS.items():
            if key == "population":
                value = float(m.population or 0) if m else None
            elif key == "density":
                value = round(rng.uniform(200, 2500), 1) if m else None
            else:
                value = round(canada + (rng.uniform(-1, 1) * spread * (level - 0.4) if m else 0), 1)
            if value is None:
                continue
            _obj, created = CensusValue.objects.update_or_create(
                geography=geography,
                year=2021,
                characteristic=key,
                defaults={"value": value, "symbol": "", "characteristic_name": f"DEMO {key}"},
            )
            n += created
    return n


def load() -> str:
    if not Province.objects.exists():
        return "community data: no provinces, nothing loaded"
    geos = _places()
    with tempfile.TemporaryDirectory() as folder, transaction.atomic():
        crime = import_statcan_zip(
            _zip(
                Path(folder),
                "demo-crime",
                [
                    ("Geography", [g[0] for g in geos]),
                    ("Violations", [v[0] for v in VIOLATIONS]),
                    ("Statistics", [s[0] for s in STATISTICS]),
                ],
                _crime_rows(geos),
            )
        )
        csi = import_statcan_zip(
            _zip(
                Path(folder),
                "demo-csi",
                [("Geography", [g[0] for g in geos]), ("Statistics", CSI)],
                _csi_rows(geos),
            )
        )
        census = _census(geos)
    places = len(geos) - 1 - len({g[0] for g in geos if g[1].startswith("2021A0002")})
    return (
        f"community data (SYNTHETIC demo figures): {places} municipalities, "
        f"{crime.created + csi.created} new values, {census} new census values"
    )
