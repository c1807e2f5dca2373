"""Census Profile 2021 CSV: the configured characteristics of Canada, provinces and CSDs.

The files are cp1252 (Latin-1), every SYMBOL column has the same name (each follows the value
column it qualifies, so columns are found by position), and characteristic ids differ between
products, so characteristics are matched by name: the first row of a geography whose stripped
CHARACTERISTIC_NAME equals a configured name. The set is configurable with the
COMMUNITYDATA_CENSUS_CHARACTERISTICS setting (same shape as CHARACTERISTICS).
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prevnet.communitydata.geography import CENSUS_LEVEL, Matcher
from prevnet.communitydata.models import SYMBOLS, CensusValue, Geography
from prevnet.communitydata.reader import StatcanFileError

# key, CHARACTERISTIC_NAME (2021), column ("count": C1_COUNT_TOTAL, "rate": C10_RATE_TOTAL),
# label, risk-factor slug (knowledge), whether a higher value is the risk.
CHARACTERISTICS = [
    ("population", "Population, 2021", "count", gettext_lazy("Population"), "", True),
    (
        "density",
        "Population density per square kilometre",
        "count",
        gettext_lazy("Population density (per km²)"),
        "",
        True,
    ),
    ("age_0_14", "0 to 14 years", "rate", gettext_lazy("Aged 0 to 14 (%)"), "", True),
    ("age_15_64", "15 to 64 years", "rate", gettext_lazy("Aged 15 to 64 (%)"), "", True),
    ("age_65_plus", "65 years and over", "rate", gettext_lazy("Aged 65 and over (%)"), "", True),
    (
        "median_household_income",
        "Median total income of household in 2020 ($)",
        "count",
        gettext_lazy("Median household income ($)"),
        "low-income",
        False,
    ),
    (
        "low_income",
        "Prevalence of low income based on the Low-income measure, after tax (LIM-AT) (%)",
        "count",
        gettext_lazy("Low income, LIM-AT (%)"),
        "low-income",
        True,
    ),
    (
        "unemployment_rate",
        "Unemployment rate",
        "count",
        gettext_lazy("Unemployment rate (%)"),
        "unemployment",
        True,
    ),
    (
        "renters",
        "Renter",
        "rate",
        gettext_lazy("Renter households (%)"),
        "residential-instability",
        True,
    ),
    (
        "shelter_cost_burden",
        "Spending 30% or more of income on shelter costs",
        "rate",
        gettext_lazy("Households spending 30% or more on shelter (%)"),
        "housing-stress",
        True,
    ),
    (
        "lone_parent",
        "Total one-parent families",
        "rate",
        gettext_lazy("One-parent families (%)"),
        "lone-parent-families",
        True,
    ),
    (
        "indigenous",
        "Indigenous identity",
        "rate",
        gettext_lazy("Indigenous identity (%)"),
        "",
        True,
    ),
    (
        "no_diploma",
        "No certificate, diploma or degree",
        "rate",
        gettext_lazy("No certificate, diploma or degree (%)"),
        "low-education",
        True,
    ),
]
REQUIRED = (
    "CENSUS_YEAR",
    "DGUID",
    "ALT_GEO_CODE",
    "GEO_LEVEL",
    "GEO_NAME",
    "CHARACTERISTIC_ID",
    "CHARACTERISTIC_NAME",
    "C1_COUNT_TOTAL",
)
BATCH = 5_000


def characteristics() -> list[tuple]:
    return getattr(settings, "COMMUNITYDATA_CENSUS_CHARACTERISTICS", CHARACTERISTICS)


def label_of(key: str) -> str:
    return next((str(c[3]) for c in characteristics() if c[0] == key), key)


def _open(path):
    """A binary stream of the census CSV (plain, or the data file inside the product's zip)."""
    if zipfile.is_zipfile(path):
        archive = zipfile.ZipFile(path)
        names = [n for n in archive.namelist() if n.lower().endswith(".csv")]
        data = [n for n in names if "data" in n.lower()] or names
        if not data:
            raise StatcanFileError(_("The zip holds no CSV file."))
        return archive.open(data[0])
    return open(path, "rb")


def is_census_file(path) -> bool:
    try:
        with _open(path) as raw:
            head = raw.read(200)
    except (StatcanFileError, OSError, zipfile.BadZipFile):
        return False
    return head.lstrip(b"\xef\xbb\xbf").lstrip(b'"').startswith(b"CENSUS_YEAR")


def import_census(path, progress=None):
    from prevnet.communitydata.importer import Result

    size = Path(path).stat().st_size
    with _open(path) as raw, transaction.atomic():
        counted = io.BufferedReader(raw, 1 << 20)
        first = counted.peek(3)[:3]
        encoding = "utf-8-sig" if first == b"\xef\xbb\xbf" else "cp1252"
        text = io.TextIOWrapper(counted, encoding=encoding, errors="strict", newline="")
        try:
            return _read(csv.reader(text), size, raw, progress, Result())
        except UnicodeDecodeError as exc:
            raise StatcanFileError(
                _("The census file is neither cp1252 nor UTF-8: %(e)s") % {"e": exc}
            ) from exc
        except csv.Error as exc:
            raise StatcanFileError(_("Not valid CSV: %(e)s") % {"e": exc}) from exc


def _read(reader, size, raw, progress, result):
    header = next(reader, None) or []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise StatcanFileError(
            _("Not a Census Profile file: columns missing: %(c)s") % {"c": ", ".join(missing)},
            line=1,
        )
    col = {name: header.index(name) for name in REQUIRED}
    count_col = col["C1_COUNT_TOTAL"]
    rate_col = header.index("C10_RATE_TOTAL") if "C10_RATE_TOTAL" in header else None
    wanted = {c[1]: c for c in characteristics()}
    matcher = Matcher()
    geographies = dict(Geography.objects.values_list("key", "id"))
    seen: set[tuple[int, str]] = set()
    batch: list[CensusValue] = []
    existing = set(CensusValue.objects.values_list("geography_id", "year", "characteristic"))
    for f in reader:
        result.rows += 1
        if len(f) != len(header):
            raise StatcanFileError(
                _("expected %(width)s fields, found %(found)s.")
                % {"width": len(header), "found": len(f)},
                line=reader.line_num,
            )
        spec = wanted.get(f[col["CHARACTERISTIC_NAME"]].strip())
        level = CENSUS_LEVEL.get(f[col["GEO_LEVEL"]].strip().casefold())
        if spec is None or level is None:
            continue
        dguid = f[col["DGUID"]].strip()
        geography_id = geographies.get(dguid)
        if geography_id is None:
            code = f[col["ALT_GEO_CODE"]].strip()
            geography = matcher.new(dguid, f[col["GEO_NAME"]].strip(), dguid, level, code)
            geography.save()
            geography_id = geographies[dguid] = geography.pk
        if (geography_id, spec[0]) in seen:
            continue  # a later row of the same name (a sub-population): the first one counts
        seen.add((geography_id, spec[0]))
        at = count_col if spec[2] == "count" or rate_col is None else rate_col
        raw_value = f[at].strip()
        symbol = f[at + 1].strip()[:4] if at + 1 < len(f) and header[at + 1] == "SYMBOL" else ""
        if raw_value in SYMBOLS:  # some products put the symbol in the value cell itself
            raw_value, symbol = "", symbol or raw_value
        try:
            value = float(raw_value.replace(",", "")) if raw_value else None
            year = int(f[col["CENSUS_YEAR"]])
        except ValueError:
            raise StatcanFileError(
                _("%(v)s is not a number.") % {"v": raw_value[:30]},
                line=reader.line_num,
                column=header[at],
            ) from None
        item = CensusValue(
            geography_id=geography_id,
            year=year,
            characteristic=spec[0],
            characteristic_name=spec[1][:300],
            value=value,
            symbol=symbol,
        )
        if (geography_id, year, spec[0]) in existing:
            result.updated += (
                CensusValue.objects.filter(
                    geography_id=geography_id, year=year, characteristic=spec[0]
                )
                .exclude(value=value, symbol=symbol)
                .update(value=value, symbol=symbol)
            )
        else:
            batch.append(item)
        if len(batch) >= BATCH:
            result.created += len(CensusValue.objects.bulk_create(batch))
            batch = []
        if progress and result.rows % 20_000 == 0:
            progress(result.rows, raw.tell() if hasattr(raw, "tell") else 0, size)
    result.created += len(CensusValue.objects.bulk_create(batch))
    if not result.rows:
        raise StatcanFileError(_("The census file holds no row."), line=1)
    return result
