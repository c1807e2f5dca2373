"""Generate a synthetic Statistics Canada table in the exact 35-10-0177 format (~1.5 GB CSV).

    .venv/bin/python bench/communitydata_generate.py [var/bench/35100177-eng.zip] [--gb 1.5]

The shape is the real table's: every geography (Canada, provinces and territories, census
metropolitan areas) × every violation × every statistic × every year from 1998, written as
``35100177.csv`` (UTF-8 with a BOM, every field quoted, the real columns) and
``35100177_MetaData.csv`` inside a zip. Values are random but plausible; the symbols appear at
realistic rates (.., x, E, p, r, terminated members). SYNTHETIC: never presented as real figures.
Output under var/ (git-ignored); delete it when done.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere

from prevnet.communitydata.reader import CUBE_COLUMNS, data_header  # noqa: E402

PROVINCES = [
    ("Newfoundland and Labrador", "10"),
    ("Prince Edward Island", "11"),
    ("Nova Scotia", "12"),
    ("New Brunswick", "13"),
    ("Quebec", "24"),
    ("Ontario", "35"),
    ("Manitoba", "46"),
    ("Saskatchewan", "47"),
    ("Alberta", "48"),
    ("British Columbia", "59"),
    ("Yukon", "60"),
    ("Northwest Territories", "61"),
    ("Nunavut", "62"),
]
CMA_NAMES = [
    "St. John's",
    "Halifax",
    "Moncton",
    "Saint John",
    "Saguenay",
    "Québec",
    "Sherbrooke",
    "Trois-Rivières",
    "Montréal",
    "Gatineau",
    "Ottawa",
    "Kingston",
    "Belleville",
    "Peterborough",
    "Oshawa",
    "Toronto",
    "Hamilton",
    "St. Catharines-Niagara",
    "Kitchener-Cambridge-Waterloo",
    "Brantford",
    "Guelph",
    "London",
    "Windsor",
    "Barrie",
    "Greater Sudbury",
    "Thunder Bay",
    "Winnipeg",
    "Regina",
    "Saskatoon",
    "Lethbridge",
    "Calgary",
    "Red Deer",
    "Edmonton",
    "Kelowna",
    "Kamloops",
    "Chilliwack",
    "Abbotsford-Mission",
    "Vancouver",
    "Victoria",
    "Nanaimo",
    "Drummondville",
    "Fredericton",
]
STATISTICS = [
    ("Actual incidents", "Number", "223", 0),
    ("Rate per 100,000 population", "Rate", "257", 2),
    ("Percentage change in rate", "Percent", "239", 2),
    ("Unfounded incidents", "Number", "223", 0),
    ("Percent unfounded", "Percent", "239", 2),
    ("Total cleared", "Number", "223", 0),
    ("Cleared by charge", "Number", "223", 0),
    ("Cleared otherwise", "Number", "223", 0),
    ("Total, persons charged", "Number", "223", 0),
    ("Rate, total persons charged per 100,000 population aged 12 years and over", "Rate", "257", 2),
    ("Total, adult charged", "Number", "223", 0),
    ("Rate, adult charged per 100,000 population aged 18 years and over", "Rate", "257", 2),
    ("Total, youth charged", "Number", "223", 0),
    ("Rate, youth charged per 100,000 population aged 12 to 17 years", "Rate", "257", 2),
    ("Total, youth not charged", "Number", "223", 0),
]
HEADER = data_header(["Violations", "Statistics"])
VIOLATION_WORDS = [
    "assault",
    "robbery",
    "theft",
    "fraud",
    "mischief",
    "breaking and entering",
    "trafficking",
    "possession",
    "weapons",
    "harassment",
    "threats",
    "arson",
    "extortion",
    "counterfeiting",
    "impaired operation",
    "sexual offences",
]


def geographies() -> list[tuple[str, str]]:
    geos = [("Canada", "2021A000011124")]
    geos += [(f"{n} [{c}]", f"2021A0002{c}") for n, c in PROVINCES]
    for i, name in enumerate(CMA_NAMES):
        prov_name, prov = PROVINCES[min(i * len(PROVINCES) // len(CMA_NAMES), 12)]
        code = f"{500 + i:03d}"
        geos.append((f"{name}, {prov_name} [{prov}{code}]", f"2021S0503{code}"))
    return geos


def violations(n: int) -> list[tuple[str, bool]]:
    out = [
        ("Total, all violations [0]", False),
        ("Total, all Criminal Code violations (excluding traffic) [50]", False),
    ]
    rng = random.Random(7)
    for i in range(n - 2):
        code = 1100 + i * 30
        word = VIOLATION_WORDS[i % len(VIOLATION_WORDS)]
        label = f"{word.capitalize()}, level {i % 4 + 1} (synthetic) [{code}]"
        out.append((label, rng.random() < 0.05))
    return out


def metadata(geos, viols, first_year, last_year) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(list(CUBE_COLUMNS))
    w.writerow(
        [
            "Incident-based crime statistics, by detailed violations, Canada, provinces, "
            "territories, Census Metropolitan Areas and Canadian Forces Military Police (SYNTHETIC)",  # noqa: E501
            "35100177",
            "252-0051",
            "https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=3510017701",
            "1;2;3",
            "CURRENT - a cube available to the public and that is current",
            "Annual",
            f"{first_year}-01-01",
            f"{last_year}-01-01",
            3,
        ]
    )
    w.writerow([])
    w.writerow(["Dimension ID", "Dimension name", "Dimension Notes", "Dimension Definitions"])
    w.writerows([[1, "Geography", "", ""], [2, "Violations", "", ""], [3, "Statistics", "", ""]])
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
    for i, (geo, _d) in enumerate(geos, 1):
        w.writerow([1, geo, "", i, "" if i == 1 else 1, "", "", ""])
    for i, (label, terminated) in enumerate(viols, 1):
        w.writerow([2, label, "", i, "" if i == 1 else 1, "t" if terminated else "", "", ""])
    for i, (label, *_rest) in enumerate(STATISTICS, 1):
        w.writerow([3, label, "", i, "", "", "", ""])
    w.writerow([])
    w.writerow(["Symbol Legend"])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def generate(path: Path, target_gb: float) -> None:
    first_year, last_year = 1998, 2023
    years = range(first_year, last_year + 1)
    geos = geographies()
    # ~193 bytes a row: pick the number of violations that reaches the target size.
    n_viol = max(10, int(target_gb * 1e9 / 193 / (len(geos) * len(STATISTICS) * len(years))))
    viols = violations(n_viol)
    rng = random.Random(42)
    base = {(g, v): rng.uniform(1, 500) for g in range(len(geos)) for v in range(len(viols))}
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("35100177_MetaData.csv", metadata(geos, viols, first_year, last_year))
        with z.open("35100177.csv", "w", force_zip64=True) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8", newline="", write_through=False)
            text.write("\ufeff")
            w = csv.writer(text, quoting=csv.QUOTE_ALL, lineterminator="\n")
            w.writerow(HEADER)
            for year in years:
                for gi, (geo, dguid) in enumerate(geos):
                    for vi, (label, terminated) in enumerate(viols):
                        rate = base[(gi, vi)] * (1 + 0.02 * (year - first_year))
                        for si, (stat, uom, uom_id, dec) in enumerate(STATISTICS):
                            draw = rng.random()
                            status = (
                                ".."
                                if draw < 0.03
                                else "x"
                                if draw < 0.04
                                else "E"
                                if draw < 0.06
                                else ""
                            )
                            value = (
                                ""
                                if status in ("..", "x")
                                else (f"{rate:.{dec}f}" if dec else str(int(rate * 3)))
                            )
                            w.writerow(
                                [
                                    year,
                                    geo,
                                    dguid,
                                    label,
                                    stat,
                                    uom,
                                    uom_id,
                                    "units ",
                                    "0",
                                    f"v{(gi * 1000 + vi) * 20 + si}",
                                    f"{gi + 1}.{vi + 1}.{si + 1}",
                                    value,
                                    status,
                                    "p" if year == last_year else "",
                                    "t" if terminated else "",
                                    dec,
                                ]
                            )
                            rows += 1
            text.flush()
            text.detach()
    print(
        f"{path}: {rows:,} rows, {len(geos)} geographies × {len(viols)} violations × "
        f"{len(STATISTICS)} statistics × {len(years)} years"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="var/bench/35100177-eng.zip")
    parser.add_argument("--gb", type=float, default=1.5, help="approximate CSV size")
    args = parser.parse_args()
    generate(Path(args.path), args.gb)
    sys.exit(0)
