"""Hand-made Statistics Canada files for tests: a small crime table in the 35-10-0177 shape."""

from __future__ import annotations

import csv
import io
import zipfile

from prevnet.communitydata.reader import CUBE_COLUMNS, data_header

HEADER = data_header(["Violations", "Statistics"])

GEOS = [
    (1, "Canada", "2021A000011124", "[11124]"),
    (2, "Ontario [35]", "2021A000235", "[35]"),
    (3, "Alphaville, Ontario [535]", "2021S0503535", "[535]"),
]
VIOLATIONS = [
    (1, "Total, all violations [0]"),
    (2, "Robbery [1610]"),
    (3, "Theft of $5,000 or under [2140]"),
]
STATISTICS = [(1, "Actual incidents", "Number"), (2, "Rate per 100,000 population", "Rate")]


def metadata(pid: str = "35100177", title: str = "Incident-based crime statistics") -> str:
    out = io.StringIO()
    w = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    w.writerow(list(CUBE_COLUMNS))
    w.writerow(
        [
            title,
            pid,
            "252-0051",
            "https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=3510017701",
            "",
            "CURRENT",
            "Annual",
            "1998-01-01",
            "2023-01-01",
            3,
        ]
    )
    w.writerow([])
    w.writerow(["Dimension ID", "Dimension name", "Dimension Notes", "Dimension Definitions"])
    for i, name in enumerate(["Geography", "Violations", "Statistics"], 1):
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
    for mid, name, _dguid, code in GEOS:
        w.writerow([1, name, code, mid, "", "", "", ""])
    for mid, name in VIOLATIONS:
        w.writerow([2, name, "", mid, "" if mid == 1 else 1, "t" if mid == 3 else "", "", ""])
    for mid, name, _uom in STATISTICS:
        w.writerow([3, name, "", mid, "", "", "", ""])
    w.writerow([])
    w.writerow(["Symbol Legend"])
    return "\ufeff" + out.getvalue()


def rows(values: dict | None = None, years=range(2013, 2024)) -> list[list[str]]:
    """Every cell; ``values`` maps (geo id, violation id, statistic id, year) → (value, status,
    symbol, terminated) to override the default value."""
    values = values or {}
    out = []
    for year in years:
        for gid, geo, dguid, _code in GEOS:
            for vid, violation in VIOLATIONS:
                for sid, statistic, uom in STATISTICS:
                    default = (str(100 * gid + 10 * vid + sid + (year - 2013)), "", "", "")
                    value, status, symbol, terminated = values.get((gid, vid, sid, year), default)
                    out.append(
                        [
                            str(year),
                            geo,
                            dguid,
                            violation,
                            statistic,
                            uom,
                            "223",
                            "units ",
                            "0",
                            f"v{gid}{vid}{sid}",
                            f"{gid}.{vid}.{sid}",
                            value,
                            status,
                            symbol,
                            terminated,
                            "0" if sid == 1 else "2",
                        ]
                    )
    return out


def data_csv(header=HEADER, body=None) -> str:
    out = io.StringIO()
    w = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows() if body is None else body)
    return "\ufeff" + out.getvalue()


def make_zip(path, pid="35100177", data=None, meta=None) -> str:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{pid}.csv", (data if data is not None else data_csv()).encode("utf-8"))
        z.writestr(f"{pid}_MetaData.csv", (meta or metadata(pid)).encode("utf-8"))
    return str(path)


CENSUS_HEADER = [
    "CENSUS_YEAR",
    "DGUID",
    "ALT_GEO_CODE",
    "GEO_LEVEL",
    "GEO_NAME",
    "TNR_SF",
    "TNR_LF",
    "DATA_QUALITY_FLAG",
    "CHARACTERISTIC_ID",
    "CHARACTERISTIC_NAME",
    "CHARACTERISTIC_NOTE",
    "C1_COUNT_TOTAL",
    "SYMBOL",
    "C2_COUNT_MEN+",
    "SYMBOL",
    "C3_COUNT_WOMEN+",
    "SYMBOL",
    "C10_RATE_TOTAL",
    "SYMBOL",
    "C11_RATE_MEN+",
    "SYMBOL",
    "C12_RATE_WOMEN+",
    "SYMBOL",
]


def census_csv(path, places, rows_of) -> str:
    """places: (dguid, code, level, name); rows_of(code) → [(name, count, symbol, rate)]."""
    out = io.StringIO()
    w = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(CENSUS_HEADER)
    for dguid, code, level, name in places:
        for i, (char, count, symbol, rate) in enumerate(rows_of(code), 1):
            w.writerow(
                [
                    "2021",
                    dguid,
                    code,
                    level,
                    name,
                    "4.0",
                    "3.1",
                    "0",
                    i,
                    "  " + char,
                    "",
                    count,
                    symbol,
                    "",
                    "",
                    "",
                    "",
                    rate,
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
            )
    with open(path, "wb") as f:
        f.write(out.getvalue().encode("cp1252"))
    return str(path)
