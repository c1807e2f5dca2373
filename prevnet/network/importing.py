"""Import a network's list of municipalities from CSV or XLSX.

Every row is checked before anything is written; one bad row means nothing is saved, and the
result lists every problem with its line (the spreadsheet's line: the header is line 1), its
column and the reason. A municipality already in the registry (same census subdivision code)
is updated, so importing the same file twice is harmless.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from prevnet.network.models import MembershipStatus, Municipality, Province

REQUIRED = ("name", "province", "csd_code")
OPTIONAL = (
    "population",
    "population_year",
    "latitude",
    "longitude",
    "website",
    "membership_status",
    "joined_on",
)
COLUMNS = REQUIRED + OPTIONAL
FIELDS = ("name", "province_id") + OPTIONAL


class ImportFileError(Exception):
    """The file as a whole cannot be read (size, format, encoding, columns)."""


@dataclass
class RowError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = _("line %(line)s") % {"line": self.line} if self.line else _("file")
        return (
            f"{where}, {self.column}: {self.message}" if self.column else f"{where}: {self.message}"
        )


@dataclass
class ImportResult:
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


# --- reading ----------------------------------------------------------------------------------


def _is_xlsx(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        try:
            for row in reader:
                yield reader.line_num, row
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                _("The file is not UTF-8 text (near line %(line)s). Save it as “CSV UTF-8”.")
                % {"line": reader.line_num + 1}
            ) from exc
        except csv.Error as exc:
            raise ImportFileError(
                _("Line %(line)s is not valid CSV: %(error)s")
                % {"line": reader.line_num, "error": exc}
            ) from exc


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise ImportFileError(_("The file is not a readable XLSX workbook.")) from exc
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise ImportFileError(_("The workbook has no sheet."))
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, ["" if value is None else value for value in row]
    finally:
        workbook.close()


def read_table(path: str | Path) -> Iterator[tuple[int, dict]]:
    """(line, {column: value}) for each non-empty row, after checking size and header."""
    path = Path(path)
    size = os.path.getsize(path)
    limit = settings.PREVNET_MAX_IMPORT_BYTES
    if size > limit:
        raise ImportFileError(
            _("The file is %(size)s MB; the largest accepted is %(limit)s MB.")
            % {"size": round(size / 1e6, 1), "limit": round(limit / 1e6, 1)}
        )
    if size == 0:
        raise ImportFileError(_("The file is empty."))
    rows = _xlsx_rows(path) if _is_xlsx(path) else _csv_rows(path)
    header = None
    for line, values in rows:
        if header is None:
            header = [str(v).strip().lower() for v in values]
            _check_header(header)
            continue
        if not any(str(v).strip() for v in values):
            continue
        if len(values) > len(header) and any(str(v).strip() for v in values[len(header) :]):
            raise ImportFileError(
                _("Line %(line)s has more cells than the header has columns.") % {"line": line}
            )
        yield line, dict(zip(header, values, strict=False))
    if header is None:
        raise ImportFileError(_("The file is empty."))


def _check_header(header: list[str]) -> None:
    problems = []
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        problems.append(
            _("unknown columns: %(columns)s (expected: %(expected)s)")
            % {"columns": ", ".join(unknown), "expected": ", ".join(COLUMNS)}
        )
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        problems.append(
            _("missing required columns: %(columns)s") % {"columns": ", ".join(missing)}
        )
    duplicated = sorted({h for h in header if h and header.count(h) > 1})
    if duplicated:
        problems.append(_("repeated columns: %(columns)s") % {"columns": ", ".join(duplicated)})
    if problems:
        raise ImportFileError(_("Header (line 1): ") + "; ".join(problems))


# --- parsing one row --------------------------------------------------------------------------


def _text(value) -> str:
    text = str(value).strip() if value is not None else ""
    if "\x00" in text:
        raise ValueError(_("contains a NUL character, which is not allowed"))
    return text


def _integer(value) -> int | None:
    text = _text(value)
    if not text:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    cleaned = re.sub(r"[\s,\u00a0\u202f]", "", text)
    if not re.fullmatch(r"-?\d+", cleaned):
        raise ValueError(_("“%(value)s” is not a whole number") % {"value": text[:50]})
    return int(cleaned)


def _decimal(value) -> Decimal | None:
    text = _text(value).replace(",", ".")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(_("“%(value)s” is not a number") % {"value": text[:50]}) from exc
    if not number.is_finite():
        raise ValueError(_("“%(value)s” is not a number") % {"value": text[:50]})
    return number.quantize(Decimal("0.00001"))


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(
            _("“%(value)s” is not a date written YYYY-MM-DD") % {"value": text[:50]}
        ) from exc


def _membership_lookup() -> dict[str, str]:
    from django.utils import translation

    lookup = {}
    for value, label in MembershipStatus.choices:
        lookup[value] = value
        for language in ("en", "fr"):
            with translation.override(language):
                lookup[str(label).lower()] = value
    return lookup


def _province_lookup() -> dict[str, Province]:
    lookup = {}
    for province in Province.objects.all():
        for key in (province.abbreviation, province.sgc_code, province.name_en, province.name_fr):
            lookup[key.lower()] = province
    return lookup


PARSERS = {
    "population": _integer,
    "population_year": _integer,
    "latitude": _decimal,
    "longitude": _decimal,
    "joined_on": _date,
}


def _parse(line, row, provinces, memberships, errors) -> dict | None:
    values, failed = {}, False

    def fail(column, message):
        nonlocal failed
        errors.append(RowError(line, column, str(message)))
        failed = True

    for column in COLUMNS:
        raw = row.get(column, "")
        try:
            if column in PARSERS:
                values[column] = PARSERS[column](raw)
            else:
                values[column] = _text(raw)
        except ValueError as exc:
            fail(column, exc)
    code = values.get("csd_code")
    if code is not None and not re.fullmatch(r"\d{7}", code):
        fail(
            "csd_code",
            _("“%(value)s” is not a 7-digit census subdivision code") % {"value": code[:50]},
        )
    province = provinces.get(values.pop("province", "").lower())
    if province is None and row.get("province"):
        fail(
            "province",
            _("“%(value)s” is not a Canadian province or territory")
            % {"value": _text(row["province"])[:50]},
        )
    values["province_id"] = province.pk if province else None
    values["_province"] = province
    status = values.get("membership_status")
    if status:
        values["membership_status"] = memberships.get(status.lower())
        if values["membership_status"] is None:
            fail(
                "membership_status",
                _("“%(value)s” is not one of: prospective, member, former")
                % {"value": status[:50]},
            )
    else:
        values["membership_status"] = MembershipStatus.PROSPECTIVE if province else None
    return None if failed else values


# --- the import --------------------------------------------------------------------------------


PROGRESS_EVERY = 200


def import_municipalities(path: str | Path, *, user=None, progress=None) -> ImportResult:
    """Check every row, then save all of them in one transaction, or none.

    ``progress(rows_read)`` is called every few hundred rows, for a page that shows it.
    """
    result = ImportResult()
    provinces = _province_lookup()
    memberships = _membership_lookup()
    parsed: list[tuple[int, dict]] = []
    seen: dict[str, int] = {}
    try:
        for count, (line, row) in enumerate(read_table(path), start=1):
            result.rows = count
            if progress and count % PROGRESS_EVERY == 0:
                progress(count)
            values = _parse(line, row, provinces, memberships, result.errors)
            if values is None:
                continue
            code = values["csd_code"]
            if code in seen:
                result.errors.append(
                    RowError(
                        line,
                        "csd_code",
                        _("code %(code)s is already on line %(first)s")
                        % {"code": code, "first": seen[code]},
                    )
                )
                continue
            if code:
                seen[code] = line
            parsed.append((line, values))
    except ImportFileError as exc:
        result.errors.append(RowError(0, "", str(exc)))
        return result
    existing = Municipality.objects.in_bulk(list(seen), field_name="csd_code")
    to_save = []
    for line, values in parsed:
        municipality = existing.get(values["csd_code"]) or Municipality(csd_code=values["csd_code"])
        is_new = municipality.pk is None
        province = values.pop("_province")
        changed = [f for f in FIELDS if getattr(municipality, f) != values[f]]
        for name in FIELDS:
            setattr(municipality, name, values[name])
        municipality.province = province
        try:
            # Province and code were checked above (codes across the whole file), so skip
            # the per-row queries and repeated messages Django would produce for them.
            municipality.full_clean(exclude=["province", "csd_code"], validate_unique=False)
        except ValidationError as exc:
            for column, messages in exc.message_dict.items():
                column = "" if column == "__all__" else column
                for message in messages:
                    result.errors.append(RowError(line, column, message))
            continue
        if is_new:
            result.created += 1
        elif changed:
            result.updated += 1
        else:
            result.unchanged += 1
            continue
        to_save.append(municipality)
    if result.errors:
        result.errors.sort(key=lambda error: error.line)
        result.created = result.updated = result.unchanged = 0
        return result
    with transaction.atomic():
        for municipality in to_save:
            municipality._history_user = user
            municipality._change_reason = "import"
            municipality.save()
    return result
